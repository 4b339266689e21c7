import assert from "node:assert/strict";
import { main, type ReproduceIO } from "../../lib/cli/reproduce.ts";
import { repoPath } from "../helpers.ts";

function io(): ReproduceIO & { out: string[] } {
  const out: string[] = [];
  return { out, read: (f) => Deno.readTextFile(repoPath(`data/${f}`)), write: (t) => out.push(t) };
}

Deno.test("reproduce prints every table and the audit summary", async () => {
  const o = io();
  assert.equal(await main([], o), 0);
  const text = o.out.join("\n");
  for (
    const id of [
      "3b-pico",
      "4a-EXP",
      "4a-GA",
      "4a-CBT",
      "4a-older",
      "4b-cohort",
      "4c-smc",
      "4c-direction",
      "4c-subgroups",
    ]
  ) {
    assert.match(text, new RegExp(`== ${id}:`), id);
  }
  assert.match(text, /== Audit: \d+ findings \(5 errors, \d+ warnings, \d+ notes\)/);
  assert.match(text, /smeets2006-psc-ct-wlc/);
  // Leeuw 2008 post: EXP 21/42 vs GA 25/43 under the labelled assumption
  assert.match(text, /Leeuw 2008 post: EXP 21\/42 .* vs GA 25\/43/);
});

Deno.test("reproduce --json gives every table and every finding with check, severity, numbers, explanation", async () => {
  const o = io();
  assert.equal(await main(["--json"], o), 0);
  const doc = JSON.parse(o.out.join(""));
  assert.equal(doc.tables.length, 12);
  const smc = doc.tables.find((t: { table_id: string }) => t.table_id === "4c-smc");
  assert.equal(smc.rows.length, 30);
  // Higgins' I2 recomputed for HRQoL pre-post: (1144.20 - 18) / 1144.20 = 98.43%
  assert.equal(smc.rows[0].I2_higgins, 98.43);
  assert.equal(doc.audit.findings.length, doc.audit.summary.total);
  for (const f of doc.audit.findings) {
    assert.ok(f.check && f.severity && f.numbers && f.explanation, JSON.stringify(f));
  }
  assert.ok(doc.assumptions.some((a: { id: string }) => a.id === "leeuw2008-n-exp"));
});

Deno.test("reproduce rejects unknown arguments and reports unreadable data", async () => {
  const o = io();
  assert.equal(await main(["--xml"], o), 2);
  assert.match(o.out.join(""), /unknown argument\(s\) --xml/);
  const bad: ReproduceIO & { out: string[] } = {
    out: [],
    read: (f) => (f.endsWith("smc_review.csv") ? "id\nx\n" : Deno.readTextFile(repoPath(`data/${f}`))),
    write(t) {
      this.out.push(t);
    },
  };
  assert.equal(await main([], bad), 1);
  assert.match(
    bad.out.join(""),
    /could not load the evidence data: smc_review.csv: header is missing required columns/,
  );
});

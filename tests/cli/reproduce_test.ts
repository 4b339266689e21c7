import assert from "node:assert/strict";
import { main, type ReproduceIO } from "../../lib/cli/reproduce.ts";
import { repoPath } from "../helpers.ts";

function io(edit?: (file: string, text: string) => string): ReproduceIO & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    read: async (f) => {
      const t = await Deno.readTextFile(repoPath(`data/${f}`));
      return edit ? edit(f, t) : t;
    },
    write: (t) => out.push(t),
  };
}

/** Run `main` in-process, capturing what runCli prints to stderr and stdout. */
async function run(args: string[], o: ReproduceIO & { out: string[] }): Promise<{ code: number; stderr: string }> {
  const errors: string[] = [];
  const logs: string[] = [];
  const { error, log } = console;
  console.error = (...a: unknown[]) => errors.push(a.join(" "));
  console.log = (...a: unknown[]) => logs.push(a.join(" "));
  try {
    const code = await main(args, o);
    o.out.push(...logs);
    return { code, stderr: errors.join("\n") };
  } finally {
    console.error = error;
    console.log = log;
  }
}

Deno.test("reproduce prints every table, the responder comparisons with their assumptions, and the audit", async () => {
  const o = io();
  assert.equal((await run([], o)).code, 0);
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
  // Leeuw 2008 post: EXP 21/42 vs GA 25/43 under the labelled assumption, the reconstruction stated
  assert.match(text, /Leeuw 2008 post: EXP 21\/42 \(printed 51%, used 50\.0%/);
  assert.match(text, /vs GA 25\/43 \(printed 58%, used 58\.1%/);
  assert.match(text, /Group sizes 42 EXP \/ 43 GA are an assumption \(assumptions\.csv\)/);
  assert.match(text, /No split of the 85 patients makes all four percentages whole numbers/);
  assert.match(text, /EXP post: 51% of 42 is not a whole number of patients; 21\/42 = 50\.0% is used/);
});

Deno.test("reproduce --json gives every table and every finding with check, severity, numbers, explanation", async () => {
  const o = io();
  assert.equal((await run(["--json"], o)).code, 0);
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
  assert.equal(doc.responders.leeuw2008.n_exp, 42);
  assert.deepEqual(doc.responders.leeuw2008.splits_that_fit, []);
  const post = doc.responders.leeuw2008.timepoints[0].comparison;
  assert.deepEqual([post.groups[0].x, post.groups[1].x], [21, 25]);
  assert.equal(post.difference.level, 95);
  assert.ok("ci_lb" in post.difference && !("lower" in post.difference));
});

Deno.test("reproduce --help exits 0 and describes its options; unknown options are errors", async () => {
  const o = io();
  const h = await run(["--help"], o);
  assert.equal(h.code, 0);
  assert.match(o.out.join("\n"), /--json[\s\S]*--data/);
  const u = await run(["--jsn"], io());
  assert.equal(u.code, 2);
  assert.match(u.stderr, /reproduce: --jsn is not an option of reproduce \(did you mean --json\?\)/);
});

Deno.test("reproduce with unreadable data names the file and the rule", async () => {
  const bad = io((f, t) => (f.endsWith("smc_review.csv") ? "id\nx\n" : t));
  const r = await run([], bad);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /smc_review\.csv: header is missing required columns/);
});

Deno.test("reproduce with an assumption edited to NA: file, 1-based row, column and rule, no stack trace", async () => {
  const na = io((
    f,
    t,
  ) => (f.endsWith("assumptions.csv")
    ? t.replace("leeuw2008-n-exp,leeuw2008,group size EXP,42", "leeuw2008-n-exp,leeuw2008,group size EXP,NA")
    : t)
  );
  const r = await run([], na);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^assumptions\.csv: row 1 \(line 2\), column value must be a number \(leeuw2008-n-exp: group size EXP, used for the Leeuw 2008 comparison\), got "NA"$/,
  );
  // a group size that is not a whole number
  const frac = io((f, t) => (f.endsWith("assumptions.csv") ? t.replace("group size GA,43", "group size GA,42.5") : t));
  const r2 = await run([], frac);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /assumptions\.csv: row 2 \(line 3\), column value must be a whole number/);
});

Deno.test("reproduce as a process: an NA assumption in --data gives one message and no stack trace", async () => {
  const dir = await Deno.makeTempDir({ prefix: "reproduce-na-" });
  try {
    await Deno.mkdir(`${dir}/evidence`);
    for await (const e of Deno.readDir(repoPath("data/evidence"))) {
      if (e.isFile) await Deno.copyFile(repoPath(`data/evidence/${e.name}`), `${dir}/evidence/${e.name}`);
    }
    await Deno.copyFile(repoPath("data/instruments.csv"), `${dir}/instruments.csv`);
    const a = await Deno.readTextFile(`${dir}/evidence/assumptions.csv`);
    await Deno.writeTextFile(`${dir}/evidence/assumptions.csv`, a.replace("group size GA,43", "group size GA,"));
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", repoPath("lib/cli/reproduce.ts"), "--data", dir],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 2, stderr);
    assert.match(stderr, /assumptions\.csv: row 2 \(line 3\), column value must be a number \(leeuw2008-n-ga/);
    assert.doesNotMatch(stderr, /Stack backtrace|\n\s+at /);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

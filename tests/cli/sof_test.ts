/**
 * The sof CLI, called in-process through its exported `main`: every format on the seed's files,
 * filters, atomic output, a committee's decisions file, and bad input answered with one message
 * naming file, row and rule (exit 2), never a stack trace.
 */
import assert from "node:assert/strict";
import { captureCli, type CliOutput, repoPath } from "../helpers.ts";
import { main } from "../../lib/cli/sof.ts";
import { readCsv } from "../../lib/io/csv.ts";

function run(args: string[]): Promise<CliOutput> {
  return captureCli(main, args);
}

const rob = repoPath("data/evidence/rob.csv");
const temps: string[] = [];

/** A temporary file with `text`, removed after the test that made it. */
async function tmpFile(suffix: string, text: string): Promise<string> {
  const f = await Deno.makeTempFile({ suffix });
  temps.push(f);
  await Deno.writeTextFile(f, text);
  return f;
}
const illustrative = repoPath("data/evidence/rob-illustrative.csv");

Deno.test("sof CLI: Markdown by default, all four comparisons, open judgements visible", async () => {
  const r = await run([rob]);
  assert.equal(r.code, 0, r.stderr);
  for (const h of ["continued primary care", "usual IMSR", "waiting list", "SCEDs and cohorts"]) {
    assert.match(r.stdout, new RegExp(`^## .*${h}`, "im"));
  }
  assert.match(r.stdout, /not determined \(open: risk of bias, indirectness/);
  assert.match(r.stdout, /not an official GRADE assessment/);
  assert.match(r.stdout, /MD 2\.56 points lower \(4\.27 lower to 0\.85 lower\)/);
});

Deno.test("sof CLI: --comparison and --outcome filter; --format csv and json", async () => {
  const csv = await run([rob, "--comparison", "waiting-list", "--outcome", "RDQ", "--format", "csv"]);
  assert.equal(csv.code, 0, csv.stderr);
  const rows = readCsv(csv.stdout).rows;
  assert.deepEqual(rows.map((x) => x.id), ["waiting-list-rdq-apt", "waiting-list-rdq-cbt", "waiting-list-rdq-ct"]);
  assert.ok(rows.every((x) => /estimates\.csv row \d+/.test(x.sources)));
  const json = await run([rob, "--comparison", "pio", "--format", "json"]);
  assert.equal(json.code, 0, json.stderr);
  const t = JSON.parse(json.stdout);
  assert.equal(t.comparisons.length, 1);
  assert.equal(t.comparisons[0].id, "pio");
});

Deno.test("sof CLI: --out writes the HTML atomically; illustrative judgements are announced", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = `${dir}/sof.html`;
    const r = await run([illustrative, "--format", "html", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /wrote .*sof\.html \(ILLUSTRATIVE judgements\)/);
    const html = await Deno.readTextFile(out);
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /ILLUSTRATIVE/);
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["sof.html"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("sof CLI: a decisions file changes the certainty and records the reason", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const judgements = `${dir}/rob.csv`;
    await Deno.writeTextFile(
      judgements,
      "study_id,outcome,tool,domain,judgement,support,assessor,illustrative\n" +
        "smeets2006,all,RoB 2,Overall,Low,test,test committee,false\n",
    );
    const decisions = `${dir}/decisions.json`;
    await Deno.writeTextFile(
      decisions,
      JSON.stringify({
        "waiting-list-rdq-ct": {
          indirectness: { population: "no", intervention: "no", comparator: "serious", outcome: "no" },
          overrides: { domains: { imprecision: { rating: "serious", reason: "one trial", by: "test" } } },
        },
      }),
    );
    const r = await run([
      judgements,
      "--comparison",
      "waiting-list",
      "--outcome",
      "CT vs",
      "--decisions",
      decisions,
      "--format",
      "csv",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const row = readCsv(r.stdout).rows.find((x) => x.id === "waiting-list-rdq-ct")!;
    assert.equal(row.certainty, "⨁⨁◯◯ Low");
    assert.match(row.domains, /imprecision: serious \(suggested not serious; decided: one trial\)/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const bad: { name: string; args: () => Promise<string[]> | string[]; stderr: RegExp }[] = [
  {
    name: "an unknown option",
    args: () => [rob, "--comparision", "pio"],
    stderr: /sof: --comparision is not an option of sof \(did you mean --comparison\?\)/,
  },
  {
    name: "an unknown comparison",
    args: () => [rob, "--comparison", "pico"],
    stderr: /--comparison must be one of|--comparison.*primary-care/,
  },
  { name: "an unknown format", args: () => [rob, "--format", "pdf"], stderr: /--format/ },
  { name: "a missing judgements file", args: () => ["nope.csv"], stderr: /sof: judgements\.csv does not exist/ },
  { name: "no judgements file", args: () => [], stderr: /judgements\.csv/ },
  {
    name: "a wrong domain in the judgements",
    args: async () => {
      const f = await tmpFile(
        ".csv",
        "study_id,outcome,tool,domain,judgement,support,assessor,illustrative\n" +
          "smeets2006,all,RoB 2,D1,Low,,A,false\nsmeets2006,all,RoB 2,D8,Low,,A,false\n",
      );
      return [f];
    },
    stderr: /^rob: \w+\.csv: row 2 \(line 3\), column domain must be one of the RoB 2 domains/,
  },
  {
    name: "an unknown study in the judgements",
    args: async () => {
      const f = await tmpFile(
        ".csv",
        "study_id,outcome,tool,domain,judgement,support,assessor,illustrative\nx2000,all,RoB 2,D1,Low,,A,false\n",
      );
      return [f];
    },
    stderr: /row 1 \(line 2\), column study_id must name a study of data\/evidence\/studies\.csv, got "x2000"/,
  },
  {
    name: "a decisions file that is not JSON",
    args: async () => {
      const f = await tmpFile(".json", "{ not json");
      return [rob, "--decisions", f];
    },
    stderr: /sof: --decisions must be a JSON file/,
  },
  {
    name: "an override without a reason in the decisions",
    args: async () => {
      const f = await tmpFile(
        ".json",
        JSON.stringify({
          "waiting-list-rdq-ct": { overrides: { domains: { imprecision: { rating: "serious", reason: "" } } } },
        }),
      );
      return [rob, "--decisions", f, "--comparison", "waiting-list"];
    },
    stderr: /assessCertainty: overrides\.domains\.imprecision\.reason must give a reason/,
  },
  {
    name: "an outcome that matches nothing",
    args: () => [rob, "--outcome", "sleep"],
    stderr: /buildSeedSof: outcome matches no outcome/,
  },
  {
    name: "an output folder that does not exist",
    args: () => [rob, "--out", "/nonexistent-folder/x.md"],
    stderr: /sof: --out cannot be written: folder \/nonexistent-folder does not exist/,
  },
];

for (const c of bad) {
  Deno.test(`sof CLI: ${c.name} exits 2 with one message and no stack trace`, async () => {
    try {
      const r = await run(await c.args());
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, c.stderr);
      assert.ok(!/Stack backtrace|\n\s+at /.test(r.stderr), r.stderr);
      assert.equal(r.stdout, "");
    } finally {
      for (const f of temps.splice(0)) await Deno.remove(f).catch(() => {});
    }
  });
}

Deno.test("sof CLI: --help prints the generated help and exits 0", async () => {
  const r = await run(["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: deno task sof <judgements\.csv> \[options\]/);
  assert.match(r.stdout, /--comparison primary-care\|usual-imsr\|waiting-list\|pio\|all/);
});

/**
 * The benchmark-centres CLI: the example extract gives a table whose numbers equal the library's,
 * --json is the full result, --diagnose reports rates, and bad input gives clear errors (exit 2,
 * no stack trace). The CLI is run in-process through its exported `main`.
 */
import assert from "node:assert/strict";
import { runPractice } from "../practice/_cli.ts";
import { benchmarkCentres, centreTable, indicationFunnel, parseRegistryCsv } from "../../lib/practice/mod.ts";
import { assertClose, repoPath } from "../helpers.ts";

const example = repoPath("data/registry/simulated-registry.csv");
const withError = repoPath("data/registry/simulated-registry-with-error.csv");

Deno.test("benchmark-centres --json on the example equals benchmarkCentres on the parsed file", async () => {
  const r = await runPractice([example, "--outcome", "pdi_responder", "--od", "multiplicative", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const res = JSON.parse(r.stdout);
  const rows = parseRegistryCsv(Deno.readTextFileSync(example)).rows;
  const direct = benchmarkCentres({ rows, outcome: "pdi_responder", od: "multiplicative" });
  assert.equal(res.benchmark.centres.length, 12);
  res.benchmark.centres.forEach((c: { diff: number; zAdj: number }, i: number) => {
    assertClose(c.diff, direct.centres[i].diff, 1e-12, `diff[${i}]`);
    assertClose(c.zAdj, direct.centres[i].zAdj, 1e-12, `zAdj[${i}]`);
  });
  assert.equal(res.indication.type, "proportion");
  // the table in the JSON is the library's centreTable (one flag rule)
  const table = centreTable(direct, { indication: indicationFunnel({ rows, od: "multiplicative" }) });
  assert.deepEqual(res.table.map((t: { flag: string }) => t.flag), table.map((t) => t.flag));
});

Deno.test("benchmark-centres text output: the centre table's rows and flags, and the overdispersion header", async () => {
  const r = await runPractice([example]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Overdispersion: φ = \d+\.\d{3} \(χ² test p [=<] /);
  const rows = parseRegistryCsv(Deno.readTextFileSync(example)).rows;
  const b = benchmarkCentres({ rows });
  const table = centreTable(b, { indication: indicationFunnel({ rows }) });
  for (const t of table) {
    const line = r.stdout.split("\n").find((l) => l.startsWith(`${t.centre} `));
    assert.ok(line, t.centre);
    if (t.flag) assert.ok(line.includes(t.flag), `${t.centre} shows ${t.flag}`);
    if (t.indication) assert.ok(line.includes(t.indication), `${t.centre} indication ${t.indication}`);
  }
});

Deno.test("benchmark-centres --simulate and --diagnose run from the command line arguments", async () => {
  const s = await runPractice(["--simulate", "--centres", "6", "--seed", "3"]);
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /^C06 /m);
  const d = await runPractice([
    "--diagnose",
    "--seed",
    "1",
    "--reps",
    "3",
    "--centres",
    "8",
    "--shortfall",
    "-6",
    "--shortfall-centres",
    "1",
    "--json",
  ]);
  assert.equal(d.code, 0, d.stderr);
  const res = JSON.parse(d.stdout);
  assert.equal(res.reps, 3);
  assert.equal(res.shortfall.low95.n, 3);
  // no over-broad centres: that rate is over nothing, so it is null in JSON and "not available" in text
  assert.equal(res.broad.outcomeLow95.rate, null);
  const t = await runPractice(["--diagnose", "--seed", "1", "--reps", "2", "--centres", "6"]);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /shortfall centre flagged low, 95%\s+not available \(n = 0\)/);
  assert.doesNotMatch(t.stdout, /0\.0% .*\(n = 0\)/);
});

Deno.test("benchmark-centres --help describes every option and exits 0", async () => {
  const h = await runPractice(["--help"]);
  assert.equal(h.code, 0);
  for (
    const o of [
      "simulate",
      "diagnose",
      "outcome",
      "od",
      "mcid",
      "seed",
      "years",
      "centres",
      "indication",
      "dose",
      "centre-sd",
      "shortfall",
      "shortfall-centres",
      "broad-centres",
      "reps",
      "json",
    ]
  ) assert.match(h.stdout, new RegExp(`--${o}\\b`), o);
  assert.match(h.stdout, /unverified/); // the PDI MCID is shown as unverified
});

Deno.test("benchmark-centres: errors name row and column, unknown options and missing files (exit 2)", async () => {
  const e = await runPractice([withError]);
  assert.equal(e.code, 2);
  assert.match(e.stderr, /row 3 \(line 4\), column pdi_post must be <= 70/);
  assert.match((await runPractice([example, "--outcome", "pain"])).stderr, /--outcome must be one of pdi_change/);
  assert.match((await runPractice([example, "--frobnicate"])).stderr, /--frobnicate is not an option/);
  assert.match((await runPractice(["/nonexistent.csv"])).stderr, /file\.csv does not exist/);
  assert.match((await runPractice(["--simulate", "--seed"])).stderr, /--seed needs a value/);
  assert.equal((await runPractice([])).code, 2);
});

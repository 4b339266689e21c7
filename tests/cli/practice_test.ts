/**
 * The benchmark-centres CLI: the example extract gives a table whose numbers equal the library's,
 * --json is the full result, --diagnose reports rates, and bad input gives clear errors.
 */
import assert from "node:assert/strict";
import { parseArgs, runPractice } from "../../lib/cli/practice.ts";
import { benchmarkCentres } from "../../lib/practice/benchmark.ts";
import { parseRegistryCsv } from "../../lib/practice/upload.ts";
import { assertClose, repoPath } from "../helpers.ts";

const example = repoPath("data/registry/simulated-registry.csv");
const withError = repoPath("data/registry/simulated-registry-with-error.csv");

Deno.test("benchmark-centres --json on the example equals benchmarkCentres on the parsed file", () => {
  const r = runPractice([example, "--outcome", "pdi_responder", "--od", "multiplicative", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const res = JSON.parse(r.stdout);
  const direct = benchmarkCentres({
    rows: parseRegistryCsv(Deno.readTextFileSync(example)).rows,
    outcome: "pdi_responder",
    od: "multiplicative",
  });
  assert.equal(res.benchmark.centres.length, 12);
  res.benchmark.centres.forEach((c: { diff: number; zAdj: number }, i: number) => {
    assertClose(c.diff, direct.centres[i].diff, 1e-12, `diff[${i}]`);
    assertClose(c.zAdj, direct.centres[i].zAdj, 1e-12, `zAdj[${i}]`);
  });
  assert.equal(res.indication.type, "proportion");
});

Deno.test("benchmark-centres text output: one line per centre and the overdispersion header", () => {
  const r = runPractice([example]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Overdispersion: phi = \d+\.\d{3}/);
  for (let j = 1; j <= 12; j++) assert.match(r.stdout, new RegExp(`^C${String(j).padStart(2, "0")} `, "m"));
});

Deno.test("benchmark-centres --simulate and --diagnose run from the command line arguments", () => {
  const s = runPractice(["--simulate", "--centres", "6", "--seed", "3"]);
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /^C06 /m);
  const d = runPractice([
    "--diagnose",
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
});

Deno.test("benchmark-centres: errors name row and column, unknown options and missing files", () => {
  const e = runPractice([withError]);
  assert.equal(e.code, 1);
  assert.match(e.stderr, /row 3 \(line 4\), column pdi_post must be <= 70/);
  assert.match(runPractice([example, "--outcome", "pain"]).stderr, /--outcome must be one of pdi_change/);
  assert.match(runPractice([example, "--frobnicate"]).stderr, /--frobnicate is not a known option/);
  assert.match(runPractice(["/nonexistent.csv"]).stderr, /cannot read \/nonexistent\.csv/);
  assert.throws(() => parseArgs(["--seed"]), /--seed must be followed by a number/);
  assert.equal(runPractice([]).code, 2);
});

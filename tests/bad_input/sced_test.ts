/**
 * Bad input to the SCED engine and the `sced` CLI (issue 17), as data: each case runs one call and
 * states what must happen — a `ValidationError` whose message matches, a CLI exit code with a
 * stderr message (and no stack trace), a warning, or (for inputs that used to fail) a value.
 * Plus a property test feeding random malformed long-format CSV to the data parsers.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  analyseScedData,
  bcsmdStudy,
  combineAllMethods,
  combinePValues,
  mbdDesignForScheme,
  mbdTestFast,
  parseScedCsv,
  parseStartsCsv,
  poolBcsmd,
  powerCurve,
  randomAssignment,
  randomizationTest,
  readScedLongCsv,
  readSynthesisCsv,
  replicatedTest,
  scedDataBcsmd,
  scedDataEffectSizes,
  scedDataRandomizationCI,
  type ScedDesign,
  scedEffects,
  scedPower,
  simulateAR1,
  statisticFor,
} from "../../lib/sced/mod.ts";
import { main } from "../../lib/cli/sced.ts";
import { ValidationError } from "../../lib/validate.ts";
import { captureCli, type CliOutput, repoPath } from "../helpers.ts";

type Expect =
  | RegExp
  | { exitCode: number; stderr?: RegExp; stdout?: RegExp }
  | { warning: RegExp }
  | { value: (x: unknown) => boolean; why: string };

interface Case {
  name: string;
  run: () => unknown;
  expect: Expect;
}

function cli(args: string[]): Promise<CliOutput> {
  return captureCli(main, args);
}

const dir = Deno.makeTempDirSync({ prefix: "sced-bad-" });
const file = (name: string, text: string) => {
  Deno.writeTextFileSync(`${dir}/${name}`, text);
  return `${dir}/${name}`;
};
const long = (rows: [string, number, string, string | number][]) =>
  "case,measurement,phase,value\n" + rows.map((r) => r.join(",")).join("\n") + "\n";
const ab = (name: string, values: number[], b: number) =>
  values.map((v, i) => [name, i + 1, i + 1 < b ? "A" : "B", v] as [string, number, string, number]);

const abDesign: ScedDesign = { type: "phase", phases: ["A", "B"], n: 6, limit: 2 };
const labels = [..."AAABBB"];
// Two patients: the first improves (small p), the second gets worse, so its exact p is 1.
const worse = file(
  "worse.csv",
  long([...ab("p1", [9, 8, 9, 8, 3, 2, 3, 2], 5), ...ab("p2", [1, 2, 1, 2, 7, 8, 9, 8], 5)]),
);
const dutch = file(
  "dutch.csv",
  "case;measurement;phase;value\n" +
    [..."AAAABBBB"].map((l, i) => `p1;${i + 1};${l};${l === "A" ? "7,5" : "2,25"}`).join("\n") + "\n",
);
const huge = file("huge.csv", long(ab("p1", [1, 2, 1e308, 2, 1, 0, 1, 0], 5)));
const ababCsv = repoPath("data/sced/onghena1992-abab.csv");
const longCsv = (rows: string[]) => "case,session,phase,value\n" + rows.join("\n") + "\n";
// one case, AB, 6 sessions (3 + 3)
const long2 = readScedLongCsv(longCsv([7, 8, 7, 3, 2, 3].map((v, i) => `p1,${i + 1},${i < 3 ? "A" : "B"},${v}`)));
const flat = readScedLongCsv(longCsv([5, 5, 5, 3, 2, 3].map((v, i) => `p1,${i + 1},${i < 3 ? "A" : "B"},${v}`)));
const twoOutcomes = readScedLongCsv(
  "case,session,phase,value,outcome\n" +
    ["pain", "fear"].flatMap((o) =>
      ["p1", "p2"].flatMap((c) =>
        [1, 2, 3, 4, 5, 6].map((s) => `${c},${s},${s <= 3 ? "A" : "B"},${s + (o === "pain" ? 1 : 0)},${o}`)
      )
    ).join("\n"),
);
// p2 starts B at session 3: outside limit 3
const mbShort = readScedLongCsv(longCsv(
  ["p1", "p2"].flatMap((c, k) =>
    Array.from({ length: 10 }, (_, i) => `${c},${i + 1},${i + 1 >= (k === 0 ? 5 : 3) ? "B" : "A"},${i % 3}`)
  ),
));
const badLong = file("bad-long.csv", "case,session,phase,value\np1,1,A,5\np1,2,A,six\np1,3,B,2\n");

const cases: Case[] = [
  // --- combining p-values (issue 17: Stouffer with one exact p = 1 gave a statistic of -Infinity)
  {
    name: "Stouffer with one p = 1 is refused with a reason, not a statistic of -Infinity",
    run: () => combinePValues([0.01, 1, 0.02], "stouffer"),
    expect: /combinePValues: pvals\[1\] is 1, where Stouffer's z = qnorm\(1 - p\) is -Infinity.*use edgington/,
  },
  {
    name: "the comparison of every method leaves Stouffer out with a warning when a p is 1",
    run: () => combineAllMethods([0.01, 1]),
    expect: { warning: /pvals\[1\] is 1, where Stouffer's z/ },
  },
  {
    name: "Edgington and Fisher accept p = 1 (as SCMA) and stay finite",
    run: () => combineAllMethods([0.01, 1]).results.map((r) => [r.statistic, r.pval]).flat(),
    expect: { value: (x) => (x as number[]).length === 4 && (x as number[]).every(Number.isFinite), why: "finite" },
  },
  {
    name: "a NaN p-value names its index",
    run: () => combinePValues([0.5, NaN], "fisher"),
    expect: /pvals\[1\] must be a number/,
  },
  {
    name: "weights are only used by Stouffer",
    run: () => combinePValues([0.2, 0.3], "fisher", { weights: [1, 2] }),
    expect: /weights are only used by stouffer/,
  },
  // --- values that overflow (issue 17: reported as "no observed value")
  {
    name: "a value of 1e308 is refused as too large, not as a phase without observed values",
    run: () =>
      randomizationTest({
        design: abDesign,
        values: [1e308, 1e308, 1e308, 1, 2, 3],
        labels,
        statistic: "A-B",
      }),
    expect: /values\[0\] must be a finite number between -1e100 and 1e100 \(larger values overflow/,
  },
  {
    name: "Infinity in the fast MBD test names the participant and measurement",
    run: () =>
      mbdTestFast({
        values: [[1, 2, Infinity, 4]],
        scheme: "marascuilo-busk",
        starts: [[2, 3]],
        observed: [3],
        exact: true,
      }),
    expect: /mbdTestFast: values\[0\]\[2\] must be a finite number between -1e100 and 1e100/,
  },
  {
    name: "effect sizes of huge values: an error, never a NaN log response ratio",
    run: () => scedEffects({ A: [1e308, 1e308], B: [1, 2], improvement: "decrease" }),
    expect: /scedEffects: [\s\S]*A\[0\] must be a finite number between -1e100 and 1e100/,
  },
  {
    name: "an SMD whose baseline SD is tiny against the difference overflows with a message, not an infinite SE",
    run: () => scedEffects({ A: [1e-150, 2e-150, 1e-150], B: [1e100, 1e100], improvement: "increase" }),
    expect: /scedEffects: SMD overflowed \(estimate [0-9.e+]+, SE not finite\): the standardiser \(SD\) is too small/,
  },
  // --- randomness needs a seed; misspelt keys are not ignored
  {
    name: "a Monte Carlo test needs a seed",
    run: () =>
      randomizationTest({
        design: abDesign,
        values: [5, 6, 5, 2, 1, 2],
        labels,
        statistic: "A-B",
        method: "monte-carlo",
      }),
    expect: /randomizationTest: seed is required for a Monte Carlo test/,
  },
  {
    name: "a misspelt option key (draw for draws) is an error, not silently the default",
    run: () =>
      randomizationTest({
        design: abDesign,
        values: [5, 6, 5, 2, 1, 2],
        labels,
        statistic: "A-B",
        draw: 100,
      } as never),
    expect: /randomizationTest: .*unknown field\(s\) draw/,
  },
  {
    name: "an unknown design type lists the design types (not zod's raw discriminator message)",
    run: () =>
      randomizationTest({ design: { type: "ABAB" } as never, values: [1, 2], labels: ["A", "B"], statistic: "A-B" }),
    expect: /design: type must be one of "phase", "CRD", "RBD", "ATD", "MBD", got "ABAB"/,
  },
  {
    name: "a replicated test with a fractional seed is a ValidationError (was a RangeError from deriveSeed)",
    run: () =>
      replicatedTest({
        design: abDesign,
        cases: [{ values: [5, 6, 5, 2, 1, 2], labels }],
        statistic: "A-B",
        method: "monte-carlo",
        draws: 99,
        seed: 1.5,
      }),
    expect: /replicatedTest: seed: input must be a whole number, got 1.5/,
  },
  {
    name: "power without a seed: the seed is required",
    run: () => scedPower({ design: abDesign, effect: 1, phi: 0.2 } as never),
    expect: /scedPower: seed is required/,
  },
  {
    name: "a power curve with a fractional seed is a ValidationError (was a RangeError)",
    run: () => powerCurve({ design: abDesign, phi: 0.2, effects: [0, 1], datasets: 5, seed: 1.5 }),
    expect: /powerCurve: seed: input must be a whole number, got 1.5/,
  },
  {
    name: "power's alpha is a significance threshold, a proportion",
    run: () => scedPower({ design: abDesign, effect: 1, phi: 0.2, alpha: 5, seed: 1 }),
    expect: /alpha must be < 1, got 5/,
  },
  {
    name: "an AR(1) series of -1 measurements is refused (never an empty series)",
    run: () => simulateAR1({ n: -1, phi: 0.3, seed: 1 }),
    expect: /simulateAR1: n must be >= 1, got -1/,
  },
  {
    name: "an absurdly long AR(1) series is refused up front",
    run: () => simulateAR1({ n: 1e12, phi: 0.3, seed: 1 }),
    expect: /simulateAR1: n must be <= 100000000/,
  },
  {
    name: "a random assignment needs a whole-number seed",
    run: () => randomAssignment(abDesign, { seed: 0.5 }),
    expect: /randomAssignment: seed must be a whole number, got 0.5/,
  },
  {
    name: "an improvement direction outside decrease/increase/either",
    run: () => statisticFor({ improvement: "down" as never }),
    expect: /statisticFor: improvement must be one of "decrease", "increase", "either"/,
  },
  {
    name: "a seed without draws: an exact test has no randomness",
    run: () => analyseScedData(parseScedCsv(long(ab("p", [5, 6, 5, 2, 1, 2], 4))), { design: "AB", limit: 2, seed: 3 }),
    expect: /sced: seed is only used by a Monte Carlo test/,
  },
  // --- the data and starts files (lib/io/csv.ts: file, 1-based row, line, column, rule)
  {
    name: "data CSV: a value of 1e308 names the file, row, line and column",
    run: () => parseScedCsv(long(ab("p", [1, 1e308, 2, 3], 3)), { name: "diary.csv" }),
    expect: /diary\.csv: row 2 \(line 3\), column value must be a finite number between -1e100 and 1e100/,
  },
  {
    name: "data CSV: a duplicated value column is an error, never the last copy",
    run: () => parseScedCsv("case,measurement,phase,value,value\np,1,A,1,2\n"),
    expect: /data\.csv: header has column "value" twice/,
  },
  {
    name: "data CSV: a repeated measurement names its row",
    run: () => parseScedCsv("case,measurement,phase,value\np,1,A,1\np,1,A,2\np,2,B,3\n"),
    expect: /data\.csv: row 2 \(line 3\), column measurement repeats measurement 1 of case "p"/,
  },
  {
    name: "data CSV: a fractional measurement number",
    run: () => parseScedCsv("case,measurement,phase,value\np,1.5,A,1\n"),
    expect: /row 1 \(line 2\), column measurement must be a whole number/,
  },
  {
    name: "data CSV: an empty file",
    run: () => parseScedCsv(""),
    expect: /data\.csv: file is empty/,
  },
  {
    name: "data CSV saved by a Dutch Excel (; and decimal commas) is read as numbers",
    run: () => parseScedCsv(Deno.readTextFileSync(dutch))[0].values,
    expect: {
      value: (x) => JSON.stringify(x) === JSON.stringify([7.5, 7.5, 7.5, 7.5, 2.25, 2.25, 2.25, 2.25]),
      why: "7.5 and 2.25",
    },
  },
  {
    name: "starts CSV: ; separated (was split on commas only and reported a missing column)",
    run: () => parseStartsCsv("tier;start\n1;5\n1;6\n2;8\n"),
    expect: { value: (x) => JSON.stringify(x) === "[[5,6],[8]]", why: "two tiers" },
  },
  {
    name: "starts CSV: two set columns are ambiguous",
    run: () => parseStartsCsv("tier,case,start\n1,a,5\n"),
    expect: /starts\.csv: header must have only one of the columns set, case, tier, participant/,
  },
  {
    name: "starts CSV: a start of 1 leaves no baseline; the row is named",
    run: () => parseStartsCsv("tier,start\n1,5\n2,1\n", { name: "kl.csv" }),
    expect: /kl\.csv: row 2 \(line 3\), column start must be a whole number >= 2/,
  },
  // --- the CLI (exit 2 for input errors, one message, no stack trace)
  {
    name: "CLI: --limt 2 is an error with a suggestion (it used to run with the default limit 3)",
    run: () => cli([ababCsv, "--design", "ABAB", "--limt", "2"]),
    expect: { exitCode: 2, stderr: /sced: --limt is not an option of sced \(did you mean --limit\?\)/ },
  },
  {
    name: "CLI: --draws without --seed",
    run: () => cli([ababCsv, "--design", "ABAB", "--limit", "4", "--draws", "100"]),
    expect: { exitCode: 2, stderr: /sced: --seed is required with --draws/ },
  },
  {
    name: "CLI: --seed without --draws",
    run: () => cli([ababCsv, "--design", "ABAB", "--limit", "4", "--seed", "1"]),
    expect: { exitCode: 2, stderr: /sced: --seed is only used with --draws/ },
  },
  {
    name: "CLI: a data file that does not exist",
    run: () => cli([`${dir}/nope.csv`, "--design", "AB"]),
    expect: { exitCode: 2, stderr: /sced: data\.csv does not exist, got ".*nope\.csv"/ },
  },
  {
    name: "CLI: an unknown scheme lists the schemes",
    run: () => cli([ababCsv, "--design", "MBD", "--scheme", "koehler"]),
    expect: { exitCode: 2, stderr: /--scheme must be one of wampold-worsham, koehler-levin, marascuilo-busk/ },
  },
  {
    name: "CLI: --design is required",
    run: () => cli([ababCsv]),
    expect: { exitCode: 2, stderr: /sced: --design is required/ },
  },
  {
    name: "CLI: --limit 0",
    run: () => cli([ababCsv, "--design", "ABAB", "--limit", "0"]),
    expect: { exitCode: 2, stderr: /--limit must be >= 1, got 0/ },
  },
  {
    name: "CLI: a value of 1e308 in the data file names the row and column",
    run: () => cli([huge, "--design", "AB", "--limit", "2"]),
    expect: { exitCode: 2, stderr: /huge\.csv: row 3 \(line 4\), column value must be a finite number between/ },
  },
  {
    name: "CLI: --combine stouffer with a patient whose exact p is 1 says why (was statistic -Infinity)",
    run: () => cli([worse, "--design", "AB", "--limit", "2", "--combine", "stouffer"]),
    expect: { exitCode: 2, stderr: /pvals\[1\] is 1, where Stouffer's z .* use edgington/ },
  },
  {
    name: "CLI: --out into a missing folder is refused before the test runs",
    run: () => cli([ababCsv, "--design", "ABAB", "--limit", "4", "--out", `${dir}/missing/out.json`]),
    expect: { exitCode: 2, stderr: /--out cannot be written: folder .*missing does not exist/ },
  },
  {
    name: "CLI: --starts with a phase design",
    run: () => cli([ababCsv, "--design", "ABAB", "--starts", ababCsv]),
    expect: { exitCode: 2, stderr: /--starts is only used with --design MBD/ },
  },
  {
    name: "CLI: a Dutch Excel data file runs (exit 0) and prints p with fmtP",
    run: () => cli([dutch, "--design", "AB", "--limit", "2"]),
    expect: { exitCode: 0, stdout: /p = 0\.2000 \(1 of 5 assignments/ },
  },
  // --- a user's own data: effect sizes, g_AB, RT-CI, synthesis (issue 13)
  {
    name: "long CSV: a text value names the file, row, line and column",
    run: () => readScedLongCsv("case,session,phase,value\np1,1,A,5\np1,2,A,six\n", { name: "mine.csv" }),
    expect: /mine\.csv: row 2 \(line 3\), column value must be a number or empty/,
  },
  {
    name: "long CSV: a repeated session of a case names both rows",
    run: () => readScedLongCsv("case,session,phase,value\np1,1,A,5\np1,1,B,3\n", { name: "mine.csv" }),
    expect: /row 2 \(line 3\), column session repeats session 1 of case "p1" \(first in row 1\)/,
  },
  {
    name: "long CSV: both a session and a measurement column",
    run: () => readScedLongCsv("case,session,measurement,phase,value\np1,1,1,A,5\n"),
    expect: /must have a column session or a column measurement, not both/,
  },
  {
    name: "long CSV: a missing phase column is named, with the columns found",
    run: () => readScedLongCsv("case,session,value\np1,1,5\n", { name: "mine.csv" }),
    expect: /mine\.csv: header is missing required column phase \(found: case, session, value\)/,
  },
  {
    name: "long CSV: only one phase label",
    run: () => readScedLongCsv("case,session,phase,value\np1,1,A,5\np1,2,A,6\n"),
    expect: /phase must have at least two labels/,
  },
  {
    name: "effect sizes: a treatment label not in the file lists the labels",
    run: () => scedDataEffectSizes(long2, { improvement: "decrease", treatment: "C" }),
    expect: /treatment must be one of the phase labels of data\.csv \(A, B\)/,
  },
  {
    name: "effect sizes: an improvement that is not increase/decrease",
    run: () => scedDataEffectSizes(long2, { improvement: "down" as "decrease" }),
    expect: /improvement must be "increase" or "decrease"/,
  },
  {
    name: "effect sizes: a constant baseline gives a null SMD with the reason, not Infinity",
    run: () => scedDataEffectSizes(flat, { improvement: "decrease", es: ["SMD"] }).rows[0],
    expect: {
      value: (x) =>
        (x as { estimate: unknown; warnings: string[] }).estimate === null &&
        /no variation \(SD = 0\)/.test((x as { warnings: string[] }).warnings[0]),
      why: "null SMD with a reason",
    },
  },
  {
    name: "g_AB: a single case cannot give a between-case variance",
    run: () => scedDataBcsmd(long2),
    expect: /at least 2 cases/,
  },
  {
    name: "g_AB: random trend for a reversal design",
    run: () => scedDataBcsmd(long2, { design: "TR", randomTrend: true }),
    expect: /randomTrend is for multiple baseline designs/,
  },
  {
    name: "g_AB: a file with two outcomes needs the outcome chosen",
    run: () => scedDataBcsmd(twoOutcomes),
    expect: /outcome must be chosen: data\.csv has 2 \(pain, fear\)/,
  },
  {
    name: "RT-CI: Monte Carlo without a seed",
    run: () => scedDataRandomizationCI(long2, { draws: 100 }),
    expect: /seed is required with draws/,
  },
  {
    name: "RT-CI: a multiple baseline whose start breaks the limit says which case and what to do",
    run: () => scedDataRandomizationCI(mbShort, { limit: 3 }),
    expect: /case p2 starts B at session 3 of 10, outside the starts .* choose a smaller limit/,
  },
  {
    name: "RT-CI: a design too small for the level (smallest p above alpha) is refused, not unbounded",
    run: () => scedDataRandomizationCI(long2, { limit: 2 }),
    expect: /needs a design with more assignments/,
  },
  {
    name: "pooling: fewer than 2 studies",
    run: () => poolBcsmd([{ label: "a", design: "SCED", estimate: 1, se: 0.2 }]),
    expect: /poolBcsmd: studies must hold at least 2 studies/,
  },
  {
    name: "pooling: an SE of 0 names the study's row",
    run: () =>
      poolBcsmd([{ label: "a", design: "SCED", estimate: 1, se: 0 }, {
        label: "b",
        design: "RCT",
        estimate: 1,
        vi: 0.1,
      }]),
    expect: /studies\[0\]\.se must be a finite number > 0/,
  },
  {
    name: "pooling: both se and vi given",
    run: () =>
      poolBcsmd([{ label: "a", design: "SCED", estimate: 1, se: 0.2, vi: 0.04 }, {
        label: "b",
        design: "RCT",
        estimate: 1,
        vi: 0.1,
      }]),
    expect: /studies\[0\]\.se give exactly one of se and vi/,
  },
  {
    name: "pooling: a NaN estimate",
    run: () =>
      poolBcsmd([{ label: "a", design: "SCED", estimate: NaN, se: 0.2 }, {
        label: "b",
        design: "RCT",
        estimate: 1,
        vi: 0.1,
      }]),
    expect: /studies\[0\]\.estimate must be a finite number/,
  },
  {
    name: "synthesis CSV: a negative variance names the row",
    run: () => readSynthesisCsv("study,design,yi,vi\nT1,RCT,0.4,-0.05\n", { name: "rcts.csv" }),
    expect: /rcts\.csv: row 1 \(line 2\), column vi must be > 0/,
  },
  {
    name: "bcsmdStudy: an infinite g_AB",
    run: () => bcsmdStudy("x", "SCED", { g_AB: Infinity, SE_g_AB: 0.2 }, "increase"),
    expect: /bcsmdStudy: g must have a finite g_AB and an SE_g_AB > 0/,
  },
  {
    name: "power design: Koehler–Levin with fewer admissible starts than tiers",
    run: () => mbdDesignForScheme({ scheme: "koehler-levin", n: 12, limit: 5, participants: 4 }),
    expect: /leaves 3 admissible starts for 4 tiers/,
  },
  {
    name: "CLI --effect-sizes: a bad cell in the data names the row and column",
    run: () => cli([badLong, "--effect-sizes"]),
    expect: { exitCode: 2, stderr: /bad-long\.csv: row 2 \(line 3\), column value must be a number or empty/ },
  },
  {
    name: "CLI --bcsmd on a single case: exit 2 with the reason",
    run: () => cli([ababCsv, "--bcsmd"]),
    expect: { exitCode: 2, stderr: /at least 2 cases/ },
  },
  {
    name: "CLI --bcsmd --design with a design it does not know",
    run: () => cli([ababCsv, "--bcsmd", "--design", "CRD"]),
    expect: { exitCode: 2, stderr: /--design with --bcsmd must be MBD \(or MBP\), TR or a reversal sequence/ },
  },
  {
    name: "CLI --rt-ci --level 100 is refused",
    run: () => cli([ababCsv, "--rt-ci", "--level", "100"]),
    expect: {
      exitCode: 2,
      stderr: /sced-rtci: level must be a percentage in \[1, 100\) or a proportion in \(0, 1\), got 100/,
    },
  },
  {
    name: "CLI --effect-sizes on a Dutch Excel file runs (exit 0)",
    run: () => cli([dutch, "--effect-sizes", "--es", "NAP"]),
    expect: { exitCode: 0, stdout: /p1\s+–\s+NAP\s+1\.0000/ },
  },
];

for (const c of cases) {
  Deno.test(`bad input (sced): ${c.name}`, async () => {
    const e = c.expect;
    if (e instanceof RegExp) {
      let thrown: unknown;
      try {
        await c.run();
      } catch (err) {
        thrown = err;
      }
      assert.ok(thrown instanceof ValidationError, `expected a ValidationError, got ${thrown}`);
      assert.match((thrown as Error).message, e);
      return;
    }
    if ("exitCode" in e) {
      const r = (await c.run()) as { code: number; stdout: string; stderr: string };
      assert.equal(r.code, e.exitCode, `exit code (stderr: ${r.stderr})`);
      if (e.stderr) assert.match(r.stderr, e.stderr);
      if (e.stdout) assert.match(r.stdout, e.stdout);
      assert.doesNotMatch(r.stderr, /Stack backtrace|\n\s+at /);
      return;
    }
    const out = await c.run();
    if ("warning" in e) {
      const w = (out as { warnings: string[] }).warnings;
      assert.ok(w.some((x) => e.warning.test(x)), `warnings: ${JSON.stringify(w)}`);
      return;
    }
    assert.ok(e.value(out), `${e.why}: got ${JSON.stringify(out)}`);
  });
}

Deno.test("bad input (sced): the table holds at least 20 cases", () => {
  assert.ok(cases.length >= 20, `${cases.length} cases`);
});

// --- property test: random malformed long-format CSV never crashes, hangs or leaks NaN
const cell = fc.oneof(
  fc.constantFrom(
    "",
    "NA",
    "abc",
    "1,5",
    "1.5",
    "-0",
    "1e308",
    "-1e309",
    "Infinity",
    "NaN",
    '"3"',
    '"a,b"',
    " 2 ",
    "0x10",
  ),
  fc.integer({ min: -5, max: 40 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 6 }),
);
const columns = fc.shuffledSubarray(["case", "measurement", "phase", "value", "value", "extra", ""], {
  minLength: 0,
  maxLength: 6,
});
const csvText = fc.record({
  header: columns,
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 12 }),
  sep: fc.constantFrom(",", ";", "\t"),
  eol: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
}).map(({ header, rows, sep, eol, bom }) =>
  (bom ? "\uFEFF" : "") + [header.join(sep), ...rows.map((r) => r.join(sep))].join(eol)
);
// well-formed-looking rows too, so that the valid path is exercised
const nearlyValid = fc.array(
  fc.tuple(fc.constantFrom("p1", "p2"), fc.integer({ min: 0, max: 6 }), fc.constantFrom("A", "B", ""), cell),
  { minLength: 1, maxLength: 12 },
).map((rows) => "case,measurement,phase,value\n" + rows.map((r) => r.join(",")).join("\n"));

function checkParsed(text: string): void {
  const t0 = performance.now();
  try {
    const cases = parseScedCsv(text);
    for (const c of cases) {
      assert.ok(typeof c.name === "string" && c.name.length > 0);
      assert.equal(c.values.length, c.labels.length);
      for (const v of c.values) assert.ok(v === null || (Number.isFinite(v) && Math.abs(v) <= 1e100), `value ${v}`);
      for (const l of c.labels) assert.ok(typeof l === "string" && l.length > 0);
    }
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    assert.doesNotMatch(e.message, /NaN|undefined|\[object/);
  }
  try {
    const d = readScedLongCsv(text);
    assert.equal(d.nRows, d.rows.length);
    for (const r of d.rows) {
      assert.ok(Number.isInteger(r.session), `session ${r.session}`);
      assert.ok(r.value === null || (Number.isFinite(r.value) && Math.abs(r.value) <= 1e100), `value ${r.value}`);
    }
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    assert.doesNotMatch(e.message, /NaN|undefined|\[object/);
  }
  try {
    for (const s of readSynthesisCsv(text)) assert.ok(Number.isFinite(s.estimate) && (s.vi ?? s.se!) > 0);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
  }
  try {
    const sets = parseStartsCsv(text);
    for (const s of sets) for (const x of s) assert.ok(Number.isInteger(x) && x >= 2);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
  }
  assert.ok(performance.now() - t0 < 2000, "no hang");
}

Deno.test("property (sced): random malformed long-format CSV gives a ValidationError or valid finite cases", () => {
  fc.assert(fc.property(fc.oneof(csvText, nearlyValid), (text) => checkParsed(text)), { seed: 42, numRuns: 200 });
});

/**
 * Bad input to the meta and effects engines and to the meta CLI (issue 17), as a table: each case
 * names what it feeds and what must come back — an error message (library), an exit code and
 * message on stderr without a stack trace (CLI), or a warning. Then a fast-check property: random
 * malformed CSV text given to analyseStudies gives a ValidationError or finite output, never a
 * crash, NaN or a hang.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { repoPath } from "../helpers.ts";
import { main } from "../../lib/cli/meta.ts";
import {
  analyseStudies,
  confint,
  dependentEffects,
  regtest,
  rma,
  type RmaInput,
  rmaMods,
  rSensitivity,
  subgroup,
  trimfill,
} from "../../lib/meta/mod.ts";
import { ciToSe, escalc, type EscalcData } from "../../lib/effects/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

type Expect =
  | RegExp
  | { warning: RegExp }
  | { exitCode: number; stderr: RegExp; stdout?: RegExp; noStdout?: RegExp };

interface Case {
  name: string;
  run: () => unknown;
  expect: Expect;
}

const morris = repoPath("data/examples/morris2008_smcr.csv");
const bcgText = Deno.readTextFileSync(repoPath("data/examples/bcg.csv"));
const assinkText = Deno.readTextFileSync(repoPath("data/examples/assink2016.csv"));
const tmp = Deno.makeTempDirSync({ prefix: "meta-bad-input-" });
let n = 0;
/** A temporary CSV with `text`; returns its path. */
function csv(text: string): string {
  const path = `${tmp}/case${++n}.csv`;
  Deno.writeTextFileSync(path, text);
  return path;
}

/** Run the CLI in-process and capture its output. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const log = console.log, err = console.error;
  let stdout = "", stderr = "";
  console.log = (...a: unknown[]) => (stdout += a.join(" ") + "\n");
  console.error = (...a: unknown[]) => (stderr += a.join(" ") + "\n");
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    console.log = log;
    console.error = err;
  }
}

const yv = (rows: [number | string, number | string][]) =>
  "study,yi,vi\n" + rows.map(([y, v], i) => `S${i + 1},${y},${v}`).join("\n") + "\n";
const five = { yi: [0.5, 1.0, 1.8, 1.4, 0.1], vi: [0.06, 0.03, 0.23, 0.12, 0.08] };
const bcgNA = bcgText.replace("2,Ferguson & Simes,1949,6,300,29,274,55,", "2,Ferguson & Simes,1949,6,300,29,274,NA,");

const cases: Case[] = [
  // ---- library: rma and friends
  {
    name: "rma: a negative variance names the 1-based row",
    run: () => rma({ yi: [0.1, 0.2], vi: [0.1, -0.2] }),
    expect: /^rma: row 2, vi must be >= 0 \(a sampling variance.*got -0\.2$/,
  },
  {
    name: "rma: vi = 0 with tau2 = 0 stops as metafor (division by zero), naming the row",
    run: () => rma({ yi: [0.1, 0.2, 0.3], vi: [0.1, 0.1, 0] }),
    expect: /^rma: vi = 0 \(row 3\) with tau2 = 0: "Division by zero when computing the inverse variance weights"/,
  },
  {
    name: "rma: vi = 0 with DL stops with metafor's estimator message",
    run: () => rma({ yi: [0.1, 0.9, -0.4], vi: [0.1, 0, 0.1], method: "DL" }),
    expect: /DL estimator cannot be used when there are non-positive sampling variances in the data/,
  },
  {
    name: "rma: vi = 0 with REML and tau2 > 0 fits with metafor's Q-test warning",
    run: () => rma({ yi: [0.1, 0.9, -0.4, 1.2, 0.5], vi: [0.02, 0, 0.05, 0.03, 0.04] }),
    expect: { warning: /Cannot compute Q-test, I\^2, or H\^2 when there are non-positive sampling variances/ },
  },
  {
    name: "regtest: vi = 0 fits as metafor's regtest, with its QE-test warning",
    run: () => regtest(rma({ yi: [0.1, 0.9, -0.4, 1.2, 0.5, 0.3], vi: [0.02, 0, 0.05, 0.03, 0.04, 0.02] })),
    expect: {
      warning: /^regtest: Cannot compute QE-test, I\^2, or H\^2 when there are non-positive sampling variances/,
    },
  },
  {
    name: "regtest: vi = 0 whose refit reaches tau2 = 0 stops as metafor, naming the refit and the row",
    run: () => regtest(rma({ yi: [0.61, 1.08, 0.35, 0.59, 0.37, -0.29], vi: [0.041, 0.086, 0.041, 0.04, 0.053, 0] })),
    expect:
      /^regtest: vi = 0 \(row 6 in the refit with sei as moderator\) with tau2 = 0: "Division by zero when computing/,
  },
  {
    name: "trimfill: vi = 0 whose trimmed refit reaches tau2 = 0 stops as metafor, naming the iteration and the row",
    run: () =>
      trimfill(
        rma({ yi: [0.19, 0.27, 0.48, -0.03, -0.26, 0.32, 0.31], vi: [0.085, 0.036, 0.064, 0.091, 0.051, 0.023, 0] }),
      ),
    expect:
      /^trimfill: vi = 0 \(row 7 in the refit of the 6 studies left after trimming 1 \(iteration 2\)\) with tau2 = 0/,
  },
  {
    name: "subgroup: vi = 0 with REML fits with metafor's QE-test warning",
    run: () => subgroup({ ...five, vi: [0.06, 0, 0.23, 0.12, 0.08], group: ["a", "a", "a", "b", "b"] }),
    expect: {
      warning: /^subgroup: Cannot compute QE-test, I\^2, or H\^2 when there are non-positive sampling variances/,
    },
  },
  {
    name: "subgroup: vi = 0 in a homogeneous subgroup stops its separate fit as metafor, naming the level and the row",
    run: () =>
      subgroup({
        yi: [0.10, 0.12, 0.11, 0.9, -0.3, 1.4],
        vi: [0.02, 0, 0.03, 0.04, 0.05, 0.03],
        group: ["a", "a", "a", "b", "b", "b"],
      }),
    expect:
      /^subgroup: vi = 0 \(row 2 in the separate fit of level "a"\) with tau2 = 0: "Division by zero when computing/,
  },
  {
    name: "rma: yi = 1e308 is an overflow, not 'yi are all equal to 0'",
    run: () => rma({ yi: [1e308, 1e308, 1e308], vi: [0.1, 0.2, 0.3], test: "knha" }),
    expect: /^rma: yi are out of range: the values overflow \(\|yi\| up to 1\.000e\+308/,
  },
  {
    name: "rma: vi = 1e-300 underflows: an error instead of NaN se_tau2, I2, H2",
    run: () => rma({ yi: [0.5, 0.4, 0.2], vi: [1e-300, 0.1, 0.03] }),
    expect: /^rma: vi are out of range: the sampling variances underflow \(vi as small as 1\.000e-300/,
  },
  {
    name: "rma: identical yi under Knapp-Hartung: a clear message, never t = Infinity",
    run: () => rma({ yi: [0.5, 0.5, 0.5], vi: [0.1, 0.2, 0.3], test: "knha" }),
    expect: /^rma: test "knha" is undefined for these data: the effect sizes are all identical \(yi = 0\.5\)/,
  },
  {
    name: "rma: level 0 is refused",
    run: () => rma({ ...five, level: 0 }),
    expect: /^rma: level must be a percentage in \[1, 100\) or a proportion in \(0, 1\)/,
  },
  {
    name: "rma: a misspelt option name is an error, not ignored",
    run: () => rma({ ...five, methd: "DL" } as unknown as RmaInput),
    expect: /^rma: input has unknown field\(s\) methd$/,
  },
  {
    name: "rma: NaN yi names the row",
    run: () => rma({ yi: [0.1, NaN], vi: [0.1, 0.1] }),
    expect: /^rma: row 2, yi must be a finite number, got NaN$/,
  },
  {
    name: "confint: level 100 is refused",
    run: () => confint(rma(five), 100),
    expect: /^confint: level must be a percentage/,
  },
  {
    name: "rmaMods: a one-level factor moderator is an error (not QM(0) = 0)",
    run: () => rmaMods({ ...five, mods: { arm: ["a", "a", "a", "a", "a"] } }),
    expect: /^rmaMods: mods\.arm has only one level \("a"\): a categorical moderator needs at least 2 levels/,
  },
  {
    name: "rmaMods: a NaN moderator names its 1-based row",
    run: () => rmaMods({ ...five, mods: { x: [1, 2, NaN, 4, 5] } }),
    expect: /^rmaMods: row 3, mods\.x must be a finite number .*got NaN$/,
  },
  {
    name: "rmaMods: an empty factor level names its row",
    run: () => rmaMods({ ...five, mods: { arm: ["a", "b", "", "a", "b"] } }),
    expect: /^rmaMods: row 3, mods\.arm is empty or not text/,
  },
  {
    name: "trimfill: k = 2 talks about k, not moderators",
    run: () => trimfill(rma({ yi: [0.2, 0.5], vi: [0.04, 0.03] })),
    expect: /^trimfill: fit\.k must be >= 3 to estimate the side of the missing studies.*with k = 2 give side/,
  },
  {
    name: "subgroup: a single level is an error",
    run: () => subgroup({ ...five, group: ["a", "a", "a", "a", "a"] }),
    expect: /^subgroup: group must have at least 2 different levels \(found only "a"\)/,
  },
  {
    name: "escalc: a negative SD names the 1-based row",
    run: () => escalc("SMCR", { m1i: [1, 2], m2i: [0, 1], sd1i: [1, -2], ni: [10, 10], ri: [0.5, 0.5] }),
    expect: /^escalc: row 2, sd1i must be > 0, got -2$/,
  },
  {
    name: "escalc: a misspelt column name is an error",
    run: () => escalc("MD", { m1: [1] } as unknown as EscalcData),
    expect: /^escalc: input has unknown field\(s\) m1$/,
  },
  {
    name: "rSensitivity: r outside [-1, 1]",
    run: () => rSensitivity({ measure: "SMCR", data: { m1i: [1], m2i: [0], sd1i: [1], ni: [10] }, r: [1.5] }),
    expect: /^rSensitivity: r\[0\] must be <= 1/,
  },
  {
    name: "ciToSe: level 0 is refused",
    run: () => ciToSe(-0.2, 0.6, { level: 0 }),
    expect: /^ciToSe: level must be a percentage/,
  },
  // ---- library: analyseStudies on CSV text
  {
    name: "analyseStudies: an NA moderator drops the study with a warning naming it",
    run: () => analyseStudies(bcgNA, { measure: "RR", mods: ["ablat"] }),
    expect: { warning: /^meta: 1 study with a missing ablat omitted from model fitting: row 2 \(Ferguson & Simes\)$/ },
  },
  {
    name: "analyseStudies: a NaN moderator is an error naming the row",
    run: () => analyseStudies(bcgNA.replace(",NA,", ",NaN,"), { measure: "RR", mods: ["ablat"] }),
    expect: /^meta: row 2, column ablat is NaN \(not a number\)/,
  },
  {
    name: "analyseStudies: a duplicated column is an error (never the last copy)",
    run: () => analyseStudies("study,yi,vi,yi\nA,0.1,0.01,0.5\nB,0.2,0.02,0.6\n"),
    expect: /^meta: CSV: header has column "yi" twice \(columns 2 and 4\)$/,
  },
  {
    name: "analyseStudies: --col naming a missing column",
    run: () => analyseStudies(Deno.readTextFileSync(morris), { measure: "SMCR", cols: { ri: "nonexistent" } }),
    expect:
      /^meta: column nonexistent \(named by --col ri=nonexistent\) is not in the file \(columns: study, m1i, m2i, sd1i, ni, ri\)$/,
  },
  {
    name: "analyseStudies: an empty file",
    run: () => analyseStudies(""),
    expect: /^meta: CSV: file is empty/,
  },
  {
    name: "analyseStudies: a header without rows",
    run: () => analyseStudies("study,yi,vi\n"),
    expect: /^meta: CSV: file must contain at least one data row/,
  },
  {
    name: "analyseStudies: an Infinity cell",
    run: () => analyseStudies(yv([[0.1, 0.01], ["Infinity", 0.02]])),
    expect: /^meta: row 2, column yi must be a finite number \(the value overflows\)/,
  },
  {
    name: "analyseStudies: 1e999 in a cell overflows",
    run: () => analyseStudies(yv([[0.1, 0.01], ["1e999", 0.02]])),
    expect: /^meta: row 2, column yi must be a finite number \(the value overflows\)/,
  },
  {
    name: "analyseStudies: a missing yi cell is an error naming row and column",
    run: () => analyseStudies(yv([[0.1, 0.01], ["", 0.02]])),
    expect: /^meta: row 2, column yi is missing \(a number is required\)/,
  },
  {
    name: "analyseStudies: an unknown option",
    run: () => analyseStudies(yv([[0.1, 0.01]]), { methd: "DL" } as never),
    expect: /^meta: options has an unknown option methd$/,
  },
  {
    name: "analyseStudies: an empty ri without --r names the row",
    run: () =>
      analyseStudies("study,m1i,m2i,sd1i,ni,ri\nA,38.5,30.6,15,20,0.47\nB,26.8,23.5,3.1,50,\n", { measure: "SMCR" }),
    expect: /^meta: row 2, column ri is empty: give an assumed r/,
  },
  {
    name: "analyseStudies: pre-post columns without sd_post for SMCC",
    run: () => analyseStudies("m_pre,m_post,sd_pre,ni,ri\n1,2,1,10,0.5\n", { measure: "SMCC" }),
    expect: /^meta: header has no sd_post column: SMCC needs the post-test SD/,
  },
  // ---- the CLI, in-process
  {
    name: "CLI: a negative variance in a yi,vi CSV is refused (same validation as rma())",
    run: () => cli([csv(yv([[0.1, 0.01], [0.3, -0.02], [0.2, 0.03]]))]),
    expect: { exitCode: 2, stderr: /^meta \(rma\): row 2, column vi must be >= 0/ },
  },
  {
    name: "CLI: vi = 0 names tool, column and 1-based row",
    run: () => cli([csv(yv([[0.1, 0.01], [0.3, 0.02], [0.2, 0]]))]),
    expect: { exitCode: 2, stderr: /^meta \(rma\): .*Division by zero when computing the inverse variance weights/ },
  },
  {
    name: "CLI: yi = 1e308 says the values overflow, prints no Infinity",
    run: () => cli([csv(yv([[1e308, 0.01], [1e308, 0.02], [1e308, 0.03]])), "--test", "knha"]),
    expect: { exitCode: 2, stderr: /values overflow/, noStdout: /Infinity|NaN/ },
  },
  {
    name: "CLI: identical yi under knha: a clear message, no t = Infinity",
    run: () => cli([csv(yv([[0.5, 0.01], [0.5, 0.02], [0.5, 0.03]])), "--test", "knha"]),
    expect: { exitCode: 2, stderr: /"knha" is undefined .* all identical/, noStdout: /Infinity/ },
  },
  {
    name: "CLI: vi = 1e-300 prints no NaN se_tau2, I2, H2",
    run: () => cli([csv(yv([[0.5, "1e-300"], [0.4, 0.1], [0.2, 0.03]]))]),
    expect: { exitCode: 2, stderr: /sampling variances underflow/, noStdout: /NaN/ },
  },
  {
    name: "CLI: two yi columns are an error",
    run: () => cli([csv("study,yi,vi,yi\nA,0.1,0.01,0.5\nB,0.2,0.02,0.6\n")]),
    expect: { exitCode: 2, stderr: /header has column "yi" twice/ },
  },
  {
    name: "CLI: --mods with one NA latitude keeps ablat numeric (QM(1)) and warns",
    run: () => cli([csv(bcgNA), "--measure", "RR", "--mods", "ablat"]),
    expect: {
      exitCode: 0,
      stderr: /warning: meta: 1 study with a missing ablat omitted from model fitting: row 2 \(Ferguson & Simes\)/,
      stdout: /Test of moderators: QM\(1\)/,
    },
  },
  {
    name: "CLI: a one-level factor moderator is an error",
    run: () =>
      cli([
        csv(
          yv([[0.1, 0.01], [0.3, 0.02], [0.2, 0.03]]).replace("vi\n", "vi,arm\n").replace(/\n(S\d,[^\n]+)/g, "\n$1,a"),
        ),
        "--mods",
        "arm",
      ]),
    expect: { exitCode: 2, stderr: /column arm has only one level/ },
  },
  {
    name: "CLI: --col ri=nonexistent",
    run: () => cli([morris, "--measure", "SMCR", "--col", "ri=nonexistent"]),
    expect: {
      exitCode: 2,
      stderr: /^meta: column nonexistent \(named by --col ri=nonexistent\) is not in the file \(columns: /,
    },
  },
  {
    name: "CLI: a NaN moderator names the 1-based row",
    run: () => cli([csv(bcgNA.replace(",NA,", ",NaN,")), "--measure", "RR", "--mods", "ablat"]),
    expect: { exitCode: 2, stderr: /^meta: row 2, column ablat is NaN/ },
  },
  {
    name: "CLI: --bias with k = 2 warns about k, not moderators",
    run: () => cli([csv(yv([[0.2, 0.04], [0.5, 0.03]])), "--bias"]),
    expect: { exitCode: 0, stderr: /trim-and-fill not computed: .*fit\.k must be >= 3/ },
  },
  {
    name: "CLI: --emit-r into a missing folder stops before the analysis",
    run: () => cli([morris, "--measure", "SMCR", "--emit-r", `${tmp}/no/such/folder/x.R`]),
    expect: { exitCode: 2, stderr: /--emit-r cannot be written: folder .* does not exist/, noStdout: /./ },
  },
  {
    name: "CLI: an unknown option is an error with a suggestion",
    run: () => cli([morris, "--mesure", "SMCR"]),
    expect: { exitCode: 2, stderr: /--mesure is not an option of meta \(did you mean --measure\?\)/ },
  },
  {
    name: "CLI: --level 0.95 prints 95% CI (not 0.95% CI)",
    run: () => cli([morris, "--measure", "SMCR", "--level", "0.95"]),
    expect: { exitCode: 0, stderr: /^$/, stdout: /^95% CI \[0\.3512, 1\.4730\]/m },
  },
  {
    name: "CLI: --level 100 is refused",
    run: () => cli([morris, "--measure", "SMCR", "--level", "100"]),
    expect: { exitCode: 2, stderr: /meta: level must be a percentage in \[1, 100\)/ },
  },
  {
    name: "CLI: a missing file",
    run: () => cli([`${tmp}/missing.csv`]),
    expect: { exitCode: 2, stderr: /meta: file does not exist/ },
  },
  {
    name: "CLI: SMCR without ri and without --r",
    run: () => cli([csv("study,m1i,m2i,sd1i,ni\nA,38.5,30.6,15,20\n"), "--measure", "SMCR"]),
    expect: { exitCode: 2, stderr: /column ri is required for SMCR .*--r <value>/ },
  },
  {
    name: "CLI: --help exits 0",
    run: () => cli(["--help"]),
    expect: { exitCode: 0, stderr: /^$/, stdout: /Usage: deno task meta <file\.csv>/ },
  },
  // dependent effect sizes (issue 12): bad combinations and bad ids, through the CLI and the engine
  {
    name: "CLI: --robust without --cluster says CR2 needs the study column",
    run: () => cli([csv(assinkText), "--robust"]),
    expect: { exitCode: 2, stderr: /^meta: robust \(--robust\) needs cluster \(--cluster <study column>\)/ },
  },
  {
    name: "CLI: --rho without --cluster is refused (not silently ignored)",
    run: () => cli([csv(assinkText), "--rho", "0.6"]),
    expect: { exitCode: 2, stderr: /rho \(--rho\) needs cluster/ },
  },
  {
    name: "CLI: --struct CHE without --rho asks for the assumed correlation",
    run: () => cli([csv(assinkText), "--cluster", "study", "--struct", "CHE"]),
    expect: { exitCode: 2, stderr: /rho \(--rho\) is required for struct CHE/ },
  },
  {
    name: "CLI: --struct UN without --outcome",
    run: () => cli([csv(assinkText), "--cluster", "study", "--struct", "UN"]),
    expect: { exitCode: 2, stderr: /outcome \(--outcome <column>\) is required for struct UN/ },
  },
  {
    name: "CLI: --cluster with --subgroup is refused (one effect size per study)",
    run: () => cli([csv(assinkText), "--cluster", "study", "--subgroup", "deltype"]),
    expect: { exitCode: 2, stderr: /subgroup \(--subgroup\) cannot be combined with cluster/ },
  },
  {
    name: "CLI: --cluster with --method DL is refused (rma.mv: REML or ML)",
    run: () => cli([csv(assinkText), "--cluster", "study", "--method", "DL"]),
    expect: { exitCode: 2, stderr: /method must be "REML" or "ML" with cluster/ },
  },
  {
    name: "CLI: --cluster with --test knha explains there is no Knapp-Hartung for rma.mv",
    run: () => cli([csv(assinkText), "--cluster", "study", "--test", "knha"]),
    expect: { exitCode: 2, stderr: /no Knapp-Hartung adjustment\); use --robust/ },
  },
  {
    name: "CLI: --rho 1.5 is out of range",
    run: () => cli([csv(assinkText), "--cluster", "study", "--rho", "1.5"]),
    expect: { exitCode: 2, stderr: /--rho/ },
  },
  {
    name: "CLI: --struct XYZ lists the working models",
    run: () => cli([csv(assinkText), "--cluster", "study", "--struct", "XYZ"]),
    expect: { exitCode: 2, stderr: /CHE.*ML.*CS.*HCS.*UN/ },
  },
  {
    name: "CLI: --cluster naming a column that is not in the file",
    run: () => cli([csv(assinkText), "--cluster", "studie"]),
    expect: { exitCode: 2, stderr: /cluster names column studie, which is not in the file/ },
  },
  {
    name: "CLI: an empty study id names the 1-based row and the column",
    run: () => cli([csv(assinkText.replace("\n1,2,2,", "\n,2,2,")), "--cluster", "study", "--rho", "0.6"]),
    expect: { exitCode: 2, stderr: /row 2, column study is missing \(every effect size needs an id here\)/ },
  },
  {
    name: "CLI: a single study cannot be clustered",
    run: () => cli([csv("study,yi,vi\n1,0.2,0.01\n1,0.4,0.02\n1,0.3,0.03\n"), "--cluster", "study", "--rho", "0.5"]),
    expect: { exitCode: 2, stderr: /^meta \(dependentEffects\): column study must have at least 2 different clusters/ },
  },
  {
    name: "engine: dependentEffects with ML and rho names the right model",
    run: () =>
      dependentEffects({
        yi: [0.1, 0.2, 0.3, 0.4],
        vi: [0.1, 0.1, 0.1, 0.1],
        cluster: [1, 1, 2, 2],
        struct: "ML",
        rho: 0.5,
      }),
    expect: /dependentEffects: rho applies to CHE/,
  },
  {
    name: "engine: trimfill refit option must be metafor or fit",
    run: () => trimfill(rma({ yi: [0.1, 0.5, 0.3, 0.8], vi: [0.01, 0.02, 0.03, 0.04] }), { refit: "knha" as never }),
    expect: /trimfill: refit must be "metafor" or "fit"/,
  },
];

for (const c of cases) {
  Deno.test(`bad input: ${c.name}`, async () => {
    const e = c.expect;
    if (e instanceof RegExp) {
      let thrown: unknown = null;
      try {
        await c.run();
      } catch (err) {
        thrown = err;
      }
      assert.ok(thrown instanceof ValidationError, `expected a ValidationError, got ${thrown}`);
      assert.match((thrown as Error).message, e);
    } else if ("warning" in e) {
      const res = (await c.run()) as { warnings: string[] };
      assert.ok(res.warnings.some((w) => e.warning.test(w)), `warnings: ${JSON.stringify(res.warnings)}`);
    } else {
      const r = (await c.run()) as { code: number; stdout: string; stderr: string };
      assert.equal(r.code, e.exitCode, `exit code; stderr: ${r.stderr}`);
      assert.match(r.stderr.trim(), e.stderr);
      if (e.stdout) assert.match(r.stdout, e.stdout);
      if (e.noStdout) assert.doesNotMatch(r.stdout, e.noStdout);
      assert.doesNotMatch(r.stderr, /Stack backtrace|\n\s+at /, "no stack trace");
    }
  });
}

Deno.test("bad input: the table has at least 25 cases, library and CLI", () => {
  assert.ok(cases.length >= 25, `${cases.length} cases`);
  assert.ok(cases.filter((c) => c.name.startsWith("CLI")).length >= 10);
});

/** Every number in a result is finite (null is allowed for "not available"). */
function assertFiniteDeep(x: unknown, path = "result"): void {
  if (typeof x === "number") assert.ok(Number.isFinite(x), `${path} is ${x}`);
  else if (Array.isArray(x)) x.forEach((v, i) => assertFiniteDeep(v, `${path}[${i}]`));
  else if (x !== null && typeof x === "object") {
    for (const [k, v] of Object.entries(x)) assertFiniteDeep(v, `${path}.${k}`);
  }
}

const COLUMNS = ["study", "yi", "vi", "m1i", "m2i", "sd1i", "sd2i", "ni", "ri", "ai", "bi", "ci", "di", "xi", "x", "g"];
const cell = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.double({ min: -5, max: 5, noNaN: true }).map((x) => x.toFixed(3)),
  fc.integer({ min: -3, max: 60 }).map(String),
  fc.constantFrom("", "NA", "NaN", "abc", "1e308", "1e-300", "0", "-0", "Inf", '"1,5"', " "),
);
const table = fc.record({
  header: fc.uniqueArray(fc.constantFrom(...COLUMNS), { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 9 }), { minLength: 0, maxLength: 8 }),
  sep: fc.constantFrom(",", ";", "\t"),
  dup: fc.boolean(),
}).map(({ header, rows, sep, dup }) =>
  [dup ? [...header, header[0]] : header, ...rows].map((r) => r.join(sep)).join("\n")
);
/** A yi,vi table that is valid except, sometimes, one cell replaced by a malformed one. */
const nearlyValid = fc.record({
  rows: fc.array(
    fc.tuple(
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.double({ min: 0.001, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 9 }),
      fc.constantFrom("a", "b", "c"),
    ),
    { minLength: 1, maxLength: 9 },
  ),
  bad: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 }), cell), { nil: undefined }),
  sep: fc.constantFrom(",", ";", "\t"),
}).map(({ rows, bad, sep }) => {
  const cells = rows.map((r, i) => [`S${i + 1}`, ...r.map(String)]);
  if (bad) cells[bad[0] % cells.length][bad[1]] = bad[2];
  return [["study", "yi", "vi", "x", "g"], ...cells].map((r) => r.join(sep)).join("\n");
});
const options = fc.record({
  measure: fc.constantFrom(undefined, undefined, undefined, "SMCR", "SMCC", "MC", "MD", "RR", "PR"),
  method: fc.constantFrom("REML", "DL", "PM", "FE", "SJ"),
  test: fc.constantFrom("z", "knha"),
  r: fc.constantFrom(undefined, 0.5),
  mods: fc.constantFrom([], ["x"], ["g"]),
  bias: fc.boolean(),
  leave1out: fc.boolean(),
}, { requiredKeys: [] });

let analysed = 0;
Deno.test("property: random malformed CSV text gives a ValidationError or finite output, never a crash or NaN", () => {
  fc.assert(
    fc.property(fc.oneof(nearlyValid, nearlyValid, table, fc.string({ maxLength: 200 })), options, (text, opts) => {
      const clean = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
      let res;
      try {
        res = analyseStudies(text, clean as never);
        if (Deno.env.get("META_PROP_DEBUG")) console.log("analysed", JSON.stringify(clean), text.slice(0, 80));
      } catch (e) {
        if (e instanceof ValidationError) {
          assert.ok(e.message.length > 0 && !/\bNaN\b.*\bNaN\b/.test(e.tool));
          return;
        }
        throw e;
      }
      assertFiniteDeep(res);
      analysed++;
    }),
    { seed: 42, numRuns: 200 },
  );
  assert.ok(analysed > 0, "some random tables are valid and analysed");
});

import assert from "node:assert/strict";
import { main } from "../../lib/cli/sced.ts";
import { captureCli, type CliOutput, readFixture, repoPath } from "../helpers.ts";
import {
  parseScedCsv,
  readScedLongCsv,
  SCED_ES_NAMES,
  scedDataBcsmd,
  scedEffectSize,
  scedRandomizationCI,
} from "../../lib/sced/mod.ts";

/** Run the CLI in-process and capture what it prints. */
export function runSced(args: string[]): Promise<CliOutput> {
  return captureCli(main, args);
}

// The SCRT ABAB fixture (Onghena 1992 hypothetical data) written as a long-format CSV file.
// deno-lint-ignore no-explicit-any
const abab = readFixture<{ cases: any[] }>("sced/cases.json").cases.find((c) => c.id === "scrt-abab-onghena1992");
const dir = Deno.makeTempDirSync({ prefix: "sced-cli-" });
const ababCsv = `${dir}/abab.csv`;
Deno.writeTextFileSync(
  ababCsv,
  "case,measurement,phase,value\n" +
    abab.values.map((v: number, i: number) => `onghena,${i + 1},${abab.phases[i]},${v}`).join("\n"),
);
const data = (f: string) => repoPath(`data/sced/${f}`);

Deno.test("CLI: exact ABAB test reproduces SCRT (165 assignments, PA-PB p = 4/165), p printed with fmtP", async () => {
  const r = await runSced([ababCsv, "--design", "ABAB", "--limit", "4", "--statistic", "PA-PB", "--exact"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /assignments: 165/);
  assert.match(r.stdout, /observed statistic: 2\b/);
  assert.match(r.stdout, /p = 0\.0242 \(4 of 165 assignments/);
  const j = JSON.parse(
    (await runSced([ababCsv, "--design", "ABAB", "--limit", "4", "--statistic", "PA-PB", "--json"])).stdout,
  );
  assert.equal(j.pval, 4 / 165);
  assert.equal(j.assignments, 165);
  assert.equal(j.p, undefined, "the p-value is pval");
  assert.match(j.convention, /observed included/);
});

Deno.test("CLI: a misspelt option is an error with a suggestion, not a silent default (--limt 2)", async () => {
  const r = await runSced([ababCsv, "--design", "ABAB", "--limt", "2", "--statistic", "PA-PB"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--limt is not an option of sced \(did you mean --limit\?\)/);
  assert.equal(r.stdout, "");
  assert.doesNotMatch(r.stderr, /Stack backtrace|\n\s+at /);
  // the intended call gives SCRT's limit-2 result, different from the default limit 3
  const two = JSON.parse(
    (await runSced([ababCsv, "--design", "ABAB", "--limit", "2", "--statistic", "PA-PB", "--json"])).stdout,
  );
  const three = JSON.parse((await runSced([ababCsv, "--design", "ABAB", "--statistic", "PA-PB", "--json"])).stdout);
  assert.notEqual(two.assignments, three.assignments);
});

Deno.test("CLI: --help describes every option and exits 0", async () => {
  const r = await runSced(["--help"]);
  assert.equal(r.code, 0);
  for (
    const opt of [
      "--design",
      "--scheme",
      "--starts",
      "--limit",
      "--max-run",
      "--statistic",
      "--exact",
      "--draws",
      "--seed",
      "--combine",
      "--json",
      "--out",
    ]
  ) assert.match(r.stdout, new RegExp(`${opt.replace(/-/g, "\\-")}\\b`), opt);
});

Deno.test("CLI: MBD with Koehler–Levin start sets, exact and Monte Carlo (--draws --seed)", async () => {
  const args = [
    data("mbd-fear-diary.csv"),
    "--design",
    "MBD",
    "--scheme",
    "koehler-levin",
    "--starts",
    data("mbd-starts-koehler-levin.csv"),
    "--limit",
    "5",
    "--statistic",
    "A-B",
  ];
  const ex = JSON.parse((await runSced([...args, "--json"])).stdout);
  assert.equal(ex.assignments, 24 * 81); // 4! x 3^4
  assert.equal(ex.method, "exact");
  const mc = JSON.parse((await runSced([...args, "--draws", "2000", "--seed", "7", "--json"])).stdout);
  assert.equal(mc.method, "monte-carlo");
  assert.equal(mc.pval, (mc.k + 1) / 2001);
  assert.ok(mc.mcse > 0);
  assert.equal(mc.observed, ex.observed);
  assert.deepEqual(mc.participants, ["participant-1", "participant-2", "participant-3", "participant-4"]);
});

Deno.test("CLI: several patients in a phase design are tested one by one and combined; --out is atomic", async () => {
  const out = `${dir}/abcd.json`;
  const r = await runSced([
    data("abcd-fear-diary.csv"),
    "--design",
    "ABCD",
    "--limit",
    "5",
    "--statistic",
    "A-D",
    "--combine",
    "fisher",
    "--json",
    "--out",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.perCase.length, 3);
  assert.equal(j.perCase[0].assignments, 816); // C(35 - 20 + 3, 3)
  assert.equal(j.combined.method, "fisher");
  assert.equal(j.perCase[0].missing, 1);
  assert.deepEqual(JSON.parse(Deno.readTextFileSync(out)), j);
  assert.deepEqual([...Deno.readDirSync(dir)].filter((e) => e.name.includes(".tmp-")), []);
});

Deno.test("CLI: errors are reported with exit code 2 and one message naming the option", async () => {
  assert.equal((await runSced([])).code, 2);
  const noSeed = await runSced([ababCsv, "--design", "ABAB", "--limit", "4", "--draws", "100"]);
  assert.equal(noSeed.code, 2);
  assert.match(noSeed.stderr, /sced: --seed is required with --draws/);
  const bad = await runSced([ababCsv, "--design", "ABAB", "--limit", "7"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /n must be >= phases × limit \(28\)/);
  const kl = await runSced([data("mbd-fear-diary.csv"), "--design", "MBD", "--scheme", "koehler-levin"]);
  assert.match(kl.stderr, /starts are required for the koehler-levin scheme/);
});

// ---------------------------------------------------------------------------------------------
// --effect-sizes, --bcsmd, --rt-ci (issue 13)

// deno-lint-ignore no-explicit-any
const scdhlm = (f: string) => readFixture<any>(`sced-es/${f}`);
// deno-lint-ignore no-explicit-any
const cbFixture = (fx: any, re: RegExp) => fx.calc_BCSMD.find((c: { call: string }) => re.test(c.call));
const rel = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), 1e-12);

Deno.test("CLI --help describes the analysis options", async () => {
  const r = await runSced(["--help"]);
  for (
    const opt of [
      "--effect-sizes",
      "--es",
      "--improvement",
      "--scale",
      "--intervals",
      "--bcsmd",
      "--ar1",
      "--ma1",
      "--iid",
      "--random-trend",
      "--times",
      "--rt-ci",
      "--baseline",
      "--treatment",
      "--outcome",
      "--level",
    ]
  ) assert.match(r.stdout, new RegExp(`${opt.replace(/-/g, "\\-")}\\b`), opt);
  assert.match(r.stdout, /assume\s+independent measurements/);
});

Deno.test("CLI --effect-sizes: every SingleCaseES effect size per case, equal to the library (es.ts) on the same vectors", async () => {
  const file = data("mbd-fear-diary.csv");
  const r = await runSced([file, "--effect-sizes", "--improvement", "decrease", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.nRows, 120);
  assert.match(j.assumption, /independent measurements/);
  assert.equal(j.rows.length, 4 * SCED_ES_NAMES.length); // one row per case and effect size
  const cases = parseScedCsv(Deno.readTextFileSync(file));
  const p2 = cases[1];
  const A = p2.values.filter((_, i) => p2.labels[i] === "A") as number[];
  const B = p2.values.filter((_, i) => p2.labels[i] === "B") as number[];
  for (const es of ["NAP", "Tau_BC", "SMD", "LRRi", "PND", "IRD"] as const) {
    const want = scedEffectSize(es, A, B, { improvement: "decrease" })[0];
    const got = j.rows.find((x: { case: string; es: string }) => x.case === p2.name && x.es === want.es);
    assert.ok(got, es);
    assert.equal(got.estimate, want.estimate, es);
    assert.equal(got.se, want.se, es);
    assert.equal(got.ci_lb, want.ci_lb, es);
  }
  const text = (await runSced([file, "--effect-sizes", "--es", "NAP,SMD"])).stdout;
  assert.match(text, /improvement = decrease/);
  assert.match(text, /note: SEs and CIs assume independent measurements/);
  assert.match(text, /participant-4\s+–\s+SMD/);
});

Deno.test("CLI --effect-sizes reports each outcome of a file with an outcome column", async () => {
  const csv = `${dir}/two-outcomes.csv`;
  const rows = ["case,session,phase,value,outcome"];
  for (const o of ["pain", "fear"]) {
    for (let s = 1; s <= 8; s++) {
      rows.push(`p1,${s},${s <= 4 ? "A" : "B"},${(o === "pain" ? 7 : 6) - (s > 4 ? 3 : 0) + (s % 2)},${o}`);
    }
  }
  Deno.writeTextFileSync(csv, rows.join("\n"));
  const j = JSON.parse((await runSced([csv, "--effect-sizes", "--es", "NAP", "--json"])).stdout);
  assert.deepEqual(j.rows.map((r: { outcome: string }) => r.outcome), ["pain", "fear"]);
  assert.deepEqual(j.rows.map((r: { estimate: number }) => r.estimate), [1, 1]);
  const g = await runSced([csv, "--bcsmd"]);
  assert.equal(g.code, 2);
  assert.match(g.stderr, /outcome must be chosen: .* has 2 \(pain, fear\)/);
});

Deno.test("CLI --bcsmd reproduces scdhlm calc_BCSMD on the Laski data (AR1 default, --ma1, --iid) and prints the model", async () => {
  const fx = scdhlm("scdhlm_laski.json");
  const file = data("laski1988-mbd.csv");
  for (
    const [flags, re] of [[[], /# defaults/], [["--ma1"], /corStruct = 'MA1'/], [["--iid"], /corStruct = 'IID'/]] as [
      string[],
      RegExp,
    ][]
  ) {
    const want = cbFixture(fx, re);
    const r = await runSced([file, "--bcsmd", ...flags, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.design, "MBP");
    assert.ok(rel(j.g_AB, want.g_AB) < 1e-5, `${flags} g_AB ${j.g_AB} vs ${want.g_AB}`);
    assert.ok(rel(j.SE_g_AB, want.SE_g_AB) < 1e-5, `${flags} SE`);
    assert.ok(rel(j.nu, want.nu) < 1e-5, `${flags} nu`);
    assert.ok(rel(j.ci_lb, want.CI_L) < 1e-5 && rel(j.ci_ub, want.CI_U) < 1e-5, `${flags} CI`);
    // the same as the library call (whose numbers tests/sced/bcsmd_fixtures_test.ts holds to scdhlm)
    const lib = scedDataBcsmd(readScedLongCsv(Deno.readTextFileSync(file)), {
      correlation: flags[0] === "--ma1" ? "MA1" : flags[0] === "--iid" ? "IID" : "AR1",
    });
    assert.equal(j.g_AB, lib.g_AB);
  }
  const text = (await runSced([file, "--bcsmd"])).stdout;
  assert.match(text, /design: MBP \(inferred from the phase sequence\); 8 cases, 128 measurements/);
  assert.match(text, /fixed: outcome ~ 1 \+ trt/);
  assert.match(text, /random: ~1 \| case/);
  assert.match(text, /correlation: corAR1\(~ session \| case\)/);
  assert.match(text, /g_AB = 1\.4049, SE = 0\.2863, nu = 18\.55, 95% CI \[0\.80\d\d, 2\.00\d\d\]/);
});

Deno.test("CLI --bcsmd --random-trend reproduces scdhlm's random-trend model on the Schutte data (--times 5,12)", async () => {
  const fx = scdhlm("scdhlm_schutte.json");
  const want = cbFixture(fx, /RE_base = c\(0, 1\)/);
  const r = await runSced([data("schutte-fatigue-mbd.csv"), "--bcsmd", "--random-trend", "--times", "5,12", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.ok(rel(j.g_AB, want.g_AB) < 1e-5, `g_AB ${j.g_AB} vs ${want.g_AB}`);
  assert.ok(rel(j.SE_g_AB, want.SE_g_AB) < 1e-5);
  assert.ok(rel(j.nu, want.nu) < 1e-5);
  assert.equal(j.model.random, "~1 + I(session^1) | case");
  assert.match(j.model.description, /random case intercepts and slopes, effect at B - A = 7 sessions/);
});

Deno.test("CLI --bcsmd infers a treatment reversal design (Lambert ABAB) and reproduces calc_BCSMD(design = 'TR')", async () => {
  const want = cbFixture(scdhlm("scdhlm_lambert_disruptive.json"), /design = 'TR'/);
  const j = JSON.parse((await runSced([data("lambert2006-disruptive-abab.csv"), "--bcsmd", "--json"])).stdout);
  assert.equal(j.design, "TR");
  assert.ok(rel(j.g_AB, want.g_AB) < 1e-5, `g_AB ${j.g_AB} vs ${want.g_AB}`);
  assert.ok(rel(j.nu, want.nu) < 1e-5);
  const bad = await runSced([data("lambert2006-disruptive-abab.csv"), "--bcsmd", "--random-trend"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /randomTrend is for multiple baseline designs/);
});

Deno.test("CLI --rt-ci: the interval of the library call (rtci.ts) on the same design; per case for a phase design", async () => {
  const r = await runSced([ababCsv, "--rt-ci", "--limit", "4", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.design, "phase");
  const want = scedRandomizationCI({
    design: { type: "phase", phases: ["A", "B", "A", "B"], n: 24, limit: 4 },
    values: abab.values,
    labels: abab.phases,
  });
  assert.equal(j.intervals.length, 1);
  assert.equal(j.intervals[0].assignments, 165);
  for (const k of ["estimate", "ci_lb", "ci_ub", "pval"] as const) assert.equal(j.intervals[0][k], want[k], k);
  const text = (await runSced([ababCsv, "--rt-ci", "--limit", "4"])).stdout;
  assert.match(text, /onghena: ABAB, limit 4, 165 assignments/);
  assert.match(text, /valid only if the start points were randomised/);
  // a multiple baseline over every case: one interval; too many assignments need --draws and --seed
  const mbd = await runSced([data("mbd-fear-diary.csv"), "--rt-ci", "--limit", "3"]);
  assert.equal(mbd.code, 2);
  assert.match(mbd.stderr, /draws are needed: the design has 390625 assignments/);
  const mc = JSON.parse(
    (await runSced([data("mbd-fear-diary.csv"), "--rt-ci", "--limit", "5", "--draws", "999", "--seed", "3", "--json"]))
      .stdout,
  );
  assert.equal(mc.design, "MBD");
  assert.equal(mc.intervals[0].method, "monte-carlo");
  assert.ok(mc.intervals[0].ci_lb <= mc.intervals[0].estimate && mc.intervals[0].estimate <= mc.intervals[0].ci_ub);
});

Deno.test("CLI: options of one analysis are refused with another", async () => {
  const cases: [string[], RegExp][] = [
    [["--effect-sizes", "--bcsmd"], /--bcsmd cannot be combined with --effect-sizes/],
    [["--bcsmd", "--ar1", "--iid"], /--iid cannot be combined with --ar1/],
    [["--effect-sizes", "--ar1"], /--ar1 is only used with --bcsmd/],
    [["--bcsmd", "--statistic", "A-B"], /--statistic is only used with the randomisation test/],
    [["--design", "ABAB", "--level", "90"], /--level is only used with --effect-sizes, --bcsmd or --rt-ci/],
    [["--effect-sizes", "--es", "NAP,Foo"], /--es must list effect sizes among NAP/],
    [["--bcsmd", "--times", "5"], /--times must be two numbers A,B/],
    [["--rt-ci", "--seed", "3"], /--seed is only used with --draws/],
    [["--bcsmd", "--randomtrend"], /did you mean --random-trend/],
  ];
  for (const [args, re] of cases) {
    const r = await runSced([ababCsv, ...args]);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, re, args.join(" "));
    assert.doesNotMatch(r.stderr, /Stack backtrace|\n\s+at /);
  }
});

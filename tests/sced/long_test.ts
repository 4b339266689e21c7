/**
 * The data-level SCED front door (lib/sced/long.ts, synthesis.ts, tiers.ts): a user's long-format
 * CSV read through lib/io/csv.ts; effect sizes equal to the SingleCaseES-checked es.ts on the same
 * vectors; g_AB equal to scdhlm's calc_BCSMD (fixtures) through the data path; the randomisation
 * CI equal to rtci.ts on the design it builds; pooling equal to lib/meta's rma.
 */
import assert from "node:assert/strict";
import {
  bcsmdStudy,
  esNAP,
  esSMD,
  mbdDesignForScheme,
  poolBcsmd,
  readScedLongCsv,
  readSynthesisCsv,
  scedDataBcsmd,
  scedDataEffectSizes,
  scedDataRandomizationCI,
  scedDataSeries,
  scedEsWide,
  scedRandomizationCI,
} from "../../lib/sced/mod.ts";
import { rma, subgroup } from "../../lib/meta/mod.ts";
import { readFixture, repoPath } from "../helpers.ts";

const read = (f: string) => readScedLongCsv(Deno.readTextFileSync(repoPath(`data/sced/${f}`)), { name: f });
const rel = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), 1e-12);

Deno.test("readScedLongCsv: measurement or session, optional outcome, Dutch CSV, file name and rows kept", () => {
  const d = read("mbd-fear-diary.csv");
  assert.equal(d.nRows, 120);
  assert.equal(d.sessionColumn, "measurement");
  assert.deepEqual(d.cases, ["participant-1", "participant-2", "participant-3", "participant-4"]);
  assert.deepEqual(d.outcomes, [""]);
  const dutch = readScedLongCsv(
    "\uFEFFcase;session;phase;value;outcome\r\np1;1;A;6,5;pain\r\np1;2;B;;pain\r\np1;1;A;3;fear\r\n",
    {
      name: "nl.csv",
    },
  );
  assert.deepEqual(dutch.rows.map((r) => r.value), [6.5, null, 3]);
  assert.deepEqual(dutch.outcomes, ["pain", "fear"]);
  assert.equal(dutch.missing, 1);
  assert.match(dutch.dialect, /decimal comma/);
  assert.equal(dutch.file, "nl.csv");
  const lambert = read("lambert2006-disruptive-abab.csv");
  assert.deepEqual(lambert.phases, ["SSR", "RC"]);
  const s = scedDataSeries(lambert)[0];
  assert.equal(s.values.length, s.labels.length);
});

Deno.test("scedDataEffectSizes: every case equals es.ts (held to SingleCaseES) on the same A and B vectors", () => {
  const d = read("abcd-fear-diary.csv");
  const r = scedDataEffectSizes(d, { improvement: "decrease", treatment: "D", level: 0.9 });
  assert.equal(r.level, 90);
  assert.equal(r.missing, 0 + d.rows.filter((x) => x.value === null && (x.phase === "A" || x.phase === "D")).length);
  for (const c of d.cases) {
    const rows = d.rows.filter((x) => x.case === c && x.value !== null).sort((a, b) => a.session - b.session);
    const A = rows.filter((x) => x.phase === "A").map((x) => x.value!);
    const B = rows.filter((x) => x.phase === "D").map((x) => x.value!);
    const nap = esNAP(A, B, { improvement: "decrease", level: 90 });
    const smd = esSMD(A, B, { improvement: "decrease", level: 90 });
    const got = (es: string) => r.rows.find((x) => x.case === c && x.es === es)!;
    assert.deepEqual(
      [got("NAP").estimate, got("NAP").se, got("NAP").ci_lb],
      [nap.estimate, nap.se, nap.ci_lb],
    );
    assert.deepEqual([got("SMD").estimate, got("SMD").se, got("SMD").ci_ub], [smd.estimate, smd.se, smd.ci_ub]);
  }
  const wide = scedEsWide(r);
  assert.equal(wide.rows.length, 3);
  assert.equal(wide.columns[0], "NAP");
  assert.match(r.assumption, /independent measurements/);
});

Deno.test("scedDataBcsmd reproduces calc_BCSMD on all four scdhlm data sets (1e-5) through the CSV path", () => {
  const cases: [string, string, RegExp][] = [
    ["laski1988-mbd.csv", "scdhlm_laski.json", /# defaults/],
    ["saddler2008-writing-quality-mbd.csv", "scdhlm_saddler_quality.json", /# defaults/],
    ["schutte-fatigue-mbd.csv", "scdhlm_schutte.json", /# defaults/],
    ["lambert2006-disruptive-abab.csv", "scdhlm_lambert_disruptive.json", /design = 'TR'/],
  ];
  for (const [file, fixture, re] of cases) {
    // deno-lint-ignore no-explicit-any
    const want = readFixture<any>(`sced-es/${fixture}`).calc_BCSMD.find((c: { call: string }) => re.test(c.call));
    const g = scedDataBcsmd(read(file));
    for (const [k, w] of [["g_AB", want.g_AB], ["SE_g_AB", want.SE_g_AB], ["nu", want.nu]] as const) {
      assert.ok(rel(g[k], w) < 1e-5, `${file} ${k}: ${g[k]} vs ${w}`);
    }
    assert.ok(rel(g.ci_lb, want.CI_L) < 1e-5 && rel(g.ci_ub, want.CI_U) < 1e-5, `${file} CI`);
  }
  // the random-trend model at scdhlm's A = 5, B = 12 (centred at B rather than at 9: the same model)
  // deno-lint-ignore no-explicit-any
  const rt = readFixture<any>("sced-es/scdhlm_schutte.json").calc_BCSMD.find((c: { call: string }) =>
    /RE_base = c\(0, 1\)/.test(c.call)
  );
  const g = scedDataBcsmd(read("schutte-fatigue-mbd.csv"), { randomTrend: true, times: { A: 5, B: 12 } });
  assert.ok(rel(g.g_AB, rt.g_AB) < 1e-5 && rel(g.nu, rt.nu) < 1e-5, `${g.g_AB} vs ${rt.g_AB}`);
  assert.equal(g.model.fixed, "outcome ~ 1 + I(session^1) + trt + I(session_trt^1)");
});

Deno.test("scedDataBcsmd: rows of other phases are left out with a warning; one case is an error", () => {
  const g = scedDataBcsmd(read("abcd-fear-diary.csv"));
  assert.match(g.warnings[0], /rows of phases other than A and B left out/);
  assert.throws(() => scedDataBcsmd(read("onghena1992-abab.csv")), /at least 2 cases/);
});

Deno.test("scedDataRandomizationCI: the interval rtci.ts gives on the design it builds (MBD, Marascuilo–Busk)", () => {
  const csv = "case,session,phase,value\n" + [
    [5, 6, 5, 7, 12, 11, 13, 12, 11, 12, 13, 12],
    [4, 5, 6, 5, 4, 6, 10, 11, 12, 11, 10, 12],
    [6, 5, 6, 7, 6, 5, 6, 7, 12, 13, 12, 11],
  ].flatMap((v, c) => v.map((x, i) => `c${c},${i + 1},${i + 1 >= 5 + 2 * c ? "B" : "A"},${x}`)).join("\n");
  const r = scedDataRandomizationCI(readScedLongCsv(csv), { limit: 3, level: 90 });
  assert.equal(r.design, "MBD");
  const starts = [4, 5, 6, 7, 8, 9, 10];
  const want = scedRandomizationCI({
    design: { type: "MBD", scheme: "marascuilo-busk", n: [12, 12, 12], starts: [starts, starts, starts] },
    cases: [
      { values: [5, 6, 5, 7, 12, 11, 13, 12, 11, 12, 13, 12], start: 5 },
      { values: [4, 5, 6, 5, 4, 6, 10, 11, 12, 11, 10, 12], start: 7 },
      { values: [6, 5, 6, 7, 6, 5, 6, 7, 12, 13, 12, 11], start: 9 },
    ],
  }, { level: 90 });
  for (const k of ["estimate", "ci_lb", "ci_ub", "pval", "assignments"] as const) {
    assert.equal(r.intervals[0][k], want[k], k);
  }
  // too many assignments for an exact interval: a Monte Carlo fallback when asked for
  const big = read("mbd-fear-diary.csv");
  assert.throws(() => scedDataRandomizationCI(big), /draws are needed: the design has 390625 assignments/);
  const mc = scedDataRandomizationCI(big, { fallbackDraws: 500, seed: 9 });
  assert.equal(mc.intervals[0].method, "monte-carlo");
  assert.deepEqual(scedDataRandomizationCI(big, { fallbackDraws: 500, seed: 9 }), mc, "seeded: reproducible");
});

Deno.test("poolBcsmd: lib/meta's rma over all studies and per design, subgroup test; bcsmdStudy orients", () => {
  const rcts = readSynthesisCsv(Deno.readTextFileSync(repoPath("data/sced/simulated-rct-smds.csv")));
  assert.equal(rcts.length, 5);
  const sced = [
    bcsmdStudy("Laski", "SCED", scedDataBcsmd(read("laski1988-mbd.csv")), "increase"),
    bcsmdStudy("Schutte", "SCED", scedDataBcsmd(read("schutte-fatigue-mbd.csv")), "decrease"),
  ];
  assert.ok(sced[1].estimate > 0, "fatigue: a decrease is an improvement");
  const p = poolBcsmd([...sced, ...rcts]);
  const yi = [...sced.map((s) => s.estimate), ...rcts.map((s) => s.estimate)];
  const vi = [...sced.map((s) => s.se! ** 2), ...rcts.map((s) => s.vi!)];
  const all = rma({ yi, vi });
  assert.equal(p.fit.beta, all.beta);
  assert.equal(p.fit.ci_lb, all.ci_lb);
  const rctFit = rma({ yi: yi.slice(2), vi: vi.slice(2) });
  assert.equal(p.strata[1].estimate, rctFit.beta);
  assert.equal(p.difference!.common.QMp, subgroup({ yi, vi, group: p.forest.group }).common.QMp);
  assert.deepEqual(p.forest.group, ["SCED", "SCED", ...Array(5).fill("RCT (simulated)")]);
});

Deno.test("mbdDesignForScheme: the power section's multiple baseline under the test's scheme", () => {
  const mb = mbdDesignForScheme({ scheme: "marascuilo-busk", n: 20, limit: 4, participants: 3 });
  const all = Array.from({ length: 13 }, (_, i) => 5 + i); // limit + 1 .. n - limit + 1
  assert.deepEqual(mb.starts, [all, all, all]);
  const ww = mbdDesignForScheme({ scheme: "wampold-worsham", n: 30, limit: 5, participants: 4 });
  assert.deepEqual(ww.starts, [[8], [13], [18], [23]]);
  assert.throws(
    () => mbdDesignForScheme({ scheme: "koehler-levin", n: 12, limit: 5, participants: 4 }),
    /leaves 3 admissible starts for 4 tiers/,
  );
});

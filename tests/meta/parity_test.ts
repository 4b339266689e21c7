/**
 * The five departures from metafor 3.8.1 found by the randomised differential test (issue 12),
 * each pinned by a test that states metafor's behaviour. Reference numbers: the metafor-diag
 * fixtures (`trimfill`, `R2`) and the rules of metafor's `rma.uni` for non-positive variances.
 */
import assert from "node:assert/strict";
const assertEquals = (a: unknown, b: unknown, msg?: string) => assert.deepStrictEqual(a, b, msg);
const assertMatch = (s: string, re: RegExp) => assert.match(s, re);
function assertThrows(f: () => unknown, cls?: unknown, msg?: string): Error {
  try {
    f();
  } catch (e) {
    if (cls && !(e instanceof (cls as typeof Error))) throw e;
    if (msg && !(e as Error).message.includes(msg)) throw new Error(`"${(e as Error).message}" lacks "${msg}"`);
    return e as Error;
  }
  throw new Error("expected an error");
}
import { assertClose, readFixture } from "../helpers.ts";
import { rma, rmaMods, subgroup, trimfill } from "../../lib/meta/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import { emitR } from "../../lib/cli/meta.ts";
import { analyseStudies } from "../../lib/meta/mod.ts";

type Any = any;
const FILES = ["bcg_rr", "normand1999_smd", "hackshaw1998_or"];
const ITER = 1e-5;

// 1. trimfill: metafor refits the filled-in data with test "z" and level 95, whatever the fit's.
for (const file of FILES) {
  const d = readFixture(`metafor-diag/${file}.json`);
  const yi: number[] = d.escalc.yi, vi: number[] = d.escalc.vi;
  for (const id of ["REML_knha", "REML_z", "FE_z", "FE_R0"]) {
    const ref: Any = d.trimfill[id];
    Deno.test(`parity trimfill ${file} ${id}: ${ref.call} refits with test ${ref.refit_test}`, () => {
      const method = id.startsWith("FE") ? "FE" : "REML";
      const fit = rma({ yi, vi, method, test: id === "REML_knha" ? "knha" : "z" });
      const tf = trimfill(fit, { estimator: id === "FE_R0" ? "R0" : "L0" });
      assertEquals(tf.k0, ref.k0);
      assertEquals(tf.side, ref.side);
      assertEquals(tf.fit.test, ref.refit_test, "metafor's refit test");
      assertEquals(tf.fit.k, ref.k_all);
      assertEquals(tf.refit, "metafor");
      assertClose(tf.se_k0, ref.se_k0, 1e-8, "se_k0");
      for (const key of ["beta", "se", "pval", "ci_lb", "ci_ub"] as const) {
        assertClose(tf.fit[key], ref[key][0], ITER, key);
      }
      assertClose(tf.fit.tau2, ref.tau2, ITER, "tau2", 1e-10);
      assertClose(tf.fit.QE, ref.QE, ITER, "QE");
      const filledY = tf.fit.yi.filter((_, i) => tf.fill[i]);
      (ref.filled_yi ?? []).forEach((y: number, i: number) => assertClose(filledY[i], y, ITER, `filled_yi[${i}]`));
    });
  }
}

Deno.test("parity trimfill: refit 'fit' keeps the Knapp-Hartung test on request (an explicit, reported option)", () => {
  const d = readFixture(`metafor-diag/bcg_rr.json`);
  const fit = rma({ yi: d.escalc.yi, vi: d.escalc.vi, method: "REML", test: "knha", level: 90 });
  const asMetafor = trimfill(fit);
  assertEquals([asMetafor.fit.test, asMetafor.fit.level, asMetafor.refit], ["z", 95, "metafor"]);
  const keep = trimfill(fit, { refit: "fit" });
  assertEquals([keep.fit.test, keep.fit.level, keep.refit], ["knha", 90, "fit"]);
  assertEquals(keep.k0, asMetafor.k0);
  assert(keep.fit.ddf !== null);
  assertThrows(() => trimfill(fit, { refit: "same" as never }), ValidationError, 'refit must be "metafor" or "fit"');
});

// 2. R² of FE models: max(0, 100 * adjusted R² of lm(yi ~ X, weights = 1/vi)), not null.
const FACTORS: Record<string, { factor: (r: Any) => string; mod: (r: Any) => number }> = {
  bcg_rr: { factor: (r) => r.alloc, mod: (r) => r.ablat },
  normand1999_smd: { factor: (r) => r.orpington, mod: (r) => r.n1i + r.n2i },
  hackshaw1998_or: { factor: (r) => r.design, mod: (r) => r.year - 1990 },
};
for (const file of FILES) {
  const d = readFixture(`metafor-diag/${file}.json`);
  const yi: number[] = d.escalc.yi, vi: number[] = d.escalc.vi;
  const spec = FACTORS[file];
  for (const id of ["FE", "REML", "metareg_FE", "metareg_REML"]) {
    const ref = d.R2[id];
    Deno.test(`parity R2 ${file} ${id}: ${ref.call} = ${ref.value}`, () => {
      const mods: Record<string, number[] | string[]> = id.startsWith("metareg")
        ? { x: d.input.map(spec.mod) }
        : { g: d.input.map(spec.factor) };
      const fit = rmaMods({ yi, vi, mods, method: id.endsWith("FE") ? "FE" : "REML" });
      assert(fit.R2 !== null, "metafor reports R2 for FE models too");
      assertClose(fit.R2, ref.value, id.endsWith("FE") ? 1e-8 : ITER, "R2", 1e-6);
    });
  }
}

Deno.test("parity R2 FE: bcg meta-regression 77.98 and normand subgroup 48.84 (as stated in issue 12)", () => {
  const bcg = readFixture(`metafor-diag/bcg_rr.json`);
  const fit = rmaMods({
    yi: bcg.escalc.yi,
    vi: bcg.escalc.vi,
    mods: { ablat: bcg.input.map((r: Any) => r.ablat) },
    method: "FE",
  });
  assertEquals(Math.round(fit.R2! * 100) / 100, 77.98);
  const nd = readFixture(`metafor-diag/normand1999_smd.json`);
  const sg = rmaMods({
    yi: nd.escalc.yi,
    vi: nd.escalc.vi,
    mods: { orpington: nd.input.map((r: Any) => r.orpington) },
    method: "FE",
  });
  assertEquals(sg.colnames, ["intrcpt", "orpingtonother"], "levels sorted as R's sort() in C.UTF-8: Orpington < other");
  assertEquals(Math.round(sg.R2! * 100) / 100, 48.84);
});

// 3. Factor levels: R's sort() in the C.UTF-8 locale of the fixtures (code points, upper case first);
// the emitted script sets the levels explicitly so it reproduces the CLI in any locale.
Deno.test("parity factor levels: code-point order (RCT, Quasi, cohort → Quasi, RCT, cohort) and the R script fixes them", () => {
  const csv = "study,yi,vi,design\nA,0.2,0.04,RCT\nB,0.5,0.03,Quasi\nC,0.9,0.05,cohort\nD,0.7,0.02,RCT\n" +
    "E,0.1,0.06,cohort\nF,0.4,0.05,Quasi\n";
  const res = analyseStudies(csv, { mods: ["design"], method: "FE" });
  if (res.model.model !== "rma.uni.mods") throw new Error("a meta-regression");
  assertEquals(res.model.colnames, ["intrcpt", "designRCT", "designcohort"]);
  const script = emitR(res, "/tmp/x.csv");
  assertMatch(script, /dat\$design <- factor\(dat\$design, levels = c\("Quasi", "RCT", "cohort"\)\)/);
  const sub = analyseStudies(csv, { subgroup: "design", method: "FE" });
  assertMatch(emitR(sub, "/tmp/x.csv"), /dat\$design <- factor\(dat\$design, levels = c\("Quasi", "RCT", "cohort"\)\)/);
  assertEquals(sub.subgroup!.levels, ["Quasi", "RCT", "cohort"]);
});

// 4. The FE subgroup script: metafor's confint() has no random-effects part for FE models (it stops).
Deno.test("parity --emit-r: the FE subgroup script does not call confint() on an FE model", () => {
  const csv = "study,yi,vi,g\nA,0.2,0.04,a\nB,0.5,0.03,a\nC,0.9,0.05,b\nD,0.7,0.02,b\n";
  const fe = emitR(analyseStudies(csv, { subgroup: "g", method: "FE" }), "/tmp/x.csv");
  assert(!fe.includes("confint("), fe);
  const re = emitR(analyseStudies(csv, { subgroup: "g", method: "REML" }), "/tmp/x.csv");
  assert(re.includes("print(confint(res))"));
});

// 5. An honest message for a zero Knapp-Hartung scale (the engine used to say "model matrix is not of full
// rank", which is not the cause; metafor 3.8.1 itself does not stop there: it prints se = 0 and t = Inf).
// vi = 0 is accepted where metafor fits: tests/meta/vi_zero_test.ts.
Deno.test("parity zero Knapp-Hartung scale: the message says why (not 'not of full rank')", () => {
  const re = /Knapp-Hartung scale factor is 0/;
  const cases: (() => unknown)[] = [
    () => rma({ yi: [0.3, 0.3, 0.3], vi: [0.1, 0.2, 0.3], test: "knha" }),
    () => rmaMods({ yi: [0.1, 0.2, 0.3, 0.4], vi: [0.1, 0.2, 0.3, 0.1], mods: { x: [1, 2, 3, 4] }, test: "knha" }),
    () => subgroup({ yi: [0.3, 0.3, 0.5, 0.5], vi: [0.1, 0.2, 0.3, 0.1], group: ["a", "a", "b", "b"], test: "knha" }),
  ];
  for (const f of cases) {
    const e = assertThrows(f, ValidationError);
    assertMatch(e.message, re);
    assert(!/full rank/.test(e.message), e.message);
  }
});

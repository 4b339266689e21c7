/**
 * Batch effect sizes over cases and outcomes (lib/sced/es.ts), and identities between the
 * single-series functions that hold for any data.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  batchScedEffectSizes,
  esIRD,
  esNAP,
  esPAND,
  esSMD,
  esTau,
  esTauU,
  type ScedEsDataRow,
} from "../../lib/sced/es.ts";

const A1 = [4, 5, 3, 6, 5], B1 = [8, 9, 7, 9, 10, 8];
const A2 = [30, 28, 31, 29], B2 = [20, 18, 22, 19, 17];

function long(caseId: string, outcome: string, A: number[], B: number[]): ScedEsDataRow[] {
  return [...A.map((v) => ["A", v] as const), ...B.map((v) => ["B", v] as const)].map(([phase, value], i) => ({
    case: caseId,
    outcome,
    session: i + 1,
    phase,
    value,
  }));
}

Deno.test("batch: one row per case × outcome × effect size, each as the single-series call", () => {
  // rows shuffled: the batch puts each series back in session order
  const data = [...long("p1", "function", A1, B1), ...long("p1", "pain", A2, B2), ...long("p2", "pain", B2, A2)]
    .reverse();
  const out = batchScedEffectSizes(data, {
    es: ["NAP", "SMD"],
    improvement: "increase",
    improvementByOutcome: { pain: "decrease" },
  });
  assert.equal(out.length, 6);
  const get = (c: string, o: string, es: string) => out.find((r) => r.case === c && r.outcome === o && r.es === es)!;
  assert.equal(get("p1", "function", "NAP").estimate, esNAP(A1, B1).estimate);
  assert.equal(get("p1", "pain", "NAP").estimate, esNAP(A2, B2, { improvement: "decrease" }).estimate);
  assert.equal(get("p1", "pain", "NAP").estimate, 1);
  assert.equal(get("p2", "pain", "SMD").estimate, esSMD(B2, A2, { improvement: "decrease" }).estimate);
});

Deno.test("batch: a case without treatment data gets a row with the reason, the others are computed", () => {
  const data = [...long("p1", "", A1, B1), ...A2.map((v, i) => ({ case: "p2", session: i + 1, phase: "A", value: v }))];
  const out = batchScedEffectSizes(data, { es: ["PND"] });
  assert.equal(out.length, 2);
  assert.equal(out[0].estimate, 1);
  assert.equal(out[1].estimate, null);
  assert.match(out[1].warnings[0], /case p2 has no B observations/);
});

Deno.test("identities: Tau = 2 NAP − 1, decrease mirrors increase, IRD from PAND, Tau-U without A trend = Tau", () => {
  const series = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 9 });
  fc.assert(
    fc.property(series, series, (A, B) => {
      const nap = esNAP(A, B, { seType: "none" }).estimate!;
      assert.ok(Math.abs(esTau(A, B, { seType: "none" }).estimate! - (2 * nap - 1)) < 1e-12);
      const neg = (x: number[]) => x.map((v) => -v);
      assert.ok(Math.abs(esNAP(neg(A), neg(B), { improvement: "decrease", seType: "none" }).estimate! - nap) < 1e-12);
      const m = A.length, n = B.length;
      const pand = esPAND(A, B).estimate!;
      assert.ok(Math.abs(esIRD(A, B).estimate! - ((m + n) ** 2 * pand - m * m - n * n) / (2 * m * n)) < 1e-12);
      const flat = A.map(() => A[0]);
      const tauFlat = 2 * esNAP(flat, B, { seType: "none" }).estimate! - 1;
      assert.ok(Math.abs(esTauU(flat, B).estimate! - tauFlat) < 1e-12);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("NAP score interval: complete non-overlap gives SingleCaseES's degenerate [1, 1]; otherwise it holds the estimate", () => {
  const all = esNAP([1, 2, 3], [4, 5, 6]);
  assert.equal(all.estimate, 1);
  assert.deepEqual([all.ci_lb, all.ci_ub], [1, 1]);
  const none = esNAP([4, 5, 6], [1, 2, 3]);
  assert.deepEqual([none.estimate, none.ci_lb, none.ci_ub], [0, 0, 0]);
  const r = esNAP([3, 4, 4, 5, 3, 4], [5, 4, 6, 5, 7, 6, 5], { level: 0.9 });
  assert.equal(r.level, 90);
  assert.ok(r.ci_lb! < r.estimate! && r.estimate! < r.ci_ub!);
});

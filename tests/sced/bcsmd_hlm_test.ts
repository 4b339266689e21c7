/**
 * Internals of the single-case HLM (lib/sced/_hlm.ts, _hlm_fast.ts): the O(n) evaluator of the
 * default model agrees with the dense one (score and average information) on data with session
 * gaps; the optimum does not depend on the row order or the starting values; and the fit is a
 * maximum (the score vanishes, the log-likelihood is not beaten by nearby points).
 */
import assert from "node:assert/strict";
import { fixturePath } from "../helpers.ts";
import { evaluate, evaluateAI, fisherScoring, type HlmCase, type HlmStructure } from "../../lib/sced/_hlm.ts";
import { evaluateFast } from "../../lib/sced/_hlm_fast.ts";
import { fitScedHlm } from "../../lib/sced/hlm.ts";
import { createRandom } from "../../lib/stats/random.ts";

type Row = { case: string; session: number; phase: string; outcome: number };
const lambert = JSON.parse(Deno.readTextFileSync(fixturePath("sced-es/scdhlm_lambert_disruptive.json")));
const laski = JSON.parse(Deno.readTextFileSync(fixturePath("sced-es/scdhlm_laski.json")));

function toCases(rows: Row[], trt: string): HlmCase[] {
  const ids = [...new Set(rows.map((r) => r.case))];
  return ids.map((id) => {
    const rs = rows.filter((r) => r.case === id).sort((a, b) => a.session - b.session);
    const n = rs.length;
    return {
      n,
      X: Float64Array.from(rs.flatMap((r) => [1, r.phase === trt ? 1 : 0])),
      Z: new Float64Array(n).fill(1),
      y: Float64Array.from(rs.map((r) => r.outcome)),
      t: Float64Array.from(rs.map((r) => r.session)),
      ph: Uint8Array.from(rs.map((r) => (r.phase === trt ? 1 : 0))),
    };
  });
}

Deno.test("fast O(n) evaluator = dense evaluator (log-likelihood, score, AI) with session gaps, AR(1) and IID, REML and ML", () => {
  const cases = toCases(lambert.data, "RC");
  const rng = createRandom(3);
  for (const reml of [true, false]) {
    for (const cor of ["AR1", "IID"] as const) {
      const s: HlmStructure = { p: 2, q: 1, cor, het: false, reml };
      for (let k = 0; k < 5; k++) {
        const th = cor === "AR1"
          ? Float64Array.from([0.1 + rng.uniform(), -0.5 + 1.4 * rng.uniform(), 1 + 5 * rng.uniform()])
          : Float64Array.from([0.1 + rng.uniform(), 1 + 5 * rng.uniform()]);
        const a = evaluateAI(s, cases, th), b = evaluateFast(s, cases, th);
        assert.ok(Math.abs(a.loglik - b.loglik) < 1e-9, "loglik");
        a.score!.forEach((v, i) =>
          assert.ok(Math.abs(v - b.score![i]) < 1e-9 * Math.max(1, Math.abs(v)), `score ${i}`)
        );
        a.info!.forEach((v, i) => assert.ok(Math.abs(v - b.info![i]) < 1e-9 * Math.max(1, Math.abs(v)), `AI ${i}`));
      }
    }
  }
});

Deno.test("the REML optimum does not depend on the row order or the starting values, and the score vanishes there", () => {
  const rows: Row[] = laski.data;
  const rng = createRandom(11);
  const shuffled = rng.shuffle(rows);
  const fit = (rs: Row[]) =>
    fitScedHlm({
      case: rs.map((r) => r.case),
      time: rs.map((r) => r.session),
      outcome: rs.map((r) => r.outcome),
      fixed: [{ name: "trt", values: rs.map((r) => (r.phase === "treatment" ? 1 : 0)) }],
    });
  const a = fit(rows), b = fit(shuffled);
  assert.deepEqual(a.case_levels, [...new Set(rows.map((r) => r.case))]);
  a.theta.values.forEach((v, i) => assert.ok(Math.abs(v - b.theta.values[i]) < 1e-7 * Math.abs(v), `theta ${i}`));
  const cases = toCases(rows, "treatment");
  const s: HlmStructure = { p: 2, q: 1, cor: "AR1", het: false, reml: true };
  for (const start of [[1, -0.5, 1000], [5000, 0.8, 10], [246, 0.25, 193]]) {
    const r = fisherScoring(s, cases, Float64Array.from(start));
    assert.ok(r.converged, `start ${start}`);
    r.theta.forEach((v, i) =>
      assert.ok(Math.abs(v - a.theta.values[i]) < 1e-6 * Math.abs(v), `start ${start}: theta ${i}`)
    );
    const ev = evaluate(s, cases, r.theta, true);
    ev.score!.forEach((v) => assert.ok(Math.abs(v) < 1e-5, `score ${v}`));
    // nearby points are not higher
    for (let k = 0; k < 3; k++) {
      for (const h of [-1e-3, 1e-3]) {
        const t = r.theta.slice();
        t[k] *= 1 + h;
        assert.ok(evaluate(s, cases, t, false).loglik <= ev.loglik + 1e-12);
      }
    }
  }
});

Deno.test("MA(1), phase-specific variances and random trends take the dense path and converge (or say the maximum is on the boundary)", () => {
  const rows: Row[] = laski.data;
  const base = {
    case: rows.map((r) => r.case),
    time: rows.map((r) => r.session),
    outcome: rows.map((r) => r.outcome),
    fixed: [{ name: "trt", values: rows.map((r) => (r.phase === "treatment" ? 1 : 0)) }],
    treatment: rows.map((r) => (r.phase === "treatment" ? 1 : 0)),
  };
  for (
    const [input, opts] of [
      [base, { correlation: "MA1" }],
      [base, { variance: "het" }],
      [{ ...base, random: [{ name: "session_c", values: rows.map((r) => r.session - 9) }] }, {}],
    ] as const
  ) {
    const f = fitScedHlm(input, opts as Parameters<typeof fitScedHlm>[1]);
    assert.ok(f.converged, JSON.stringify(f.warnings));
    assert.equal(f.info_inv.length, f.theta.values.length);
    if ("random" in input) {
      // Laski's random trends: intercept and slope are perfectly (negatively) correlated at the maximum
      const [g00, g01, g11] = f.tau.values;
      assert.ok(Math.abs(g01 / Math.sqrt(g00 * g11)) > 0.999);
      assert.match(f.warnings.join(" "), /maximum is on the boundary/);
    } else assert.deepEqual(f.warnings, []);
  }
});

Deno.test("simulated multiple-baseline data sets: every REML fit converges (or reports a boundary maximum) with a vanishing score", () => {
  const rng = createRandom(2026);
  let boundary = 0;
  for (let sim = 0; sim < 40; sim++) {
    const m = 3 + rng.int(0, 3), n = 8 + rng.int(0, 10);
    const tau = rng.uniform() < 0.2 ? 0 : 2 * rng.uniform(), phi = -0.3 + 1.1 * rng.uniform();
    const rows: Row[] = [];
    for (let c = 0; c < m; c++) {
      const u = Math.sqrt(tau) * rng.normal();
      const start = 3 + rng.int(0, n - 5);
      let e = rng.normal() / Math.sqrt(1 - phi * phi);
      for (let t = 1; t <= n; t++) {
        if (rng.uniform() < 0.1 && t > 1) {
          e = phi * e + rng.normal();
          continue; // a missed probe: a gap in the sessions
        }
        rows.push({
          case: `c${c}`,
          session: t,
          phase: t >= start ? "B" : "A",
          outcome: 10 + u + (t >= start ? 1 : 0) + e,
        });
        e = phi * e + rng.normal();
      }
    }
    for (const correlation of ["AR1", "MA1", "IID"] as const) {
      const f = fitScedHlm({
        case: rows.map((r) => r.case),
        time: rows.map((r) => r.session),
        outcome: rows.map((r) => r.outcome),
        fixed: [{ name: "trt", values: rows.map((r) => (r.phase === "B" ? 1 : 0)) }],
      }, { correlation });
      assert.ok(f.converged, `sim ${sim} ${correlation}: ${f.warnings.join("; ")}`);
      if (f.warnings.some((w) => /boundary/.test(w))) {
        boundary++;
        continue;
      }
      const cases = toCases(rows, "B");
      const s: HlmStructure = { p: 2, q: 1, cor: correlation, het: false, reml: true };
      const ev = evaluate(s, cases, Float64Array.from(f.theta.values), true);
      const step = ev.score!.map((v, i) => v * Math.sqrt(f.info_inv[i][i]));
      step.forEach((v) => assert.ok(Math.abs(v) < 1e-5, `sim ${sim} ${correlation}: scaled score ${v}`));
    }
  }
  console.log(`${boundary} of 120 fits had their maximum on the boundary`);
});

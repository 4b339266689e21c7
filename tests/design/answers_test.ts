import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import {
  ancova,
  changeScoreT,
  diffInMeans,
  handleMissing,
  meanChange,
  responderDiff,
  responderRate,
  smc,
  welch,
} from "../../lib/design/answers.ts";
import { escalc } from "../../lib/effects/escalc.ts";

// Reference values: scipy 1.17.1 (stats.ttest_ind / ttest_1samp with confidence_interval, and
// numpy.linalg.lstsq for the ANCOVA), which agree with R's t.test and lm.
const post1 = [5.1, 4.9, 6.2, 5.8, 6.0, 5.5], post0 = [4.1, 4.6, 5.0, 3.9, 4.4];
const pre1 = [4.0, 4.2, 5.0, 4.9, 5.1, 4.4], pre0 = [4.0, 4.5, 4.4, 3.8, 4.1];
const data = {
  pre: Float64Array.from([...pre1, ...pre0]),
  post: Float64Array.from([...post1, ...post0]),
  treat: Uint8Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]),
};

Deno.test("diffInMeans: pooled t CI and p as scipy ttest_ind(equal_var=True)", () => {
  const r = diffInMeans(data, 95);
  assertClose(r.estimate, 1.1833333333333327, 1e-12, "estimate");
  assertClose(r.pval, 0.002691532048814778, 1e-9, "p");
  assertClose(r.ci_lb, 0.5298454328731906, 1e-9, "lb");
  assertClose(r.ci_ub, 1.8368212337934748, 1e-9, "ub");
});

Deno.test("welch: Welch t CI and p as scipy ttest_ind(equal_var=False)", () => {
  const r = welch(data, 95);
  assertClose(r.pval, 0.0024239428488644307, 1e-8, "p");
  assertClose(r.ci_lb, 0.5409755557642228, 1e-8, "lb");
  assertClose(r.ci_ub, 1.8256911109024425, 1e-8, "ub");
});

Deno.test("ancova: arm coefficient, CI and p as least squares post ~ 1 + arm + pre", () => {
  const r = ancova(data, 95);
  assertClose(r.estimate, 0.6965517241379298, 1e-9, "estimate");
  assertClose(r.pval, 0.0015035664050558352, 1e-7, "p");
  assertClose(r.ci_lb, 0.3561921370335897, 1e-8, "lb");
  assertClose(r.ci_ub, 1.0369113112422699, 1e-8, "ub");
});

Deno.test("changeScoreT and meanChange: as scipy t tests of the change scores", () => {
  const r = changeScoreT(data, 95);
  assertClose(r.estimate, 0.7433333333333334, 1e-12, "estimate");
  assertClose(r.pval, 0.00017179851992799738, 1e-7, "p");
  assertClose(r.ci_lb, 0.46924569155958207, 1e-9, "lb");
  const one = meanChange({ pre: Float64Array.from(pre1), post: Float64Array.from(post1) }, 95);
  assertClose(one.estimate, 0.9833333333333333, 1e-12, "mean change");
  assertClose(one.pval, 4.579230405943417e-05, 1e-7, "one-sample p");
  assertClose(one.ci_ub, 1.1758888070637825, 1e-9, "one-sample ub");
});

Deno.test("responderDiff: Newcombe's method 10 interval (Newcombe 1998, Stat Med 17:873, example: 56/70 vs 48/80)", () => {
  // responders: improvement post - pre >= 1
  const n1 = 70, n0 = 80;
  const pre = new Float64Array(n1 + n0);
  const post = Float64Array.from({ length: n1 + n0 }, (_, i) => (i < n1 ? (i < 56 ? 1 : 0) : i - n1 < 48 ? 1 : 0));
  const treat = Uint8Array.from({ length: n1 + n0 }, (_, i) => (i < n1 ? 1 : 0));
  const r = responderDiff({ pre, post, treat }, 1, 95);
  assertClose(r.estimate, 0.2, 1e-12, "difference");
  assertClose(r.ci_lb, 0.0524, 1e-3, "lower (published to 4 decimals)");
  assertClose(r.ci_ub, 0.3339, 1e-3, "upper (published to 4 decimals)");
  assert.ok(r.pval! > 0 && r.pval! < 0.05);
});

Deno.test("responderRate: Wilson interval (Newcombe 1998 example: 81/263 -> 0.2553 to 0.3662)", () => {
  const n = 263;
  const r = responderRate(
    { pre: new Float64Array(n), post: Float64Array.from({ length: n }, (_, i) => (i < 81 ? 2 : 0)) },
    2,
    95,
  );
  assertClose(r.ci_lb, 0.2553, 1e-3, "lb");
  assertClose(r.ci_ub, 0.3662, 1e-3, "ub");
  assert.equal(r.pval, null);
});

Deno.test("smc: SMCR from lib/effects/escalc with the observed pre-post correlation", () => {
  const pre = Float64Array.from(pre1), post = Float64Array.from(post1);
  const r = smc({ pre, post }, 95);
  const m1 = pre1.reduce((a, b) => a + b) / 6, m2 = post1.reduce((a, b) => a + b) / 6;
  const sd1 = Math.sqrt(pre1.reduce((a, b) => a + (b - m1) ** 2, 0) / 5);
  const sd2 = Math.sqrt(post1.reduce((a, b) => a + (b - m2) ** 2, 0) / 5);
  const cov = pre1.reduce((a, b, i) => a + (b - m1) * (post1[i] - m2), 0) / 5;
  const es = escalc("SMCR", { m1i: [m2], m2i: [m1], sd1i: [sd1], ni: [6], ri: [cov / (sd1 * sd2)] });
  assertClose(r.estimate, es.yi[0], 1e-12, "yi");
  assertClose(r.ci_ub! - r.estimate!, 1.959963984540054 * Math.sqrt(es.vi[0]), 1e-9, "half width");
});

Deno.test("handleMissing: complete case drops, BOCF carries the baseline, mean imputes the arm mean", () => {
  const d = {
    pre: Float64Array.of(1, 2, 3, 4),
    post: Float64Array.of(NaN, 5, NaN, 7),
    treat: Uint8Array.of(1, 1, 0, 0),
  };
  assert.deepEqual([...handleMissing(d, "complete-case").post], [5, 7]);
  assert.deepEqual([...handleMissing(d, "bocf").post], [1, 5, 3, 7]);
  assert.deepEqual([...handleMissing(d, "mean").post], [5, 5, 7, 7]);
  assert.equal(
    diffInMeans(handleMissing(d, "complete-case"), 95).estimate,
    null,
    "arms with < 2 observations give nulls",
  );
});

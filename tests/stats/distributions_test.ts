/**
 * Distribution functions against R.
 *
 * Reference values: the R call is written beside each value. Values are R's, to 16-17 significant
 * digits; they were computed here with mpmath at 40 digits (an independent arbitrary-precision
 * implementation, which R agrees with to double precision), and several are also found in the
 * metafor fixtures produced by R (noted "fixture").
 */
import assert from "node:assert/strict";
import jStatModule from "jstat";
import { dbinom, pbinom, pchisq, pf, pnorm, pt, qbinom, qchisq, qf, qnorm, qt } from "../../lib/stats/distributions.ts";
import { assertClose } from "../helpers.ts";

const REL = 1e-10;

const cases: [string, () => number, number][] = [
  ["pnorm(1.96)", () => pnorm(1.96), 0.97500210485177956],
  ["pnorm(3, lower.tail = FALSE)", () => pnorm(3, 0, 1, { lower: false }), 0.0013498980316300945],
  // fixture morris2008_smcr FE: pval = 2 * pnorm(-7.78622584560079) = 6.90404933010333e-15
  ["2 * pnorm(-7.78622584560079)", () => 2 * pnorm(-7.78622584560079), 6.9040493301033896e-15],
  ["pnorm(110, 100, 15)", () => pnorm(110, 100, 15), 0.74750746245307709],
  ["qnorm(0.975)", () => qnorm(0.975), 1.9599639845400542],
  ["qnorm(1e-10)", () => qnorm(1e-10), -6.3613409024040562],
  ["pt(2.5, 7)", () => pt(2.5, 7), 0.97950389070712355],
  ["pt(-4, 3)", () => pt(-4, 3), 0.014004228005073083],
  ["pt(1.3, 2.5)", () => pt(1.3, 2.5), 0.84975660536464588],
  ["pt(-4, 3, lower.tail = FALSE)", () => pt(-4, 3, { lower: false }), 1 - 0.014004228005073083],
  ["qt(0.975, 4)", () => qt(0.975, 4), 2.7764451051977944],
  ["qt(0.975, 30)", () => qt(0.975, 30), 2.0422724563012383],
  ["qt(0.995, 2)", () => qt(0.995, 2), 9.9248432009182931],
  ["pchisq(3.84, 1)", () => pchisq(3.84, 1), 0.9499564787512949],
  // fixture bcg_rr subgroup_alloc: QEp = pchisq(132.367638262708, 10, lower.tail = FALSE)
  [
    "pchisq(132.367638262708, 10, lower.tail = FALSE)",
    () => pchisq(132.367638262708, 10, { lower: false }),
    1.5352129564188963e-23,
  ],
  ["pchisq(200, 4, lower.tail = FALSE)", () => pchisq(200, 4, { lower: false }), 3.7572767357810443e-42],
  ["qchisq(0.95, 1)", () => qchisq(0.95, 1), 3.841458820694126],
  ["qchisq(0.025, 12)", () => qchisq(0.025, 12), 4.4037885069817016],
  ["qchisq(0.975, 12)", () => qchisq(0.975, 12), 23.336664158645339],
  ["pf(3, 2, 10)", () => pf(3, 2, 10), 0.904632568359375],
  // fixture morris2008_smcr DL/knha: QMp = pf(9.48972241013886, 1, 4, lower.tail = FALSE)
  [
    "pf(9.48972241013886, 1, 4, lower.tail = FALSE)",
    () => pf(9.48972241013886, 1, 4, { lower: false }),
    0.036912225535423369,
  ],
  ["qf(0.95, 1, 10)", () => qf(0.95, 1, 10), 4.9646027437307144],
  ["qf(0.95, 3, 20)", () => qf(0.95, 3, 20), 3.0983912121407801],
  ["pbinom(3, 10, 0.5)", () => pbinom(3, 10, 0.5), 0.171875],
  ["pbinom(12, 40, 0.2)", () => pbinom(12, 40, 0.2), 0.95675837762367639],
  ["pbinom(2, 50, 0.3)", () => pbinom(2, 50, 0.3), 4.4499163626647398e-6],
  ["pbinom(45, 50, 0.7, lower.tail = FALSE)", () => pbinom(45, 50, 0.7, { lower: false }), 0.00017192738553817783],
  ["dbinom(3, 10, 0.5)", () => dbinom(3, 10, 0.5), 0.1171875],
];

for (const [call, f, expected] of cases) {
  Deno.test(`${call} agrees with R to 1e-10 relative`, () => assertClose(f(), expected, REL, call));
}

Deno.test("qbinom matches R's definition (smallest x with P(X <= x) >= p)", () => {
  assert.equal(qbinom(0.5, 10, 0.5), 5); // qbinom(0.5, 10, 0.5) = 5
  assert.equal(qbinom(0.171875, 10, 0.5), 3); // exactly at pbinom(3, 10, .5): fuzz keeps 3
  assert.equal(qbinom(0.95, 40, 0.2), 12); // qbinom(0.95, 40, 0.2) = 12
  assert.equal(qbinom(1, 7, 0.3), 7);
});

Deno.test("quantiles invert the distribution functions", () => {
  for (const p of [1e-8, 0.01, 0.3, 0.5, 0.9, 0.999]) {
    assertClose(pnorm(qnorm(p)), p, 1e-12, `pnorm(qnorm(${p}))`);
    assertClose(pt(qt(p, 3.5), 3.5), p, 1e-10, `pt(qt(${p}, 3.5))`);
    assertClose(pchisq(qchisq(p, 7), 7), p, 1e-10, `pchisq(qchisq(${p}, 7))`);
    assertClose(pf(qf(p, 2, 9), 2, 9), p, 1e-10, `pf(qf(${p}, 2, 9))`);
  }
});

Deno.test("invalid arguments throw errors that name the argument and the rule", () => {
  assert.throws(() => qnorm(1.5), /p must be in \[0, 1\], got 1.5/);
  assert.throws(() => pt(1, 0), /df must be > 0, got 0/);
  assert.throws(() => pchisq(Number.NaN, 2), /x must be a number, got NaN/);
  assert.throws(() => pbinom(2, 3.5, 0.2), /size must be a whole number >= 0, got 3.5/);
  assert.throws(() => pnorm(0, 0, -1), /sd must be > 0, got -1/);
});

Deno.test("jstat accuracy: why the wrappers use stdlib for tails and t quantiles", () => {
  // deno-lint-ignore no-explicit-any
  const jStat: any = (jStatModule as any).jStat ?? jStatModule;
  // jstat's normal tail at z = 7.786 is off by ~3e-3 relative (R: 6.9040493301033896e-15).
  const jTail = 2 * jStat.normal.cdf(-7.78622584560079, 0, 1);
  assert.ok(Math.abs(jTail / 6.9040493301033896e-15 - 1) > 1e-3, `jstat tail ${jTail}`);
  // jstat's qt(0.975, 4) is off by ~2.5e-9 relative (R: 2.7764451051977944).
  const jq = jStat.studentt.inv(0.975, 4);
  assert.ok(Math.abs(jq / 2.7764451051977944 - 1) > 1e-9, `jstat qt ${jq}`);
  // jstat's chi-square upper tail is 1 - cdf: it cannot represent p = 3.76e-42.
  assert.equal(1 - jStat.chisquare.cdf(200, 4), 0);
  // The wrappers are accurate where jstat is not.
  assertClose(2 * pnorm(-7.78622584560079), 6.9040493301033896e-15, 1e-12, "pnorm tail");
  assertClose(qt(0.975, 4), 2.7764451051977944, 1e-13, "qt");
});

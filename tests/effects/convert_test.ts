/** Conversions: values checked by hand (qnorm(0.975) = 1.959963984540054, R) and errors. */
import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import { ciToSe, pToSe, reexpress, seToVar, smdToLogOr, varToSe } from "../../lib/effects/convert.ts";

const Z975 = 1.959963984540054; // R: qnorm(0.975)

Deno.test("ciToSe: normal CI, ratio CI on the log scale, other levels", () => {
  assertClose(ciToSe(-0.2, 0.6), 0.8 / (2 * Z975), 1e-14, "95% CI");
  assertClose(ciToSe(1.2, 2.5, { level: 95, log: true }), (Math.log(2.5) - Math.log(1.2)) / (2 * Z975), 1e-14, "log");
  assertClose(ciToSe(0, 1, { level: 90 }), 1 / (2 * 1.644853626951472), 1e-14, "90% CI"); // R: qnorm(0.95)
  assert.throws(() => ciToSe(0.6, -0.2), /ciToSe: upper must be > lower/);
  assert.throws(() => ciToSe(-1, 2, { log: true }), /must be > 0 for a ratio CI/);
});

Deno.test("pToSe: two-sided normal p back to SE; round trip with the z test", () => {
  assertClose(pToSe(0.5, 0.05), 0.5 / Z975, 1e-14, "p = 0.05");
  assertClose(pToSe(-0.5, 0.05), 0.5 / Z975, 1e-14, "negative estimate");
  assert.throws(() => pToSe(0.5, 0), /pToSe: p must be > 0/);
  assert.throws(() => pToSe(0, 0.3), /must not be 0/);
});

Deno.test("seToVar / varToSe / smdToLogOr / reexpress", () => {
  assertClose(seToVar(0.2), 0.04, 1e-15, "var");
  assertClose(varToSe(0.04), 0.2, 1e-15, "se");
  assert.throws(() => varToSe(-1), /varToSe: vi: input must be >= 0, got -1/);
  const lo = smdToLogOr(0.5, 0.04);
  assertClose(lo.yi, 0.5 * Math.PI / Math.sqrt(3), 1e-15, "logOR");
  assertClose(lo.vi, 0.04 * Math.PI ** 2 / 3, 1e-15, "var logOR");
  const rx = reexpress(0.98, 5.01, { ci_lb: 0.7, ci_ub: 1.2 });
  assertClose(rx.estimate, 4.9098, 1e-12, "RMDQ points");
  assertClose(rx.ci_lb!, 3.507, 1e-12, "ci_lb");
  assert.equal(reexpress(1, 2).ci_lb, null);
  assert.throws(() => reexpress(1, 0), /reexpress: sd must be > 0/);
});

/**
 * vi = 0 as metafor's rma.uni (issue 12, last parity fix). metafor warns "There are outcomes with
 * non-positive sampling variances."; the DL, HS and PM estimators stop with "<method> estimator
 * cannot be used when there are non-positive sampling variances in the data."; FE, or any fit ending
 * with tau2 = 0, stops with "Division by zero when computing the inverse variance weights."; REML,
 * ML, EB, HE and SJ with tau2 > 0 fit and report QE, QEp, I2 and H2 as NA with the warning
 * "Cannot compute Q-test, I^2, or H^2 when there are non-positive sampling variances in the data."
 */
import assert from "node:assert/strict";
import {
  confint,
  cumul,
  influence,
  influenceRows,
  leave1out,
  regtest,
  rma,
  rmaMods,
  type Tau2Method,
  trimfill,
} from "../../lib/meta/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

const assertEquals = (a: unknown, b: unknown) => assert.deepStrictEqual(a, b);
const assertAlmostEquals = (a: number, b: number, tol: number) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b} (tolerance ${tol})`);
function assertThrows(fn: () => unknown, cls: typeof ValidationError, includes?: string): Error {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof cls, String(e));
    if (includes) assert.ok((e as Error).message.includes(includes), (e as Error).message);
    return e as Error;
  }
  throw new Error("expected a ValidationError");
}

const yi = [0.1, 0.9, -0.4, 1.2, 0.5];
const vi = [0.02, 0, 0.05, 0.03, 0.04];

Deno.test("vi = 0: DL, HS and PM stop with metafor's message", () => {
  for (const method of ["DL", "HS", "PM"] as const) {
    const e = assertThrows(() => rma({ yi, vi, method }), ValidationError);
    assert.ok(
      e.message.includes(
        `${method} estimator cannot be used when there are non-positive sampling variances in the data`,
      ),
      e.message,
    );
  }
});

Deno.test("vi = 0: FE stops with metafor's division-by-zero message, naming the row", () => {
  const e = assertThrows(() => rma({ yi, vi, method: "FE" }), ValidationError);
  assert.ok(e.message.includes("Division by zero when computing the inverse variance weights"), e.message);
  assert.ok(/row 2\b/.test(e.message), e.message);
});

Deno.test("vi = 0: a REML fit that ends with tau2 = 0 stops as metafor (division by zero)", () => {
  // HE start value 0 (rss = trPV), so Fisher scoring cannot leave tau2 = 0; metafor stops
  const e = assertThrows(() => rma({ yi: [0.1, 0.3, 0.2], vi: [0.01, 0.02, 0] }), ValidationError);
  assert.ok(e.message.includes("Division by zero when computing the inverse variance weights"), e.message);
});

Deno.test("vi = 0: REML, ML, EB, HE and SJ with tau2 > 0 fit, QE/QEp/I2/H2 are NA with metafor's warnings", () => {
  for (const method of ["REML", "ML", "EB", "HE", "SJ"] as Tau2Method[]) {
    const f = rma({ yi, vi, method });
    assert.ok(f.tau2 > 0, method);
    assertEquals([f.QE, f.QEp, f.I2, f.H2, f.I2_Q, f.H2_Q, f.vt], [null, null, null, null, null, null, null]);
    assertEquals(f.warnings.length, 2);
    assert.ok(f.warnings[0].includes("There are outcomes with non-positive sampling variances"), f.warnings[0]);
    assert.ok(
      f.warnings[1].includes("Cannot compute Q-test, I^2, or H^2 when there are non-positive sampling variances"),
      f.warnings[1],
    );
    // the pooled estimate is the inverse-variance weighted mean with w = 1/(vi + tau2)
    const w = vi.map((v) => 1 / (v + f.tau2)), sw = w.reduce((a, b) => a + b, 0);
    assertAlmostEquals(f.beta, yi.reduce((a, y, i) => a + w[i] * y, 0) / sw, 1e-12);
    assertAlmostEquals(f.se, Math.sqrt(1 / sw), 1e-12);
    for (const x of [f.beta, f.se, f.ci_lb, f.ci_ub, f.pi_lb, f.pi_ub, f.pval, ...f.weights]) {
      assert.ok(Number.isFinite(x));
    }
  }
});

Deno.test("vi = 0: the REML estimate solves metafor's REML score equation y'PPy = tr(P)", () => {
  const f = rma({ yi, vi, method: "REML" });
  const w = vi.map((v) => 1 / (v + f.tau2)), sw = w.reduce((a, b) => a + b, 0);
  const sw2 = w.reduce((a, b) => a + b * b, 0);
  const mu = yi.reduce((a, y, i) => a + w[i] * y, 0) / sw;
  const yPPy = yi.reduce((a, y, i) => a + w[i] * w[i] * (y - mu) ** 2, 0);
  assertAlmostEquals(yPPy, sw - sw2 / sw, 1e-4);
  // HE is closed form: (RSS_OLS - tr(P_OLS V)) / (k - 1)
  const he = rma({ yi, vi, method: "HE" });
  const m = yi.reduce((a, b) => a + b, 0) / yi.length;
  const rss = yi.reduce((a, y) => a + (y - m) ** 2, 0);
  assertAlmostEquals(he.tau2, (rss - vi.reduce((a, v) => a + v, 0) * (1 - 1 / yi.length)) / (yi.length - 1), 1e-12);
});

Deno.test("vi = 0 under Knapp-Hartung fits with finite t-based results", () => {
  const f = rma({ yi, vi, test: "knha" });
  assert.ok(f.ddf === 4 && Number.isFinite(f.se) && f.QE === null);
});

Deno.test("vi = 0: confint stops as metafor (no Q-profile CI with non-positive sampling variances)", () => {
  const e = assertThrows(() => confint(rma({ yi, vi })), ValidationError);
  assert.ok(
    e.message.includes("Cannot compute CI for tau^2 when there are non-positive sampling variances"),
    e.message,
  );
});

Deno.test("every vi = 0: metafor is silent, the toolkit still says why QE is null", () => {
  const f = rma({ yi, vi: yi.map(() => 0) });
  assertEquals(f.QE, null);
  assertEquals(f.warnings.length, 1);
  assert.ok(/every vi is 0/.test(f.warnings[0]));
});

Deno.test("vi < 0 is still refused with its row (metafor would constrain it to 0 with a warning)", () => {
  assertThrows(() => rma({ yi: [0.1, 0.2], vi: [0.1, -0.2] }), ValidationError, "row 2, vi must be >= 0");
});

Deno.test("all vi > 0: no warnings and QE as before", () => {
  const f = rma({ yi, vi: vi.map((v) => v + 0.01) });
  assertEquals(f.warnings, []);
  assert.ok(typeof f.QE === "number" && typeof f.I2 === "number");
});

Deno.test("vi = 0 through the diagnostics: NA (null) where metafor reports NA, never NaN or Infinity", () => {
  const y6 = [0.1, 0.9, -0.4, 1.2, 0.5, 0.3], v6 = [0.02, 0, 0.05, 0.03, 0.04, 0.02];
  const fit = rma({ yi: y6, vi: v6 });
  const inf = influence(fit);
  // QE without study i is computable only when the study with vi = 0 (row 2) is the one left out
  assert.deepStrictEqual(inf.QE_del.map((q) => q === null), [true, false, true, true, true, true]);
  assert.ok(Number.isFinite(inf.QE_del[1]!));
  for (const key of ["rstudent_z", "dffits", "cook_d", "cov_r", "tau2_del", "hat", "weight"] as const) {
    assert.ok(inf[key].every((x) => Number.isFinite(x)), key);
  }
  assert.equal(influenceRows(inf, fit.slab)[0].QE_del, null);
  const l1 = leave1out(fit);
  assert.deepStrictEqual(l1.Q.map((q) => q === null), [true, false, true, true, true, true]);
  const c = cumul(fit, [1, 2, 3, 4, 5, 6]);
  assert.deepStrictEqual(c.Q.map((q) => q === null), [false, true, true, true, true, true]);
  assert.ok(c.estimate.every((x) => Number.isFinite(x)));
  // the refits of Egger's test and trim-and-fill need vi > 0: a clear message, not "not of full rank"
  assertThrows(() => regtest(fit), ValidationError, "row 2 has vi = 0");
  assertThrows(() => trimfill(fit), ValidationError, "row 2 has vi = 0");
});

Deno.test("rmaMods with vi = 0 as metafor: DL stops, FE stops, REML fits with QE/I2/H2 NA and the QE-test warning", () => {
  const y6 = [0.1, 0.9, -0.4, 1.2, 0.5, 0.3], v6 = [0.02, 0, 0.05, 0.03, 0.04, 0.02];
  const mods = { x: [1, 2, 3, 4, 5, 6] };
  assertThrows(
    () => rmaMods({ yi: y6, vi: v6, mods, method: "DL" }),
    ValidationError,
    "DL estimator cannot be used when there are non-positive sampling variances in the data",
  );
  assertThrows(
    () => rmaMods({ yi: y6, vi: v6, mods, method: "FE" }),
    ValidationError,
    "Division by zero when computing the inverse variance weights",
  );
  const f = rmaMods({ yi: y6, vi: v6, mods });
  assert.ok(f.tau2 > 0);
  assertEquals([f.QE, f.QEp, f.I2, f.H2], [null, null, null, null]);
  assert.ok(f.warnings.some((w) => w.includes("There are outcomes with non-positive sampling variances")));
  assert.ok(
    f.warnings.some((w) => w.includes("Cannot compute QE-test, I^2, or H^2 when there are non-positive sampling")),
  );
  // coefficients are the weighted least squares with w = 1/(vi + tau2)
  const w = v6.map((v) => 1 / (v + f.tau2));
  const sw = w.reduce((a, b) => a + b, 0), sx = w.reduce((a, b, i) => a + b * mods.x[i], 0);
  const sy = w.reduce((a, b, i) => a + b * y6[i], 0), sxx = w.reduce((a, b, i) => a + b * mods.x[i] ** 2, 0);
  const sxy = w.reduce((a, b, i) => a + b * mods.x[i] * y6[i], 0);
  const slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
  assertAlmostEquals(f.beta[1], slope, 1e-10);
  for (const x of [...f.beta, ...f.se, ...f.ci_lb, ...f.ci_ub, ...f.pval, f.QM, f.QMp]) assert.ok(Number.isFinite(x));
  assert.ok(f.R2 === null || Number.isFinite(f.R2));
  // without any vi = 0 nothing changes
  assertEquals(rmaMods({ yi: y6, vi: v6.map((v) => v + 0.01), mods }).warnings, []);
});

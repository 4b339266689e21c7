/**
 * vi = 0 as metafor's rma.uni (issue 12, last parity fix). metafor warns "There are outcomes with
 * non-positive sampling variances."; the DL, HS and PM estimators stop with "<method> estimator
 * cannot be used when there are non-positive sampling variances in the data."; FE, or any fit ending
 * with tau2 = 0, stops with "Division by zero when computing the inverse variance weights."; REML,
 * ML, EB, HE and SJ with tau2 > 0 fit and report QE, QEp, I2 and H2 as NA with the warning
 * "Cannot compute Q-test, I^2, or H^2 when there are non-positive sampling variances in the data."
 *
 * regtest, trimfill and subgroup follow metafor 3.8.1 too: the expected values below are R's output
 * (R 4.2.2, metafor 3.8.1, `options(digits = 15)`), with the R call next to each; R is not needed to
 * run these tests. metafor's regtest refits with the QE-test warnings; trimfill refits inside
 * suppressWarnings() and stops wherever one of its refits stops; a subgroup analysis is
 * rma(yi, vi, mods = ~ factor(g)) (and - 1) plus one rma(yi, vi, subset = g == level) per level.
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
  subgroup,
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
  // Egger's test and trim-and-fill run as metafor's (see the tests below)
  assert.ok(Number.isFinite(regtest(fit).zval) && trimfill(fit).k0 >= 0);
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

/** |a - b| <= tol * max(1, |b|): relative for large values, absolute near 0. */
const near = (a: number | null, b: number, tol: number, what = "") =>
  assert.ok(a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs R ${b}`);
const qeWarnings = (tool: string, rows: string, fitNote = "") => [
  `${tool}: There are outcomes with non-positive sampling variances (vi = 0 in ${rows}${fitNote}).`,
  `${tool}: Cannot compute QE-test, I^2, or H^2 when there are non-positive sampling variances in the data ` +
  `(QE, QEp, I2 and H2 are NA${fitNote}, as metafor).`,
];

// yi <- c(0.1, 0.9, -0.4, 1.2, 0.5, 0.3); vi <- c(0.02, 0, 0.05, 0.03, 0.04, 0.02)
const y6 = [0.1, 0.9, -0.4, 1.2, 0.5, 0.3], v6 = [0.02, 0, 0.05, 0.03, 0.04, 0.02];

Deno.test("regtest with vi = 0 fits as metafor's regtest (REML, ML, HE; z and knha) with its QE-test warnings", () => {
  // R: r <- regtest(rma(yi, vi, method = m, test = t)); c(r$zval, r$pval, r$est, r$ci.lb, r$ci.ub,
  //    coef(r$fit)[2], r$fit$se[2]); metafor warns "There are outcomes with non-positive sampling
  //    variances." and "Cannot compute QE-test, I^2, or H^2 when there are non-positive sampling variances in the data."
  const R: [Tau2Method, "z" | "knha", number, number, number, number, number, number, number][] = [
    // method, test, zval, pval, est, ci.lb, ci.ub, slope, se(slope)
    [
      "REML",
      "z",
      -1.08664460866163,
      0.277193902512669,
      0.923418213246787,
      -0.0427238656905237,
      1.8895602921841,
      -3.33354541150276,
      3.06774209795099,
    ],
    [
      "REML",
      "knha",
      -1.07900029841681,
      0.34130865436657,
      0.923418213246787,
      -0.454895136572337,
      2.30173156306591,
      -3.33354541150276,
      3.08947589393069,
    ],
    [
      "ML",
      "z",
      -1.3598934252407,
      0.173863651876242,
      0.917769342655604,
      0.162898444478895,
      1.67264024083231,
      -3.29087555980275,
      2.41995107757822,
    ],
    [
      "ML",
      "knha",
      -1.08728937310864,
      0.338040374380989,
      0.917769342655604,
      -0.419667903407678,
      2.25520658871889,
      -3.29087555980275,
      3.02667867560768,
    ],
    [
      "HE",
      "z",
      -1.07135951717076,
      0.284007808085109,
      0.923715441315718,
      -0.0573289074630894,
      1.90475979009452,
      -3.33579786380285,
      3.11361201383829,
    ],
  ];
  for (const [method, test, zval, pval, est, lb, ub, slope, slopeSe] of R) {
    const r = regtest(rma({ yi: y6, vi: v6, method, test }));
    // HE is closed form (1e-9); REML/ML iterate (metafor's threshold 1e-5 on tau2): 1e-6
    const tol = method === "HE" ? 1e-9 : 1e-6;
    const got = [r.zval, r.pval, r.est, r.ci_lb, r.ci_ub, r.slope, r.slope_se];
    [zval, pval, est, lb, ub, slope, slopeSe].forEach((x, i) => near(got[i], x, tol, `${method} ${test} [${i}]`));
    assert.equal(r.ddf, test === "knha" ? 4 : null); // R: r$dfs = 4 under knha, NA under z
    assert.deepStrictEqual(r.warnings, qeWarnings("regtest", "row 2"));
  }
  // every vi > 0: no warnings
  assert.deepStrictEqual(regtest(rma({ yi: y6, vi: v6.map((v) => v + 0.01) })).warnings, []);
});

Deno.test("regtest with vi = 0 stops as metafor when its refit reaches tau2 = 0, naming the fit and the row", () => {
  // R: yi <- c(0.61, 1.08, 0.35, 0.59, 0.37, -0.29); vi <- c(0.041, 0.086, 0.041, 0.04, 0.053, 0)
  //    rma(yi, vi) fits (tau2 = 0.183460456063928); regtest(fit) for REML, ML, EB and HE:
  //    "Error: Division by zero when computing the inverse variance weights."; SJ fits.
  const yi = [0.61, 1.08, 0.35, 0.59, 0.37, -0.29], vi = [0.041, 0.086, 0.041, 0.04, 0.053, 0];
  near(rma({ yi, vi }).tau2, 0.183460456063928, 1e-6, "tau2");
  for (const method of ["REML", "ML", "EB", "HE"] as const) {
    const e = assertThrows(() => regtest(rma({ yi, vi, method })), ValidationError);
    assert.match(
      e.message,
      /^regtest: vi = 0 \(row 6 in the refit with sei as moderator\) with tau2 = 0: "Division by zero when computing the inverse variance weights", as metafor stops/,
    );
    assert.ok(!/full rank/.test(e.message), e.message);
  }
  const sj = regtest(rma({ yi, vi, method: "SJ" }));
  assert.ok(Number.isFinite(sj.zval) && sj.warnings.length === 2);
  // R: rma(yi, vi, mods = ~ sqrt(vi), method = m) for REML, ML and HE stops the same way (the Fisher
  //    scoring loop of metafor stops once a weight 1/(vi + tau2) is infinite)
  for (const method of ["REML", "ML", "HE"] as const) {
    const e = assertThrows(() => rmaMods({ yi, vi, mods: { sei: vi.map(Math.sqrt) }, method }), ValidationError);
    assert.match(e.message, /^rmaMods: vi = 0 \(row 6\) with tau2 = 0: "Division by zero when computing the inverse/);
  }
});

Deno.test("trimfill with vi = 0 and no missing study returns the fit as metafor (REML, ML; z and knha)", () => {
  // R: tf <- trimfill(rma(yi, vi, method = m, test = t)): k0 = 0, side "right", the fit unchanged
  //    REML: tf$beta 0.446646754254416, tf$se 0.22842039655064 (z), 0.230699722215001 (knha, test knha)
  //    ML:   tf$beta 0.449421052205845, tf$se 0.207576801972969 (z), 0.230145551245015 (knha)
  const R = [
    ["REML", "z", 0.446646754254416, 0.22842039655064],
    ["REML", "knha", 0.446646754254416, 0.230699722215001],
    ["ML", "z", 0.449421052205845, 0.207576801972969],
    ["ML", "knha", 0.449421052205845, 0.230145551245015],
  ] as const;
  for (const [method, test, beta, se] of R) {
    const t = trimfill(rma({ yi: y6, vi: v6, method, test }));
    assert.equal(t.k0, 0);
    assert.equal(t.side, "right");
    assert.equal(t.fit.test, test);
    near(t.fit.beta, beta, 1e-6, `${method} ${test} beta`);
    near(t.fit.se, se, 1e-6, `${method} ${test} se`);
    assert.equal(t.fit.QE, null); // R: tf$QE NA
  }
});

Deno.test("trimfill with vi = 0 fills in studies as metafor (the mirrored vi = 0 study keeps vi = 0; z refit)", () => {
  // R: yi <- c(1.48, 0.57, -0.04, 0.94, 0.58, 1, 0.97); vi <- c(0.054, 0.051, 0.011, 0.089, 0.091, 0, 0.076)
  //    tf <- trimfill(rma(yi, vi, method = m, test = t))  (metafor refits with test "z" whatever t)
  //    REML: k0 2, se.k0 1.82539122449589, side "left", beta 0.565739170637183, se 0.198693320222031,
  //          tau2 0.311277455033752, ci 0.176307419033319 0.955170922241047, pval 0.00440920127422981,
  //          filled yi 0.106855655226477 -0.373144344773523, filled vi 0 0.054, QE NA
  //    ML:   beta 0.558707305122068, se 0.189611721375448, tau2 0.279867595827591,
  //          ci 0.187075160179546 0.93033945006459, filled yi 0.0835209018949021 -0.396479098105098
  const yi = [1.48, 0.57, -0.04, 0.94, 0.58, 1, 0.97], vi = [0.054, 0.051, 0.011, 0.089, 0.091, 0, 0.076];
  const R = {
    REML: [
      0.565739170637183,
      0.198693320222031,
      0.311277455033752,
      0.176307419033319,
      0.955170922241047,
      0.106855655226477,
      -0.373144344773523,
    ],
    ML: [
      0.558707305122068,
      0.189611721375448,
      0.279867595827591,
      0.187075160179546,
      0.93033945006459,
      0.0835209018949021,
      -0.396479098105098,
    ],
  };
  for (const [method, ref] of Object.entries(R) as ["REML" | "ML", number[]][]) {
    for (const test of ["z", "knha"] as const) {
      const t = trimfill(rma({ yi, vi, method, test }));
      assert.equal(t.k0, 2);
      near(t.se_k0, 1.82539122449589, 1e-12, "se_k0");
      assert.equal(t.side, "left");
      assert.equal(t.fit.test, "z");
      const got = [t.fit.beta, t.fit.se, t.fit.tau2, t.fit.ci_lb, t.fit.ci_ub, t.fit.yi[7], t.fit.yi[8]];
      ref.forEach((x, i) => near(got[i], x, 1e-6, `${method} ${test} [${i}]`));
      if (method === "REML") near(t.fit.pval, 0.00440920127422981, 1e-6, "pval");
      assert.deepStrictEqual(t.fit.vi.slice(7), [0, 0.054]);
      assert.equal(t.fit.QE, null);
      // metafor computes these warnings in the refit but suppresses them; the toolkit keeps them,
      // naming the filled-in study by its label
      assert.deepStrictEqual(t.fit.warnings, [
        "trimfill: There are outcomes with non-positive sampling variances (vi = 0 in rows 6, Filled 1 in the refit of the filled-in data).",
        "trimfill: Cannot compute Q-test, I^2, or H^2 when there are non-positive sampling variances in the data " +
        "(QE, QEp, I2 and H2 are NA in the refit of the filled-in data, as metafor).",
      ]);
    }
  }
});

Deno.test("trimfill with vi = 0 stops as metafor when a refit of the trimmed data reaches tau2 = 0", () => {
  // R: yi <- c(0.19, 0.27, 0.48, -0.03, -0.26, 0.32, 0.31); vi <- c(0.085, 0.036, 0.064, 0.091, 0.051, 0.023, 0)
  //    fit <- rma(yi, vi) (tau2 = 0.0058083855519958); trimfill(fit, verbose = TRUE):
  //    "Iteration: 1 missing = 1 beta = 0.2641", then
  //    "Error: Division by zero when computing the inverse variance weights."
  const yi = [0.19, 0.27, 0.48, -0.03, -0.26, 0.32, 0.31], vi = [0.085, 0.036, 0.064, 0.091, 0.051, 0.023, 0];
  const fit = rma({ yi, vi });
  near(fit.tau2, 0.0058083855519958, 1e-6, "tau2");
  const e = assertThrows(() => trimfill(fit), ValidationError);
  assert.match(
    e.message,
    /^trimfill: vi = 0 \(row 7 in the refit of the 6 studies left after trimming 1 \(iteration 2\)\) with tau2 = 0: "Division by zero when computing the inverse variance weights", as metafor stops/,
  );
});

// yi <- c(0.1, 0.9, -0.4, 1.2, 0.5, 0.3, 0.8, -0.1); vi <- c(0.02, 0, 0.05, 0.03, 0.04, 0.02, 0.03, 0.05)
// g <- c("a", "a", "a", "a", "b", "b", "b", "b")
const y8 = [0.1, 0.9, -0.4, 1.2, 0.5, 0.3, 0.8, -0.1], v8 = [0.02, 0, 0.05, 0.03, 0.04, 0.02, 0.03, 0.05];
const g8 = ["a", "a", "a", "a", "b", "b", "b", "b"];

Deno.test("subgroup with vi = 0 fits as metafor (REML, ML, HE; z and knha): common and separate models", () => {
  // R: f1 <- rma(yi, vi, mods = ~ factor(g), method = m, test = t); coef(f1), f1$se, f1$tau2, f1$QM, f1$QMp
  //    f2 <- rma(yi, vi, mods = ~ factor(g) - 1, method = m, test = t); coef(f2), f2$se
  //    rma(yi, vi, method = m, test = t, subset = g == "a") (and "b"): beta, se, tau2
  //    each warns "There are outcomes with non-positive sampling variances." and the QE-test (Q-test
  //    for the separate fit of "a") warning; the separate fit of "b" (all vi > 0) is silent.
  const R = [
    {
      method: "REML",
      test: "z",
      beta: [0.470352412914544, -0.0899803209093233],
      se: [0.284102983158025, 0.405076391654087],
      tau2: 0.298864184902193,
      QM: 0.0493425068426687,
      QMp: 0.824211335452261,
      est: [0.470352412914543, 0.38037209200522],
      estSe: [0.284102983158025, 0.288742754084334],
      sep: [[0.462822986911404, 0.35970773072166, 0.493186441155912], [
        0.387693703942714,
        0.180760033986586,
        0.0966506565174355,
      ]],
    },
    {
      method: "REML",
      test: "knha",
      beta: [0.470352412914544, -0.0899803209093233],
      se: [0.286400457671655, 0.408352149886378],
      tau2: 0.298864184902193,
      QM: 0.0485540412155242,
      QMp: 0.832905020205993,
      est: [0.470352412914543, 0.38037209200522],
      estSe: [0.286400457671655, 0.291077749342497],
      sep: [[0.462822986911404, 0.362888224618015, 0.493186441155912], [
        0.387693703942714,
        0.184408296283107,
        0.0966506565174355,
      ]],
    },
    {
      method: "ML",
      test: "z",
      beta: [0.477401279230625, -0.0953070853838269],
      se: [0.243715048332656, 0.348582907442029],
      tau2: 0.213954822842249,
      QM: 0.0747546480367323,
      QMp: 0.784535789668153,
      est: [0.477401279230625, 0.382094193846798],
      estSe: [0.243715048332656, 0.249224835393564],
      sep: [[0.467226324856922, 0.309445338184735, 0.358873896035024], [
        0.391656228250608,
        0.153735231249928,
        0.060853667691779,
      ]],
    },
    {
      method: "HE",
      test: "knha",
      beta: [0.469713125288905, -0.0895008655602527],
      se: [0.286563593036631, 0.408471844659416],
      tau2: 0.309583333333333,
      QM: 0.0480098354523075,
      QMp: 0.833826711553463,
      est: [0.469713125288906, 0.380212259728652],
      estSe: [0.286563593036631, 0.291085133638601],
      sep: [[0.46238753866957, 0.363007403659772, 0.511666666666667], [0.38683436292807, 0.184752393246768, 0.1075]],
    },
  ] as const;
  for (const r of R) {
    const s = subgroup({ yi: y8, vi: v8, group: g8, method: r.method, test: r.test });
    const tol = r.method === "HE" ? 1e-9 : 1e-6;
    const what = `${r.method} ${r.test}`;
    r.beta.forEach((b, j) => near(s.common.beta[j], b, tol, `${what} beta`));
    r.se.forEach((b, j) => near(s.common.se[j], b, tol, `${what} se`));
    r.est.forEach((b, j) => near(s.common.estimate[j], b, tol, `${what} estimate`));
    r.estSe.forEach((b, j) => near(s.common.estimate_se[j], b, tol, `${what} estimate_se`));
    near(s.common.tau2, r.tau2, tol, `${what} tau2`);
    near(s.common.QM, r.QM, tol, `${what} QM`);
    near(s.common.QMp, r.QMp, tol, `${what} QMp`);
    assert.deepStrictEqual(s.common.QMdf, [1, r.test === "knha" ? 6 : null]); // R: f1$QMdf 1 NA / 1 6
    assert.deepStrictEqual([s.common.QE, s.common.QEp], [null, null]); // R: f1$QE NA
    r.sep.forEach(([b, se, t2], j) => {
      near(s.separate.fits[j].beta, b, tol, `${what} separate beta`);
      near(s.separate.fits[j].se, se, tol, `${what} separate se`);
      near(s.separate.fits[j].tau2, t2, tol, `${what} separate tau2`);
    });
    assert.ok(Number.isFinite(s.separate.Qbetween) && Number.isFinite(s.separate.pval));
    assert.deepStrictEqual(s.warnings, [
      ...qeWarnings("subgroup", "row 2"),
      'subgroup: There are outcomes with non-positive sampling variances (vi = 0 in row 2 in the separate fit of level "a").',
      "subgroup: Cannot compute Q-test, I^2, or H^2 when there are non-positive sampling variances in the data " +
      '(QE, QEp, I2 and H2 are NA in the separate fit of level "a", as metafor).',
    ]);
    assert.equal(s.separate.fits[0].QE, null);
    assert.deepStrictEqual(s.separate.fits[1].warnings, []);
    assert.ok(typeof s.separate.fits[1].QE === "number");
  }
  assert.deepStrictEqual(subgroup({ yi: y8, vi: v8.map((v) => v + 0.01), group: g8 }).warnings, []);
});

Deno.test("subgroup with vi = 0 stops where metafor stops: DL, FE, and a separate fit with tau2 = 0", () => {
  // R: rma(yi, vi, mods = ~ factor(g), method = "DL"): "DL estimator cannot be used when there are
  //    non-positive sampling variances in the data."; method = "FE": "Division by zero when computing
  //    the inverse variance weights." (with test "z" and "knha")
  assertThrows(
    () => subgroup({ yi: y8, vi: v8, group: g8, method: "DL" }),
    ValidationError,
    "DL estimator cannot be used when there are non-positive sampling variances in the data",
  );
  for (const test of ["z", "knha"] as const) {
    const e = assertThrows(() => subgroup({ yi: y8, vi: v8, group: g8, method: "FE", test }), ValidationError);
    assert.match(e.message, /^subgroup: vi = 0 \(row 2\) with tau2 = 0 \(FE model\): "Division by zero when computing/);
  }
  // R: yi <- c(0.10, 0.12, 0.11, 0.9, -0.3, 1.4); vi <- c(0.02, 0, 0.03, 0.04, 0.05, 0.03); g <- rep(c("a", "b"), each = 3)
  //    rma(yi, vi, mods = ~ factor(g)) fits (tau2 0.32391964773285, coef 0.110203540258511 0.5719795067143)
  //    but rma(yi, vi, subset = g == "a"): "Division by zero when computing the inverse variance weights."
  const yi = [0.10, 0.12, 0.11, 0.9, -0.3, 1.4], vi = [0.02, 0, 0.03, 0.04, 0.05, 0.03];
  const common = rmaMods({ yi, vi, mods: { g: ["a", "a", "a", "b", "b", "b"] } });
  near(common.tau2, 0.32391964773285, 1e-6, "tau2");
  near(common.beta[1], 0.5719795067143, 1e-6, "beta");
  const e = assertThrows(() => subgroup({ yi, vi, group: ["a", "a", "a", "b", "b", "b"] }), ValidationError);
  assert.match(
    e.message,
    /^subgroup: vi = 0 \(row 2 in the separate fit of level "a"\) with tau2 = 0: "Division by zero when computing the inverse variance weights", as metafor stops/,
  );
  // the rows are the user's rows, not the subset's
  const e2 = assertThrows(
    () =>
      subgroup({
        yi: [0.9, -0.3, 1.4, ...yi.slice(0, 3)],
        vi: [0.04, 0.05, 0.03, ...vi.slice(0, 3)],
        group: ["a", "a", "a", "b", "b", "b"],
      }),
    ValidationError,
  );
  assert.match(e2.message, /vi = 0 \(row 5 in the separate fit of level "b"\)/);
});

Deno.test("zero Knapp-Hartung scale in regtest's refit or a separate subgroup fit: the message says why and where", () => {
  // metafor 3.8.1 reports se = 0 and t = Inf here (R: rma(c(0.3, 0.3, 0.3), c(0.1, 0.2, 0.3), test = "knha")
  // prints "se 0.0000, tval Inf"; regtest(rma(yi, vi, test = "knha")) with yi = 0.2 + 0.5 * sqrt(vi)
  // prints "t = Inf, df = 2"); the toolkit never returns an infinite t silently, so it refuses and says why.
  const vi = [0.01, 0.04, 0.09, 0.16];
  const e1 = assertThrows(
    () => regtest(rma({ yi: vi.map((v) => 0.2 + 0.5 * Math.sqrt(v)), vi, test: "knha" })),
    ValidationError,
  );
  assert.match(
    e1.message,
    /^regtest: test "knha" is undefined for these data: the model fits every effect size exactly, so the Knapp-Hartung scale factor is 0/,
  );
  const e2 = assertThrows(
    () =>
      subgroup({
        yi: [0.1, 0.3, 0.9, 0.3, 0.5, 0.3],
        vi: [0.1, 0.2, 0.1, 0.3, 0.2, 0.1],
        group: ["b", "a", "b", "a", "b", "a"],
        test: "knha",
      }),
    ValidationError,
  );
  assert.match(e2.message, /the effect sizes are all identical \(yi = 0\.3\), so the Knapp-Hartung scale factor is 0/);
  assert.match(e2.message, /\(in the separate fit of level "a": rows 2, 4, 6\)/);
  for (const e of [e1, e2]) assert.ok(!/full rank/.test(e.message), e.message);
});

Deno.test("analyseStudies passes on the vi = 0 warnings of subgroup and regtest (metafor prints them too)", async () => {
  const { analyseStudies } = await import("../../lib/meta/analyse.ts");
  const csv = [
    "study,yi,vi,g",
    "a,0.1,0,x",
    "b,0.3,0.03,x",
    "c,1.5,0.02,x",
    "d,0.9,0.04,y",
    "e,1.1,0.03,y",
    "f,0.8,0.05,y",
    "g,-0.6,0.02,x",
    "h,0.5,0.06,y",
  ].join("\n");
  const r = analyseStudies(csv, { method: "REML", subgroup: "g", bias: true });
  const has = (re: RegExp) => r.warnings.some((w) => re.test(w));
  if (!has(/^subgroup: .*non-positive sampling variances .*separate fit of level "x"/)) {
    throw new Error(`no subgroup warning in ${JSON.stringify(r.warnings)}`);
  }
  if (!has(/^regtest: .*non-positive sampling variances/)) {
    throw new Error(`no regtest warning in ${JSON.stringify(r.warnings)}`);
  }
});

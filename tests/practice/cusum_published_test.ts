/**
 * The risk-adjusted CUSUM reproduces published worked examples: the vignette of the R package
 * `cusum` 0.4.1 (Lena Hubig, CRAN 2019, GPL-2; "Construct CUSUM charts for hospital performance",
 * inst/doc/cusum.html, following Steiner et al. 2000), on the package's own data
 * `racusum_example_data` (tests/practice/fixtures/racusum_example_data.csv, see the README there),
 * and the package's unit test of `racusum` (tests/testthat/test-racusum.R).
 *
 * The vignette prints (published numbers):
 *   racusum_limit_sim(phase-I scores, odds_multiplier = 2, n_simulation = 1000, alpha = 0.05,
 *                     seed = 2046)                                   -> 3.742861
 *   racusum(phase-II scores, phase-II outcomes, limit = 3.742861, odds_multiplier = 2,
 *           reset = FALSE)                                           -> "We get a signal at t=865"
 *   racusum_alpha_sim(phase-II scores, odds_multiplier = 2, n_simulation = 1000,
 *                     limit = 3.742861, seed = 2046)                 -> 0.058
 * The chart is deterministic given the data and is reproduced exactly; the limit and the
 * false-signal probability are simulations (R's RNG), reproduced within Monte Carlo error.
 *
 * Further reference values (the full path, not printed in the vignette) were computed for this test
 * with the package itself (cusum 0.4.1 installed from the CRAN mirror, R 4.2.2):
 *   cs <- racusum(p2$score, p2$y, limit = racusum_limit, odds_multiplier = 2, reset = FALSE)
 *   cs$ct[c(100, 200, 500, 864, 865, 1000)]
 *     0.205981897103450 2.064374105624707 0.507860773196836 3.598915643636076
 *     4.034479199568273 5.599898768592829
 *   sum(cs$signal) 136; max(cs$ct) 5.99932027408432
 *   racusum(..., reset = TRUE): signals at t = 865 only
 *   racusum_limit_sim(p1$score, odds_multiplier = 2, n_simulation = 20000, alpha = 0.05, seed = 1)
 *     3.674310832
 *   racusum_alpha_sim(p1$score, odds_multiplier = 2, n_simulation = 20000, limit = 3.742861, seed = 1)
 *     0.0457
 *   cs <- racusum(p2$score, p2$y, limit = -1, odds_multiplier = 0.5, reset = TRUE)   # improvement
 *   cs$t[cs$signal == 1] 351; cs$ct[c(50, 300, 600, 1000)] -0.341288136301716 -0.729846069290102
 *     -0.237104124300748 -0.207757888997096
 *
 * Steiner et al. (2000)'s own worked example (the weights of patients of Parsonnet score 0 and 50 under
 * their cardiac-surgery model, pp. 445-446) is reproduced in the last test, with the values as the
 * R package vlad 0.2.2 (Wittenberg, GPL >= 2; tests/testthat/test-llr_score.R and
 * test-gettherisk.R) transcribes them from the paper and from Steiner (2014, "Risk-adjusted
 * monitoring of outcomes in health care", in Lawless (ed.) Statistics in Action, pp. 225-242, p. 234).
 *
 * The package's mapping to this toolkit: patient_risks = 1 - pResponse, patient_outcomes =
 * 1 - responder, odds_multiplier = RA, limit = h.
 */
import assert from "node:assert/strict";
import { cusumSignalProbability, cusumThresholdAlpha, cusumWeight, raCusum } from "../../lib/practice/mod.ts";
import { assertAllClose, assertClose } from "../helpers.ts";

interface Row {
  y: 0 | 1;
  score: number;
  year: number;
}

const rows: Row[] = Deno.readTextFileSync(new URL("./fixtures/racusum_example_data.csv", import.meta.url))
  .trim().split("\n").slice(1).map((line) => {
    const [, y, score, year] = line.split(",");
    return { y: Number(y) as 0 | 1, score: Number(score), year: Number(year) };
  });
const phase1 = rows.filter((r) => r.year === 2016);
const phase2 = rows.filter((r) => r.year === 2017);
const toResponse = (rs: Row[]) => rs.map((r) => 1 - r.score);
const toResponder = (rs: Row[]) => rs.map((r) => (1 - r.y) as 0 | 1);

/** Published limit of the vignette (printed to 7 significant digits). */
const R_LIMIT = 3.742861;

Deno.test("fixture: racusum_example_data as documented (2000 rows, 1000 per year, 18 and 28 events)", () => {
  assert.equal(rows.length, 2000);
  assert.equal(phase1.length, 1000);
  assert.equal(phase2.length, 1000);
  assert.equal(phase1.reduce((a, r) => a + r.y, 0), 18);
  assert.equal(phase2.reduce((a, r) => a + r.y, 0), 28);
  // head(racusum_example_data) in the vignette: scores 0.00237 0.00237 0.02412 0.01893 0.00725 0.00810
  assert.deepEqual(rows.slice(0, 6).map((r) => r.score), [0.00237, 0.00237, 0.02412, 0.01893, 0.00725, 0.0081]);
});

Deno.test("R cusum vignette: the phase-II RA-CUSUM without reset first signals at patient 865 (h = 3.742861, RA = 2)", () => {
  const c = raCusum({ pResponse: toResponse(phase2), responder: toResponder(phase2), h: R_LIMIT, RA: 2, reset: false });
  assert.equal(c.signals[0], 865, "published: 'We get a signal at t=865'");
  // the package's own path (R 4.2.2, cusum 0.4.1; see the header)
  const at = [100, 200, 500, 864, 865, 1000].map((t) => c.S[t - 1]);
  assertAllClose(
    at,
    [0.20598189710345, 2.064374105624707, 0.507860773196836, 3.598915643636076, 4.034479199568273, 5.599898768592829],
    1e-10,
    "S",
  );
  assert.equal(c.signals.length, 136, "every patient at or above h counts without reset, as R's signal column");
  assertClose(Math.max(...c.S), 5.99932027408432, 1e-10, "max S");
  // with the restart of Steiner et al. the chart signals once, at the same patient
  const r = raCusum({ pResponse: toResponse(phase2), responder: toResponder(phase2), h: R_LIMIT, RA: 2 });
  assert.deepEqual(r.signals, [865]);
  assert.equal(r.S[865], Math.max(0, r.W[865]), "restarted at 0 after the signal");
});

Deno.test("R cusum unit test of racusum: ten patients, rounded path 0 0 0 0 0 0 0.51 1.02 1.53 1.53", () => {
  // tests/testthat/test-racusum.R draws the patients with R's generator:
  //   risks <- c(0.001, 0.01, 0.1, 0.002, 0.02, 0.2); set.seed(2046)
  //   patient_risks <- sample(risks, 10, replace = TRUE); set.seed(2046)
  //   outcomes <- as.logical(rbinom(10, 1, patient_risks))
  // and expects round(racusum(..., limit = 2.96, odds_multiplier = 2, reset = TRUE)$ct, 2) to be the
  // values below. The draws, under the generator the package was written for (R 4.2.2 with
  // RNGversion("3.5.0"); R >= 3.6's default sampling gives other draws), are:
  const patientRisks = [0.01, 0.02, 0.02, 0.002, 0.001, 0.002, 0.2, 0.2, 0.2, 0.001];
  const outcomes = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0];
  const c = raCusum({
    pResponse: patientRisks.map((p) => 1 - p),
    responder: outcomes.map((y) => (1 - y) as 0 | 1),
    h: 2.96,
    RA: 2,
  });
  assert.deepEqual(c.S.map((s) => Math.round(s * 100) / 100), [0, 0, 0, 0, 0, 0, 0.51, 1.02, 1.53, 1.53]);
  // full precision from the package (R 4.2.2): 0.510825623765991 1.021651247531981 1.532476871297972 1.531477370964889
  assertAllClose(
    c.S.slice(6),
    [0.510825623765991, 1.021651247531981, 1.532476871297972, 1.531477370964889],
    1e-12,
    "S7-10",
  );
  assert.deepEqual(c.signals, []);
});

Deno.test("R cusum vignette: the simulated limit for alpha 0.05 over 1000 phase-I patients agrees with 3.742861 within Monte Carlo error", () => {
  const t = cusumThresholdAlpha({
    pResponse: toResponse(phase1),
    alpha: 0.05,
    n: 1000,
    RA: 2,
    reps: 20000,
    seed: 2046,
  });
  console.log(
    `h(alpha 0.05) = ${t.h.toFixed(4)} (MCSE ${t.mcse.toFixed(4)}); R: 3.742861 (1000 runs), 3.674311 (20000)`,
  );
  // the published value is a quantile of 1000 simulated maxima: its MCSE is about sqrt(20000 / 1000) times ours
  const se = t.mcse * Math.sqrt(1 + 20);
  assert.ok(Math.abs(t.h - R_LIMIT) < 3 * se, `h ${t.h} vs ${R_LIMIT} (combined MCSE ${se})`);
  // the package with 20000 runs (computed for this test, see the header): 3.674310832
  assert.ok(Math.abs(t.h - 3.674310832) < 3 * t.mcse * Math.SQRT2, `h ${t.h} vs R's 20000-run 3.6743`);
  // by construction the false-signal probability at the published limit on the phase-I case mix is
  // about 0.05 (the package with 20000 runs: 0.0457)
  const p1 = cusumSignalProbability({ pResponse: toResponse(phase1), h: R_LIMIT, n: 1000, reps: 20000, seed: 7 });
  const se1 = Math.sqrt(0.05 * 0.95 / 1000 + p1.mcse ** 2);
  assert.ok(Math.abs(p1.probability - 0.05) < 3 * se1, `P(signal) phase I ${p1.probability}`);
  const se2 = Math.sqrt(0.0457 * 0.9543 / 20000 + p1.mcse ** 2);
  assert.ok(Math.abs(p1.probability - 0.0457) < 3 * se2, `P(signal) phase I ${p1.probability} vs R's 20000-run 0.0457`);
});

Deno.test("R cusum vignette: the simulated false-signal probability on the phase-II case mix at h = 3.742861 agrees with 0.058", () => {
  const p = cusumSignalProbability({ pResponse: toResponse(phase2), h: R_LIMIT, RA: 2, reps: 10000, seed: 2046 });
  assert.equal(p.n, 1000, "the period defaults to the number of patients given");
  // R's 0.058 comes from 1000 periods: binomial MCSE sqrt(0.058 * 0.942 / 1000) = 0.0074
  const se = Math.sqrt(0.058 * 0.942 / 1000 + p.mcse ** 2);
  console.log(`P(false signal in 1000 phase-II patients) = ${p.probability} (MCSE ${p.mcse.toFixed(4)}); R 0.058`);
  assert.ok(Math.abs(p.probability - 0.058) < 3 * se, `${p.probability} vs 0.058 (combined MCSE ${se})`);
  assert.throws(
    () => cusumSignalProbability({ pResponse: [0.9], h: 2, RA: 1, seed: 1 }),
    /cusumSignalProbability: RA must differ from 1/,
  );
});

Deno.test("R cusum: the chart for improvement (odds_multiplier 0.5, limit -1) is this chart with RA = 0.5, h = 1, S = -ct", () => {
  const c = raCusum({ pResponse: toResponse(phase2), responder: toResponder(phase2), h: 1, RA: 0.5 });
  assert.deepEqual(c.signals, [351]);
  assertAllClose(
    [50, 300, 600, 1000].map((t) => -c.S[t - 1]),
    [-0.341288136301716, -0.729846069290102, -0.237104124300748, -0.207757888997096],
    1e-10,
    "-S",
  );
});

Deno.test("Steiner et al. 2000, pp. 445-446: risks and weights of patients with Parsonnet score 0 and 50 (logit p = -3.68 + 0.077 Parsonnet)", () => {
  // the paper's risk model for 30-day mortality after cardiac surgery; the adverse outcome (death)
  // is this toolkit's non-response, so pResponse = 1 - p and responder = 1 - died
  const risk = (parsonnet: number) => 1 / (1 + Math.exp(-(-3.68 + 0.077 * parsonnet)));
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  // p. 445: a patient with Parsonnet score 0 has risk 0.025, one with 71 has 0.86; Steiner (2014)
  // p. 234: score 50 has 0.542
  assert.equal(round(risk(0), 3), 0.025);
  assert.equal(round(risk(71), 2), 0.86);
  assert.equal(round(risk(50), 3), 0.542);
  const w = (parsonnet: number, died: 0 | 1, RA: number) =>
    cusumWeight({ pResponse: 1 - risk(parsonnet), responder: (1 - died) as 0 | 1, RA });
  // p. 446, RA = 2 (two significant digits): score 0 survives -0.024, dies 0.67; score 50
  // survives -0.43, dies 0.26
  const sig2 = (x: number) => Number(x.toPrecision(2));
  assert.deepEqual([w(0, 0, 2), w(0, 1, 2), w(50, 0, 2), w(50, 1, 2)].map(sig2), [-0.024, 0.67, -0.43, 0.26]);
  // Steiner (2014) p. 234, three decimals: RA = 2 and RA = 1/2 (the chart for improvement)
  assert.deepEqual([w(0, 0, 2), w(0, 1, 2), w(50, 0, 2), w(50, 1, 2)].map((x) => round(x, 3)), [
    -0.024,
    0.669,
    -0.433,
    0.26,
  ]);
  assert.deepEqual([w(0, 0, 0.5), w(0, 1, 0.5), w(50, 0, 0.5), w(50, 1, 0.5)].map((x) => round(x, 3)), [
    0.012,
    -0.681,
    0.316,
    -0.377,
  ]);
});

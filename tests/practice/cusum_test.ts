/**
 * Risk-adjusted CUSUM (Steiner, Cook, Farewell & Treasure 2000, Biostatistics 1:441-452) on responder
 * status: the weights from the paper's formula checked by hand on 3 patients, restart after a signal,
 * the VLAD, and a control limit whose simulated in-control run length matches the design value within
 * Monte Carlo error.
 */
import assert from "node:assert/strict";
import {
  cusumRunLength,
  cusumThreshold,
  cusumWeight,
  monitorCentres,
  raCusum,
  simulateRegistry,
} from "../../lib/practice/mod.ts";
import { assertAllClose, assertClose } from "../helpers.ts";

Deno.test("Steiner 2000 weights by hand: W = log[(1 - p + R0 p) RA / ((1 - p + RA p) R0)] if adverse, log[(1 - p + R0 p) / (1 - p + RA p)] if not", () => {
  // Adverse outcome = non-response; p = 1 - P(response). RA = 2, R0 = 1.
  // Patient 1: P(response) 0.9 -> p = 0.1, did not respond: W = log(2 / (0.9 + 0.2)) = log(1.818182) = 0.5978370
  // Patient 2: P(response) 0.8 -> p = 0.2, responded:        W = log(1 / (0.8 + 0.4)) = log(0.833333) = -0.1823216
  // Patient 3: P(response) 0.5 -> p = 0.5, did not respond: W = log(2 / (0.5 + 1.0)) = log(1.333333) = 0.2876821
  // CUSUM: S1 = 0.5978370, S2 = 0.4155154, S3 = 0.7031975.
  assertClose(cusumWeight({ pResponse: 0.9, responder: 0 }), 0.5978370007556204, 1e-12, "W1");
  assertClose(cusumWeight({ pResponse: 0.8, responder: 1 }), -0.1823215567939546, 1e-12, "W2");
  assertClose(cusumWeight({ pResponse: 0.5, responder: 0 }), 0.28768207245178085, 1e-12, "W3");
  const c = raCusum({ pResponse: [0.9, 0.8, 0.5], responder: [0, 1, 0], h: 10 });
  assertAllClose(c.S, [0.5978370007556204, 0.4155154439616658, 0.7031975164134466], 1e-12, "S");
  // VLAD: cumulative observed - expected responders: 0 - 0.9, + (1 - 0.8), + (0 - 0.5)
  assertAllClose(c.vlad, [-0.9, -0.7, -1.2], 1e-12, "VLAD");
  // with R0 = RA the chart has no information: every weight is 0
  assert.equal(cusumWeight({ pResponse: 0.3, responder: 0, RA: 1.5, R0: 1.5 }), 0);
  // a centre doing better than predicted (RA < 1) is charted with the mirror weights
  assertClose(cusumWeight({ pResponse: 0.5, responder: 1, RA: 0.5 }), Math.log(1 / 0.75), 1e-14, "RA 0.5");
});

Deno.test("raCusum restarts at 0 after a signal", () => {
  const c = raCusum({ pResponse: [0.9, 0.9, 0.9, 0.9], responder: [0, 0, 0, 0], h: 1 });
  // each non-response adds 0.5978: S = 0.598, 1.196 (signal, restart), 0.598, 1.196 (signal)
  assert.deepEqual(c.signals, [2, 4]);
  assertAllClose(c.S, [0.5978370007556204, 1.1956740015112408, 0.5978370007556204, 1.1956740015112408], 1e-12, "S");
  // reset: false keeps accumulating; every patient at or above h is listed
  const k = raCusum({ pResponse: [0.9, 0.9, 0.9, 0.9], responder: [0, 0, 0, 0], h: 1, reset: false });
  assert.deepEqual(k.signals, [2, 3, 4]);
  assertAllClose(k.S, [1, 2, 3, 4].map((t) => t * 0.5978370007556204), 1e-12, "S without reset");
  assert.throws(
    () => raCusum({ pResponse: [0.9], responder: [0], h: 1, reset: "no" as never }),
    /raCusum: reset/,
  );
});

Deno.test("control limit from the simulated in-control ARL: an independent simulation at h gives the design ARL within Monte Carlo error", () => {
  // case mix: response probabilities of a simulated registry's patients (spread 0.35-0.85)
  const pResponse = Array.from({ length: 200 }, (_, i) => 0.35 + 0.5 * (i / 199));
  const t = cusumThreshold({ pResponse, arl0: 300, reps: 1000, seed: 7 });
  assert.ok(Math.abs(t.arl - 300) < 2, `ARL at h on the design runs: ${t.arl}`);
  const check = cusumRunLength({ pResponse, h: t.h, reps: 2000, seed: 8 });
  const se = Math.sqrt(t.mcse ** 2 + check.mcse ** 2);
  console.log(
    `h = ${t.h.toFixed(3)}; design ARL0 300; independent ARL ${check.arl.toFixed(1)} (MCSE ${check.mcse.toFixed(1)})`,
  );
  assert.ok(Math.abs(check.arl - 300) < 3 * se, `independent ARL ${check.arl} (combined MCSE ${se})`);
  // out of control (odds of non-response doubled) the chart signals much sooner
  const ooc = cusumRunLength({ pResponse, h: t.h, reps: 500, seed: 9, trueOR: 2 });
  assert.ok(ooc.arl < 300 / 4, `ARL1 ${ooc.arl}`);
});

Deno.test("monitorCentres: a centre with a true shortfall signals, ordinary centres rarely do", () => {
  const reg = simulateRegistry({ centres: 10, years: 3, centreSD: 0, shortfall: -10, shortfallCentres: 1 }, 3);
  const m = monitorCentres({ rows: reg.patients, arl0: 500, reps: 300, seed: 4 });
  assert.equal(m.centres.length, 10);
  const c01 = m.centres.find((c) => c.centre === "C01");
  assert.ok(c01 && c01.chart.signals.length > 0, "C01 signals");
  assert.ok((c01?.chart.vlad.at(-1) as number) < -10, "C01 has fewer responders than expected");
  const others = m.centres.filter((c) => c.centre !== "C01").reduce((a, c) => a + c.chart.signals.length, 0);
  assert.ok(others <= 3, `false signals ${others}`);
  assert.throws(() => monitorCentres({ rows: reg.patients, seed: 1, RA: 1 }), /monitorCentres: RA must differ from 1/);
});

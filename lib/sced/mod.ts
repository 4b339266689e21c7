/**
 * Single-case experimental designs (SCED): designs and assignment spaces, exact and Monte Carlo
 * randomisation tests, combining p-values, effect sizes, AR(1) simulation and power.
 *
 * - designs.ts: phase (AB, ABAB, ABCD, ...), CRD, RBD, ATD and multiple-baseline designs; counts,
 *   lazy enumeration, uniform draws.
 * - statistics.ts: test statistics with explicit direction ("A-B" when improvement is a decrease).
 * - test.ts: `randomizationTest` (exact / Monte Carlo) and `replicatedTest` (per case + combined).
 * - fast.ts: allocation-free fast path for AB/MBD mean differences (`mbdTestFast`, tables +
 *   `mbdMonteCarloCore`) and seeded AR(1) simulation (`simulateAR1`).
 * - combine.ts: Edgington (exact), Fisher, Stouffer.
 * - effects.ts: NAP, Tau, PND, PEM, LRR, within-case SMD (oriented: positive = improvement).
 * - power.ts: `scedPower`, `powerCurve` (AR(1) data, randomised start, exact or Monte Carlo tests).
 * - data.ts: long-format CSV (`case,measurement,phase,value`) and starts files.
 *
 * @example
 * import { randomizationTest } from "./mod.ts";
 * randomizationTest({ design: { type: "phase", phases: ["A", "B"], n: 10, limit: 1 },
 *   values: [10, 9, 8, 10, 7, 2, 5, 3, 4, 5], labels: [..."AAAAABBBBB"], statistic: "A-B" }).p; // 1/9
 * @module
 */
export * from "./designs.ts";
export * from "./statistics.ts";
export * from "./test.ts";
export * from "./fast.ts";
export * from "./combine.ts";
export * from "./effects.ts";
export * from "./power.ts";
export * from "./data.ts";

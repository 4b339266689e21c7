/**
 * evidence-lab: evidence synthesis for chronic-pain rehabilitation, for researchers, guideline
 * committees and students who want to recompute, check and extend the evidence on
 * interdisciplinary pain rehabilitation (IMSR). This root module re-exports every engine; import
 * one engine (`@evidence-lab/evidence-lab/meta`) to load less.
 *
 * | engine        | what it does                                                                     |
 * | ------------- | -------------------------------------------------------------------------------- |
 * | `effects`     | effect sizes as metafor's `escalc` (SMCR, SMD, RR, …) and conversions              |
 * | `meta`        | `rma` (nine τ² estimators), meta-regression, subgroups, bias, multilevel models   |
 * | `responders`  | responder rates, their intervals, differences, NNT and pooling                    |
 * | `sced`        | single-case designs: randomisation tests, effect sizes, between-case SMD           |
 * | `design`      | simulating PICO and PIO study designs and diagnosing them                         |
 * | `practice`    | benchmarking centres: case mix, funnel plots, shrinkage                           |
 * | `evidence`    | the seed's evidence tables, their audit, risk of bias, certainty, summary of findings |
 * | `stats`, `io` | distributions and seeded random numbers; one CSV reader                           |
 * | `plot`        | Observable Plot builders for all of the above                                     |
 *
 * @example
 * ```ts
 * import { escalc, normalizeLevel, rma } from "./mod.ts";
 * const es = escalc("SMCR", {
 *   m1i: [38.5, 26.8, 0.7, 75.9, 36], m2i: [30.6, 23.5, 0.5, 53.4, 35.6],
 *   sd1i: [15, 3.1, 0.1, 14.5, 4.7], ni: [20, 50, 9, 10, 14], ri: [0.47, 0.64, 0.77, 0.89, 0.44],
 * });
 * const fit = rma({ yi: es.yi, vi: es.vi, method: "REML", level: 0.95 });
 * if (fit.beta.toFixed(4) !== "0.9121" || fit.ci_lb.toFixed(4) !== "0.3512") throw new Error("Morris 2008");
 * if (normalizeLevel(0.95) !== 95) throw new Error("level");
 * ```
 * @module
 */
export * from "./lib/conventions.ts";
export * from "./lib/format.ts";
export * from "./lib/instruments.ts";
export * from "./lib/stats/mod.ts";
export * from "./lib/io/mod.ts";
export * from "./lib/effects/mod.ts";
export * from "./lib/meta/mod.ts";
export * from "./lib/responders/mod.ts";
export * from "./lib/sced/mod.ts";
export * from "./lib/design/mod.ts";
export * from "./lib/practice/mod.ts";
export * from "./lib/evidence/mod.ts";
export * from "./lib/plot/mod.ts";

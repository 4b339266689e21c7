/**
 * The practice engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./benchmark.ts";
export * from "./casemix.ts";
export * from "./diagnose.ts";
export * from "./funnel.ts";
export * from "./registry.ts";
export * from "./shrink.ts";
export * from "./tau2.ts";
export * from "./upload.ts";

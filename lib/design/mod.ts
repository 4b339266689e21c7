/**
 * The design engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./analytic.ts";
export * from "./answers.ts";
export * from "./data.ts";
export * from "./defaults.ts";
export * from "./diagnose.ts";
export * from "./model.ts";
export * from "./parallel.ts";
export * from "./results.ts";
export * from "./schema.ts";
export * from "./simulate.ts";

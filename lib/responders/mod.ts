/**
 * The responders engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./compare.ts";
export * from "./intervals.ts";
export * from "./pool.ts";
export * from "./responders.ts";

/**
 * The plot engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./design.ts";
export * from "./evidence.ts";
export * from "./forest.ts";
export * from "./funnel.ts";
export * from "./practice.ts";
export * from "./sced.ts";
export * from "./theme.ts";
export * from "./meta_diag.ts";

/**
 * The stats engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./distributions.ts";
export * from "./random.ts";

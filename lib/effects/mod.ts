/**
 * The effects engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./convert.ts";
export * from "./escalc.ts";

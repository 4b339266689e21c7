/**
 * The evidence engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./audit.ts";
export * from "./load.ts";
export * from "./reproduce.ts";
export * from "./schemas.ts";

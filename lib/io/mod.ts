/**
 * The io engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./csv.ts";
export * from "./diary.ts";

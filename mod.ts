/**
 * evidence-lab: evidence synthesis for chronic-pain rehabilitation. This root module re-exports
 * every engine; import one engine (`@evidence-lab/evidence-lab/meta`) to load less.
 *
 * @example
 * ```ts
 * import { normalizeLevel } from "./mod.ts";
 * if (normalizeLevel(0.95) !== 95) throw new Error("level");
 * ```
 * @module
 */
export * from "./lib/conventions.ts";
export * from "./lib/format.ts";

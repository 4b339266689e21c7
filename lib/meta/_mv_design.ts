/**
 * Factor levels and model matrices for the multilevel engine, as R builds them: levels sorted as
 * R's `sort()` in the C locale (numbers numerically, strings by code point, so upper case before
 * lower case and "10" before "9"), treatment contrasts with the first level as reference, columns
 * named `<column><level>`. Internal: not exported from `mod.ts`.
 * @module
 */
import { fail, failAt } from "../validate.ts";

/** An id of a cluster, observation or outcome: a number or a string. */
export type Id = string | number;

/** R's C-locale sort of the distinct values (numbers numerically, strings by code point). */
export function sortedLevels(values: readonly Id[]): Id[] {
  const distinct = [...new Set(values)];
  if (distinct.every((v) => typeof v === "number")) return (distinct as number[]).sort((a, b) => a - b);
  const s = [...new Set(values.map(String))];
  return s.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // UTF-16 code units = code points in the BMP
}

/** Level index (0-based, in sorted order) of every value, and the levels. */
export function factorIndex(values: readonly Id[]): { index: Int32Array; levels: string[] } {
  const levels = sortedLevels(values);
  const map = new Map<string, number>();
  levels.forEach((l, i) => map.set(String(l), i));
  const index = new Int32Array(values.length);
  values.forEach((v, i) => (index[i] = map.get(String(v))!));
  return { index, levels: levels.map(String) };
}

/** Validate an id column: k values, each a finite number or a non-empty string. */
export function checkIds(tool: string, field: string, ids: unknown, k: number): Id[] {
  if (!Array.isArray(ids)) fail(tool, field, `must be an array of ${k} ids (numbers or strings)`, ids);
  if (ids.length !== k) fail(tool, field, `must have ${k} elements (like yi)`, ids.length);
  ids.forEach((v, i) => {
    const ok = (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.length > 0);
    if (!ok) {
      failAt(tool, i + 1, `${field}[${i}]`, "must be an id (a finite number or a non-empty string)", v);
    }
  });
  return ids as Id[];
}

/**
 * Build the model matrix from named columns (numbers: as they are; strings: treatment-coded with
 * the first sorted level as reference; without intercept the first factor keeps all levels).
 */
export function designFromColumns(
  tool: string,
  mods: Record<string, readonly number[] | readonly string[]>,
  k: number,
  intercept: boolean,
): { X: number[][]; names: string[] } {
  const cols: number[][] = [];
  const names: string[] = [];
  if (intercept) {
    cols.push(new Array(k).fill(1));
    names.push("intrcpt");
  }
  let firstFactor = true;
  for (const [name, col] of Object.entries(mods)) {
    if (!Array.isArray(col)) fail(tool, `mods.${name}`, "must be an array of numbers or of strings", col);
    if (col.length !== k) fail(tool, `mods.${name}`, `must have ${k} elements (like yi)`, col.length);
    if (col.every((v) => typeof v === "string")) {
      const levels = sortedLevels(col as string[]).map(String);
      const used = !intercept && firstFactor ? levels : levels.slice(1);
      for (const lev of used) {
        cols.push((col as string[]).map((v) => (v === lev ? 1 : 0)));
        names.push(`${name}${lev}`);
      }
      firstFactor = false;
    } else {
      (col as unknown[]).forEach((v, i) => {
        if (typeof v !== "number" || !Number.isFinite(v)) {
          failAt(tool, i + 1, `mods.${name}[${i}]`, "must be a finite number (or the whole column strings)", v);
        }
      });
      cols.push((col as number[]).slice());
      names.push(name);
    }
  }
  const X = Array.from({ length: k }, (_, i) => cols.map((c) => c[i]));
  return { X, names };
}

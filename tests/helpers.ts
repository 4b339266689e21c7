/**
 * Shared test helpers: numeric comparison with a relative tolerance, and fixture loading from
 * `../shared/fixtures` (CI has `../shared` beside the checkout).
 * @module
 */
import { fileURLToPath as fromFileUrl } from "node:url";

/** Absolute path of a file in ../shared/fixtures (relative to the repository root). */
export function fixturePath(relative: string): string {
  return fromFileUrl(new URL(`../../shared/fixtures/${relative}`, import.meta.url));
}

/** Parse a JSON fixture from ../shared/fixtures. */
export function readFixture<T = any>(relative: string): T {
  return JSON.parse(Deno.readTextFileSync(fixturePath(relative))) as T;
}

/** Absolute path of a file in this repository (relative to its root). */
export function repoPath(relative: string): string {
  return fromFileUrl(new URL(`../${relative}`, import.meta.url));
}

/** The five data files the summary-of-findings builder reads (`SeedFiles` of lib/evidence), as the sof CLI and the certainty notebook load them. */
export function readSeedFiles(): {
  estimates: string;
  studies: string;
  smc_review: string;
  assumptions: string;
  instruments: string;
} {
  const read = (p: string) => Deno.readTextFileSync(repoPath(p));
  return {
    estimates: read("data/evidence/estimates.csv"),
    studies: read("data/evidence/studies.csv"),
    smc_review: read("data/evidence/smc_review.csv"),
    assumptions: read("data/evidence/assumptions.csv"),
    instruments: read("data/instruments.csv"),
  };
}

/**
 * Assert |actual - expected| <= rel * max(|expected|, tiny) (or both are null/NaN-free equal).
 * The message names `label`, both numbers and the relative difference.
 */
export function assertClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  rel: number,
  label = "value",
  abs = 0,
): void {
  if (expected === null || expected === undefined) {
    if (actual === null || actual === undefined) return;
    throw new Error(`${label}: expected nothing, got ${actual}`);
  }
  if (typeof actual !== "number" || Number.isNaN(actual)) {
    throw new Error(`${label}: expected ${expected}, got ${actual}`);
  }
  if (actual === expected) return;
  const diff = Math.abs(actual - expected);
  const scale = Math.max(Math.abs(expected), 1e-300);
  if (diff > rel * scale && diff > abs) {
    throw new Error(
      `${label}: expected ${expected}, got ${actual} (relative difference ${(diff / scale).toExponential(2)} > ${rel})`,
    );
  }
}

/** assertClose over two arrays of equal length. */
export function assertAllClose(
  actual: readonly number[],
  expected: readonly number[],
  rel: number,
  label = "values",
  abs = 0,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${label}: expected ${expected.length} values, got ${actual.length}`);
  }
  expected.forEach((e, i) => assertClose(actual[i], e, rel, `${label}[${i}]`, abs));
}

/** What a CLI printed: its exit code, standard output and standard error. */
export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run a CLI's exported `main(args)` in-process and capture what it prints through `console.log`
 * (stdout) and `console.error` (stderr).
 */
export async function captureCli(
  main: (args: string[]) => Promise<number> | number,
  args: string[],
): Promise<CliOutput> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => out.push(a.map(String).join(" "));
  console.error = (...a: unknown[]) => err.push(a.map(String).join(" "));
  try {
    const code = await main(args);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

/**
 * Internal fast paths for AB and multiple-baseline randomisation tests and AR(1) simulation, for
 * callers that run thousands of tests (power analysis, the design simulator). Not part of the
 * public API (see `mod.ts`): nothing here validates its input.
 *
 * The idea: in an AB series (and in every participant of a multiple-baseline design) the statistic
 * depends only on the start of B, so it is computed once per candidate start (O(1) per start for
 * mean differences, from prefix sums), and a multiple-baseline statistic for any assignment is then
 * a sum of table look-ups. The Monte Carlo loop draws integers from the project's seeded stream
 * (lib/stats/random.ts) and allocates nothing.
 *
 * Conventions (identical to `randomizationTest` in `test.ts`):
 * - statistic for an MBD = mean over participants of each participant's statistic;
 * - exact p = #(stat >= observed − tol) / #assignments, the observed assignment included;
 * - Monte Carlo p = (k + 1) / (M + 1), k = #draws with stat >= observed − tol (never 0);
 * - tol = tolerance × max(1, |observed|), tolerance 1e-10 by default;
 * - missing values (NaN or null) stay in place; means use the observed values only.
 * @module
 */
import { fail } from "../validate.ts";
import { createRandom } from "../stats/random.ts";

/** Default relative tolerance for ties: stat counts if stat >= observed − 1e-10 × max(1, |observed|). */
export const DEFAULT_TOLERANCE = 1e-10;

/** Absolute tie tolerance for an observed statistic. */
export function tieThreshold(observed: number, tolerance = DEFAULT_TOLERANCE): number {
  return observed - tolerance * Math.max(1, Math.abs(observed));
}

/** The slice of a seeded stream that the inner loops use (0-based integers, uniforms, normals). */
export interface FastRandom {
  /** Uniform integer in [0, n), unbiased. */
  int(n: number): number;
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

/**
 * The project's seeded stream (`createRandom` in lib/stats/random.ts, pure-rand's xoroshiro128+)
 * seen through the small {@link FastRandom} interface the inner loops use. Same seed, same stream
 * on every platform.
 * @example createFastRandom(1).int(6) // an integer in 0..5
 */
export function createFastRandom(seed: number): FastRandom {
  const rng = createRandom(seed);
  return {
    int: (n: number) => rng.int(0, n - 1),
    uniform: () => rng.uniform(),
    normal: () => rng.normal(),
  };
}

/** Mean-difference statistics the fast path supports. */
export type MeanStatistic = "A-B" | "B-A" | "|A-B|";

/** The three multiple-baseline randomisation schemes. */
export type MbdScheme = "wampold-worsham" | "koehler-levin" | "marascuilo-busk";

/** What the exact and Monte Carlo cores return. */
export interface CoreResult {
  /** Observed statistic (mean over participants). */
  observed: number;
  /** Exact or Monte Carlo p-value. */
  pval: number;
  /** Number of statistics >= observed − tol (exact: including the observed; MC: among the draws). */
  k: number;
  /** MC draws, or the number of assignments for exact. */
  n: number;
  /** How p was computed. */
  method: "exact" | "monte-carlo";
}

/**
 * The mean-difference statistic of one AB series for every candidate start of B (1-based), in O(1)
 * per start from prefix sums. Missing values (NaN or null) are skipped; a start that leaves a
 * phase with no observed value gives NaN in the table (callers decide; the tests throw).
 * @example abStatisticByStart([5, 6, 2, 1], [2, 3, 4], "A-B") // Float64Array [5 - 3, 5.5 - 1.5, 13/3 - 1]
 */
export function abStatisticByStart(
  values: ArrayLike<number | null>,
  starts: ArrayLike<number>,
  statistic: MeanStatistic,
  out = new Float64Array(starts.length),
): Float64Array {
  const n = values.length;
  const ps = new Float64Array(n + 1);
  const pc = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const ok = v !== null && !Number.isNaN(v);
    ps[i + 1] = ps[i] + (ok ? v as number : 0);
    pc[i + 1] = pc[i] + (ok ? 1 : 0);
  }
  const totalS = ps[n], totalC = pc[n];
  for (let j = 0; j < starts.length; j++) {
    const s = starts[j];
    const sa = ps[s - 1], ca = pc[s - 1];
    const cb = totalC - ca;
    if (ca === 0 || cb === 0) {
      out[j] = NaN;
      continue;
    }
    const d = sa / ca - (totalS - sa) / cb;
    out[j] = statistic === "A-B" ? d : statistic === "B-A" ? -d : Math.abs(d);
  }
  return out;
}

/**
 * Precomputed MBD tables: `table[(i * T + t) * S + j]` = statistic of participant i if its B
 * starts at the j-th start of set t (MB: T = 1 and t = i's own set).
 */
export interface PreparedMbd {
  N: number;
  scheme: MbdScheme;
  sizes: Int32Array;
  S: number;
  table: Float64Array;
  /** Observed statistic (mean over participants). */
  observed: number;
  /** Observed sum over participants, summed in participant order. */
  observedSum: number;
}

/**
 * Build the look-up tables from per-participant statistics by start: `statAt(i, start)` returns the
 * statistic of participant i with B starting at `start` (NaN if undefined). Used by the general
 * engine (any per-case statistic) and by {@link mbdTestFast} (mean differences).
 */
export function prepareMbdTables(
  N: number,
  scheme: MbdScheme,
  starts: number[][],
  observed: number[],
  statAt: (i: number, starts: number[]) => Float64Array,
  context: string,
): PreparedMbd {
  const sizes = Int32Array.from(starts, (s) => s.length);
  const S = Math.max(...sizes);
  const T = scheme === "marascuilo-busk" ? 1 : N;
  const table = new Float64Array(N * T * S).fill(NaN);
  for (let i = 0; i < N; i++) {
    for (let tt = 0; tt < T; tt++) {
      const set = scheme === "marascuilo-busk" ? starts[i] : starts[tt];
      const vals = statAt(i, set);
      for (let j = 0; j < set.length; j++) {
        if (Number.isNaN(vals[j])) {
          fail(
            context,
            `participant ${i + 1}`,
            `statistic is undefined with B starting at ${set[j]} (a phase has no observed value)`,
          );
        }
        table[(i * T + tt) * S + j] = vals[j];
      }
    }
  }
  let observedSum = 0;
  for (let i = 0; i < N; i++) {
    const s = observed[i];
    const own = statAt(i, [s])[0];
    if (Number.isNaN(own)) {
      fail(context, `observed[${i}]`, "gives an undefined statistic (a phase has no observed value)", s);
    }
    const sets = scheme === "marascuilo-busk" ? [starts[i]] : starts;
    if (!sets.some((set) => set.includes(s))) {
      fail(
        context,
        `observed[${i}]`,
        `must be one of the possible starts (${[...new Set(sets.flat())].join(", ")})`,
        s,
      );
    }
    observedSum += own;
  }
  return { N, scheme, sizes, S, table, observed: observedSum / N, observedSum };
}

export function prepareMbd(
  values: (number | null)[][],
  scheme: MbdScheme,
  starts: number[][],
  observed: number[],
  statistic: MeanStatistic,
  context: string,
): PreparedMbd {
  values.forEach((v, i) => {
    const sets = scheme === "marascuilo-busk" ? [starts[i]] : starts;
    for (const set of sets) {
      for (const s of set) {
        if (s > v.length) fail(context, `starts`, `must be <= the length of participant ${i + 1} (${v.length})`, s);
      }
    }
    if (observed[i] > v.length) fail(context, `observed[${i}]`, `must be <= ${v.length}`, observed[i]);
  });
  return prepareMbdTables(
    values.length,
    scheme,
    starts,
    observed,
    (i, set) => abStatisticByStart(values[i], set, statistic),
    context,
  );
}

/**
 * Monte Carlo core on prepared tables: M draws from the scheme, no allocation in the loop.
 * Returns p = (k + 1) / (M + 1).
 */
export function mbdMonteCarloCore(
  pre: PreparedMbd,
  draws: number,
  rng: FastRandom,
  tolerance = DEFAULT_TOLERANCE,
  record?: (stat: number) => void,
): CoreResult {
  const { N, sizes, S, table, scheme } = pre;
  const thr = tieThreshold(pre.observed, tolerance) * N;
  const thrSum = Math.min(thr, pre.observedSum);
  let k = 0;
  if (scheme === "marascuilo-busk") {
    for (let m = 0; m < draws; m++) {
      let sum = 0;
      for (let i = 0; i < N; i++) sum += table[i * S + rng.int(sizes[i])];
      if (sum >= thrSum) k++;
      if (record) record(sum / N);
    }
  } else {
    const perm = new Int32Array(N);
    const choice = new Int32Array(N);
    for (let m = 0; m < draws; m++) {
      for (let i = 0; i < N; i++) perm[i] = i;
      for (let i = N - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (let t = 0; t < N; t++) choice[t] = sizes[t] === 1 ? 0 : rng.int(sizes[t]);
      let sum = 0;
      for (let i = 0; i < N; i++) {
        const t = perm[i];
        sum += table[(i * N + t) * S + choice[t]];
      }
      if (sum >= thrSum) k++;
      if (record) record(sum / N);
    }
  }
  return { observed: pre.observed, pval: (k + 1) / (draws + 1), k, n: draws, method: "monte-carlo" };
}

/**
 * Exact core on prepared tables: enumerates every assignment of the scheme (depth-first, nothing
 * materialised) and counts sums >= the observed − tol. Optionally records every statistic.
 */
export function mbdExactCore(
  pre: PreparedMbd,
  tolerance = DEFAULT_TOLERANCE,
  record?: (stat: number) => void,
): CoreResult {
  const { N, sizes, S, table, scheme } = pre;
  const thr = Math.min(tieThreshold(pre.observed, tolerance) * N, pre.observedSum);
  let k = 0;
  let total = 0;
  if (scheme === "marascuilo-busk") {
    const rec = (i: number, sum: number) => {
      if (i === N) {
        total++;
        if (sum >= thr) k++;
        if (record) record(sum / N);
        return;
      }
      const base = i * S;
      for (let j = 0; j < sizes[i]; j++) rec(i + 1, sum + table[base + j]);
    };
    rec(0, 0);
  } else {
    // participants -> tiers permutations (Heap-free lexicographic), then start choices per tier
    const perm = Array.from({ length: N }, (_, i) => i);
    const used = new Uint8Array(N);
    const tierOf = new Int32Array(N);
    const assignTier = (i: number) => {
      if (i === N) {
        // enumerate choices per tier; sum in participant order
        const choice = new Int32Array(N);
        while (true) {
          let sum = 0;
          for (let p = 0; p < N; p++) {
            const t = tierOf[p];
            sum += table[(p * N + t) * S + choice[t]];
          }
          total++;
          if (sum >= thr) k++;
          if (record) record(sum / N);
          let t = N - 1;
          while (t >= 0 && ++choice[t] === sizes[t]) choice[t--] = 0;
          if (t < 0) break;
        }
        return;
      }
      for (const t of perm) {
        if (used[t]) continue;
        used[t] = 1;
        tierOf[i] = t;
        assignTier(i + 1);
        used[t] = 0;
      }
    };
    assignTier(0);
  }
  return { observed: pre.observed, pval: k / total, k, n: total, method: "exact" };
}

/** Unvalidated AR(1) generator used in inner loops (see `simulateAR1` in fast.ts): e_t = phi ·
 * e_{t−1} + u_t, started from the stationary distribution; innovations of SD `sd`
 * (`"innovation"`) or scaled so that the series has SD `sd` (`"marginal"`). */
export function ar1Into(
  n: number,
  phi: number,
  sd: number,
  scale: "innovation" | "marginal",
  rng: FastRandom,
  out: Float64Array,
): Float64Array {
  const su = scale === "innovation" ? sd : sd * Math.sqrt(1 - phi * phi);
  const s1 = su / Math.sqrt(1 - phi * phi);
  let e = s1 * rng.normal();
  out[0] = e;
  for (let t = 1; t < n; t++) {
    e = phi * e + su * rng.normal();
    out[t] = e;
  }
  return out;
}

/**
 * Single-case experimental designs and their assignment spaces.
 *
 * A design says which assignments (of measurement occasions to conditions) the randomisation could
 * have produced. Every design here has:
 * - a closed-form (or dynamic-programming) count, {@link countAssignments};
 * - a lazy enumeration, {@link enumerateAssignments} (a generator: the assignments are never all
 *   held in memory);
 * - a uniform random draw, {@link randomAssignment}, used by Monte Carlo tests and simulations.
 *
 * Designs (plain JSON objects):
 * - `{type: "phase", phases: ["A","B","A","B"], n, limit}`: a phase design (AB, ABA, ABAB, ABCD, or
 *   any sequence of phase labels) with `n` measurements and at least `limit` measurements per phase.
 *   An assignment is the 1-based start of every phase after the first (SCRT's convention).
 *   Count: C(n − k·limit + k − 1, k − 1) for k phases (for AB: n − 2·limit + 1).
 * - `{type: "CRD", counts: {A: 5, B: 5}}`: completely randomised design; an assignment is the
 *   sequence of labels. Count: n! / Π counts!.
 * - `{type: "RBD", conditions: ["A","B"], blocks}`: randomised block design (each block holds every
 *   condition once, in random order). Count: (k!)^blocks.
 * - `{type: "ATD", counts: {A: 10, B: 10}, maxRun}`: alternating treatments design, i.e. a CRD with
 *   at most `maxRun` consecutive measurements of the same condition. Count by dynamic programming.
 * - `{type: "MBD", scheme, n, starts}`: multiple baseline across participants (each participant an
 *   AB series of `n[i]` measurements; an assignment is the 1-based start of B for each participant):
 *   - `"wampold-worsham"`: tier t has one fixed start `starts[t][0]`; participants are randomly
 *     assigned to tiers. Count: N!.
 *   - `"koehler-levin"`: tier t has a start set `starts[t]`; participants are randomly assigned to
 *     tiers and each tier's start is drawn from its set. Count: N! · Π |starts[t]|.
 *   - `"marascuilo-busk"`: participant i has its own start set `starts[i]`, drawn independently.
 *     Count: Π |starts[i]| (scan's `rand_test` for multiple cases uses this scheme).
 *   Under Koehler–Levin with overlapping start sets, two (permutation, start) pairs can give the
 *   same starts per participant; each pair is one equally likely outcome of the randomisation, so it
 *   is counted (and enumerated) separately.
 *
 * @example
 * const d = { type: "phase", phases: ["A", "B"], n: 10, limit: 1 } as const;
 * countAssignments(d); // 9
 * [...enumerateAssignments(d)].length; // 9
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { createRandom, type Random } from "../stats/random.ts";
import { scedSeed } from "./_schemas.ts";

const label = z.string().min(1);
const posInt = z.number().int().min(1);

const phaseDesignSchema = z.object({
  type: z.literal("phase"),
  phases: z.array(label).min(2),
  n: posInt,
  limit: posInt,
});
const crdDesignSchema = z.object({
  type: z.literal("CRD"),
  counts: z.record(label, z.number().int().min(0)),
});
const rbdDesignSchema = z.object({
  type: z.literal("RBD"),
  conditions: z.array(label).min(2),
  blocks: posInt,
});
const atdDesignSchema = z.object({
  type: z.literal("ATD"),
  counts: z.record(label, z.number().int().min(0)),
  maxRun: posInt,
});
/** The three published multiple-baseline randomisation schemes. */
export const mbdSchemes: readonly MbdScheme[] = ["wampold-worsham", "koehler-levin", "marascuilo-busk"];
const mbdDesignSchema = z.object({
  type: z.literal("MBD"),
  scheme: z.enum(["wampold-worsham", "koehler-levin", "marascuilo-busk"]),
  n: z.union([posInt, z.array(posInt).min(1)]),
  starts: z.array(z.array(z.number().int().min(2)).min(1)).min(1),
});
const designTypes = ["phase", "CRD", "RBD", "ATD", "MBD"];
const designSchema = z.discriminatedUnion("type", [
  phaseDesignSchema,
  crdDesignSchema,
  rbdDesignSchema,
  atdDesignSchema,
  mbdDesignSchema,
]);

/** A multiple-baseline randomisation scheme (see the module docs). */
export type MbdScheme = "wampold-worsham" | "koehler-levin" | "marascuilo-busk";

/** A phase design: phase labels in order, n measurements, at least `limit` per phase. */
export interface PhaseDesign {
  /** Discriminator. */
  type: "phase";
  /** Phase labels in order, e.g. `["A", "B", "A", "B"]`; neighbours must differ. */
  phases: string[];
  /** Number of measurements. */
  n: number;
  /** Minimum number of measurements per phase. */
  limit: number;
}
/** A completely randomised design: how many measurements each condition gets. */
export interface CrdDesign {
  /** Discriminator. */
  type: "CRD";
  /** Measurements per condition, e.g. `{ A: 5, B: 5 }` (at least two conditions). */
  counts: Record<string, number>;
}
/** A randomised block design: each block holds every condition once, in random order. */
export interface RbdDesign {
  /** Discriminator. */
  type: "RBD";
  /** The conditions (distinct). */
  conditions: string[];
  /** Number of blocks. */
  blocks: number;
}
/** An alternating treatments design (a CRD with a maximum run length). */
export interface AtdDesign {
  /** Discriminator. */
  type: "ATD";
  /** Measurements per condition. */
  counts: Record<string, number>;
  /** At most this many consecutive measurements of one condition. */
  maxRun: number;
}
/** A multiple-baseline design across participants. */
export interface MbdDesign {
  /** Discriminator. */
  type: "MBD";
  /** The randomisation scheme. */
  scheme: MbdScheme;
  /** Measurements per participant: one number for all, or one per tier/participant. */
  n: number | number[];
  /** 1-based possible starts of B: per tier (Wampold–Worsham, Koehler–Levin) or per participant (Marascuilo–Busk). */
  starts: number[][];
}
/** Any single-case design (a plain JSON object; see the module docs). */
export type ScedDesign = PhaseDesign | CrdDesign | RbdDesign | AtdDesign | MbdDesign;
/**
 * One assignment. Phase designs: 1-based starts of phases 2..k. MBD: 1-based start of B per
 * participant. CRD, RBD, ATD: the label of every measurement.
 */
export type Assignment = number[] | string[];

/** Number of measurements per participant of an MBD, as an array. */
export function mbdLengths(design: MbdDesign): number[] {
  const N = design.starts.length;
  return typeof design.n === "number" ? Array(N).fill(design.n) : design.n.slice();
}

function checkDesign(design: unknown, context: string): ScedDesign {
  if (design === null || typeof design !== "object" || !designTypes.includes((design as { type?: string }).type!)) {
    fail(
      context,
      "type",
      `must be one of ${designTypes.map((t) => JSON.stringify(t)).join(", ")}`,
      (design as { type?: unknown })?.type,
    );
  }
  const d = parseInput(designSchema, design, context) as ScedDesign;
  if (d.type === "phase") {
    const k = d.phases.length;
    d.phases.forEach((p, i) => {
      if (i > 0 && p === d.phases[i - 1]) fail(context, `phases[${i}]`, "must differ from the phase before it", p);
    });
    if (d.n < k * d.limit) fail(context, "n", `must be >= phases × limit (${k * d.limit})`, d.n);
  } else if (d.type === "CRD" || d.type === "ATD") {
    const keys = Object.keys(d.counts);
    if (keys.length < 2) fail(context, "counts", "must name at least two conditions", keys.length);
    if (d.type === "ATD" && atdCountNumber(d) === 0) {
      fail(context, "maxRun", "leaves no admissible sequence for these counts", d.maxRun);
    }
  } else if (d.type === "RBD") {
    if (new Set(d.conditions).size !== d.conditions.length) fail(context, "conditions", "must be distinct");
  } else if (d.type === "MBD") {
    const N = d.starts.length;
    if (Array.isArray(d.n) && d.n.length !== N) {
      fail(
        context,
        "n",
        `must have one length per ${d.scheme === "marascuilo-busk" ? "participant" : "tier"} (${N})`,
        d.n.length,
      );
    }
    const lengths = mbdLengths(d);
    if (d.scheme === "wampold-worsham") {
      d.starts.forEach((s, t) => {
        if (s.length !== 1) {
          fail(context, `starts[${t}]`, "must hold exactly one start under wampold-worsham", s.length);
        }
      });
    }
    // Under WW/KL a participant can land in any tier, so every start must fit every participant.
    d.starts.forEach((set, t) => {
      if (new Set(set).size !== set.length) fail(context, `starts[${t}]`, "must not repeat a start");
      set.forEach((s, j) => {
        const maxN = d.scheme === "marascuilo-busk" ? lengths[t] : Math.min(...lengths);
        if (s > maxN) {
          fail(context, `starts[${t}][${j}]`, `must be <= ${maxN} (at least one B measurement)`, s);
        }
      });
    });
  }
  return d;
}

/** Validate a design and return it (typed); throws a ValidationError naming the field and rule. */
export function validateDesign(design: unknown, context = "design"): ScedDesign {
  return checkDesign(design, context);
}

/** Binomial coefficient as a float (exact below 2^53). @example choose(11, 3) // 165 */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  k = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/**
 * Memoised count of the ways to finish an alternating-treatments sequence from the remaining
 * counts `rem` (read live, so callers may decrement it between calls), given the last label and
 * the length of its current run. Shared by the closed-form count and the uniform sampler.
 */
function atdCompletions(maxRun: number, rem: number[]): (last: number, run: number) => number {
  const memo = new Map<string, number>();
  const count = (last: number, run: number): number => {
    let total = 0;
    for (const r of rem) total += r;
    if (total === 0) return 1;
    const key = `${rem.join(",")}|${last}|${run}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let sum = 0;
    for (let j = 0; j < rem.length; j++) {
      if (rem[j] === 0) continue;
      const nr = j === last ? run + 1 : 1;
      if (nr > maxRun) continue;
      rem[j]--;
      sum += count(j, nr);
      rem[j]++;
    }
    memo.set(key, sum);
    return sum;
  };
  return count;
}

function atdCountNumber(d: AtdDesign): number {
  const rem = Object.keys(d.counts).map((l) => d.counts[l]);
  return atdCompletions(d.maxRun, rem)(-1, 0);
}

/**
 * Number of assignments of a design, in closed form (ATD: by dynamic programming). Exact while the
 * count is below 2^53.
 * @example countAssignments({ type: "phase", phases: ["A","B","A","B"], n: 24, limit: 4 }) // 165
 */
export function countAssignments(design: ScedDesign): number {
  const d = checkDesign(design, "countAssignments");
  switch (d.type) {
    case "phase": {
      const k = d.phases.length;
      return choose(d.n - k * d.limit + k - 1, k - 1);
    }
    case "CRD": {
      const c = Object.values(d.counts);
      let n = 0;
      let r = 1;
      for (const ci of c) {
        for (let i = 1; i <= ci; i++) r = (r * ++n) / i;
      }
      return Math.round(r);
    }
    case "RBD":
      return factorial(d.conditions.length) ** d.blocks;
    case "ATD":
      return atdCountNumber(d);
    case "MBD": {
      const N = d.starts.length;
      const prodSizes = d.starts.reduce((a, s) => a * s.length, 1);
      if (d.scheme === "marascuilo-busk") return prodSizes;
      if (d.scheme === "wampold-worsham") return factorial(N);
      return factorial(N) * prodSizes;
    }
  }
}

/** Lexicographic permutations of 0..N-1, generated lazily. */
function* permutations(N: number): Generator<number[]> {
  const p = Array.from({ length: N }, (_, i) => i);
  while (true) {
    yield p.slice();
    let i = N - 2;
    while (i >= 0 && p[i] >= p[i + 1]) i--;
    if (i < 0) return;
    let j = N - 1;
    while (p[j] <= p[i]) j--;
    [p[i], p[j]] = [p[j], p[i]];
    for (let a = i + 1, b = N - 1; a < b; a++, b--) [p[a], p[b]] = [p[b], p[a]];
  }
}

/** Mixed-radix counter over index vectors with the given radices, lazily. */
function* product(radices: number[]): Generator<number[]> {
  if (radices.some((r) => r === 0)) return;
  const idx = radices.map(() => 0);
  while (true) {
    yield idx.slice();
    let i = radices.length - 1;
    while (i >= 0 && ++idx[i] === radices[i]) idx[i--] = 0;
    if (i < 0) return;
  }
}

function* phaseStarts(d: PhaseDesign): Generator<number[]> {
  const k = d.phases.length;
  const starts = new Array<number>(k - 1);
  function* rec(j: number, from: number): Generator<number[]> {
    // starts[j] is the start of phase j + 1 (0-based); it and the phases after it (k - 1 - j in
    // all) each need `limit` measurements.
    for (let s = from; s <= d.n + 1 - (k - 1 - j) * d.limit; s++) {
      starts[j] = s;
      if (j === k - 2) yield starts.slice();
      else yield* rec(j + 1, s + d.limit);
    }
  }
  yield* rec(0, 1 + d.limit);
}

function* multisetPermutations(labels: string[], counts: number[], n: number): Generator<string[]> {
  const out = new Array<string>(n);
  const rem = counts.slice();
  function* rec(pos: number): Generator<string[]> {
    if (pos === n) {
      yield out.slice();
      return;
    }
    for (let j = 0; j < labels.length; j++) {
      if (rem[j] === 0) continue;
      rem[j]--;
      out[pos] = labels[j];
      yield* rec(pos + 1);
      rem[j]++;
    }
  }
  yield* rec(0);
}

function* atdSequences(d: AtdDesign): Generator<string[]> {
  const labels = Object.keys(d.counts);
  const rem = labels.map((l) => d.counts[l]);
  const n = rem.reduce((a, b) => a + b, 0);
  const out = new Array<string>(n);
  function* rec(pos: number, last: number, run: number): Generator<string[]> {
    if (pos === n) {
      yield out.slice();
      return;
    }
    for (let j = 0; j < labels.length; j++) {
      if (rem[j] === 0) continue;
      const nr = j === last ? run + 1 : 1;
      if (nr > d.maxRun) continue;
      rem[j]--;
      out[pos] = labels[j];
      yield* rec(pos + 1, j, nr);
      rem[j]++;
    }
  }
  yield* rec(0, -1, 0);
}

/**
 * Enumerate every assignment of a design lazily (a generator; nothing is materialised). Each yielded
 * array is a fresh copy the caller may keep.
 * @example [...enumerateAssignments({ type: "phase", phases: ["A","B"], n: 6, limit: 2 })] // [[3],[4],[5]]
 */
export function* enumerateAssignments(design: ScedDesign): Generator<Assignment> {
  const d = checkDesign(design, "enumerateAssignments");
  switch (d.type) {
    case "phase":
      yield* phaseStarts(d);
      return;
    case "CRD": {
      const labels = Object.keys(d.counts);
      const counts = labels.map((l) => d.counts[l]);
      yield* multisetPermutations(labels, counts, counts.reduce((a, b) => a + b, 0));
      return;
    }
    case "RBD": {
      const perms = [...permutations(d.conditions.length)].map((p) => p.map((i) => d.conditions[i]));
      for (const idx of product(Array(d.blocks).fill(perms.length))) yield idx.flatMap((i) => perms[i]);
      return;
    }
    case "ATD":
      yield* atdSequences(d);
      return;
    case "MBD": {
      const N = d.starts.length;
      if (d.scheme === "marascuilo-busk") {
        for (const idx of product(d.starts.map((s) => s.length))) yield idx.map((j, i) => d.starts[i][j]);
        return;
      }
      for (const perm of permutations(N)) {
        // perm[i] = tier of participant i
        for (const idx of product(d.starts.map((s) => s.length))) yield perm.map((t) => d.starts[t][idx[t]]);
      }
      return;
    }
  }
}

/**
 * Labels of every measurement implied by an assignment, one array per case (one case except MBD).
 * @example assignmentLabels({ type: "phase", phases: ["A","B"], n: 4, limit: 1 }, [3]) // [["A","A","B","B"]]
 */
export function assignmentLabels(design: ScedDesign, assignment: Assignment): string[][] {
  const d = checkDesign(design, "assignmentLabels");
  if (d.type === "phase") {
    const starts = [1, ...(assignment as number[]), d.n + 1];
    const out: string[] = [];
    for (let j = 0; j < d.phases.length; j++) for (let t = starts[j]; t < starts[j + 1]; t++) out.push(d.phases[j]);
    return [out];
  }
  if (d.type === "MBD") {
    const lengths = mbdLengths(d);
    return (assignment as number[]).map((s, i) =>
      Array.from({ length: lengths[i] }, (_, t) => (t + 1 < s ? "A" : "B"))
    );
  }
  return [(assignment as string[]).slice()];
}

/**
 * Draw one assignment uniformly at random from the design's assignment space (seeded: the same
 * seed gives the same assignment).
 * @example randomAssignment({ type: "phase", phases: ["A","B"], n: 30, limit: 5 }, { seed: 1 })
 */
export function randomAssignment(design: ScedDesign, options: { seed: number }): Assignment {
  const d = checkDesign(design, "randomAssignment");
  const { seed } = parseInput(z.object({ seed: scedSeed() }), options ?? {}, "randomAssignment");
  return drawAssignment(d, createRandom(seed));
}

/** Uniform draw without re-validating (internal; `d` must be valid). */
export function drawAssignment(d: ScedDesign, rng: Random): Assignment {
  switch (d.type) {
    case "phase": {
      // Stars and bars: choose k-1 bar positions among slack + k - 1 slots, uniformly.
      const k = d.phases.length;
      const slack = d.n - k * d.limit;
      const bars = sampleSorted(slack + k - 1, k - 1, rng);
      const starts: number[] = [];
      let prevBar = -1;
      let s = 1;
      for (let j = 0; j < k - 1; j++) {
        const part = bars[j] - prevBar - 1;
        prevBar = bars[j];
        s += d.limit + part;
        starts.push(s);
      }
      return starts;
    }
    case "CRD": {
      const seq = Object.entries(d.counts).flatMap(([l, c]) => Array<string>(c).fill(l));
      return rng.shuffleInPlace(seq);
    }
    case "RBD": {
      const out: string[] = [];
      for (let b = 0; b < d.blocks; b++) out.push(...rng.shuffle(d.conditions));
      return out;
    }
    case "ATD":
      return drawAtd(d, rng);
    case "MBD": {
      if (d.scheme === "marascuilo-busk") return d.starts.map((s) => s[rng.int(0, s.length - 1)]);
      const N = d.starts.length;
      const tiers = rng.shuffle(Array.from({ length: N }, (_, i) => i));
      const chosen = d.starts.map((s) => s[rng.int(0, s.length - 1)]);
      return tiers.map((t) => chosen[t]);
    }
  }
}

/** k distinct integers from 0..m-1, sorted ascending (Floyd's algorithm). */
function sampleSorted(m: number, k: number, rng: Random): number[] {
  const chosen = new Set<number>();
  for (let j = m - k; j < m; j++) {
    const t = rng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

function drawAtd(d: AtdDesign, rng: Random): string[] {
  const labels = Object.keys(d.counts);
  const rem = labels.map((l) => d.counts[l]);
  const n = rem.reduce((a, b) => a + b, 0);
  const count = atdCompletions(d.maxRun, rem);
  const out: string[] = [];
  let last = -1;
  let run = 0;
  for (let pos = 0; pos < n; pos++) {
    const weights: number[] = [];
    for (let j = 0; j < labels.length; j++) {
      const nr = j === last ? run + 1 : 1;
      if (rem[j] === 0 || nr > d.maxRun) {
        weights.push(0);
        continue;
      }
      rem[j]--;
      weights.push(count(j, nr));
      rem[j]++;
    }
    const total = weights.reduce((a, b) => a + b, 0);
    let u = rng.uniform() * total;
    let j = 0;
    while (j < weights.length - 1 && (weights[j] === 0 || u >= weights[j])) {
      u -= weights[j];
      j++;
    }
    while (weights[j] === 0) j--;
    rem[j]--;
    run = j === last ? run + 1 : 1;
    last = j;
    out.push(labels[j]);
  }
  return out;
}

/**
 * Recover the observed assignment of a design from the labels of the measurements (one array per
 * case; one case except for MBD). Throws if the labels do not fit the design.
 * @example observedAssignment({ type: "phase", phases: ["A","B"], n: 4, limit: 1 }, [["A","A","B","B"]]) // [3]
 */
export function observedAssignment(design: ScedDesign, labels: string[][], context = "observedAssignment"): Assignment {
  const d = checkDesign(design, context);
  if (d.type === "MBD") {
    const lengths = mbdLengths(d);
    if (labels.length !== d.starts.length) {
      fail(context, "labels", `must have one series per participant (${d.starts.length})`, labels.length);
    }
    return labels.map((ls, i) => {
      if (ls.length !== lengths[i]) fail(context, `labels[${i}]`, `must have ${lengths[i]} measurements`, ls.length);
      const first = ls.indexOf("B");
      if (first < 1 || ls.slice(0, first).some((l) => l !== "A") || ls.slice(first).some((l) => l !== "B")) {
        fail(context, `labels[${i}]`, "must be a run of A followed by a run of B", ls.join(""));
      }
      return first + 1;
    });
  }
  if (labels.length !== 1) {
    fail(context, "labels", "must hold exactly one series for a single-case design", labels.length);
  }
  const ls = labels[0];
  if (d.type === "phase") {
    if (ls.length !== d.n) fail(context, "labels", `must have n = ${d.n} measurements`, ls.length);
    const runs: { label: string; start: number; length: number }[] = [];
    ls.forEach((l, t) => {
      if (t > 0 && l === ls[t - 1]) runs[runs.length - 1].length++;
      else runs.push({ label: l, start: t + 1, length: 1 });
    });
    const seq = runs.map((r) => r.label);
    if (seq.join("\u0000") !== d.phases.join("\u0000")) {
      fail(context, "labels", `must follow the phases ${d.phases.join(",")}`, seq.join(","));
    }
    runs.forEach((r, j) => {
      if (r.length < d.limit) {
        fail(context, `phase ${j + 1} (${r.label})`, `must have >= limit (${d.limit}) measurements`, r.length);
      }
    });
    return runs.slice(1).map((r) => r.start);
  }
  const expected = d.type === "RBD" ? Object.fromEntries(d.conditions.map((c) => [c, d.blocks])) : d.counts;
  const seen: Record<string, number> = {};
  for (const l of ls) seen[l] = (seen[l] ?? 0) + 1;
  for (const [l, c] of Object.entries(expected)) {
    if ((seen[l] ?? 0) !== c) fail(context, `labels (${l})`, `must occur ${c} times`, seen[l] ?? 0);
  }
  for (const l of Object.keys(seen)) {
    if (!(l in expected)) fail(context, "labels", "must only use the design's conditions", l);
  }
  if (d.type === "RBD") {
    const k = d.conditions.length;
    for (let b = 0; b < d.blocks; b++) {
      const block = new Set(ls.slice(b * k, b * k + k));
      if (block.size !== k) {
        fail(context, `labels block ${b + 1}`, "must hold every condition once", ls.slice(b * k, b * k + k).join(","));
      }
    }
  }
  if (d.type === "ATD") {
    let run = 1;
    for (let t = 1; t < ls.length; t++) {
      run = ls[t] === ls[t - 1] ? run + 1 : 1;
      if (run > d.maxRun) fail(context, `labels[${t}]`, `must not extend a run beyond maxRun (${d.maxRun})`, ls[t]);
    }
  }
  return ls.slice();
}

/**
 * Candidate starts 1+limit .. n-limit+1 for an AB series with at least `limit` measurements per
 * phase (the start set scan and SCRT use when none is given).
 * @example startsFromLimit(20, 5) // [6, 7, ..., 16]
 */
export function startsFromLimit(n: number, limit: number): number[] {
  parseInput(z.object({ n: posInt, limit: posInt }), { n, limit }, "startsFromLimit");
  if (n < 2 * limit) fail("startsFromLimit", "n", `must be >= 2 × limit (${2 * limit})`, n);
  return Array.from({ length: n - 2 * limit + 1 }, (_, i) => limit + 1 + i);
}

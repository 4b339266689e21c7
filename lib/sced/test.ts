/**
 * Randomisation tests for single-case experimental designs: exact (full enumeration) and Monte
 * Carlo (seeded), for every design in `designs.ts` and every statistic in `statistics.ts`.
 *
 * Conventions (also returned in each result's `convention` field):
 * - **Exact p** = #(assignments with stat ≥ observed − tol) / #assignments; the observed
 *   assignment is one of them, so p ≥ 1/#assignments and p is a multiple of 1/#assignments
 *   (SCRT's `pvalue.systematic`, scan's `rand_test(complete = TRUE)`).
 * - **Monte Carlo p** = (k + 1) / (M + 1), where k counts the M random draws (uniform, with
 *   replacement, from the assignment space) with stat ≥ observed − tol; never 0.
 * - **Ties**: tol = tolerance × max(1, |observed|), tolerance = 1e-10 by default, so statistics
 *   equal to the observed one up to floating-point rounding count as ≥.
 * - **Direction**: large statistics are evidence; pick the direction in the statistic's name
 *   (`"A-B"` when improvement is a decrease, as for pain and fear-of-movement scores).
 * - **Missing values** (`null`) keep their measurement occasion; phases are counted in occasions
 *   (so `limit` counts missing occasions too) and statistics use the observed values of each phase.
 *   An assignment whose statistic is undefined raises an error.
 * - **Multiple baseline**: statistic = mean over participants of each participant's statistic.
 *
 * Random streams: Monte Carlo draws for phase, CRD, RBD and ATD designs come from
 * `createRandom(seed)` (lib/stats/random.ts); multiple-baseline draws from `createFastRandom(seed)`
 * (fast.ts). The same seed always gives the same p.
 *
 * @example
 * const r = randomizationTest({
 *   design: { type: "phase", phases: ["A", "B"], n: 10, limit: 1 },
 *   values: [10, 9, 8, 10, 7, 2, 5, 3, 4, 5],
 *   labels: ["A", "A", "A", "A", "A", "B", "B", "B", "B", "B"],
 *   statistic: "A-B",
 * });
 * r.pval; // 1/9
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { createRandom, deriveSeed } from "../stats/random.ts";
import {
  type Assignment,
  assignmentLabels,
  countAssignments,
  drawAssignment,
  enumerateAssignments,
  mbdLengths,
  observedAssignment,
  type ScedDesign,
  validateDesign,
} from "./designs.ts";
import { compileStatistic, type Statistic, toFloat, undefinedStatistic } from "./statistics.ts";
import {
  abStatisticByStart,
  createFastRandom,
  DEFAULT_TOLERANCE,
  mbdExactCore,
  mbdMonteCarloCore,
  type MeanStatistic,
  prepareMbdTables,
  tieThreshold,
} from "./_fast.ts";
import { scedSeed, scedValue } from "./_schemas.ts";
import { type CombinedP, type CombineMethod, combinePValues } from "./combine.ts";

/** One case (patient / participant): its values (null = missing) and labels or a B start. */
export interface CaseInput {
  /** Name shown in results (default `case i`). */
  name?: string;
  /** Values in measurement order; `null` = missing, kept in place. */
  values: (number | null)[];
  /** Label of each measurement (e.g. "A", "B"); for phase, CRD, RBD, ATD designs. */
  labels?: string[];
  /** 1-based first B measurement (MBD alternative to `labels`). */
  start?: number;
}

/** Input of {@link randomizationTest}. */
export interface RandomizationTestInput {
  /** The design the randomisation followed. */
  design: ScedDesign;
  /** Cases (one for single-case designs, one per participant for MBD). */
  cases?: CaseInput[];
  /** Shorthand for a single case: its values ... */
  values?: (number | null)[];
  /** ... and labels. */
  labels?: string[];
  /** The test statistic: a built-in name (large = evidence; see `statisticFor`) or a function. */
  statistic: Statistic;
  /** "exact" (default) or "monte-carlo". */
  method?: "exact" | "monte-carlo";
  /** Monte Carlo draws M (default 10,000). */
  draws?: number;
  /** Seed of the Monte Carlo stream (required for Monte Carlo). */
  seed?: number;
  /** Relative tie tolerance (default 1e-10). */
  tolerance?: number;
  /** Return the randomisation distribution (every statistic, or every draw). Default false. */
  distribution?: boolean;
  /** Refuse exact tests over more assignments than this (default 5e7). */
  maxExact?: number;
}

/** Result of {@link randomizationTest}: plain JSON. */
export interface RandomizationTestResult {
  /** The design in words, e.g. `phase ABAB (n = 24, limit = 4)`. */
  design: string;
  /** The statistic's name. */
  statistic: string;
  /** Exact enumeration or Monte Carlo draws. */
  method: "exact" | "monte-carlo";
  /** The observed statistic. */
  observed: number;
  /** The assignment that was actually carried out (recovered from the labels or starts). */
  observedAssignment: Assignment;
  /** Size of the assignment space. */
  assignments: number;
  /** Exact: number of assignments with stat ≥ observed − tol (observed included). MC: number of draws. */
  k: number;
  /** Monte Carlo draws M (absent for exact tests). */
  draws?: number;
  /** Seed of the Monte Carlo stream (absent for exact tests). */
  seed?: number;
  /** Exact p (k / #assignments) or Monte Carlo p ((k + 1) / (M + 1)). */
  pval: number;
  /** Monte Carlo standard error of `pval`, sqrt(p (1 − p) / M) (absent for exact tests). */
  mcse?: number;
  /** Relative tie tolerance used. */
  tolerance: number;
  /** Number of missing measurements (kept in place). */
  missing: number;
  /** The p-value convention in words. */
  convention: string;
  /** Every statistic of the randomisation distribution (when asked for). */
  distribution?: number[];
}

const caseSchema = z.object({
  name: z.string().optional(),
  values: z.array(scedValue().nullable()).min(1),
  labels: z.array(z.string().min(1)).optional(),
  start: z.number().int().min(2).optional(),
});

const inputSchema = z.object({
  design: z.any(),
  cases: z.array(caseSchema).min(1).optional(),
  values: z.array(scedValue().nullable()).optional(),
  labels: z.array(z.string().min(1)).optional(),
  statistic: z.union([z.string().min(1), z.custom<(...a: unknown[]) => unknown>((v) => typeof v === "function")]),
  method: z.enum(["exact", "monte-carlo"]).default("exact"),
  draws: z.number().int().min(1).max(1e9).default(10000),
  seed: scedSeed().optional(),
  tolerance: z.number().min(0).max(1e-3).default(DEFAULT_TOLERANCE),
  distribution: z.boolean().default(false),
  maxExact: z.number().int().min(1).default(5e7),
}).strict();

/** Monte Carlo standard error of a Monte Carlo p-value from M draws. */
function mcseOf(pval: number, draws: number): number {
  return Math.sqrt((pval * (1 - pval)) / draws);
}

const EXACT_CONVENTION = "exact p = #(stat >= observed - tol) / #assignments (observed included); " +
  "tol = tolerance * max(1, |observed|); missing values kept in place, statistics use observed values";
const MC_CONVENTION = "Monte Carlo p = (k + 1) / (M + 1), k = #draws with stat >= observed - tol; " +
  "tol = tolerance * max(1, |observed|); missing values kept in place, statistics use observed values";

function describe(d: ScedDesign): string {
  switch (d.type) {
    case "phase":
      return `phase ${d.phases.join("")} (n = ${d.n}, limit = ${d.limit})`;
    case "CRD":
      return `CRD (${Object.entries(d.counts).map(([l, c]) => `${l}: ${c}`).join(", ")})`;
    case "RBD":
      return `RBD (${d.conditions.join("")} × ${d.blocks} blocks)`;
    case "ATD":
      return `ATD (${Object.entries(d.counts).map(([l, c]) => `${l}: ${c}`).join(", ")}, max run ${d.maxRun})`;
    case "MBD":
      return `MBD ${d.scheme} (${d.starts.length} participants)`;
  }
}

/**
 * Run an exact or Monte Carlo randomisation test (see the module docs for the conventions).
 * @example
 * randomizationTest({ design: { type: "phase", phases: ["A","B"], n: 30, limit: 5 }, values, labels,
 *   statistic: "A-B", method: "monte-carlo", draws: 9999, seed: 1 }).pval
 */
export function randomizationTest(input: RandomizationTestInput): RandomizationTestResult {
  const ctx = "randomizationTest";
  const o = parseInput(inputSchema, input, ctx);
  const design = validateDesign(o.design, `${ctx}: design`);
  let cases = o.cases;
  if (!cases) {
    if (!o.values) fail(ctx, "cases", "must be given (or values and labels for one case)");
    cases = [{ values: o.values, labels: o.labels }];
  } else if (o.values) fail(ctx, "values", "must not be given together with cases");
  if (o.method === "monte-carlo" && o.seed === undefined) fail(ctx, "seed", "is required for a Monte Carlo test");
  const statistic = compileStatistic(o.statistic as Statistic);
  const missing = cases.reduce((a, c) => a + c.values.filter((v) => v === null).length, 0);
  const assignments = countAssignments(design);
  if (o.method === "exact" && assignments > o.maxExact) {
    fail(ctx, "method", `exact needs ${assignments} assignments (> maxExact ${o.maxExact}); use monte-carlo`);
  }
  const dist: number[] | undefined = o.distribution ? [] : undefined;
  const base = {
    design: describe(design),
    statistic: statistic.name,
    method: o.method,
    assignments,
    tolerance: o.tolerance,
    missing,
    convention: o.method === "exact" ? EXACT_CONVENTION : MC_CONVENTION,
  };

  if (design.type === "MBD") {
    const lengths = mbdLengths(design);
    if (cases.length !== design.starts.length) {
      fail(ctx, "cases", `must have one case per participant (${design.starts.length})`, cases.length);
    }
    const obs = cases.map((c, i) => {
      if (c.values.length !== lengths[i]) {
        fail(ctx, `cases[${i}].values`, `must have ${lengths[i]} measurements (design n)`, c.values.length);
      }
      if (c.start !== undefined) {
        if (c.start > c.values.length) fail(ctx, `cases[${i}].start`, `must be <= ${c.values.length}`, c.start);
        return c.start;
      }
      if (!c.labels) fail(ctx, `cases[${i}]`, "must give labels or start");
      const ls = c.labels;
      const first = ls.indexOf("B");
      if (
        ls.length !== c.values.length || first < 1 || ls.slice(0, first).some((l) => l !== "A") ||
        ls.slice(first).some((l) => l !== "B")
      ) {
        fail(ctx, `cases[${i}].labels`, "must be a run of A followed by a run of B, one label per value", ls.join(""));
      }
      return first + 1;
    });
    const meanFast = ["A-B", "B-A", "|A-B|"].includes(statistic.name);
    const floats = cases.map((c) => toFloat(c.values));
    const pre = prepareMbdTables(cases.length, design.scheme, design.starts, obs, (i, set) => {
      if (meanFast) return abStatisticByStart(floats[i], set, statistic.name as MeanStatistic);
      return Float64Array.from(set, (s) => {
        const labels = Array.from({ length: lengths[i] }, (_, t) => (t + 1 < s ? "A" : "B"));
        return statistic.evalLabels(floats[i], labels);
      });
    }, ctx);
    const record = dist ? (x: number) => dist.push(x) : undefined;
    const r = o.method === "exact"
      ? mbdExactCore(pre, o.tolerance, record)
      : mbdMonteCarloCore(pre, o.draws, createFastRandom(o.seed!), o.tolerance, record);
    return {
      ...base,
      observed: r.observed,
      observedAssignment: obs,
      k: r.k,
      ...(o.method === "monte-carlo" ? { draws: o.draws, seed: o.seed } : {}),
      pval: r.pval,
      ...(o.method === "monte-carlo" ? { mcse: mcseOf(r.pval, o.draws) } : {}),
      ...(dist ? { distribution: dist } : {}),
    };
  }

  if (cases.length !== 1) fail(ctx, "cases", `must hold exactly one case for a ${design.type} design`, cases.length);
  const c = cases[0];
  if (!c.labels) fail(ctx, "cases[0].labels", "must be given for a single-case design");
  if (c.labels.length !== c.values.length) {
    fail(ctx, "labels", `must have ${c.values.length} elements (like values)`, c.labels.length);
  }
  const observedA = observedAssignment(design, [c.labels], ctx);
  const values = toFloat(c.values);
  let evaluate: (a: Assignment) => number;
  if (design.type === "phase" && statistic.fromPhaseSums) {
    const n = values.length;
    const ps = new Float64Array(n + 1);
    const pc = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const ok = !Number.isNaN(values[i]);
      ps[i + 1] = ps[i] + (ok ? values[i] : 0);
      pc[i + 1] = pc[i] + (ok ? 1 : 0);
    }
    const k = design.phases.length;
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    const fromSums = statistic.fromPhaseSums;
    evaluate = (a) => {
      const starts = a as number[];
      let prev = 0;
      for (let j = 0; j < k; j++) {
        const end = j < k - 1 ? starts[j] - 1 : n;
        sums[j] = ps[end] - ps[prev];
        counts[j] = pc[end] - pc[prev];
        prev = end;
      }
      return fromSums(sums, counts, design.phases);
    };
  } else {
    // labels are rebuilt in one reused buffer (no validation or allocation per assignment)
    const buffer: string[] = new Array(values.length);
    evaluate = design.type === "phase"
      ? (a) => {
        const starts = a as number[];
        let j = 0;
        for (let t = 0; t < buffer.length; t++) {
          while (j < starts.length && t + 1 >= starts[j]) j++;
          buffer[t] = design.phases[j];
        }
        return statistic.evalLabels(values, buffer);
      }
      : (a) => statistic.evalLabels(values, a as string[]);
  }
  const checked = (a: Assignment) => {
    const v = evaluate(a);
    if (!Number.isFinite(v)) {
      if (Number.isNaN(v)) undefinedStatistic(ctx, statistic.name, "assignment", assignmentLabels(design, a)[0]);
      fail(
        ctx,
        "statistic",
        `${statistic.name} overflowed (is ${v}) for an assignment: the values are too large to represent; rescale the scores`,
      );
    }
    return v;
  };
  const observed = checked(observedA);
  const thr = tieThreshold(observed, o.tolerance);
  let k = 0;
  if (o.method === "exact") {
    let total = 0;
    for (const a of enumerateAssignments(design)) {
      const v = checked(a);
      total++;
      if (v >= thr) k++;
      if (dist) dist.push(v);
    }
    if (total !== assignments) throw new Error(`internal: enumerated ${total} assignments, counted ${assignments}`);
    return {
      ...base,
      observed,
      observedAssignment: observedA,
      k,
      pval: k / total,
      ...(dist ? { distribution: dist } : {}),
    };
  }
  const rng = createRandom(o.seed!);
  for (let m = 0; m < o.draws; m++) {
    const v = checked(drawAssignment(design, rng));
    if (v >= thr) k++;
    if (dist) dist.push(v);
  }
  return {
    ...base,
    observed,
    observedAssignment: observedA,
    k,
    draws: o.draws,
    seed: o.seed,
    pval: (k + 1) / (o.draws + 1),
    mcse: mcseOf((k + 1) / (o.draws + 1), o.draws),
    ...(dist ? { distribution: dist } : {}),
  };
}

/** Input of {@link replicatedTest}. */
export interface ReplicatedTestInput extends Omit<RandomizationTestInput, "cases" | "values" | "labels" | "design"> {
  /** One design per case, or one design for all cases. */
  design: ScedDesign | ScedDesign[];
  /** The cases, each tested on its own. */
  cases: CaseInput[];
  /** How to combine the per-case p-values (default "edgington"). */
  combine?: CombineMethod;
}

/** Result of {@link replicatedTest}. */
export interface ReplicatedTestResult {
  /** The test of each case, with its name. */
  perCase: (RandomizationTestResult & { name: string })[];
  /** The per-case p-values combined. */
  combined: CombinedP;
}

/**
 * Sequential replicated single-case design: test each case on its own (each patient randomised
 * separately), then combine the one-sided p-values (Edgington additive by default; see combine.ts).
 * Monte Carlo tests of case i use the seed `deriveSeed(seed, i)`.
 * @example replicatedTest({ design, cases, statistic: "A-B", combine: "edgington" }).combined.pval
 */
export function replicatedTest(input: ReplicatedTestInput): ReplicatedTestResult {
  const ctx = "replicatedTest";
  if (!input || !Array.isArray(input.cases) || input.cases.length === 0) {
    fail(ctx, "cases", "must be a non-empty array");
  }
  if (input.seed !== undefined) parseInput(scedSeed(), input.seed, `${ctx}: seed`);
  const method = parseInput(
    z.enum(["edgington", "fisher", "stouffer"]).default("edgington"),
    input.combine,
    `${ctx}: combine`,
  );
  const designs = Array.isArray(input.design) ? input.design : input.cases.map(() => input.design as ScedDesign);
  if (designs.length !== input.cases.length) {
    fail(ctx, "design", `must have one design per case (${input.cases.length})`, designs.length);
  }
  const perCase = input.cases.map((c, i) => {
    const { combine: _c, cases: _cs, design: _d, ...rest } = input;
    const r = randomizationTest({
      ...rest,
      design: designs[i],
      cases: [c],
      ...(input.seed !== undefined ? { seed: deriveSeed(input.seed, i) } : {}),
    });
    return { name: c.name ?? `case ${i + 1}`, ...r };
  });
  return { perCase, combined: combinePValues(perCase.map((r) => r.pval), method) };
}

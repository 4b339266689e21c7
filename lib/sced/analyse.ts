/**
 * From parsed long-format data to a randomisation test: the one analysis used by the `sced` CLI
 * (and available to notebooks and scripts). It builds the design from the data and the options,
 * runs one test (one case, or a multiple-baseline design over every case) or a replicated test
 * (a phase design with several cases: each case tested on its own, p-values combined).
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import type { ScedCase } from "./data.ts";
import { type MbdScheme, type ScedDesign, startsFromLimit } from "./designs.ts";
import { randomizationTest, type RandomizationTestResult, replicatedTest, type ReplicatedTestResult } from "./test.ts";
import type { CombineMethod } from "./combine.ts";
import { scedSeed } from "./_schemas.ts";
import { type ScedEffects, scedEffects } from "./effects.ts";
import type { Improvement } from "../conventions.ts";

/** Options of {@link analyseScedData}. */
export interface ScedAnalysisOptions {
  /**
   * The design: a phase sequence (`"AB"`, `"ABAB"`, `"ABCD"`, …), `"MBD"`, `"CRD"`, `"RBD"` or
   * `"ATD"`. Phase labels such as A1, B1, A2 (SCRT files) are read as A, B, A for a phase design
   * of single letters.
   */
  design: string;
  /** Multiple-baseline scheme (default `"marascuilo-busk"`). */
  scheme?: MbdScheme;
  /** Multiple-baseline start sets (from a starts file); required unless Marascuilo–Busk. */
  starts?: number[][];
  /** Minimum measurements per phase (default 3). */
  limit?: number;
  /** Maximum run length for an ATD (default 2). */
  maxRun?: number;
  /** Test statistic (default `"A-B"`: improvement is a decrease). */
  statistic?: string;
  /** Monte Carlo draws; absent = exact test. */
  draws?: number;
  /** Seed of the Monte Carlo stream (required with `draws`). */
  seed?: number;
  /** How several cases of a phase design are combined (default `"edgington"`). */
  combine?: CombineMethod;
  /** Return the randomisation distribution (for a plot). Default false. */
  distribution?: boolean;
}

/** What {@link analyseScedData} ran. */
export type ScedAnalysis =
  | {
    /** One case in a single-case design. */
    kind: "single";
    /** The case name. */
    case: string;
    /** The test. */
    result: RandomizationTestResult;
  }
  | {
    /** A multiple-baseline design over every case. */
    kind: "mbd";
    /** The participants in data order. */
    participants: string[];
    /** The test. */
    result: RandomizationTestResult;
  }
  | {
    /** Several cases of a phase/CRD/RBD/ATD design, each tested, p-values combined. */
    kind: "replicated";
    /** The per-case tests and the combination. */
    result: ReplicatedTestResult;
  };

const optionsSchema = z.object({
  design: z.string().min(1, { error: "is required (AB, ABAB, ABCD, ..., MBD, CRD, RBD or ATD)" }),
  scheme: z.enum(["wampold-worsham", "koehler-levin", "marascuilo-busk"]).default("marascuilo-busk"),
  starts: z.array(z.array(z.number().int().min(2)).min(1)).min(1).optional(),
  limit: z.number().int().min(1).default(3),
  maxRun: z.number().int().min(1).default(2),
  statistic: z.string().min(1).default("A-B"),
  draws: z.number().int().min(1).max(1e9).optional(),
  seed: scedSeed().optional(),
  combine: z.enum(["edgington", "fisher", "stouffer"]).default("edgington"),
  distribution: z.boolean().default(false),
}).strict();

/** SCRT-style labels (A1, B1, A2, ...) become A, B, A for a single-letter phase design. */
function normaliseLabels(labels: string[], designName: string): string[] {
  if (["CRD", "RBD", "ATD", "MBD"].includes(designName)) return labels;
  if (/^[A-Za-z]+$/.test(designName) && labels.every((l) => /^[A-Za-z]\d+$/.test(l))) return labels.map((l) => l[0]);
  return labels;
}

/**
 * Build the design from the data and run the randomisation test (see the module docs). Input
 * problems are `ValidationError`s naming the tool (`sced`) and the option.
 * @example analyseScedData(parseScedCsv(text), { design: "ABAB", limit: 4, statistic: "PA-PB" })
 */
export function analyseScedData(cases: ScedCase[], options: ScedAnalysisOptions): ScedAnalysis {
  const tool = "sced";
  const o = parseInput(optionsSchema, options, tool);
  if (!Array.isArray(cases) || cases.length === 0) fail(tool, "data", "must hold at least one case");
  const mc = o.draws === undefined ? { method: "exact" as const } : (() => {
    if (o.seed === undefined) {
      fail(tool, "seed", "is required with draws (a Monte Carlo test is reproducible from its seed)");
    }
    return { method: "monte-carlo" as const, draws: o.draws, seed: o.seed };
  })();
  if (o.draws === undefined && o.seed !== undefined) {
    fail(tool, "seed", "is only used by a Monte Carlo test: give draws too, or leave the seed out for an exact test");
  }
  const name = o.design;
  if (name === "MBD") {
    let starts: number[][];
    if (o.starts) starts = o.starts;
    else if (o.scheme === "marascuilo-busk") starts = cases.map((c) => startsFromLimit(c.values.length, o.limit));
    else if (o.scheme === "wampold-worsham") {
      // the tiers' fixed starts are the observed ones; only the order of participants was randomised
      starts = cases.map((c) => {
        const b = c.labels.indexOf("B");
        if (b < 1) fail(tool, `data (case ${c.name})`, "must be a run of A followed by a run of B", c.labels.join(""));
        return [b + 1];
      });
    } else {
      return fail(
        tool,
        "starts",
        `are required for the ${o.scheme} scheme (a starts file with one row per possible start)`,
      );
    }
    if (o.starts && options.limit !== undefined) {
      const n = Math.min(...cases.map((c) => c.values.length));
      starts.forEach((set, t) =>
        set.forEach((s) => {
          if (s - 1 < o.limit || n - s + 1 < o.limit) {
            fail(tool, `starts (set ${t + 1})`, `must leave at least limit = ${o.limit} measurements in each phase`, s);
          }
        })
      );
    }
    const design: ScedDesign = { type: "MBD", scheme: o.scheme, n: cases.map((c) => c.values.length), starts };
    const result = randomizationTest({
      design,
      cases: cases.map((c) => ({ name: c.name, values: c.values, labels: c.labels })),
      statistic: o.statistic,
      distribution: o.distribution,
      ...mc,
    });
    return { kind: "mbd", participants: cases.map((c) => c.name), result };
  }
  if (!["CRD", "RBD", "ATD"].includes(name) && !/^[A-Za-z]{2,}$/.test(name)) {
    fail(tool, "design", "must be a phase sequence of letters (AB, ABAB, ABCD, ...), MBD, CRD, RBD or ATD", name);
  }
  const labelled = cases.map((c) => ({ ...c, labels: normaliseLabels(c.labels, name) }));
  const designs: ScedDesign[] = labelled.map((c) => {
    const labels = c.labels;
    if (name === "CRD" || name === "ATD") {
      const counts: Record<string, number> = {};
      for (const l of labels) counts[l] = (counts[l] ?? 0) + 1;
      return name === "CRD" ? { type: "CRD", counts } : { type: "ATD", counts, maxRun: o.maxRun };
    }
    if (name === "RBD") {
      const conditions = [...new Set(labels)].sort();
      if (labels.length % conditions.length) {
        fail(
          tool,
          `case ${c.name}`,
          `has ${labels.length} measurements, which do not fill blocks of ${conditions.length} conditions`,
        );
      }
      return { type: "RBD", conditions, blocks: labels.length / conditions.length };
    }
    return { type: "phase", phases: name.split(""), n: labels.length, limit: o.limit };
  });
  if (labelled.length === 1) {
    const result = randomizationTest({
      design: designs[0],
      values: labelled[0].values,
      labels: labelled[0].labels,
      statistic: o.statistic,
      distribution: o.distribution,
      ...mc,
    });
    return { kind: "single", case: labelled[0].name, result };
  }
  const result = replicatedTest({
    design: designs,
    cases: labelled.map((c) => ({ name: c.name, values: c.values, labels: c.labels })),
    statistic: o.statistic,
    combine: o.combine,
    ...mc,
  });
  return { kind: "replicated", result };
}

/** Options of {@link scedEffectsByCase}. */
export interface EffectsByCaseOptions {
  /** Which direction of the score is an improvement. */
  improvement: Improvement;
  /** Label of the baseline phase (default `"A"`). */
  baseline?: string;
  /** Label of the phase compared with it (default `"B"`). */
  treatment?: string;
  /** Standardiser of the SMD (default `"baseline"`). */
  sd?: "baseline" | "pooled";
}

/** The effect sizes of one case, with its name and the phases compared. */
export interface CaseEffects extends ScedEffects {
  /** The case name. */
  name: string;
  /** The baseline phase label. */
  baseline: string;
  /** The compared phase label. */
  treatment: string;
}

/**
 * Within-case effect sizes ({@link scedEffects}) of every case: all measurements labelled
 * `baseline` against all labelled `treatment` (e.g. A vs D in an ABCD design).
 * @example scedEffectsByCase(cases, { improvement: "decrease", treatment: "D" })[0].NAP.estimate
 */
export function scedEffectsByCase(cases: ScedCase[], options: EffectsByCaseOptions): CaseEffects[] {
  const o = parseInput(
    z.object({
      improvement: z.enum(["decrease", "increase"]),
      baseline: z.string().min(1).default("A"),
      treatment: z.string().min(1).default("B"),
      sd: z.enum(["baseline", "pooled"]).default("baseline"),
    }).strict(),
    options,
    "scedEffectsByCase",
  );
  if (!Array.isArray(cases) || cases.length === 0) fail("scedEffectsByCase", "cases", "must hold at least one case");
  return cases.map((c) => {
    const pick = (label: string) => {
      const v = c.values.filter((_, i) => c.labels[i] === label);
      if (v.length === 0) fail("scedEffectsByCase", `case ${c.name}`, `has no measurement in phase ${label}`);
      return v;
    };
    const e = scedEffects({ A: pick(o.baseline), B: pick(o.treatment), improvement: o.improvement, sd: o.sd });
    return { name: c.name, baseline: o.baseline, treatment: o.treatment, ...e };
  });
}

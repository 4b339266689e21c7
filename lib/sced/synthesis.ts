/**
 * SCED synthesis: design-comparable between-case SMDs (g_AB, `bcsmd.ts`) of several single-case
 * studies pooled with between-group SMDs of RCTs through `lib/meta` (`rma`), overall and per
 * design, with the test of a difference between designs (`subgroup`), and the data of one forest
 * plot stratified by design. g_AB is on the scale of a between-group SMD (Hedges, Pustejovsky &
 * Shadish 2012, 2013), which is what makes this pooling meaningful; within-case effect sizes
 * (NAP, Tau, the within-case SMD) are not and must not be pooled with RCTs.
 *
 * @module
 */
import { rma, type RmaResult, subgroup, type SubgroupResult, type Tau2Method } from "../meta/mod.ts";
import { type Improvement, normalizeLevel } from "../conventions.ts";
import { z } from "zod";
import { csvNumber, csvString, loadCsv, readCsv } from "../io/csv.ts";
import { fail, ValidationError } from "../validate.ts";
import { qnorm } from "../stats/distributions.ts";

/** One study of {@link poolBcsmd}: an SMD with its SE (or sampling variance) and its design. */
export interface SynthesisStudy {
  /** Study label (shown in the forest plot). */
  label: string;
  /** Design stratum, e.g. `"SCED (multiple baseline)"` or `"RCT"`. */
  design: string;
  /** The SMD (g_AB for a single-case study), oriented so that positive is an improvement. */
  estimate: number;
  /** Its standard error (give `se` or `vi`). */
  se?: number;
  /** Its sampling variance (give `se` or `vi`). */
  vi?: number;
}

/** Options of {@link poolBcsmd}. */
export interface PoolBcsmdOptions {
  /** τ² estimator (metafor's). Default `"REML"`. */
  method?: Tau2Method;
  /** Confidence level in percent (95) or as a proportion (0.95). Default 95. */
  level?: number;
}

/** The pooled estimate of one design stratum. */
export interface DesignStratum {
  /** The design label. */
  design: string;
  /** Number of studies. */
  k: number;
  /** Random-effects fit of the stratum (null with a single study: nothing to pool). */
  fit: RmaResult | null;
  /** Pooled estimate (the study's own estimate when k = 1). */
  estimate: number;
  /** Lower confidence bound. */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
}

/** Result of {@link poolBcsmd}. */
export interface PooledBcsmd {
  /** Random-effects fit over every study (metafor's `rma(yi, vi)`). */
  fit: RmaResult;
  /** One pooled estimate per design (order of first appearance). */
  strata: DesignStratum[];
  /** Test of a difference between designs (common τ², metafor's `mods = ~ design`); null with one design. */
  difference: SubgroupResult | null;
  /** The forest plot's input: estimates, variances, labels and design per study (input order). */
  forest: { yi: number[]; vi: number[]; slab: string[]; group: string[] };
  /** Confidence level in percent. */
  level: number;
  /** Notes (e.g. a stratum of one study). */
  warnings: string[];
}

/**
 * Pool SMDs of single-case studies (g_AB) and of RCTs through `lib/meta`: one random-effects model
 * over all studies, one per design stratum and the test of a difference between designs. Every
 * estimate must be oriented the same way (positive = improvement).
 *
 * @example
 * ```ts
 * import { poolBcsmd } from "./synthesis.ts";
 * const p = poolBcsmd([
 *   { label: "SCED 1", design: "SCED", estimate: 1.4, se: 0.29 },
 *   { label: "SCED 2", design: "SCED", estimate: 0.3, se: 0.16 },
 *   { label: "RCT 1", design: "RCT", estimate: 0.5, vi: 0.04 },
 *   { label: "RCT 2", design: "RCT", estimate: 0.7, vi: 0.05 },
 * ]);
 * if (p.fit.k !== 4 || p.strata.length !== 2 || p.forest.group.join() !== "SCED,SCED,RCT,RCT") throw new Error("pool");
 * ```
 */
export function poolBcsmd(studies: readonly SynthesisStudy[], opts: PoolBcsmdOptions = {}): PooledBcsmd {
  const tool = "poolBcsmd";
  if (!Array.isArray(studies) || studies.length < 2) {
    fail(tool, "studies", "must hold at least 2 studies", Array.isArray(studies) ? studies.length : studies);
  }
  const level = opts.level === undefined ? 95 : normalizeLevel(opts.level, tool, "level");
  const method = opts.method ?? "REML";
  const yi: number[] = [], vi: number[] = [], slab: string[] = [], group: string[] = [];
  studies.forEach((s, i) => {
    const bad = (path: string, rule: string, v: unknown): never => {
      throw new ValidationError(tool, [{ path: `studies[${i}].${path}`, rule, received: v, row: i + 1 }]);
    };
    if (s === null || typeof s !== "object") bad("", "must be an object", s);
    if (typeof s.label !== "string" || s.label.trim() === "") bad("label", "must be a non-empty string", s.label);
    if (typeof s.design !== "string" || s.design.trim() === "") bad("design", "must be a non-empty string", s.design);
    if (typeof s.estimate !== "number" || !Number.isFinite(s.estimate)) {
      bad("estimate", "must be a finite number", s.estimate);
    }
    if ((s.se === undefined) === (s.vi === undefined)) bad("se", "give exactly one of se and vi", [s.se, s.vi]);
    const v = s.se !== undefined ? s.se * s.se : s.vi!;
    if (s.se !== undefined && !(typeof s.se === "number" && Number.isFinite(s.se) && s.se > 0)) {
      bad("se", "must be a finite number > 0", s.se);
    }
    if (s.vi !== undefined && !(typeof s.vi === "number" && Number.isFinite(s.vi) && s.vi > 0)) {
      bad("vi", "must be a finite number > 0", s.vi);
    }
    yi.push(s.estimate);
    vi.push(v);
    slab.push(s.label);
    group.push(s.design);
  });
  const fit = rma({ yi, vi, method, level, slab });
  const designs = [...new Set(group)];
  const warnings: string[] = [];
  const strata: DesignStratum[] = designs.map((d) => {
    const idx = group.flatMap((g, i) => (g === d ? [i] : []));
    if (idx.length === 1) {
      const i = idx[0];
      warnings.push(`${d}: a single study (${slab[i]}), shown without pooling`);
      const z = qnorm(1 - (1 - level / 100) / 2);
      return {
        design: d,
        k: 1,
        fit: null,
        estimate: yi[i],
        ci_lb: yi[i] - z * Math.sqrt(vi[i]),
        ci_ub: yi[i] + z * Math.sqrt(vi[i]),
      };
    }
    const f = rma({
      yi: idx.map((i) => yi[i]),
      vi: idx.map((i) => vi[i]),
      method,
      level,
      slab: idx.map((i) => slab[i]),
    });
    return { design: d, k: idx.length, fit: f, estimate: f.beta, ci_lb: f.ci_lb, ci_ub: f.ci_ub };
  });
  const difference = designs.length >= 2 ? subgroup({ yi, vi, group, method, level, slab }) : null;
  return { fit, strata, difference, forest: { yi, vi, slab, group }, level, warnings };
}

/**
 * A single-case study for {@link poolBcsmd} from its g_AB (e.g. the result of `scedDataBcsmd`),
 * turned so that positive is an improvement: g_AB is treatment − baseline, so for an outcome where
 * improvement is a decrease (pain, fear, fatigue) the sign is flipped.
 *
 * @example
 * ```ts
 * import { bcsmdStudy } from "./synthesis.ts";
 * const s = bcsmdStudy("Fatigue MBD", "SCED", { g_AB: -0.3, SE_g_AB: 0.16 }, "decrease");
 * if (s.estimate !== 0.3 || s.se !== 0.16) throw new Error("oriented");
 * ```
 */
export function bcsmdStudy(
  label: string,
  design: string,
  g: { g_AB: number; SE_g_AB: number },
  improvement: Improvement,
): SynthesisStudy {
  if (improvement !== "increase" && improvement !== "decrease") {
    fail("bcsmdStudy", "improvement", 'must be "increase" or "decrease"', improvement);
  }
  if (!Number.isFinite(g?.g_AB) || !(g?.SE_g_AB > 0)) {
    fail("bcsmdStudy", "g", "must have a finite g_AB and an SE_g_AB > 0", g);
  }
  return { label, design, estimate: improvement === "decrease" ? -g.g_AB : g.g_AB, se: g.SE_g_AB };
}

/** Options of {@link readSynthesisCsv}. */
export interface SynthesisCsvOptions {
  /** The file name used in messages. Default `studies.csv`. */
  name?: string;
}

/**
 * Read a study table for {@link poolBcsmd} (`lib/io/csv.ts`: `,` `;` or tab, decimal commas):
 * columns `study`, `design` and either `yi, vi` or `estimate, se` (oriented so that positive is an
 * improvement); other columns are ignored.
 *
 * @example
 * ```ts
 * import { readSynthesisCsv } from "./synthesis.ts";
 * const s = readSynthesisCsv("study;design;yi;vi\nT1;RCT;0,4;0,05\n");
 * if (s[0].estimate !== 0.4 || s[0].vi !== 0.05 || s[0].design !== "RCT") throw new Error("read");
 * ```
 */
export function readSynthesisCsv(text: string, options: SynthesisCsvOptions = {}): SynthesisStudy[] {
  const name = options?.name ?? "studies.csv";
  const { columns } = readCsv(text, { name });
  const yv = columns.includes("yi");
  const schema = z.object({
    study: csvString(),
    design: csvString(),
    ...(yv
      ? { yi: csvNumber(), vi: csvNumber().pipe(z.number().gt(0, { error: "must be > 0" })) }
      : { estimate: csvNumber(), se: csvNumber().pipe(z.number().gt(0, { error: "must be > 0" })) }),
  });
  const { rows } = loadCsv(text, schema, {
    name,
    required: yv ? ["study", "design", "yi", "vi"] : ["study", "design", "estimate", "se"],
  });
  return (rows as Record<string, unknown>[]).map((r) =>
    yv
      ? { label: r.study as string, design: r.design as string, estimate: r.yi as number, vi: r.vi as number }
      : { label: r.study as string, design: r.design as string, estimate: r.estimate as number, se: r.se as number }
  );
}

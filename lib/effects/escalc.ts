/**
 * Effect sizes and their sampling variances, computed as metafor's `escalc()` computes them by
 * default (`vtype = "LS"`, exact small-sample correction, `add = 1/2, to = "only0"`).
 *
 * Sign convention. As in metafor, differences are `m1i - m2i` (pre-post: pass the post-test as
 * group 1 and the pre-test as group 2, so a positive yi is an increase). For outcomes where
 * improvement is a decrease (pain, disability), pass `{ improvement: "decrease" }` to get yi with
 * improvement positive (yi is multiplied by -1; vi is unchanged). `improvement: "increase"` keeps
 * metafor's sign and says so explicitly. The returned `sign` records what was done.
 *
 * Measures:
 * - pre-post (one group): `MC` raw mean change; `SMCC` standardised by the SD of the change
 *   scores; `SMCR` standardised by the pre-test SD (`sd1i` here is the SD used to standardise,
 *   exactly as in metafor's call `escalc("SMCR", m1i=post, m2i=pre, sd1i=sd_pre, ni, ri)`). The
 *   pre-post correlation `ri` is required for all three.
 * - two groups: `MD`, `SMD` (Hedges' g with the exact gamma-function correction).
 * - single proportions: `PR`, `PLO` (logit), `PAS` (arcsine square root), `PFT` (Freeman-Tukey).
 * - 2x2 tables: `RR` (log risk ratio), `OR` (log odds ratio), `RD` (risk difference).
 *
 * @example
 * ```ts
 * import { escalc } from "./escalc.ts";
 * // metafor: escalc("MD", m1i = 55, sd1i = 47, n1i = 155, m2i = 75, sd2i = 64, n2i = 156)
 * const md = escalc("MD", { m1i: [55], sd1i: [47], n1i: [155], m2i: [75], sd2i: [64], n2i: [156] });
 * if (md.yi[0] !== -20 || Math.abs(md.vi[0] - (47 ** 2 / 155 + 64 ** 2 / 156)) > 1e-12) throw new Error("MD");
 * ```
 * @module
 */
import { fail, parseInput, sameLength, ValidationError } from "../validate.ts";
import type { Improvement } from "../conventions.ts";
import { lgamma } from "../stats/distributions.ts";
import { dataSchema, MEASURE_NAMES, measureSchema, optionsSchema } from "./_schemas.ts";

/** Effect-size measures supported by {@link escalc} (metafor's names). */
export type Measure = "MC" | "SMCC" | "SMCR" | "MD" | "SMD" | "PR" | "PLO" | "PAS" | "PFT" | "RR" | "OR" | "RD";

/** All measures, in a stable order (for CLIs and dropdowns). */
export const MEASURES: readonly Measure[] = MEASURE_NAMES;

/** Per-study input columns in metafor's vocabulary (all optional; each measure needs some). */
export interface EscalcData {
  /** Mean of group 1 (pre-post: the post-test mean). */
  m1i?: number[];
  /** Mean of group 2 (pre-post: the pre-test mean). */
  m2i?: number[];
  /** SD of group 1 (SMCR: the pre-test SD it standardises by). */
  sd1i?: number[];
  /** SD of group 2. */
  sd2i?: number[];
  /** Sample size (one group, or a proportion's denominator). */
  ni?: number[];
  /** Size of group 1. */
  n1i?: number[];
  /** Size of group 2. */
  n2i?: number[];
  /** Pre-post correlation. */
  ri?: number[];
  /** Number of events (proportions). */
  xi?: number[];
  /** 2x2 table: events in group 1. */
  ai?: number[];
  /** 2x2 table: non-events in group 1. */
  bi?: number[];
  /** 2x2 table: events in group 2. */
  ci?: number[];
  /** 2x2 table: non-events in group 2. */
  di?: number[];
}

/** Options of {@link escalc}. */
export interface EscalcOptions {
  /**
   * Which direction is improvement for this outcome. "decrease" (pain, disability) multiplies yi
   * by -1 so that improvement is positive; "increase" keeps metafor's sign. Default: metafor's sign.
   * Only meaningful for the difference measures (MC, SMCC, SMCR, MD, SMD, RR, OR, RD).
   */
  improvement?: Improvement;
}

/** Result of {@link escalc}: one yi and vi per study, plus what was computed. */
export interface EscalcResult {
  /** The measure computed. */
  measure: Measure;
  /** Effect sizes. */
  yi: number[];
  /** Sampling variances. */
  vi: number[];
  /** Sample size per study (ni, n1i + n2i, or ai + bi + ci + di), as metafor stores it. */
  ni: number[];
  /** +1 when yi has metafor's sign, -1 when it was flipped (improvement = decrease). */
  sign: 1 | -1;
}

const REQUIRED: Record<Measure, (keyof EscalcData)[]> = {
  MC: ["m1i", "m2i", "sd1i", "sd2i", "ni", "ri"],
  SMCC: ["m1i", "m2i", "sd1i", "sd2i", "ni", "ri"],
  SMCR: ["m1i", "m2i", "sd1i", "ni", "ri"],
  MD: ["m1i", "m2i", "sd1i", "sd2i", "n1i", "n2i"],
  SMD: ["m1i", "m2i", "sd1i", "sd2i", "n1i", "n2i"],
  PR: ["xi", "ni"],
  PLO: ["xi", "ni"],
  PAS: ["xi", "ni"],
  PFT: ["xi", "ni"],
  RR: ["ai", "bi", "ci", "di"],
  OR: ["ai", "bi", "ci", "di"],
  RD: ["ai", "bi", "ci", "di"],
};

/**
 * The input columns a measure needs (metafor's names).
 * @example requiredColumns("SMCR") // ["m1i", "m2i", "sd1i", "ni", "ri"]
 */
export function requiredColumns(measure: Measure): (keyof EscalcData)[] {
  if (!MEASURES.includes(measure)) fail("requiredColumns", "measure", `must be one of ${MEASURES.join(", ")}`, measure);
  return REQUIRED[measure].slice();
}

/**
 * Exact small-sample correction factor c(m) = Γ(m/2) / (sqrt(m/2) Γ((m-1)/2)), metafor's `.cmicalc`.
 * @example cmicalc(19) // 0.9586...
 */
export function cmicalc(mi: number): number {
  if (!(mi > 1)) fail("cmicalc", "mi", "must be > 1 (degrees of freedom)", mi);
  return Math.exp(lgamma(mi / 2) - Math.log(Math.sqrt(mi / 2)) - lgamma((mi - 1) / 2));
}

function check(cond: boolean, field: string, i: number, rule: string, got: number): void {
  if (!cond) failRow(field, i, rule, got);
}

/** A problem in study i (0-based index), reported with its 1-based row. */
function failRow(field: string, i: number, rule: string, got: unknown): never {
  throw new ValidationError("escalc", [{ path: field, row: i + 1, rule, received: got }]);
}

/**
 * Compute effect sizes `yi` and sampling variances `vi` per study, as metafor's `escalc()`.
 * Throws a clear error naming the field and row for bad inputs (sd <= 0, n < 2, r outside [-1, 1],
 * counts out of range, mismatched lengths, missing columns; missing `ri` for pre-post measures
 * points to the r-sensitivity helper).
 * @example
 * escalc("MD", { m1i: [55], sd1i: [47], n1i: [155], m2i: [75], sd2i: [64], n2i: [156] })
 * // { measure: "MD", yi: [-20], vi: [40.5063...], ni: [311], sign: 1 }
 */
export function escalc(measure: Measure, data: EscalcData, options: EscalcOptions = {}): EscalcResult {
  if (!MEASURES.includes(measure)) fail("escalc", "measure", `must be one of ${MEASURES.join(", ")}`, measure);
  const m = parseInput(measureSchema, measure, "escalc") as Measure;
  const d = parseInput(dataSchema, data, "escalc") as EscalcData;
  const opts = parseInput(optionsSchema, options, "escalc: options") ?? {};
  const need = REQUIRED[m];
  const present: Record<string, number[] | undefined> = {};
  for (const f of need) present[f] = d[f];
  for (const f of need) {
    if (d[f] === undefined) {
      if (f === "ri") {
        fail(
          "escalc",
          "ri",
          `is required for ${m}: the pre-post correlation is rarely reported; assume a value and ` +
            `check how much it matters with rSensitivity() (lib/meta/rsensitivity.ts), e.g. over r = 0.3, 0.5, 0.7`,
        );
      }
      fail("escalc", f, `is required for measure ${m} (needs ${need.join(", ")})`);
    }
  }
  sameLength("escalc", present);
  const k = d[need[0]]!.length;
  if (k === 0) fail("escalc", need[0], "must have at least 1 element (k = 0)", 0);

  const yi = new Array<number>(k);
  const vi = new Array<number>(k);
  const nOut = new Array<number>(k);
  const { m1i, m2i, sd1i, sd2i, ni, n1i, n2i, ri, xi, ai, bi, ci, di } = d;

  for (let i = 0; i < k; i++) {
    switch (m) {
      case "MC":
      case "SMCC":
      case "SMCR": {
        const n = ni![i], r = ri![i], s1 = sd1i![i];
        check(n >= 2, "ni", i, "must be >= 2", n);
        check(r >= -1 && r <= 1, "ri", i, "must be in [-1, 1]", r);
        check(s1 > 0, "sd1i", i, "must be > 0", s1);
        const diff = m1i![i] - m2i![i];
        nOut[i] = n;
        if (m === "SMCR") {
          const cm = cmicalc(n - 1);
          const y = cm * diff / s1;
          yi[i] = y;
          vi[i] = 2 * (1 - r) / n + y * y / (2 * n);
        } else {
          const s2 = sd2i![i];
          check(s2 > 0, "sd2i", i, "must be > 0", s2);
          const vd = s1 * s1 + s2 * s2 - 2 * r * s1 * s2;
          if (m === "MC") {
            yi[i] = diff;
            vi[i] = vd / n;
          } else {
            if (!(vd > 0)) {
              failRow("ri", i, "gives a change-score SD of 0 (sd1i = sd2i and ri = 1); SMCC is undefined", r);
            }
            const cm = cmicalc(n - 1);
            const y = cm * diff / Math.sqrt(vd);
            yi[i] = y;
            vi[i] = 1 / n + y * y / (2 * n);
          }
        }
        break;
      }
      case "MD":
      case "SMD": {
        const na = n1i![i], nb = n2i![i], s1 = sd1i![i], s2 = sd2i![i];
        check(na >= 2, "n1i", i, "must be >= 2", na);
        check(nb >= 2, "n2i", i, "must be >= 2", nb);
        check(s1 > 0, "sd1i", i, "must be > 0", s1);
        check(s2 > 0, "sd2i", i, "must be > 0", s2);
        const diff = m1i![i] - m2i![i];
        nOut[i] = na + nb;
        if (m === "MD") {
          yi[i] = diff;
          vi[i] = s1 * s1 / na + s2 * s2 / nb;
        } else {
          const mi = na + nb - 2;
          const sdp = Math.sqrt(((na - 1) * s1 * s1 + (nb - 1) * s2 * s2) / mi);
          const y = cmicalc(mi) * diff / sdp;
          yi[i] = y;
          vi[i] = 1 / na + 1 / nb + y * y / (2 * (na + nb));
        }
        break;
      }
      case "PR":
      case "PLO":
      case "PAS":
      case "PFT": {
        let x = xi![i], n = ni![i];
        check(n >= 1, "ni", i, "must be >= 1", n);
        check(x >= 0, "xi", i, "must be >= 0", x);
        check(x <= n, "xi", i, `must be <= ni (${n})`, x);
        nOut[i] = n;
        if (m === "PAS") {
          yi[i] = Math.asin(Math.sqrt(x / n));
          vi[i] = 1 / (4 * n);
        } else if (m === "PFT") {
          yi[i] = 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
          vi[i] = 1 / (4 * n + 2);
        } else {
          // metafor default add = 1/2, to = "only0": add 1/2 to both cells when xi = 0 or xi = ni.
          if (x === 0 || x === n) {
            x += 0.5;
            n += 1;
          }
          const p = x / n;
          if (m === "PR") {
            yi[i] = p;
            vi[i] = p * (1 - p) / n;
          } else {
            yi[i] = Math.log(p / (1 - p));
            vi[i] = 1 / x + 1 / (n - x);
          }
        }
        break;
      }
      case "RR":
      case "OR":
      case "RD": {
        let a = ai![i], b = bi![i], c = ci![i], dd = di![i];
        for (const [name, v] of [["ai", a], ["bi", b], ["ci", c], ["di", dd]] as const) {
          check(v >= 0, name, i, "must be >= 0 (a count)", v);
        }
        check(a + b > 0, "bi", i, "gives group 1 size ai + bi = 0", b);
        check(c + dd > 0, "di", i, "gives group 2 size ci + di = 0", dd);
        nOut[i] = a + b + c + dd;
        if (a === 0 || b === 0 || c === 0 || dd === 0) {
          a += 0.5;
          b += 0.5;
          c += 0.5;
          dd += 0.5;
        }
        const n1 = a + b, n2 = c + dd, p1 = a / n1, p2 = c / n2;
        if (m === "RR") {
          yi[i] = Math.log(p1) - Math.log(p2);
          vi[i] = 1 / a - 1 / n1 + 1 / c - 1 / n2;
        } else if (m === "OR") {
          yi[i] = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
          vi[i] = 1 / a + 1 / b + 1 / c + 1 / dd;
        } else {
          yi[i] = p1 - p2;
          vi[i] = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
        }
        break;
      }
    }
  }
  const flippable = !["PR", "PLO", "PAS", "PFT"].includes(m);
  let sign: 1 | -1 = 1;
  if (opts.improvement === "decrease") {
    if (!flippable) {
      fail("escalc", "options.improvement", `does not apply to single-group proportions (${m})`, "decrease");
    }
    sign = -1;
    for (let i = 0; i < k; i++) yi[i] = -yi[i] + 0; // + 0 turns -0 into 0
  }
  for (let i = 0; i < k; i++) {
    if (!Number.isFinite(yi[i]) || !Number.isFinite(vi[i])) {
      failRow(
        "yi",
        i,
        "could not be computed (the values overflow or underflow: non-finite result); check the inputs of this row",
        yi[i],
      );
    }
  }
  return { measure: m, yi, vi, ni: nOut, sign };
}

/**
 * Every SingleCaseES call stored in ../shared/fixtures/sced-es/ses_*.json, re-run through
 * lib/sced/es.ts. Closed forms and the package's own NAP/Tau score-interval bounds (our port of
 * R's uniroot at its default tolerance): 1e-8 relative. The exact NAP roots (`nap_ci_tight`):
 * 1e-8 with a tight root tolerance. Values through the single-precision Kendall package:
 * 1e-6 (relative to max(|value|, 1): the package rounds to single precision).
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { fixturePath, readFixture } from "../helpers.ts";
import {
  esNAP,
  esTau,
  scedEffectSize,
  type ScedEsName,
  type ScedEsOptions,
  type ScedEsRow,
} from "../../lib/sced/es.ts";

const dir = fixturePath("sced-es");
const files = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.startsWith("ses_")).sort();

function parseCall(call: string): { fn: ScedEsName; opts: ScedEsOptions; kendall: boolean } {
  const m = call.match(/^(\w+)\((.*)\)$/)!;
  const fn = m[1] as ScedEsName;
  const args: Record<string, string> = {};
  for (const part of m[2].split(",")) {
    const [k, v] = part.split("=").map((s) => s.trim());
    if (v !== undefined) args[k] = v.replace(/^'|'$/g, "");
  }
  const bool = (s: string | undefined) => (s === undefined ? undefined : s === "TRUE");
  const opts: ScedEsOptions = {};
  if (args.improvement) opts.improvement = args.improvement as "increase" | "decrease";
  if (args.SE) opts.seType = args.SE as ScedEsOptions["seType"];
  if (args.confidence) opts.level = Number(args.confidence);
  if (args.trunc_const) opts.truncConst = bool(args.trunc_const);
  if (args.Kendall) opts.kendall = bool(args.Kendall);
  if (args.pretest_trend) opts.pretestTrend = args.pretest_trend === "FALSE" ? false : Number(args.pretest_trend);
  if (args.scale) opts.scale = args.scale as ScedEsOptions["scale"];
  if (args.intervals) opts.intervals = Number(args.intervals);
  if (args.bias_correct) opts.biasCorrect = bool(args.bias_correct);
  if (args.pct_change) opts.pctChange = bool(args.pct_change);
  if (args.std_dev) opts.stdDev = args.std_dev as "baseline" | "pool";
  if (args.delta_method) opts.deltaMethod = bool(args.delta_method);
  return { fn, opts, kendall: opts.kendall === true };
}

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

let worst = 0;
let worstKendall = 0;

for (const file of files) {
  const fx = readFixture(`sced-es/${file}`);
  Deno.test(`SingleCaseES fixture ${fx.id}`, () => {
    for (const res of fx.results) {
      const { fn, opts, kendall } = parseCall(res.call.replace("A_data = A, B_data = B, ", ""));
      const got: ScedEsRow[] = scedEffectSize(fn, fx.A, fx.B, opts);
      assertEquals(got.length, res.rows.length, res.call);
      res.rows.forEach((want: Record<string, unknown>, i: number) => {
        const g = got[i];
        assertEquals(g.es, want.ES, res.call);
        const pairs: [string, number | null | undefined, unknown][] = [
          ["Est", g.estimate, want.Est],
          ["SE", g.se, want.SE],
          ["CI_lower", g.ci_lb, want.CI_lower],
          ["CI_upper", g.ci_ub, want.CI_upper],
          ["trunc", g.trunc, want.trunc],
          ["slope", g.slope, want.slope],
          ["intercept", g.intercept, want.intercept],
          ["pval_slope_A", g.pval_slope, want.pval_slope_A],
          ["baseline_SD", g.baseline_sd, want.baseline_SD],
          ["pooled_SD", g.pooled_sd, want.pooled_SD],
        ];
        for (const [name, a, b] of pairs) {
          if (!(name in want)) continue;
          if (b === null) {
            // non-finite in R (see `nonfinite`) or NA: we return null and say why.
            if (a !== null && a !== undefined) throw new Error(`${res.call} ${name}: expected null, got ${a}`);
            continue;
          }
          if (typeof a !== "number") throw new Error(`${res.call} ${name}: expected ${b}, got ${a}`);
          const kendallValue = (kendall && name !== "slope" && name !== "intercept") || name === "pval_slope_A";
          const tol = kendallValue ? 1e-6 : 1e-8;
          const r = kendallValue
            ? Math.abs(a - (b as number)) / Math.max(Math.abs(b as number), 1)
            : b === 0
            ? Math.abs(a)
            : rel(a, b as number);
          if (kendallValue) worstKendall = Math.max(worstKendall, r);
          else worst = Math.max(worst, r);
          if (r > tol) throw new Error(`${fx.id} ${res.call} ${name}: got ${a}, want ${b} (rel ${r.toExponential(2)})`);
        }
        if (res.messages?.length) {
          if (!g.warnings.some((w) => w.includes("not statistically significant"))) {
            throw new Error(`${res.call}: expected the pretest message`);
          }
        }
      });
    }
  });

  Deno.test(`SingleCaseES fixture ${fx.id}: exact NAP score interval (nap_ci_tight)`, () => {
    for (const [key, level] of [["conf95", 95], ["conf90", 90]] as const) {
      const [lo, hi] = fx.nap_ci_tight[key];
      const r = esNAP(fx.A, fx.B, { improvement: fx.improvement, level, rootTolerance: 1e-14 });
      if (rel(r.ci_lb!, lo) > 1e-8 || rel(r.ci_ub!, hi) > 1e-8) {
        throw new Error(`${fx.id} ${key}: got [${r.ci_lb}, ${r.ci_ub}], want [${lo}, ${hi}]`);
      }
      const t = esTau(fx.A, fx.B, { improvement: fx.improvement, level, rootTolerance: 1e-14 });
      if (Math.abs(t.ci_lb! - (2 * lo - 1)) > 1e-8 || Math.abs(t.ci_ub! - (2 * hi - 1)) > 1e-8) {
        throw new Error(`${fx.id} ${key}: Tau interval`);
      }
    }
  });
}

Deno.test("SingleCaseES fixtures: worst relative errors", () => {
  console.log(
    `closed forms and package CI bounds: ${worst.toExponential(2)}; Kendall: ${worstKendall.toExponential(2)}`,
  );
});

/**
 * `deno task meta <file.csv> [options]`: a meta-analysis of a study table, through the same
 * validated entry point as library users (`analyseStudies` from `lib/meta/mod.ts`).
 *
 * A CSV with `yi` and `vi` columns is analysed as is; otherwise `--measure` names the effect size
 * and the CSV has its metafor columns (e.g. SMCR: m1i, m2i, sd1i, ni, ri) or the pre-post columns
 * (m_pre, m_post, sd_pre, sd_post, ni, ri). Prints estimate, CI, PI, τ² (with its Q-profile CI),
 * Q(df) and p, and I² in both definitions; `--json` prints the complete result object;
 * `--emit-r <file.R>` writes a metafor script that reproduces the analysis.
 *
 * @example
 * // deno task meta data/examples/morris2008_smcr.csv --measure SMCR --method REML --test knha
 * // deno task meta data/examples/bcg.csv --measure RR --mods ablat --json
 * @module
 */
import { resolve } from "node:path";
import { checkOutputPath, type CommandSpec, readInput, runCli, writeAtomic } from "./_args.ts";
import { fail } from "../validate.ts";
import { fmt, fmtCI, fmtLevel, fmtP, fmtPEq, fmtSig } from "../format.ts";
import {
  type AnalyseOptions,
  type AnalyseResult,
  analyseStudies,
  metaforScript,
  STUDY_COLUMNS,
  TAU2_METHODS,
  type Tau2Method,
} from "../meta/mod.ts";
import { type Measure, MEASURES } from "../effects/mod.ts";

/** The meta command: its options, each described (shown by `--help`). */
export const META_SPEC: CommandSpec = {
  name: "meta",
  summary: "Meta-analysis of a table of studies (CSV, in metafor's column names or with yi and vi), as metafor's " +
    "escalc() and rma() compute it. Separator (, ; tab) and a decimal comma are detected.",
  positional: {
    name: "file.csv",
    description: "the study table, one row per study (one row per effect size with --cluster)",
    min: 1,
    max: 1,
  },
  options: {
    measure: {
      type: "string",
      choices: MEASURES,
      valueName: "M",
      description: "effect size to compute from the CSV's columns; omit when the CSV has yi and vi",
    },
    method: { type: "string", choices: TAU2_METHODS, default: "REML", valueName: "M", description: "tau2 estimator" },
    test: {
      type: "string",
      choices: ["z", "knha"],
      default: "z",
      description: "Wald z test, or Knapp-Hartung (t and F)",
    },
    level: {
      type: "number",
      default: 95,
      valueName: "L",
      description: "confidence level in percent (95) or as a proportion (0.95)",
    },
    r: {
      type: "number",
      min: -1,
      max: 1,
      valueName: "R",
      description: "pre-post correlation assumed for MC/SMCC/SMCR where the CSV has no ri (or an empty cell)",
    },
    "r-all": {
      type: "boolean",
      description: "use --r for every study, also where the CSV reports ri",
    },
    "r-grid": {
      type: "numbers",
      min: -1,
      max: 1,
      valueName: "a,b,c",
      description: "also redo the analysis with every study's r set to a, b, c (r-sensitivity)",
    },
    improvement: {
      type: "string",
      choices: ["increase", "decrease"],
      description: '"decrease" flips yi so that a decrease (less pain) is positive',
    },
    mods: {
      type: "list",
      valueName: "a,b",
      description: "meta-regression on these columns (numeric = continuous, text = categorical);\n" +
        "a study with an empty or NA moderator is omitted with a warning",
    },
    subgroup: { type: "string", valueName: "col", description: "subgroup analysis by this column" },
    slab: {
      type: "string",
      valueName: "col",
      description: "study label column (default: study, author, slab or trial if present)",
    },
    col: {
      type: "repeat",
      valueName: "name=column",
      description: `read metafor column <name> (${STUDY_COLUMNS.join(", ")}) from CSV column <column>; repeatable`,
    },
    bias: {
      type: "boolean",
      description: "add Egger's regression test and trim-and-fill (refitted with test z and level 95, as metafor)",
    },
    leave1out: { type: "boolean", description: "add the leave-one-out table" },
    cluster: {
      type: "string",
      valueName: "col",
      description: "several effect sizes per study: the study (cluster) column; fits a model for dependent\n" +
        "effect sizes (metafor's rma.mv) next to the naive pooling",
    },
    obs: {
      type: "string",
      valueName: "col",
      description: "effect-size id within a study (default: every row its own); needs --cluster",
    },
    rho: {
      type: "number",
      min: -1,
      max: 1,
      valueName: "R",
      description: "assumed correlation of effect sizes within a study (vcalc); gives the CHE model; needs --cluster",
    },
    struct: {
      type: "string",
      choices: ["CHE", "ML", "CS", "HCS", "UN"],
      valueName: "S",
      description: "working model with --cluster: CHE (V from --rho + ~ 1 | study/esid; default with --rho),\n" +
        "ML (~ 1 | study/esid, V = vi; default without --rho), or CS / HCS / UN (~ outcome | study)",
    },
    outcome: {
      type: "string",
      valueName: "col",
      description: "outcome column for --struct CS, HCS or UN",
    },
    robust: {
      type: "boolean",
      description: "cluster-robust CR2 inference with Satterthwaite df (clubSandwich); needs --cluster",
    },
    json: { type: "boolean", description: "print the complete result as JSON" },
    "emit-r": {
      type: "string",
      valueName: "file.R",
      description: "write a metafor R script reproducing the analysis (its folder is checked first)",
    },
  },
  examples: [
    "deno task meta data/examples/morris2008_smcr.csv --measure SMCR --method REML --test knha",
    "deno task meta data/examples/bcg.csv --measure RR --mods ablat --json",
    "deno task meta data/examples/prepost-example.csv --measure SMCC --r-grid 0.3,0.5,0.7 --emit-r check.R",
    "deno task meta data/examples/assink2016.csv --cluster study --obs esid --rho 0.6 --robust --emit-r che.R",
  ],
  notes: "Warnings (studies omitted for missing moderators, extras that could not be computed) go to stderr " +
    "and into the JSON. With --cluster the JSON's `model` is the naive fit (every effect size independent) and " +
    "`multilevel` the dependent-effects model in metafor's names (beta, se, ci_lb, ci_ub, sigma2, tau2, rho, QE, QM) " +
    "with a `robust` object (se, df, pval, ci_lb, ci_ub) and a `comparison` table. --cluster cannot be combined " +
    "with --subgroup, --bias, --leave1out or --r-grid, and takes --method REML or ML and --test z. Text factor " +
    "levels are sorted by code point (R's sort() in the C locale); the --emit-r script sets them explicitly.",
};

const num = (x: number | null | undefined): string =>
  typeof x === "number" && Number.isFinite(x) && x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-4)
    ? fmtSig(x, 4)
    : fmt(x, 4);
const pad = (s: string, n: number) => s.padEnd(n);

/** Render a result as readable text. */
export function formatResult(res: AnalyseResult): string {
  const out: string[] = [];
  const m = res.model;
  const ci = fmtLevel(m.level);
  const est = (res.multilevel ? "Naive pooling, every effect size independent (for comparison only): " : "") +
    (m.method === "FE" ? "Fixed-effect model" : `Random-effects model (tau2 estimator: ${m.method})`);
  out.push(
    `${est}, k = ${m.k}, measure = ${res.measure}${
      res.call.improvement === "decrease" ? " (sign flipped: decrease = positive)" : ""
    }`,
  );
  if (res.data.ri_assumed > 0) {
    out.push(`Pre-post correlation assumed for ${res.data.ri_assumed} of ${m.k} studies: r = ${res.call.r}`);
  }
  out.push("");
  const crit = m.test === "knha" ? `t(${m.ddf})` : "z";
  if (m.model === "rma.uni") {
    out.push(`Estimate ${num(m.beta)}  SE ${num(m.se)}  ${crit} = ${num(m.zval)}  ${fmtPEq(m.pval)}`);
    out.push(
      `${ci} ${fmtCI(m.ci_lb, m.ci_ub)}${
        m.method === "FE" ? "" : `   ${fmtLevel(m.level, "PI")} ${fmtCI(m.pi_lb, m.pi_ub)}`
      }`,
    );
    out.push("", "Heterogeneity");
    const q = res.confint;
    out.push(
      `  tau2 = ${num(m.tau2)}${m.se_tau2 === null ? "" : ` (SE ${num(m.se_tau2)})`}${
        q ? `  ${fmtLevel(q.level)} ${fmtCI(q.tau2.ci_lb, q.tau2.ci_ub)} (Q-profile)` : ""
      }`,
    );
    out.push(`  Q(${m.QEdf}) = ${num(m.QE)}, ${fmtPEq(m.QEp)}`);
    out.push(
      `  I2 (metafor, tau2-based) = ${fmt(m.I2, 2)}%${q ? `  CI ${fmtCI(q.I2.ci_lb, q.I2.ci_ub, 2)}` : ""}   H2 = ${
        num(m.H2)
      }`,
    );
    out.push(`  I2 (Higgins, Q-based)    = ${fmt(m.I2_Q, 2)}%   H2 = ${num(m.H2_Q)}`);
  } else {
    out.push(`${pad("", 22)}${pad("estimate", 12)}${pad("se", 12)}${pad(crit, 12)}${pad("p", 12)}${ci}`);
    m.colnames.forEach((c, j) => {
      out.push(
        `${pad(c, 22)}${pad(num(m.beta[j]), 12)}${pad(num(m.se[j]), 12)}${pad(num(m.zval[j]), 12)}${
          pad(fmtP(m.pval[j]), 12)
        }${fmtCI(m.ci_lb[j], m.ci_ub[j])}`,
      );
    });
    out.push("");
    const qm = m.test === "knha" ? `F(${m.QMdf[0]}, ${m.QMdf[1]})` : `QM(${m.QMdf[0]})`;
    out.push(`Test of moderators: ${qm} = ${num(m.QM)}, ${fmtPEq(m.QMp)}`);
    out.push(
      `Residual heterogeneity: QE(${m.QEdf}) = ${num(m.QE)}, ${fmtPEq(m.QEp)}; tau2 = ${num(m.tau2)}; I2 = ${
        fmt(m.I2, 2)
      }%`,
    );
    if (m.R2 !== null) out.push(`R2 (share of tau2 accounted for) = ${fmt(m.R2, 2)}%`);
  }
  if (res.subgroup) {
    const s = res.subgroup;
    out.push("", `Subgroups (common tau2, as metafor's mods = ~ group); ${ci}`);
    s.levels.forEach((lev, j) => {
      out.push(
        `  ${pad(lev, 20)} k = ${pad(String(s.k[j]), 4)} ${num(s.common.estimate[j])}  ${
          fmtCI(s.common.estimate_ci_lb[j], s.common.estimate_ci_ub[j])
        }`,
      );
    });
    out.push(`  Test of subgroup differences: QM(${s.common.QMdf[0]}) = ${num(s.common.QM)}, ${fmtPEq(s.common.QMp)}`);
    out.push(
      `  Separate tau2 per subgroup: Q-between(${s.separate.df}) = ${num(s.separate.Qbetween)}, ${
        fmtPEq(s.separate.pval)
      }`,
    );
  }
  if (res.rSensitivity) {
    const rs = res.rSensitivity;
    out.push("", `r-sensitivity (the same r assumed for all ${rs.assumed} studies)`);
    out.push(`  ${pad("r", 8)}${pad("estimate", 12)}${pad(ci, 24)}${pad("tau2", 12)}${pad("I2", 10)}I2_Q`);
    for (const r of rs.rows) {
      out.push(
        `  ${pad(String(r.r), 8)}${pad(num(r.beta), 12)}${pad(fmtCI(r.ci_lb, r.ci_ub), 24)}${pad(num(r.tau2), 12)}${
          pad(fmt(r.I2, 2), 10)
        }${fmt(r.I2_Q, 2)}`,
      );
    }
  }
  if (res.regtest) {
    out.push(
      "",
      `Egger's regression test: ${crit} = ${num(res.regtest.zval)}, ${fmtPEq(res.regtest.pval)}; limit estimate ${
        num(res.regtest.est)
      }`,
    );
  }
  if (res.trimfill) {
    const t = res.trimfill;
    out.push(
      `Trim-and-fill (L0): ${t.k0} studies imputed on the ${t.side}; estimate ${num(t.beta)} ${fmtLevel(t.level)} ${
        fmtCI(t.ci_lb, t.ci_ub)
      }${t.k0 > 0 && t.test !== m.test ? ` (refitted with test ${t.test}, as metafor's trimfill)` : ""}`,
    );
  }
  if (res.multilevel) out.push("", ...formatMultilevel(res));
  if (res.leave1out) {
    const l = res.leave1out;
    out.push("", "Leave-one-out", `  ${pad("omitted", 22)}${pad("estimate", 12)}${pad("tau2", 12)}I2`);
    l.slab.forEach((s, i) =>
      out.push(`  ${pad(s, 22)}${pad(num(l.estimate[i]), 12)}${pad(num(l.tau2[i]), 12)}${fmt(l.I2[i], 2)}`)
    );
  }
  return out.join("\n");
}

/** The dependent-effects part of the text report. */
function formatMultilevel(res: AnalyseResult): string[] {
  const mv = res.multilevel!;
  const ci = fmtLevel(mv.level);
  const out: string[] = [];
  const model = mv.struct === "CHE"
    ? `CHE: V from vcalc(rho = ${mv.vcalc_rho}), random = ~ 1 | ${res.call.cluster}/${res.call.obs ?? "esid"}`
    : mv.struct === "ML"
    ? `multilevel: random = ~ 1 | ${res.call.cluster}/${res.call.obs ?? "esid"}, V = vi`
    : `multivariate: random = ~ ${res.call.outcome} | ${res.call.cluster}, struct = ${mv.struct}` +
      (mv.vcalc_rho === null ? "" : `, V from vcalc(rho = ${mv.vcalc_rho})`);
  out.push(`Dependent effect sizes (${mv.method}; k = ${mv.k} in ${mv.n_clusters} clusters): ${model}`);
  out.push(`${pad("", 22)}${pad("estimate", 12)}${pad("se", 12)}${pad(mv.test, 12)}${pad("p", 12)}${ci}`);
  mv.coef_names.forEach((c, j) => {
    out.push(
      `${pad(c, 22)}${pad(num(mv.beta[j]), 12)}${pad(num(mv.se[j]), 12)}${pad(num(mv.zval[j]), 12)}${
        pad(fmtP(mv.pval[j]), 12)
      }${fmtCI(mv.ci_lb[j], mv.ci_ub[j])}`,
    );
  });
  if (mv.pi_lb !== null) out.push(`${fmtLevel(mv.level, "PI")} ${fmtCI(mv.pi_lb, mv.pi_ub)}`);
  mv.s_names.forEach((n, i) => out.push(`  sigma2 (${n}) = ${num(mv.sigma2[i])}`));
  mv.tau2.forEach((t, i) =>
    out.push(`  tau2${mv.g_levels[i] && mv.tau2.length > 1 ? ` (${mv.g_levels[i]})` : ""} = ${num(t)}`)
  );
  mv.rho.forEach((r) => out.push(`  rho = ${num(r)}`));
  out.push(`  QE(${mv.QEdf}) = ${num(mv.QE)}, ${fmtPEq(mv.QEp)}`);
  if (mv.robust) {
    const r = mv.robust;
    out.push("", `Cluster-robust CR2 (clubSandwich; Satterthwaite df; ${r.n_clusters} clusters)`);
    out.push(`${pad("", 22)}${pad("estimate", 12)}${pad("se", 12)}${pad("df", 12)}${pad("p", 12)}${ci}`);
    mv.coef_names.forEach((c, j) => {
      out.push(
        `${pad(c, 22)}${pad(num(mv.beta[j]), 12)}${pad(num(r.se[j]), 12)}${pad(fmt(r.df[j], 2), 12)}${
          pad(fmtP(r.pval[j]), 12)
        }${fmtCI(r.ci_lb[j], r.ci_ub[j])}`,
      );
      if (r.df[j] < 4) out.push(`${pad("", 22)}(df < 4: the CR2 test is unreliable with so few effective clusters)`);
    });
    if (mv.coef_names.length > 1 && r.QMdf[0] > 0) {
      out.push(`  HTZ test of moderators: F(${r.QMdf[0]}, ${fmt(r.QMdf[1], 2)}) = ${num(r.QM)}, ${fmtPEq(r.QMp)}`);
    }
  }
  out.push("", `Comparison (${mv.coef_names[0]})`);
  for (const row of mv.comparison) {
    out.push(
      `  ${pad(row.model, 14)}${pad(num(row.beta), 12)}SE ${pad(num(row.se), 10)}${ci} ${
        fmtCI(row.ci_lb, row.ci_ub)
      }  ${row.label}`,
    );
  }
  return out;
}

/**
 * A runnable metafor script reproducing the analysis of `res` on the CSV at `csvPath`.
 * @deprecated Use `metaforScript` from `lib/meta/mod.ts` (the same script; kept so old imports compile).
 */
export function emitR(res: AnalyseResult, csvPath: string): string {
  return metaforScript(res, csvPath);
}

/** Parse `--col name=column` values into a mapping. */
function parseCols(values: readonly string[]): Record<string, string> {
  const cols: Record<string, string> = {};
  for (const v of values) {
    const m = v.match(/^([A-Za-z0-9_]+)=(.+)$/);
    if (!m || !STUDY_COLUMNS.includes(m[1])) {
      fail("meta", "--col", `must look like name=column with name one of ${STUDY_COLUMNS.join(", ")}`, v);
    }
    cols[m[1]] = m[2].trim();
  }
  return cols;
}

/** Run the meta CLI with `args`; prints to stdout/stderr and returns the exit code. */
export function main(args: readonly string[]): Promise<number> {
  return runCli(META_SPEC, args, async ({ options: o, positional }) => {
    const file = positional[0];
    const emit = o["emit-r"] as string | undefined;
    if (emit !== undefined) checkOutputPath("meta", "--emit-r", emit);
    const text = await readInput("meta", file, "file");
    const res = analyseStudies(text, {
      name: file,
      tool: "meta",
      measure: o.measure as Measure | undefined,
      method: o.method as Tau2Method,
      test: o.test as "z" | "knha",
      level: o.level as number,
      r: o.r as number | undefined,
      rFor: o["r-all"] ? "all" : "missing",
      rGrid: o["r-grid"] as number[] | undefined,
      improvement: o.improvement as "increase" | "decrease" | undefined,
      mods: (o.mods as string[] | undefined) ?? [],
      subgroup: o.subgroup as string | undefined,
      slab: o.slab as string | undefined,
      cols: parseCols((o.col as string[] | undefined) ?? []),
      bias: Boolean(o.bias),
      leave1out: Boolean(o.leave1out),
      cluster: o.cluster as string | undefined,
      obs: o.obs as string | undefined,
      outcome: o.outcome as string | undefined,
      struct: o.struct as AnalyseOptions["struct"],
      rho: o.rho as number | undefined,
      robust: o.robust ? true : undefined,
    });
    for (const w of res.warnings) console.error(`warning: ${w}`);
    console.log(o.json ? JSON.stringify(res, null, 2) : formatResult(res));
    if (emit !== undefined) {
      await writeAtomic("meta", "--emit-r", emit, metaforScript(res, resolve(file)));
      console.error(`R script written to ${emit}`);
    }
    return 0;
  });
}

if (import.meta.main) Deno.exit(await main(Deno.args));

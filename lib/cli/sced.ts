/**
 * Command line: single-case analyses of a long-format CSV (`case, measurement|session, phase,
 * value[, outcome]`), on the shared CLI layer (`_args.ts`): `--help` describes every option, unknown
 * options are errors with a "did you mean", input errors print one line without a stack trace
 * (exit 2). Four analyses: the randomisation test (default), `--effect-sizes` (every within-case
 * effect size of SingleCaseES per case and outcome), `--bcsmd` (the design-comparable g_AB with its
 * model, as scdhlm) and `--rt-ci` (the randomisation-test confidence interval for a shift).
 *
 * ```
 * deno task sced <data.csv> --design MBD --scheme koehler-levin --starts <starts.csv> --limit 5 \
 *   --statistic A-B [--exact | --draws N --seed S] [--json] [--combine edgington|fisher|stouffer]
 * deno task sced <data.csv> --effect-sizes [--improvement increase|decrease] [--json]
 * deno task sced <data.csv> --bcsmd [--ar1 | --ma1 | --iid] [--random-trend] [--json]
 * deno task sced <data.csv> --rt-ci [--limit 3] [--draws N --seed S] [--json]
 * ```
 *
 * @example
 * await main(["data/sced/abcd-fear-diary.csv", "--design", "ABCD", "--limit", "5", "--statistic", "A-D"]);
 * @module
 */
import { checkOutputPath, type CommandSpec, readInput, runCli, writeAtomic } from "./_args.ts";
import { fmt, fmtCI, fmtLevel, fmtP, fmtSig } from "../format.ts";
import {
  analyseScedData,
  type CombineMethod,
  type MbdScheme,
  parseScedCsv,
  parseStartsCsv,
  type RandomizationTestResult,
  readScedLongCsv,
  SCED_ES_NAMES,
  type ScedAnalysis,
  type ScedDataBcsmd,
  scedDataBcsmd,
  type ScedDataEffectSizes,
  scedDataEffectSizes,
  scedDataRandomizationCI,
  type ScedDataRtci,
  type ScedEsName,
  type ScedScale,
} from "../sced/mod.ts";
import { ValidationError } from "../conventions.ts";

/** The `sced` command: its options, help text and examples. */
export const scedSpec: CommandSpec = {
  name: "sced",
  summary: "Single-case experimental designs (SCED) on a long-format CSV with columns case, measurement\n" +
    "(or session), phase, value and optionally outcome (one row per measurement occasion; an empty value\n" +
    "or NA is a missing measurement). Separator , ; or tab and decimal commas (Dutch Excel) are detected.\n" +
    "Without an analysis flag: the exact or Monte Carlo randomisation test (exact p = #(statistic >=\n" +
    "observed) / #assignments, the observed assignment included, as SCRT and scan; Monte Carlo p =\n" +
    "(k + 1) / (M + 1)). --effect-sizes: every within-case effect size of SingleCaseES per case and\n" +
    "outcome. --bcsmd: the design-comparable between-case SMD g_AB (scdhlm's calc_BCSMD, REML) with its\n" +
    "model. --rt-ci: the randomisation-test confidence interval for an additive shift (Michiels et al. 2017).",
  positional: {
    name: "data.csv",
    description: "long-format data: case, measurement (or session), phase, value[, outcome]",
    min: 1,
    max: 1,
  },
  options: {
    design: {
      type: "string",
      valueName: "AB|ABAB|ABCD|...|MBD|CRD|RBD|ATD",
      description: "the design: a phase sequence (AB, ABA, ABAB, ABCD, ...; SCRT labels A1, B1, A2 are read\n" +
        "as A, B, A), MBD (multiple baseline across the cases), CRD, RBD or ATD (required)",
    },
    scheme: {
      type: "string",
      choices: ["wampold-worsham", "koehler-levin", "marascuilo-busk"],
      default: "marascuilo-busk",
      description: "MBD randomisation scheme",
    },
    starts: {
      type: "string",
      valueName: "starts.csv",
      description: "MBD possible starts of B: CSV with columns set (or tier, case, participant) and start,\n" +
        "one row per possible start; required unless marascuilo-busk (then limit+1 .. n-limit+1)",
    },
    limit: { type: "integer", min: 1, default: 3, description: "minimum number of measurements per phase" },
    "max-run": {
      type: "integer",
      min: 1,
      default: 2,
      description: "ATD: most consecutive measurements of one condition",
    },
    statistic: {
      type: "string",
      default: "A-B",
      description: "test statistic; large values are evidence: A-B (improvement = decrease), B-A, |A-B|,\n" +
        "PA-PB (mean of phase means), medA-medB, level:A-B, slope:A-B, NAP-decrease, NAP-increase",
    },
    exact: { type: "boolean", description: "enumerate every assignment (the default unless --draws is given)" },
    draws: { type: "integer", min: 1, max: 1e9, description: "Monte Carlo test with this many random assignments" },
    seed: { type: "integer", description: "seed of the Monte Carlo draws (required with --draws)" },
    combine: {
      type: "string",
      choices: ["edgington", "fisher", "stouffer"],
      default: "edgington",
      description: "several cases of a phase design: how the per-case p-values are combined",
    },
    "effect-sizes": {
      type: "boolean",
      description: "every within-case effect size (NAP, Tau, Tau-BC, Tau-U, PND, PEM, PAND, IRD, LRRi, LRRd,\n" +
        "LOR, SMD, LRM) per case and outcome, with SE and CI where SingleCaseES gives them (they assume\n" +
        "independent measurements within a phase)",
    },
    es: {
      type: "list",
      valueName: "NAP,Tau,...",
      description: `with --effect-sizes: only these (default all: ${SCED_ES_NAMES.join(", ")})`,
    },
    improvement: {
      type: "string",
      choices: ["decrease", "increase"],
      default: "decrease",
      description: "with --effect-sizes: which direction of the score is an improvement (decrease for pain, fear)",
    },
    scale: {
      type: "string",
      choices: ["count", "rate", "proportion", "percentage", "other"],
      default: "count",
      description: "with --effect-sizes: measurement scale (sets the truncation of LRRi, LRRd and LOR)",
    },
    intervals: {
      type: "integer",
      min: 1,
      description: "with --effect-sizes: intervals per session (proportion and percentage scales)",
    },
    bcsmd: {
      type: "boolean",
      description: "the design-comparable between-case SMD g_AB (SE, degrees of freedom nu, CI) from a\n" +
        "hierarchical linear model fitted by REML, as scdhlm's calc_BCSMD; the model is printed.\n" +
        "Design: MBP (multiple baseline/probe) when every case runs baseline then treatment once, else TR\n" +
        "(treatment reversal); override with --design MBD or --design TR",
    },
    ar1: { type: "boolean", description: "with --bcsmd: AR(1) level-1 errors (the default, as scdhlm)" },
    ma1: { type: "boolean", description: "with --bcsmd: MA(1) level-1 errors" },
    iid: { type: "boolean", description: "with --bcsmd: independent level-1 errors" },
    "random-trend": {
      type: "boolean",
      description: "with --bcsmd: baseline trend and trend change with random case intercepts and slopes\n" +
        "(multiple baseline only); the effect is evaluated B - A sessions into treatment",
    },
    times: {
      type: "numbers",
      valueName: "A,B",
      description: "with --bcsmd: times A (last baseline session) and B of a trend model (default as scdhlm)",
    },
    "rt-ci": {
      type: "boolean",
      description: "randomisation-test confidence interval for an additive shift (treatment - baseline, on\n" +
        "the outcome's scale): one for a multiple baseline over all cases (Marascuilo-Busk starts that leave\n" +
        "at least --limit measurements per phase), else one per case (its phase sequence, --limit)",
    },
    baseline: { type: "string", description: "baseline phase label (default: the first label in the file)" },
    treatment: { type: "string", description: "treatment phase label (default: the next label in the file)" },
    outcome: { type: "string", description: "with --bcsmd, --rt-ci: the outcome (when the file has several)" },
    level: {
      type: "number",
      default: 95,
      description: "confidence level in percent (or as a proportion, 0.95) of --effect-sizes, --bcsmd, --rt-ci",
    },
    json: { type: "boolean", description: "print the full result as JSON" },
    out: { type: "string", valueName: "file", description: "also write the JSON result to this file (atomically)" },
  },
  examples: [
    "deno task sced data/sced/mbd-fear-diary.csv --effect-sizes --improvement decrease",
    "deno task sced data/sced/laski1988-mbd.csv --bcsmd --ar1",
    "deno task sced data/sced/schutte-fatigue-mbd.csv --bcsmd --random-trend --json",
    "deno task sced data/sced/mbd-fear-diary.csv --rt-ci --limit 5 --draws 5000 --seed 1",
    "deno task sced data/sced/onghena1992-abab.csv --design ABAB --limit 4 --statistic PA-PB",
    "deno task sced data/sced/abcd-fear-diary.csv --design ABCD --limit 5 --statistic A-D --combine fisher",
    "deno task sced data/sced/mbd-fear-diary.csv --design MBD --scheme koehler-levin \\\n" +
    "    --starts data/sced/mbd-starts-koehler-levin.csv --limit 5 --draws 10000 --seed 1",
  ],
  notes: "Give at most one of --effect-sizes, --bcsmd, --rt-ci, and at most one of --ar1, --ma1, --iid.\n" +
    "Within-case effect sizes (NAP, Tau, SMD, ...) are scaled within the person and cannot be pooled with\n" +
    "RCT SMDs; g_AB can (Hedges, Pustejovsky & Shadish 2012, 2013). The randomisation-test CI is valid only\n" +
    "if the start points were randomised as assumed.\n" +
    "Exit codes: 0 done, 2 input error (message names the file, row, column or option), 1 other error.",
};

function testText(r: RandomizationTestResult, name?: string): string {
  const head = name ? `${name}: ` : "";
  const pText = r.method === "exact"
    ? `p = ${fmtP(r.pval)} (${r.k} of ${r.assignments} assignments with statistic >= observed)`
    : `p = ${fmtP(r.pval)} ((k + 1)/(M + 1), k = ${r.k} of M = ${r.draws} draws, seed ${r.seed}; MC SE ${
      fmt(r.mcse, 4)
    })`;
  return `${head}${r.method} randomisation test, ${r.design}, statistic ${r.statistic}\n` +
    `  assignments: ${r.assignments}\n  observed statistic: ${fmtSig(r.observed, 7)}\n  ${pText}` +
    (r.missing ? `\n  missing measurements kept in place: ${r.missing}` : "");
}

/** The text report of an analysis (what the CLI prints without `--json`). */
export function scedReport(a: ScedAnalysis): string {
  if (a.kind === "single") return testText(a.result, a.case);
  if (a.kind === "mbd") return testText(a.result);
  const c = a.result.combined;
  return a.result.perCase.map((r) => testText(r, r.name)).join("\n") +
    `\ncombined over ${c.k} cases (${c.method}): statistic ${fmtSig(c.statistic, 7)}, p = ${fmtP(c.pval)}`;
}

const pad = (x: string, n: number) => x.padEnd(n);

/** The text report of `--effect-sizes` (what the CLI prints without `--json`). */
export function effectSizesReport(file: string, nRows: number, r: ScedDataEffectSizes): string {
  const head = [
    `within-case effect sizes (SingleCaseES 0.7.4) from ${file} (${nRows} rows): ${r.baseline} vs ${r.treatment}, ` +
    `improvement = ${r.improvement}, ${fmtLevel(r.level)}`,
    `note: ${r.assumption}`,
  ];
  if (r.missing) head.push(`${r.missing} missing measurements left out`);
  const lines = [pad("case", 14) + pad("outcome", 12) + pad("ES", 14) + pad("estimate", 11) + pad("SE", 10) + "CI"];
  for (const x of r.rows) {
    lines.push(
      pad(x.case, 14) + pad(x.outcome || "–", 12) + pad(x.es, 14) + pad(fmt(x.estimate, 4), 11) +
        pad(fmt(x.se, 4), 10) + (x.ci_lb === null || x.ci_ub === null ? "–" : fmtCI(x.ci_lb, x.ci_ub, 4)) +
        (x.estimate === null && x.warnings.length ? `  (${x.warnings[0]})` : ""),
    );
  }
  return [...head, ...lines].join("\n");
}

/** The text report of `--bcsmd`. */
export function bcsmdReport(nRows: number, g: ScedDataBcsmd): string {
  return [
    `design-comparable between-case SMD (scdhlm calc_BCSMD) from ${g.file} (${nRows} rows)` +
    (g.outcome ? `, outcome ${g.outcome}` : ""),
    `  design: ${g.design}${
      g.designInferred ? " (inferred from the phase sequence)" : ""
    }; ${g.cases} cases, ${g.n} measurements`,
    `  model: ${g.model.description}`,
    `    fixed: ${g.model.fixed}`,
    `    random: ${g.model.random}`,
    `    correlation: ${g.model.correlation}`,
    `  g_AB = ${fmt(g.g_AB, 4)}, SE = ${fmt(g.SE_g_AB, 4)}, nu = ${fmt(g.nu, 2)}, ${fmtLevel(g.level)} ${
      fmtCI(g.ci_lb, g.ci_ub, 4)
    }`,
    `  phi = ${fmt(g.phi, 4)}, intra-class correlation rho = ${fmt(g.rho, 4)}${g.converged ? "" : ", NOT CONVERGED"}`,
    ...g.warnings.map((w) => `  warning: ${w}`),
  ].join("\n");
}

/** The text report of `--rt-ci`. */
export function rtciReport(nRows: number, r: ScedDataRtci): string {
  const lines = [
    `randomisation-test confidence interval for a shift (treatment - baseline) from ${r.file} (${nRows} rows)` +
    (r.outcome ? `, outcome ${r.outcome}` : ""),
  ];
  for (const c of r.intervals) {
    const mc = c.method === "monte-carlo" ? `, Monte Carlo: ${c.draws} draws, seed ${c.seed}` : "";
    lines.push(
      `  ${c.case}: ${c.designText}, ${c.assignments} assignments${mc}`,
      `    shift = ${fmt(c.estimate, 4)}, ${fmtLevel(c.level)} ${fmtCI(c.ci_lb, c.ci_ub, 4)}, p (no shift) = ${
        fmtP(c.pval)
      }${c.method === "exact" ? ` (smallest possible ${fmtP(c.min_pval)})` : ""}`,
    );
  }
  lines.push("  valid only if the start points were randomised as assumed (design and limit above)");
  return lines.join("\n");
}

/** The JSON result of an analysis (what `--json` prints). */
export function scedJson(a: ScedAnalysis): unknown {
  if (a.kind === "single") return { ...a.result, case: a.case };
  if (a.kind === "mbd") return { ...a.result, participants: a.participants };
  return a.result;
}

/**
 * Run the CLI on `args` (without the program name); prints to stdout/stderr and returns the exit
 * code (0 done, 2 input error, 1 other error).
 */
export function main(args: readonly string[]): Promise<number> {
  return runCli(scedSpec, args, async ({ options, positional }) => {
    const o = options as {
      design?: string;
      scheme: MbdScheme;
      starts?: string;
      limit: number;
      "max-run": number;
      statistic: string;
      exact?: boolean;
      draws?: number;
      seed?: number;
      combine: CombineMethod;
      json?: boolean;
      out?: string;
      "effect-sizes"?: boolean;
      es?: string[];
      improvement: "decrease" | "increase";
      scale: ScedScale;
      intervals?: number;
      bcsmd?: boolean;
      ar1?: boolean;
      ma1?: boolean;
      iid?: boolean;
      "random-trend"?: boolean;
      times?: number[];
      "rt-ci"?: boolean;
      baseline?: string;
      treatment?: string;
      outcome?: string;
      level: number;
    };
    const given = (name: string) => args.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    const bad = (path: string, rule: string, received?: unknown): never => {
      throw new ValidationError("sced", [received === undefined ? { path, rule } : { path, rule, received }]);
    };
    const modes = (["effect-sizes", "bcsmd", "rt-ci"] as const).filter((m) => o[m]);
    if (modes.length > 1) bad(`--${modes[1]}`, `cannot be combined with --${modes[0]} (give one analysis)`);
    const mode = modes[0];
    const only = (names: string[], where: string) => {
      for (const n of names) if (given(n)) bad(`--${n}`, `is only used with ${where}`);
    };
    if (mode !== "effect-sizes") only(["es", "improvement", "scale", "intervals"], "--effect-sizes");
    if (mode !== "bcsmd") only(["ar1", "ma1", "iid", "random-trend", "times"], "--bcsmd");
    if (!mode) only(["baseline", "treatment", "outcome", "level"], "--effect-sizes, --bcsmd or --rt-ci");
    if (mode === "effect-sizes") only(["outcome"], "--bcsmd or --rt-ci (--effect-sizes reports every outcome)");
    if (mode) {
      only(
        ["scheme", "starts", "max-run", "statistic", "exact", "combine"],
        "the randomisation test (no analysis flag)",
      );
      if (mode !== "rt-ci") only(["limit", "draws", "seed"], "the randomisation test or --rt-ci");
      if (o.out) checkOutputPath("sced", "--out", o.out);
      const dataPath = positional[0];
      const data = readScedLongCsv(await readInput("sced", dataPath, "data.csv"), { name: dataPath });
      let result: unknown;
      let text: string;
      if (mode === "effect-sizes") {
        for (const e of o.es ?? []) {
          if (!SCED_ES_NAMES.includes(e as ScedEsName)) {
            bad("--es", `must list effect sizes among ${SCED_ES_NAMES.join(", ")}`, e);
          }
        }
        const r = scedDataEffectSizes(data, {
          improvement: o.improvement,
          baseline: o.baseline,
          treatment: o.treatment,
          es: o.es as ScedEsName[] | undefined,
          scale: o.scale,
          intervals: o.intervals,
          level: o.level,
        });
        result = { file: data.file, nRows: data.nRows, ...r };
        text = effectSizesReport(data.file, data.nRows, r);
      } else if (mode === "bcsmd") {
        const cor = (["ar1", "ma1", "iid"] as const).filter((c) => o[c]);
        if (cor.length > 1) bad(`--${cor[1]}`, `cannot be combined with --${cor[0]} (one error structure)`);
        if (o.times && o.times.length !== 2) bad("--times", "must be two numbers A,B", o.times.join(","));
        const design = o.design === undefined
          ? undefined
          : ["MBD", "MBP"].includes(o.design)
          ? "MBP" as const
          : o.design === "TR" || /^(AB){2,}A?$/.test(o.design)
          ? "TR" as const
          : bad("--design", "with --bcsmd must be MBD (or MBP), TR or a reversal sequence such as ABAB", o.design);
        const g = scedDataBcsmd(data, {
          outcome: o.outcome,
          design,
          correlation: cor[0] === "ma1" ? "MA1" : cor[0] === "iid" ? "IID" : "AR1",
          randomTrend: o["random-trend"] === true,
          baseline: o.baseline,
          treatment: o.treatment,
          ...(o.times ? { times: { A: o.times[0], B: o.times[1] } } : {}),
          level: o.level,
        });
        const { result: full, ...summary } = g;
        result = { ...summary, nRows: data.nRows, kappa: full.kappa, A: full.A, B: full.B, fit: full.fit };
        text = bcsmdReport(data.nRows, g);
      } else {
        if (o.exact && o.draws !== undefined) bad("--exact", "cannot be combined with --draws (give one)");
        if (o.draws !== undefined && o.seed === undefined) {
          bad("--seed", "is required with --draws (a Monte Carlo interval is reproducible from its seed)");
        }
        if (o.draws === undefined && o.seed !== undefined) bad("--seed", "is only used with --draws");
        const design = o.design === undefined
          ? undefined
          : o.design === "MBD"
          ? "MBD" as const
          : /^[A-Za-z]{2,}$/.test(o.design)
          ? "phase" as const
          : bad("--design", "with --rt-ci must be MBD or a phase sequence such as AB or ABAB", o.design);
        const r = scedDataRandomizationCI(data, {
          outcome: o.outcome,
          baseline: o.baseline,
          treatment: o.treatment,
          design,
          limit: o.limit,
          level: o.level,
          draws: o.draws,
          seed: o.seed,
        });
        result = { ...r, nRows: data.nRows };
        text = rtciReport(data.nRows, r);
      }
      const json = JSON.stringify(result, null, 2);
      console.log(o.json ? json : text);
      if (o.out) await writeAtomic("sced", "--out", o.out, json + "\n");
      return 0;
    }
    if (!o.design) {
      throw new ValidationError("sced", [{
        path: "--design",
        rule: "is required (AB, ABAB, ABCD, ..., MBD, CRD, RBD or ATD)",
      }]);
    }
    if (o.exact && o.draws !== undefined) {
      throw new ValidationError("sced", [{ path: "--exact", rule: "cannot be combined with --draws (give one)" }]);
    }
    if (o.draws !== undefined && o.seed === undefined) {
      throw new ValidationError("sced", [{
        path: "--seed",
        rule: "is required with --draws (a Monte Carlo test is reproducible from its seed)",
      }]);
    }
    if (o.draws === undefined && o.seed !== undefined) {
      throw new ValidationError("sced", [{
        path: "--seed",
        rule: "is only used with --draws (an exact test has no randomness)",
      }]);
    }
    if (o.starts && o.design !== "MBD") {
      throw new ValidationError("sced", [{
        path: "--starts",
        rule: "is only used with --design MBD",
        received: o.design,
      }]);
    }
    if (o.out) checkOutputPath("sced", "--out", o.out);
    const dataPath = positional[0];
    const cases = parseScedCsv(await readInput("sced", dataPath, "data.csv"), { name: dataPath });
    const starts = o.starts
      ? parseStartsCsv(await readInput("sced", o.starts, "--starts"), { name: o.starts })
      : undefined;
    const analysis = analyseScedData(cases, {
      design: o.design,
      scheme: o.scheme,
      starts,
      // the start sets are checked against --limit only when it was given
      ...(args.some((a) => a === "--limit" || a.startsWith("--limit=")) ? { limit: o.limit } : {}),
      maxRun: o["max-run"],
      statistic: o.statistic,
      draws: o.draws,
      seed: o.seed,
      combine: o.combine,
    });
    const json = JSON.stringify(scedJson(analysis), null, 2);
    console.log(o.json ? json : scedReport(analysis));
    if (o.out) await writeAtomic("sced", "--out", o.out, json + "\n");
    return 0;
  });
}

if (import.meta.main) Deno.exit(await main(Deno.args));

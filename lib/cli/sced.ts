/**
 * Command line: single-case randomisation tests on a long-format CSV (`case, measurement, phase,
 * value`), on the shared CLI layer (`_args.ts`): `--help` describes every option, unknown options
 * are errors with a "did you mean", input errors print one line without a stack trace (exit 2).
 *
 * ```
 * deno task sced <data.csv> --design MBD --scheme koehler-levin --starts <starts.csv> --limit 5 \
 *   --statistic A-B [--exact | --draws N --seed S] [--json] [--combine edgington|fisher|stouffer]
 * ```
 *
 * @example
 * await main(["data/sced/abcd-fear-diary.csv", "--design", "ABCD", "--limit", "5", "--statistic", "A-D"]);
 * @module
 */
import { checkOutputPath, type CommandSpec, readInput, runCli, writeAtomic } from "./_args.ts";
import { fmt, fmtP, fmtSig } from "../format.ts";
import {
  analyseScedData,
  type CombineMethod,
  type MbdScheme,
  parseScedCsv,
  parseStartsCsv,
  type RandomizationTestResult,
  type ScedAnalysis,
} from "../sced/mod.ts";
import { ValidationError } from "../validate.ts";

/** The `sced` command: its options, help text and examples. */
export const scedSpec: CommandSpec = {
  name: "sced",
  summary: "Exact or Monte Carlo randomisation test for single-case experimental designs (SCED) on a\n" +
    "long-format CSV with columns case, measurement, phase, value (one row per measurement occasion;\n" +
    "an empty value or NA is a missing measurement, kept in place). Separator , ; or tab and decimal\n" +
    "commas (Dutch Excel) are detected. Exact p = #(statistic >= observed) / #assignments, the observed\n" +
    "assignment included (SCRT, scan); Monte Carlo p = (k + 1) / (M + 1).",
  positional: { name: "data.csv", description: "long-format data: case, measurement, phase, value", min: 1, max: 1 },
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
    json: { type: "boolean", description: "print the full result as JSON" },
    out: { type: "string", valueName: "file", description: "also write the JSON result to this file (atomically)" },
  },
  examples: [
    "deno task sced data/sced/onghena1992-abab.csv --design ABAB --limit 4 --statistic PA-PB",
    "deno task sced data/sced/abcd-fear-diary.csv --design ABCD --limit 5 --statistic A-D --combine fisher",
    "deno task sced data/sced/mbd-fear-diary.csv --design MBD --scheme koehler-levin \\\n" +
    "    --starts data/sced/mbd-starts-koehler-levin.csv --limit 5 --draws 10000 --seed 1",
  ],
  notes: "Exit codes: 0 done, 2 input error (message names the file, row, column or option), 1 other error.",
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
    };
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

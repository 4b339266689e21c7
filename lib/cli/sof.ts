/**
 * `deno task sof <judgements.csv> [--comparison ...] [--outcome ...] [--format html|md|csv|json]`:
 * summary-of-findings tables of the dispute's comparisons, built from `data/evidence/` and a
 * risk-of-bias file, with the certainty by the toolkit's GRADE-style rules.
 *
 * @example
 * ```ts ignore
 * // deno run -A lib/cli/sof.ts data/evidence/rob.csv --comparison waiting-list --format md
 * ```
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandSpec, readInput, runCli, writeAtomic } from "./_args.ts";
import { loadRob, seedStudyIds } from "../evidence/mod.ts";
import { buildSeedSof, formatSof, SOF_COMPARISON_IDS, type SofDecision, type SofFormat } from "../evidence/mod.ts";
import { ValidationError } from "../validate.ts";

const DEFAULT_DATA = fileURLToPath(new URL("../../data/", import.meta.url));

/** The command's options and help. */
export const spec: CommandSpec = {
  name: "sof",
  summary: "Summary-of-findings tables (GRADEpro's layout) for the dispute's comparisons (continued primary care, " +
    "usual IMSR / graded activity, waiting list, PIO with SCEDs and cohorts), from the numbers in data/evidence/ " +
    "and the risk-of-bias judgements in <judgements.csv>. Every number carries its data-file row and seed line; " +
    "judgements nobody made stay open. The certainty follows the toolkit's GRADE-style rules, not official GRADE.",
  positional: {
    name: "judgements.csv",
    description: "risk-of-bias judgements (format: data/evidence/README-rob.md), e.g. data/evidence/rob.csv",
    min: 1,
    max: 1,
  },
  options: {
    comparison: {
      type: "string",
      description: "one comparison, or all",
      choices: [...SOF_COMPARISON_IDS, "all"],
      default: "all",
    },
    outcome: { type: "string", description: "only outcomes whose name contains this text (case-insensitive)" },
    format: { type: "string", description: "output format", choices: ["md", "html", "csv", "json"], default: "md" },
    out: {
      type: "string",
      description: "write to this file (atomically) instead of standard output",
      valueName: "file",
    },
    decisions: {
      type: "string",
      description: "a JSON file of a committee's decisions by row id: indirectness, overrides (each with a reason),\n" +
        "declared upgrades, ois_sd",
      valueName: "file",
    },
    data: { type: "string", description: "the data folder (with evidence/ and instruments.csv)", valueName: "dir" },
  },
  examples: [
    "deno task sof data/evidence/rob.csv",
    "deno task sof data/evidence/rob.csv --comparison waiting-list --format html --out sof.html",
    "deno task sof data/evidence/rob-illustrative.csv --outcome PDI --format csv",
  ],
  notes: "Risk of bias 'Not assessed' and indirectness not declared are open judgements: the certainty is then\n" +
    "'not determined' with the range it could take. data/evidence/rob-illustrative.csv is a constructed example,\n" +
    "labelled ILLUSTRATIVE in every output.",
};

function parseDecisions(text: string, path: string): Record<string, SofDecision> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ValidationError("sof", [{
      path: "--decisions",
      rule: `must be a JSON file (${(e as Error).message})`,
      received: path,
    }]);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ValidationError("sof", [{ path: "--decisions", rule: "must hold a JSON object keyed by row id" }]);
  }
  return value as Record<string, SofDecision>;
}

/** Run the command with `args`; returns the exit code (0 ok, 2 bad input, 1 other errors). */
export async function main(args: readonly string[]): Promise<number> {
  return await runCli(spec, args, async ({ options, positional }) => {
    const dir = (options.data as string | undefined) ?? DEFAULT_DATA;
    const read = (rel: string) => readInput("sof", join(dir, rel), `data file ${rel}`);
    const studies = await read("evidence/studies.csv");
    const files = {
      estimates: await read("evidence/estimates.csv"),
      studies,
      smc_review: await read("evidence/smc_review.csv"),
      assumptions: await read("evidence/assumptions.csv"),
      instruments: await read("instruments.csv"),
    };
    const path = positional[0];
    const name = path.split(/[\\/]/).pop() ?? path;
    const rob = loadRob(await readInput("sof", path, "judgements.csv"), { name, studies: seedStudyIds(studies) });
    const decisionsPath = options.decisions as string | undefined;
    const decisions = decisionsPath
      ? parseDecisions(await readInput("sof", decisionsPath, "--decisions"), decisionsPath)
      : undefined;
    const comparison = options.comparison as string;
    const table = buildSeedSof(files, {
      judgements: rob.judgements,
      decisions,
      comparisons: comparison === "all" ? undefined : [comparison],
      outcome: options.outcome as string | undefined,
      judgements_file: path,
    });
    const text = formatSof(table, options.format as SofFormat);
    const out = options.out as string | undefined;
    if (out) {
      await writeAtomic("sof", "--out", out, text);
      console.error(`sof: wrote ${out}${table.illustrative ? " (ILLUSTRATIVE judgements)" : ""}`);
    } else console.log(text.replace(/\n$/, ""));
    return 0;
  });
}

if (import.meta.main) Deno.exit(await main(Deno.args));

/**
 * `deno task reproduce`: print the seed's evidence tables rebuilt from `data/`, the responder
 * comparisons (Leeuw 2008 with its group sizes stated and its counts reconstructed, Volker 2017),
 * and the audit summary; `--json` prints every table, assumption, responder comparison and audit
 * finding (check, severity, numbers, explanation) as one JSON document.
 *
 * Every analysis is a library function of `lib/evidence` (the notebooks call the same ones); this
 * file only parses the arguments, reads the files and prints.
 *
 * @example
 * deno run -A lib/cli/reproduce.ts --json > reproduce.json
 * @module
 */
import { type CommandSpec, type ParsedCli, readInput, runCli } from "./_args.ts";
import {
  auditEvidence,
  type Evidence,
  type Finding,
  formatTable,
  loadEvidence,
  reproduceTables,
  responderSummary,
  summarizeFindings,
} from "../evidence/mod.ts";
import { fmt, fmtPct } from "../format.ts";

/** I/O for {@link main}: how to read a data file and where to write output. */
export interface ReproduceIO {
  /** Read a file given relative to the data folder. */
  read: (fileRelativeToData: string) => string | Promise<string>;
  /** Write output text. */
  write: (text: string) => void;
}

const defaultData = new URL("../../data/", import.meta.url);

/** The command line of `deno task reproduce`. */
export const spec: CommandSpec = {
  name: "reproduce",
  summary: "Rebuild the evidence tables of the VRA objection (chapter 4, 4b, 4c; section 3b) from data/evidence/, " +
    "with derived numbers, the responder comparisons (Leeuw 2008 EXP vs GA: group sizes from " +
    "data/evidence/assumptions.csv, counts reconstructed from the printed percentages; Volker 2017) " +
    "and the consistency audit of every printed number.",
  options: {
    json: { type: "boolean", description: "print every table, assumption, comparison and finding as JSON" },
    data: {
      type: "string",
      valueName: "folder",
      description: "the data folder holding evidence/*.csv and instruments.csv (default: the repository's data/)",
    },
  },
  examples: [
    "deno task reproduce",
    "deno task reproduce --json > reproduce.json",
    "deno task reproduce --data my-data/",
  ],
  notes:
    "Assumptions (never data) are in data/evidence/assumptions.csv; edit a copy and pass --data to see their effect.",
};

function findingLine(f: Finding): string {
  return `  [${f.severity}] ${f.table_id ?? ""} ${f.check}: ${f.ids.join(", ")}${
    f.seed_lines?.length ? ` (line ${f.seed_lines.join(", ")})` : ""
  }\n      ${f.message}`;
}

const pct = (x: number) => fmtPct(x, 1);
const pts = (x: number) => fmt(100 * x, 1);

/** Produce the report for already parsed arguments (exported for tests). */
export async function report(parsed: ParsedCli, io: ReproduceIO): Promise<number> {
  let read = io.read;
  if (typeof parsed.options.data === "string") {
    const dir = parsed.options.data.replace(/\/?$/, "/");
    read = (f) => readInput("reproduce", `${dir}${f}`, `--data file ${f}`);
  }
  const ev: Evidence = await loadEvidence(read);
  const tables = reproduceTables(ev);
  const findings = auditEvidence(ev);
  const summary = summarizeFindings(findings);
  const responders = responderSummary(ev);
  if (parsed.options.json) {
    io.write(JSON.stringify(
      {
        source: "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt (chapter 4, 4b, 4c; section 3b)",
        tables,
        assumptions: ev.assumptions,
        responders,
        audit: { summary, findings },
      },
      null,
      2,
    ));
    return 0;
  }
  const parts: string[] = [];
  for (const t of tables) parts.push(formatTable(t), "");
  parts.push("== Responder rates derived from the tables");
  const l = responders.leeuw2008;
  for (const t of l.timepoints) {
    const [e, g] = t.comparison.groups;
    const d = t.comparison.difference;
    parts.push(
      `  Leeuw 2008 ${t.timepoint}: EXP ${e.x}/${e.n} (printed ${e.reported_pct}%, used ${pct(e.x / e.n)}; ` +
        `Wilson ${pct(e.ci.ci_lb)}-${pct(e.ci.ci_ub)}) vs GA ${g.x}/${g.n} (printed ${g.reported_pct}%, used ${
          pct(g.x / g.n)
        }; Wilson ${pct(g.ci.ci_lb)}-${pct(g.ci.ci_ub)}): difference ${pts(d.estimate)} points (${d.level}% CI ${
          pts(d.ci_lb)
        } to ${pts(d.ci_ub)}); ${t.comparison.nnt.text}`,
    );
  }
  for (const w of l.warnings) parts.push(`  note: ${w}`);
  for (const v of responders.volker2017) {
    parts.push(
      `  ${v.id}: ${v.x}/${v.n}, Wilson ${pct(v.ci.ci_lb)}-${pct(v.ci.ci_ub)}, ` +
        `Clopper-Pearson ${pct(v.ci_cp.ci_lb)}-${pct(v.ci_cp.ci_ub)}`,
    );
  }
  parts.push("");
  parts.push(
    `== Audit: ${summary.total} findings (${summary.bySeverity.error} errors, ${summary.bySeverity.warning} warnings, ${summary.bySeverity.note} notes)`,
  );
  parts.push("  by check: " + Object.entries(summary.byCheck).map(([k, n]) => `${k} ${n}`).join(", "));
  for (const sev of ["error", "warning"] as const) {
    for (const f of findings.filter((x) => x.severity === sev)) parts.push(findingLine(f));
  }
  parts.push(`  (${summary.bySeverity.note} notes: run with --json for all findings and their explanations)`);
  io.write(parts.join("\n"));
  return 0;
}

/**
 * Entry point: returns the exit code (0; 2 for bad arguments or data, with one message naming the
 * file, the 1-based row, the column and the rule, and no stack trace; 1 for anything else).
 * @example await main(["--json"], { read: (f) => Deno.readTextFile(`data/${f}`), write: console.log })
 */
export function main(args: string[], io?: ReproduceIO): Promise<number> {
  const used: ReproduceIO = io ?? {
    read: (f) => readInput("reproduce", new URL(f, defaultData).pathname, `data file ${f}`),
    write: (t) => console.log(t),
  };
  return runCli(spec, args, (parsed) => report(parsed, used));
}

if (import.meta.main) Deno.exit(await main(Deno.args));

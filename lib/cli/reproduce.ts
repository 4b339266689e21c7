/**
 * `deno task reproduce`: print the seed's evidence tables rebuilt from `data/`, the Leeuw 2008
 * responder comparison, and the audit summary; `--json` prints every table and every audit finding
 * (check, severity, numbers, explanation) as one JSON document.
 *
 * @example
 * deno run -A lib/cli/reproduce.ts --json > reproduce.json
 * @module
 */
import { loadEvidence } from "../evidence/load.ts";
import { auditEvidence, type Finding, summarizeFindings } from "../evidence/audit.ts";
import { formatTable, reproduceTables } from "../evidence/reproduce.ts";
import { propCI } from "../responders/intervals.ts";
import { nnt, riskDifference } from "../responders/compare.ts";
import { poolProportions } from "../responders/pool.ts";
import { respondersFromPercent } from "../responders/intervals.ts";
import type { Evidence } from "../evidence/load.ts";

/** I/O for {@link main}: how to read a data file and where to write output. */
export interface ReproduceIO {
  read: (fileRelativeToData: string) => string | Promise<string>;
  write: (text: string) => void;
}

const dataUrl = new URL("../../data/", import.meta.url);
const defaultIO: ReproduceIO = {
  read: (f) => Deno.readTextFile(new URL(f, dataUrl)),
  write: (t) => console.log(t),
};

/**
 * Responder comparisons derived from the tables: Leeuw 2008 EXP vs GA (group sizes are a labelled
 * assumption, see assumptions.csv) and the pooled PDI responder rate of Volker 2017.
 * @example responderSummary(ev).leeuw2008[0].difference
 */
export function responderSummary(ev: Evidence) {
  const a = (id: string) => {
    const x = ev.assumptions.find((r) => r.id === id);
    if (!x || x.value === null) throw new Error(`responderSummary: assumption ${id} missing`);
    return x.value;
  };
  const e = (id: string) => {
    const x = ev.estimates.find((r) => r.id === id);
    if (!x || x.value === null) throw new Error(`responderSummary: estimate ${id} missing`);
    return x.value;
  };
  const nExp = a("leeuw2008-n-exp"), nGa = a("leeuw2008-n-ga");
  const leeuw2008 = (["post", "12m"] as const).map((tp) => {
    const pe = e(`leeuw2008-resp-exp-${tp}`), pg = e(`leeuw2008-resp-ga-${tp}`);
    const xe = Math.round((pe / 100) * nExp), xg = Math.round((pg / 100) * nGa);
    const d = riskDifference(xe, nExp, xg, nGa);
    return {
      timepoint: tp === "post" ? "post" : "12 months",
      exp: { reported_pct: pe, x: xe, n: nExp, ci: propCI(xe, nExp) },
      ga: { reported_pct: pg, x: xg, n: nGa, ci: propCI(xg, nGa) },
      difference: { estimate: d.estimate, lower: d.lower, upper: d.upper, method: d.method },
      nnt: nnt(d),
      assumption: "group sizes 42 EXP / 43 GA are assumed (assumptions.csv); responders rounded from the percentages",
    };
  });
  const volker = [
    { id: "volker2017-resp-pdi-post", nId: "volker2017-n-prepost" },
    { id: "volker2017-resp-pdi-24m", nId: "volker2017-n-24m" },
  ].map(({ id, nId }) => {
    const n = e(nId), x = respondersFromPercent(e(id), n);
    if (x === null) throw new Error(`responderSummary: ${id} is not a whole number of ${n}`);
    return { id, x, n, ci: propCI(x, n), ci_cp: propCI(x, n, { method: "clopper-pearson" }) };
  });
  return { leeuw2008, volker2017: volker, pooledVolker: pooled(volker) };
}

function pooled(rows: { x: number; n: number }[]) {
  const p = poolProportions({ xi: rows.map((r) => r.x), ni: rows.map((r) => r.n), measure: "PLO", method: "DL" });
  return {
    note: "post and 24-month PDI responder rates of the same cohort pooled for illustration only (not independent)",
    pred: p.pred,
    ci_lb: p.ci_lb,
    ci_ub: p.ci_ub,
  };
}

function findingLine(f: Finding): string {
  return `  [${f.severity}] ${f.table_id ?? ""} ${f.check}: ${f.ids.join(", ")}${
    f.seed_lines?.length ? ` (line ${f.seed_lines.join(", ")})` : ""
  }\n      ${f.message}`;
}

/**
 * Entry point: returns the exit code (0, or 1 on a data error).
 * @example await main(["--json"], { read: (f) => Deno.readTextFile(`data/${f}`), write: console.log })
 */
export async function main(args: string[], io: ReproduceIO = defaultIO): Promise<number> {
  const json = args.includes("--json");
  const unknown = args.filter((a) => a !== "--json");
  if (unknown.length) {
    io.write(`reproduce: unknown argument(s) ${unknown.join(" ")}\nusage: deno task reproduce [--json]`);
    return 2;
  }
  let ev: Evidence;
  try {
    ev = await loadEvidence(io.read);
  } catch (err) {
    io.write(`reproduce: could not load the evidence data: ${(err as Error).message}`);
    return 1;
  }
  const tables = reproduceTables(ev);
  const findings = auditEvidence(ev);
  const summary = summarizeFindings(findings);
  const responders = responderSummary(ev);
  if (json) {
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
  for (const l of responders.leeuw2008) {
    parts.push(
      `  Leeuw 2008 ${l.timepoint}: EXP ${l.exp.x}/${l.exp.n} (${(l.exp.ci.lower * 100).toFixed(1)}-${
        (l.exp.ci.upper * 100).toFixed(1)
      }%) vs GA ${l.ga.x}/${l.ga.n} (${(l.ga.ci.lower * 100).toFixed(1)}-${(l.ga.ci.upper * 100).toFixed(1)}%): ` +
        `difference ${(l.difference.estimate * 100).toFixed(1)} points (95% CI ${
          (l.difference.lower * 100).toFixed(1)
        } to ${(l.difference.upper * 100).toFixed(1)}); ${l.nnt.text}`,
    );
  }
  parts.push("  (Leeuw group sizes are an assumption: assumptions.csv)");
  for (const v of responders.volker2017) {
    parts.push(
      `  ${v.id}: ${v.x}/${v.n}, Wilson ${(v.ci.lower * 100).toFixed(1)}-${(v.ci.upper * 100).toFixed(1)}%, ` +
        `Clopper-Pearson ${(v.ci_cp.lower * 100).toFixed(1)}-${(v.ci_cp.upper * 100).toFixed(1)}%`,
    );
  }
  parts.push("");
  parts.push(
    `== Audit: ${summary.total} findings (${summary.bySeverity.error} errors, ${summary.bySeverity.warning} warnings, ${summary.bySeverity.note} notes)`,
  );
  parts.push(
    "  by check: " + Object.entries(summary.byCheck).map(([k, n]) => `${k} ${n}`).join(", "),
  );
  for (const sev of ["error", "warning"] as const) {
    for (const f of findings.filter((x) => x.severity === sev)) parts.push(findingLine(f));
  }
  parts.push(`  (${summary.bySeverity.note} notes: run with --json for all findings and their explanations)`);
  io.write(parts.join("\n"));
  return 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}

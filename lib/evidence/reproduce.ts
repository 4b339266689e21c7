/**
 * The seed's tables rebuilt from the data, with the numbers that can be derived from what is printed
 * (implied SE and p of a mean difference from its CI; the p of Cochran's Q; Higgins' I²; direction
 * counts as percentages). Plain JSON tables shared by the CLI and the notebooks.
 *
 * @example
 * const tables = reproduceTables(ev);
 * tables.find((t) => t.table_id === "4c-smc").rows[0];
 * @module
 */
import { pchisq, pnorm, qnorm } from "../stats/distributions.ts";
import type { Evidence } from "./load.ts";
import type { Estimate } from "./_schemas.ts";

/** One reproduced table: an id, a title, column names and rows of plain values. */
export interface ReproducedTable {
  /** Table id (see tables.csv). */
  table_id: string;
  /** Title. */
  title: string;
  /** Where the table is in the seed. */
  source: string;
  /** Column names, in order. */
  columns: string[];
  /** Rows of plain values (null = missing). */
  rows: Record<string, string | number | null>[];
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

function fmtEstimate(e: Estimate): string {
  const v = e.value === null ? "" : String(e.value);
  if (e.lower === null || e.upper === null) return v;
  const iv = `${e.lower} to ${e.upper}`;
  return e.interval === "ci95" ? `${v} (95% CI ${iv})` : v ? `${v} (range ${iv})` : iv;
}

/**
 * Rebuild every table of the seed from the data, adding derived numbers.
 * @example reproduceTables(ev).map((t) => t.table_id)
 */
export function reproduceTables(ev: Evidence): ReproducedTable[] {
  const out: ReproducedTable[] = [];
  const z975 = qnorm(0.975);
  for (const t of ev.tables) {
    const source = `${t.seed_file}, section ${t.section}, lines ${t.seed_line_start}-${t.seed_line_end}`;
    if (t.file === "estimates.csv") {
      const rows = ev.estimates.filter((e) => e.table_id === t.table_id).map((e) => {
        const ci = e.interval === "ci95" && e.value !== null && e.lower !== null && e.upper !== null;
        const se = ci ? (e.upper! - e.lower!) / (2 * z975) : null;
        return {
          id: e.id,
          study: e.study_id,
          ref: e.ref,
          line: e.seed_line,
          what: [e.statistic, e.outcome, e.instrument, e.contrast, e.group, e.timepoint].filter(Boolean).join(" | "),
          reported: fmtEstimate(e) + (e.p_op ? `, p ${e.p_op} ${e.p_value}` : "") +
            (e.unit && e.unit !== "%" ? "" : e.unit),
          implied_se: se === null ? null : r4(se),
          implied_p: se === null
            ? null
            : Number((2 * pnorm(Math.abs(e.value!) / se, 0, 1, { lower: false })).toPrecision(3)),
          corrected: e.corrected ? `raw: ${e.raw}` : "",
        };
      });
      out.push({
        table_id: t.table_id,
        title: t.title,
        source,
        columns: ["id", "study", "ref", "line", "what", "reported", "implied_se", "implied_p", "corrected"],
        rows,
      });
    } else if (t.table_id === "4c-smc") {
      out.push({
        table_id: t.table_id,
        title: t.title,
        source,
        columns: ["domain", "period", "N", "mdn_smc", "range", "Q", "df", "p_Q", "mark", "I2", "I2_higgins", "reexpr"],
        rows: ev.smc.map((r) => ({
          domain: r.domain,
          period: r.period,
          N: r.n_cohorts,
          mdn_smc: r.mdn_smc,
          range: r.range_lb === null ? "" : `${r.range_lb} to ${r.range_ub}`,
          Q: r.Q,
          df: r.df,
          p_Q: r.Q === null || r.df === null ? null : Number(pchisq(r.Q, r.df, { lower: false }).toPrecision(3)),
          mark: r.sig_mark,
          I2: r.I2,
          I2_higgins: r.Q === null || r.df === null ? null : Math.round(Math.max(0, (r.Q - r.df) / r.Q) * 1e4) / 100,
          reexpr: r.reexpr_instrument ? `${r.reexpr_instrument}: ${r.reexpr_value}` : "",
        })),
      });
    } else if (t.table_id === "4c-direction") {
      out.push({
        table_id: t.table_id,
        title: t.title,
        source,
        columns: ["domain", "positive", "no_effect", "adverse", "N", "pct_positive"],
        rows: ev.directions.map((d) => {
          const n = d.n_positive + d.n_no_effect + d.n_adverse;
          return {
            domain: d.domain,
            positive: d.n_positive,
            no_effect: d.n_no_effect,
            adverse: d.n_adverse,
            N: n,
            pct_positive: Math.round((1000 * d.n_positive) / n) / 10,
          };
        }),
      });
    } else if (t.table_id === "4c-subgroups") {
      out.push({
        table_id: t.table_id,
        title: t.title,
        source,
        columns: ["factor", "level", "ES", "p", "SE_from_p"],
        rows: ev.subgroups.map((s) => ({
          factor: s.factor,
          level: s.level,
          ES: s.es,
          p: `${s.p_op} ${s.p_value}`,
          SE_from_p: s.p_op === "="
            ? r4(Math.abs(s.es) / qnorm(s.p_value / 2, 0, 1, { lower: false }))
            : `< ${r4(Math.abs(s.es) / qnorm(s.p_value / 2, 0, 1, { lower: false }))}`,
        })),
      });
    } else if (t.table_id === "4c-subgroup-tests") {
      out.push({
        table_id: t.table_id,
        title: t.title,
        source,
        columns: ["factor", "comparison", "p"],
        rows: ev.subgroupTests.map((s) => ({
          factor: s.factor,
          comparison: `${s.level_a} vs ${s.level_b}`,
          p: `${s.p_op} ${s.p_value}`,
        })),
      });
    } else if (t.table_id === "3b-pico") {
      out.push({
        table_id: t.table_id,
        title: t.title,
        source,
        columns: ["characteristic", "Ronzi 2017", "Dutch IMSR", "unit"],
        rows: [...new Set(ev.population.map((p) => p.characteristic))].map((c) => {
          const cell = (pop: string) => {
            const p = ev.population.find((x) => x.characteristic === c && x.population === pop);
            if (!p) return "";
            return p.value !== null ? String(p.value) : `${p.lower}-${p.upper}`;
          };
          const unit = ev.population.find((x) => x.characteristic === c)!.unit;
          return { characteristic: c, "Ronzi 2017": cell("Ronzi 2017"), "Dutch IMSR": cell("Dutch IMSR"), unit };
        }),
      });
    } else if (t.table_id === "studies") {
      out.push({
        table_id: t.table_id,
        title: t.title,
        source,
        columns: ["table", "ref", "study", "design", "n", "intervention", "comparator"],
        rows: ev.studies.map((s) => ({
          table: s.table_id,
          ref: s.ref,
          study: `${s.first_author} ${s.year}`,
          design: s.design,
          n: s.n,
          intervention: s.intervention,
          comparator: s.comparator,
        })),
      });
    }
  }
  return out;
}

/**
 * Render a reproduced table as fixed-width text (for the terminal).
 * @example console.log(formatTable(reproduceTables(ev)[0]))
 */
export function formatTable(t: ReproducedTable, maxWidth = 48): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return s.length > maxWidth ? s.slice(0, maxWidth - 1) + "…" : s;
  };
  const widths = t.columns.map((c) => Math.max(c.length, ...t.rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  return [
    `== ${t.table_id}: ${t.title}`,
    `   (${t.source}; ${t.rows.length} rows)`,
    line(t.columns),
    line(widths.map((w) => "-".repeat(w))),
    ...t.rows.map((r) => line(t.columns.map((c) => cell(r[c])))),
  ].join("\n");
}

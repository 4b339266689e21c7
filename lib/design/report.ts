/**
 * Small helpers that turn diagnosis rows into what a reader sees (used by the design notebooks
 * and tested in Deno): picking a row by design and answer, and the GRADE-style heuristic for
 * chosen rows of a simulation.
 * @module
 */
import type { DiagnosisRow, GradeItem } from "./diagnose.ts";
import { gradeHeuristic, gradeSummary } from "./diagnose.ts";
import { gradeContext } from "./analytic.ts";
import type { Simulation } from "./simulate.ts";

/**
 * The row of the design whose name starts with `design` and of answer strategy `answer`
 * (undefined if there is none).
 * @example findRow(rows, "PDI (generic) · cohort", "smc")?.mean_estimate
 */
export function findRow(rows: readonly DiagnosisRow[], design: string, answer: string): DiagnosisRow | undefined {
  return rows.find((r) => r.design.startsWith(design) && r.answer === answer);
}

/** The toolkit's GRADE-style heuristic for one diagnosis row. */
export interface GradeReport {
  /** Design name. */
  design: string;
  /** Answer strategy. */
  answer: string;
  /** The judged domains. */
  items: GradeItem[];
  /** One plain-language sentence, labelled as the toolkit's heuristic (not GRADE itself). */
  summary: string;
}

/**
 * @deprecated Use `withCertainty` / `mainCertaintyRows` (scenario.ts) with the certainty readout.
 *
 * Apply the GRADE-style heuristic ({@link gradeHeuristic}) to diagnosis rows of `sim`, each with
 * the context of its own grid point's design (MCID, n, optimal information size, PROM dilution).
 * @example gradeReport(sim, rows.filter((r) => r.answer === "ancova"))[0].summary
 */
export function gradeReport(sim: Simulation, rows: readonly DiagnosisRow[]): GradeReport[] {
  return rows.map((r) => {
    const items = gradeHeuristic(r, gradeContext(sim.points[r.grid_index].design, r.estimand));
    return { design: r.design, answer: r.answer, items, summary: gradeSummary(items) };
  });
}

/**
 * Runs the engines over the inputs the notebooks use (practice, SCED, PICO/PIO, meta-analysis,
 * responders, multilevel, audit, evidence tables, certainty; getting-started shows no engine sentence: its loader's only text is an
 * error for a broken file, and the notebook loads a fixed, valid one) and collects every sentence they generate that a notebook shows: reasons, warnings, notes,
 * model descriptions and the short engine words shown in tables. Used by messages_test.ts.
 * @module
 */
import {
  benchmarkCentres,
  benchmarkSummary,
  type Calibration,
  calibrationSummary,
  diagnoseBenchmark,
  diagnosisTable,
  maskFollowUp,
  missingDataSensitivity,
  parseRegistryCsv,
  rankBenchmark,
  registryDefaultsTable,
  simulateRegistry,
} from "../../lib/practice/mod.ts";
import {
  analyseScedData,
  bcsmdStudy,
  combineAllMethods,
  parseScedCsv,
  parseStartsCsv,
  poolBcsmd,
  readScedLongCsv,
  readSynthesisCsv,
  replicatedTest,
  SCED_ES_ASSUMPTION,
  scedDataBcsmd,
  scedDataRandomizationCI,
} from "../../lib/sced/mod.ts";
import {
  calibrationTable,
  certaintyTable,
  diagnoseSimulation,
  mainCertaintyRows,
  parseScenario,
  PDI_MCID,
  type Scenario,
  scenarioAgreement,
  scenarioComparison,
  splitByScenario,
  withSize,
} from "../../lib/design/mod.ts";
import { analyseStudies, dependenceInventory } from "../../lib/meta/mod.ts";
import {
  auditEvidence,
  buildSeedSof,
  CERTAINTY_LEVELS,
  contrastOutcomes,
  contrastRows,
  decisionFromChoices,
  doseComparison,
  GRADE_DOMAINS,
  impliedResponderRates,
  KEEP_SUGGESTION,
  leeuw2008Comparison,
  loadEvidence,
  loadRob,
  parseEstimates,
  pooledResponderCohorts,
  reportedResponderRates,
  ROB_TOOLS,
  robTrafficLight,
  type SeedFiles,
  seedStudyIds,
  sofRecords,
} from "../../lib/evidence/mod.ts";
import { readSeedFiles } from "../helpers.ts";

/** A collected engine sentence and where it came from. */
export interface EngineMessage {
  /** The English sentence as the engine produced it. */
  text: string;
  /** Which engine call (for a readable failure). */
  from: string;
}

const root = new URL("../../", import.meta.url);
const read = (path: string) => Deno.readTextFileSync(new URL(path, root));

/** Collect the engine sentences; `quick` runs a smaller grid. */
export async function collectEngineMessages(quick = false): Promise<EngineMessage[]> {
  const out = new Map<string, EngineMessage>();
  const add = (from: string, ...texts: (string | null | undefined)[]) => {
    for (const text of texts) if (text && !out.has(text)) out.set(text, { text, from });
  };
  practice(add, quick);
  sced(add, quick);
  design(add, quick);
  meta(add);
  await responders(add, quick);
  multilevel(add);
  await audit(add);
  await evidenceTables(add);
  certainty(add);
  // the PROMs notebook: its one engine sentence is the source of the PDI's MCID (the rest is its dictionary)
  add("PDI_MCID.source", PDI_MCID.source);
  return [...out.values()];
}

type Add = (from: string, ...texts: (string | null | undefined)[]) => void;

function practice(add: Add, quick: boolean): void {
  const settings = [
    {},
    { indicationBreadth: 0, centreSD: 0, doseEffect: 0 },
    { indicationBreadth: 0.6, centreSD: 5, doseEffect: 1, years: 3 },
  ];
  const outcomes = ["pdi_change", "pdi_responder", "psc_change"] as const;
  const ods = ["additive", "multiplicative", "none"] as const;
  for (const [si, s] of settings.entries()) {
    if (quick && si > 0) break;
    const registry = simulateRegistry(s, 2025 + si);
    for (const outcome of outcomes) {
      for (const od of ods) {
        for (const tau2Method of (od === "additive" ? ["DL", "REML", "spiegelhalter"] : ["DL"]) as ("DL")[]) {
          for (
            const caseMix of (si === 0 && od === "additive" && tau2Method === "DL"
              ? ["pooled", "mixed"]
              : ["pooled"]) as ("pooled")[]
          ) {
            const b = benchmarkCentres({ rows: registry.patients, outcome, od, tau2Method, caseMix });
            const from = `benchmarkSummary(${outcome}, ${od}, ${tau2Method}, ${caseMix}, settings ${si})`;
            add(from, ...benchmarkSummary(b), b.unit);
            if (od === "additive" && tau2Method === "DL") {
              add(`rankBenchmark(${outcome})`, rankBenchmark(b, { seed: 1, reps: 100 }).rankability.reading);
            }
          }
        }
      }
    }
    // missing data: the flag labels shown in the sensitivity table
    const masked = maskFollowUp({ rows: registry.patients, share: 0.3, nonResponderOR: 2, seed: 7 });
    const sens = missingDataSensitivity({ rows: masked, deltas: [0, -2, -4, -6, -8] });
    for (const d of sens.byDelta) add("missingDataSensitivity flags", ...d.flags);
  }
  const calibration = JSON.parse(read("data/registry/calibration.json")) as Calibration & {
    closest: string;
    rows: { method: string; label: string }[];
    bySize: { label: string }[];
  };
  add("calibrationSummary", ...calibrationSummary(calibration, calibration.closest));
  for (const m of new Set(calibration.rows.map((r) => r.method))) {
    add("calibrationSummary", ...calibrationSummary(calibration, m));
  }
  add("calibration labels", ...calibration.rows.map((r) => r.label), ...calibration.bySize.map((r) => r.label));
  for (const years of [1, 3]) {
    for (const doseEffect of quick ? [0] : [0, 1]) {
      const base = {
        indicationBreadth: 0.15,
        doseHours: 80,
        centreSD: 1.5,
        shortfall: -4,
        shortfallCentres: 2,
        broadCentres: 2,
        doseEffect,
        years,
      };
      for (const row of diagnosisTable(diagnoseBenchmark({ params: base, reps: 20, seed: 3 }))) {
        add(`diagnosisTable(years ${years})`, row.what, row.text);
      }
    }
  }
  add("registryDefaultsTable", ...registryDefaultsTable().map((r) => r.source));
  // the dialect descriptions of the upload message
  for (const file of ["simulated-registry.csv", "simulated-registry-nl.csv"]) {
    add(
      `parseRegistryCsv(${file})`,
      parseRegistryCsv(read(`data/registry/${file}`), { name: file }).dialect.description,
    );
  }
  const tab = read("data/registry/simulated-registry.csv").replaceAll(",", "\t");
  add("parseRegistryCsv(tab)", parseRegistryCsv(tab, { name: "tab.tsv" }).dialect.description);
}

function sced(add: Add, quick: boolean): void {
  const abcd = parseScedCsv(read("data/sced/abcd-fear-diary.csv"), { name: "abcd-fear-diary.csv" });
  const mbd = parseScedCsv(read("data/sced/mbd-fear-diary.csv"), { name: "mbd-fear-diary.csv" });
  const klStarts = parseStartsCsv(read("data/sced/mbd-starts-koehler-levin.csv"), { name: "starts.csv" });
  for (const statistic of ["A-D", "A-B", "|A-D|"] as const) {
    const rep = replicatedTest({
      design: abcd.map((c) => ({ type: "phase", phases: ["A", "B", "C", "D"], n: c.values.length, limit: 5 })),
      cases: abcd,
      statistic,
      combine: "edgington",
    });
    add(`combineAllMethods(${statistic})`, ...combineAllMethods(rep.perCase.map((r) => r.pval)).warnings);
  }
  // edge cases of the combination: p = 1 and a very small p
  add(
    "combineAllMethods(edge)",
    ...combineAllMethods([1, 1, 0.5]).warnings,
    ...combineAllMethods([1e-12, 0.5]).warnings,
  );
  for (const scheme of ["koehler-levin", "marascuilo-busk", "wampold-worsham"] as const) {
    for (const exact of quick ? [true] : [true, false]) {
      const r = analyseScedData(mbd, {
        design: "MBD",
        scheme,
        ...(scheme === "koehler-levin" ? { starts: klStarts } : {}),
        limit: 5,
        statistic: "A-B",
        ...(exact ? {} : { draws: 200, seed: 1 }),
      }).result;
      if ("convention" in r) add(`analyseScedData(${scheme})`, r.convention.split(";")[0]);
    }
  }
  add("SCED_ES_ASSUMPTION", SCED_ES_ASSUMPTION);
  const files = [
    "mbd-fear-diary.csv",
    "abcd-fear-diary.csv",
    "laski1988-mbd.csv",
    "saddler2008-writing-quality-mbd.csv",
    "schutte-fatigue-mbd.csv",
    "lambert2006-disruptive-abab.csv",
  ];
  for (const file of files) {
    const data = readScedLongCsv(read(`data/sced/${file}`), { name: file });
    add(`readScedLongCsv(${file})`, data.dialect);
    for (const correlation of ["AR1", "IID"] as const) {
      for (const randomTrend of quick ? [false] : [false, true]) {
        for (const outcome of data.outcomes) {
          try {
            const g = scedDataBcsmd(data, { outcome: outcome || undefined, correlation, randomTrend });
            const from = `scedDataBcsmd(${file}, ${correlation}, trend ${randomTrend})`;
            add(from, g.model.description, g.model.fixed, g.model.random, g.model.correlation, ...g.warnings);
          } catch { /* a design these data do not support: the notebook shows the error */ }
        }
      }
    }
    for (const limit of [3, 5]) {
      try {
        const rt = scedDataRandomizationCI(data, { limit, fallbackDraws: 200, seed: 1 });
        add(`scedDataRandomizationCI(${file})`, ...rt.intervals.map((i) => i.designText));
      } catch { /* shown as an error */ }
    }
  }
  const examples = [
    ["laski1988-mbd.csv", "increase"],
    ["saddler2008-writing-quality-mbd.csv", "increase"],
    ["schutte-fatigue-mbd.csv", "decrease"],
    ["lambert2006-disruptive-abab.csv", "decrease"],
  ] as const;
  const studies = examples.map(([file, improvement]) => {
    const g = scedDataBcsmd(readScedLongCsv(read(`data/sced/${file}`), { name: file }));
    return bcsmdStudy(file, g.design === "MBP" ? "SCED (multiple baseline)" : "SCED (reversal)", g, improvement);
  });
  const rcts = readSynthesisCsv(read("data/sced/simulated-rct-smds.csv"), { name: "rct.csv" });
  add("poolBcsmd", ...poolBcsmd([...studies, ...rcts]).warnings);
  add("poolBcsmd(one SCED)", ...poolBcsmd([studies[0], ...rcts]).warnings);
}

function design(add: Add, quick: boolean): void {
  const names = ["sceptical", "literature-neutral", "vra-premises"];
  const raws = names.map((n) => JSON.parse(read(`data/designs/scenario-${n}.json`)));
  for (const n of quick ? [120] : [20, 120, 400]) {
    const scenarios: Scenario[] = raws.map((raw) => parseScenario(withSize(raw, n)));
    for (const sc of scenarios) {
      const rows = mainCertaintyRows(sc.simulation, diagnoseSimulation(sc.simulation, 30), sc.question);
      const from = `certainty(${sc.name}, n ${n})`;
      for (const r of rows) {
        const c = r.certainty;
        // r.design is the scenario file's own name for the design (data, like a study name): not collected
        add(from, c.starting_level, c.starting_reason, c.level);
        for (const d of [c.risk_of_bias, c.imprecision, c.indirectness, c.inconsistency]) {
          add(from, d.rating, d.reason, d.change);
        }
      }
      for (const row of certaintyTable(rows)) {
        add(
          from,
          ...["starting_level", "risk_of_bias", "imprecision", "indirectness", "inconsistency", "level"].map((k) =>
            String(row[k])
          ),
        );
      }
    }
    const sim = scenarioComparison(scenarios, 30, 2026);
    const agreement = scenarioAgreement(splitByScenario(sim, diagnoseSimulation(sim, 30), scenarios));
    add(`scenarioAgreement(n ${n})`, ...agreement.map((a) => a.summary));
    for (const [i, raw] of raws.entries()) {
      const model = scenarios[i].simulation.points[0].design.model;
      for (const r of calibrationTable(model, raw.values["data.attrition"]?.value, 2026)) {
        add(`calibrationTable(${names[i]})`, r.label);
      }
    }
  }
}

function meta(add: Add): void {
  const tool = "meta-analysis";
  const example = read("data/examples/prepost-example.csv");
  const run = (from: string, csv: string, options: Record<string, unknown>) => {
    try {
      add(from, ...analyseStudies(csv, { name: "x.csv", tool, level: 95, ...options }).warnings);
    } catch { /* an error, not a warning: shown as the notebook's error message */ }
  };
  for (const measure of ["SMCR", "SMCC", "MC"]) {
    for (const method of ["REML", "DL", "FE", "PM"]) {
      for (const test of ["z", "knha"]) {
        run(`analyseStudies(${measure}, ${method}, ${test})`, example, { measure, method, test });
      }
    }
  }
  const gen = (rows: [string, number, number][]) => "study,yi,vi\n" + rows.map((r) => r.join(",")).join("\n") + "\n";
  // vi = 0 in one and in every row; k = 1; k = 2 with Knapp-Hartung
  run("vi = 0 (one row)", gen([["A", 0.5, 0], ["B", 0.3, 0.04], ["C", 0.8, 0.05]]), { method: "REML" });
  run("vi = 0 (rows 1, 2)", gen([["A", 0.5, 0], ["B", 0.3, 0], ["C", 0.8, 0.05], ["D", 0.1, 0.02]]), { method: "DL" });
  run("vi = 0 (all)", gen([["A", 0.5, 0], ["B", 0.3, 0]]), { method: "REML" });
  run("k = 1", gen([["A", 0.5, 0.04]]), { method: "REML" });
  run("k = 2, knha", gen([["A", 0.5, 0.04], ["B", 0.1, 0.03]]), { method: "REML", test: "knha" });
  run("k = 2, knha, DL", gen([["A", 0.5, 0.04], ["B", 0.5, 0.03]]), { method: "DL", test: "knha" });
  run("GEN with a measure", gen([["A", 0.5, 0.04], ["B", 0.1, 0.03], ["C", 0.2, 0.02]]), { measure: "SMCR" });
  // a missing r with the slider, and the missing-moderator omission
  const noR = example.split("\n").map((l, i) => (i === 2 ? l.replace(/,[^,]*$/, ",") : l)).join("\n");
  run("missing ri", noR, { measure: "SMCR", r: 0.5, rFor: "missing" });
}

/** The responders notebook: implied rates, the Leeuw 2008 comparison over its sliders, pooling. */
async function responders(add: Add, quick: boolean): Promise<void> {
  const ev = await loadEvidence((f) => read(`data/${f}`));
  for (const mcidSd of [0, 0.5, 1.5]) {
    add("impliedResponderRates", ...impliedResponderRates(ev, { mcidSd, sdChangeSd: 1 }).map((r) => r.label));
  }
  // the notebook's sliders: each group 10-75 (the default is the assumption, the rest the user's choice;
  // a sum above the 85 randomised is refused with a message the notebook shows)
  const sizes = quick ? [10, 42, 43, 75] : [...Array.from({ length: 14 }, (_, i) => 10 + 5 * i), 42, 43, 74];
  for (const nExp of sizes) {
    for (const nGa of sizes) {
      const from = `leeuw2008Comparison(${nExp}, ${nGa})`;
      try {
        const l = leeuw2008Comparison(ev, { nExp, nGa });
        add(from, ...l.warnings);
        for (const t of l.timepoints) add(from, t.timepoint, t.comparison.nnt.text);
      } catch (e) {
        add(from, (e as Error).message);
      }
    }
  }
  // the notebook's own call at the assumed sizes (no nExp/nGa: "an assumption")
  add("leeuw2008Comparison()", ...leeuw2008Comparison(ev).warnings);
  const pooling = pooledResponderCohorts(ev);
  add("pooledResponderCohorts", ...pooling.cohorts.flatMap((c) => [c.label, c.reason]));
}

/** The multilevel notebook: naive, multilevel and CHE + CR2 over the ρ slider, the inventory. */
function multilevel(add: Add): void {
  const assink = read("data/examples/assink2016.csv");
  for (let i = 0; i <= 19; i++) {
    const rho = Math.round(i * 5) / 100;
    const che = analyseStudies(assink, { name: "assink2016.csv", cluster: "study", obs: "esid", rho, robust: true });
    add(`analyseStudies(assink2016, rho ${rho})`, ...che.multilevel!.comparison.map((r) => r.label), ...che.warnings);
  }
  // rma.mv's warnings: shared obs ids (with and without a V) and a variance at the boundary
  const shared =
    "study,esid,yi,vi\nA,1,0.5,0.04\nA,2,0.5,0.04\nB,1,0.3,0.05\nB,2,0.3,0.05\nC,1,0.2,0.03\nC,1,0.4,0.03\n";
  add(
    "analyseStudies(shared obs)",
    ...analyseStudies(shared, { name: "x.csv", cluster: "study", obs: "esid" }).warnings,
  );
  const sharedV = shared.replace("C,1,0.4", "C,2,0.4").replace("A,2,0.5", "A,1,0.5");
  try {
    add(
      "analyseStudies(shared obs, rho)",
      ...analyseStudies(sharedV, { name: "x.csv", cluster: "study", obs: "esid", rho: 0.6, robust: true }).warnings,
    );
  } catch { /* refused: the notebook shows the error */ }
  const inventory = dependenceInventory(parseEstimates(read("data/evidence/estimates.csv")));
  add("dependenceInventory", ...inventory.rows.map((r) => r.scale), ...inventory.reasons);
  add("dependenceInventory(poolable)", ...inventory.poolable.map((p) => p.scale));
  const bcg = read("data/examples/bcg.csv");
  add("analyseStudies(bcg)", ...analyseStudies(bcg, { name: "bcg.csv", measure: "RR", slab: "author" }).warnings);
  add(
    "analyseStudies(bcg, ablat)",
    ...analyseStudies(bcg, { name: "bcg.csv", measure: "RR", slab: "author", mods: ["ablat"] }).warnings,
  );
}

/** The audit notebook: every finding's message and explanation over the seed tables. */
async function audit(add: Add): Promise<void> {
  const ev = await loadEvidence((f) => read(`data/${f}`));
  for (const f of auditEvidence(ev)) add(`auditEvidence(${f.check})`, f.message, f.explanation);
}

/**
 * The evidence-tables notebook: the RCT contrasts' outcomes, groups and labels, the reported
 * responder rates' labels and bases, the review table's domains, the dose arithmetic and the
 * Breugelmans cohort's outcomes and time points (the seed's own cells: ids, codes and numbers are
 * shown as they are).
 */
async function evidenceTables(add: Add): Promise<void> {
  const ev = await loadEvidence((f) => read(`data/${f}`));
  add("contrastOutcomes", ...contrastOutcomes(ev));
  add("contrastRows", ...contrastRows(ev).flatMap((r) => [r.label, r.group]));
  add("reportedResponderRates", ...reportedResponderRates(ev).flatMap((r) => [r.label, r.basis]));
  add("smc domains", ...ev.smc.map((r) => r.domain), ...ev.directions.map((r) => r.domain));
  const dose = doseComparison(ev);
  add("doseComparison", dose.dutch.text, dose.ronzi.text);
  const cohort = ev.estimates.filter((e) => e.table_id === "4b-cohort");
  add("Breugelmans cohort", ...cohort.flatMap((e) => [e.outcome, e.timepoint]));
}

/**
 * The certainty notebook: every comparison and outcome it offers, with each judgement file of
 * data/evidence and the form's defaults (nothing decided: the rule's suggestions). Collected: the
 * comparisons' labels, questions, sources and notes, the summary-of-findings cells, the footnotes,
 * the source list's cells and citations, the starting level, the domains' and the upgrades' words
 * and reasons, and the risk-of-bias tools' domain names and sources. The judgements themselves
 * (Low, Some concerns, Not assessed) are the files' values and are shown as they are.
 */
function certainty(add: Add): void {
  const files: SeedFiles = readSeedFiles();
  const studies = seedStudyIds(files.studies);
  // the notebook's form with nothing changed
  const choices = {
    indirectness: {
      population: "not judged",
      intervention: "not judged",
      comparator: "not judged",
      outcome: "not judged",
    },
    overrides: Object.fromEntries(GRADE_DOMAINS.map((d) => [d, { rating: KEEP_SUGGESTION, reason: "" }])),
    start: { level: KEEP_SUGGESTION, reason: "" },
    by: "",
  };
  for (const file of ["rob.csv", "rob-illustrative.csv"]) {
    const judgements = loadRob(read(`data/evidence/${file}`), { name: file, studies }).judgements;
    const plan = buildSeedSof(files, { judgements });
    for (const planned of plan.comparisons) {
      for (const plannedRow of planned.rows) {
        const from = `certainty notebook(${file}, ${plannedRow.id})`;
        const table = buildSeedSof(files, {
          judgements,
          comparisons: [planned.id],
          decisions: { [plannedRow.id]: decisionFromChoices(choices) },
          judgements_file: file,
        });
        const c = table.comparisons[0];
        add(from, table.label, c.label, c.question, c.source, ...c.notes);
        for (const r of sofRecords(table)) {
          add(from, r.outcome, r.control, r.absolute, r.nnt, r.relative, r.participants, r.certainty, r.mcid);
        }
        const row = c.rows.find((r) => r.id === plannedRow.id)!;
        add(from, row.outcome, row.absolute_text, row.certainty_text, ...row.footnotes);
        add(from, ...row.sources.flatMap((s) => [s.cell, s.source]));
        if (row.certainty) {
          const ce = row.certainty;
          add(from, ce.start.final, ce.start.reason, ce.label);
          for (const d of ce.domains) add(from, d.domain, d.suggestion, d.final, d.reason);
          for (const u of ce.upgrades) add(from, u.reason, u.explanation);
        }
      }
      const cells = robTrafficLight(judgements, [...new Set(planned.rows.flatMap((r) => r.study_ids))]);
      add(`certainty notebook(${file}, robTrafficLight)`, ...cells.map((x) => x.domain_name));
    }
  }
  // the GRADE form's choices: the domains, the ratings and levels offered, "not judged"
  add(
    "certainty notebook(form)",
    KEEP_SUGGESTION,
    ...GRADE_DOMAINS,
    ...CERTAINTY_LEVELS,
    ...["not judged", "no", "not serious", "serious", "very serious"],
  );
  for (const tool of Object.values(ROB_TOOLS)) {
    add("certainty notebook(ROB_TOOLS)", tool.source, ...tool.domains.map((d) => d.name));
  }
}

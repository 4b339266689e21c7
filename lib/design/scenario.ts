/**
 * Scenarios: named, documented sets of model values (natural course, regression to the mean,
 * expectation effects, response shift, dropout, …) under which the same designs are simulated, so
 * that the premises of each party are explicit instead of one silent default. A scenario file
 * (`data/designs/scenario-*.json`) holds the question (comparator and outcome the decision is
 * about), its values — each with a `source` (seed file and line, or a citation) or `"assumption"`
 * with the `range` considered — and the designs, replications and seed.
 *
 * Scenario values are set on every design at their dotted path unless the design sets that path
 * itself.
 *
 * A scenario file may carry the Dutch of its user-visible texts next to the English: an `nl`
 * object with the title, description and design names (by English name), and an `nl` object per
 * value with its source and note (citations stay as they are). {@link scenarioTexts} and
 * {@link scenarioValueRows} return them in the language asked for, English where no Dutch is given.
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { seedSchema } from "../_schemas.ts";
import type { Comparator, Design, DesignInput, InstrumentName } from "./types.ts";
import type { AnswerName } from "./schema.ts";
import { parseSimulation, type Simulation } from "./simulate.ts";
import type { DiagnosisRow } from "./diagnose.ts";
import { certainty, type CertaintyQuestion, type DesignCertainty } from "./certainty.ts";

/** One sourced value of a scenario. */
export interface ScenarioValue {
  /** The value set at the path (a number, string, boolean or object). */
  value: unknown;
  /** Where it comes from: a seed file and line, a citation, or `"assumption"`. */
  source: string;
  /** For an assumption: the range of values considered plausible (required then). */
  range?: [number, number];
  /** Free text. */
  note?: string;
  /** The Dutch of `source` and `note` (optional; citations kept as they are). */
  nl?: ScenarioValueNl;
}

/** The Dutch of a scenario value's texts. */
export interface ScenarioValueNl {
  /** Dutch of the source (`"aanname"` for an assumption; a citation's file and line unchanged). */
  source: string;
  /** Dutch of the note (given when the value has a note). */
  note?: string;
}

/** The Dutch of a scenario's texts. */
export interface ScenarioNl {
  /** Dutch title. */
  title: string;
  /** Dutch description. */
  description: string;
  /** Dutch design names, keyed by the design's (English) `name`. */
  designs: Record<string, string>;
}

/** The languages a scenario's texts can be asked for. */
export type ScenarioLang = "en" | "nl";

/** A scenario as written in its JSON file. */
export interface ScenarioInput {
  /** Short name, e.g. `sceptical`. */
  scenario: string;
  /** Title shown to users. */
  title: string;
  /** What the scenario assumes and whose premises it represents. */
  description: string;
  /** The question the certainty readout judges indirectness against. */
  question: CertaintyQuestion;
  /** Values by dotted design path (`model.naturalCourse`, `data.dropout`). */
  values: Record<string, ScenarioValue>;
  /** The designs simulated under the scenario. */
  designs: DesignInput[];
  /** Optional parameter grid (as in a simulation). */
  grid?: Record<string, (number | string | boolean)[]>;
  /** Replications per grid point. */
  reps?: number;
  /** Seed (required). */
  seed: number;
  /** The Dutch of the title, description and design names (optional). */
  nl?: ScenarioNl;
}

/** A validated scenario with its simulation expanded. */
export interface Scenario {
  /** Short name. */
  name: string;
  /** Title shown to users. */
  title: string;
  /** Description. */
  description: string;
  /** The question judged against. */
  question: CertaintyQuestion;
  /** The sourced values. */
  values: Record<string, ScenarioValue>;
  /** The simulation (designs with the scenario's values set). */
  simulation: Simulation;
  /** The Dutch of the title, description and design names, when the file gives it. */
  nl?: ScenarioNl;
}

const valueSchema = z.object({
  value: z.unknown().refine((v) => v !== undefined, "is required"),
  source: z.string().trim().min(1, 'must name a seed line, a citation or "assumption"'),
  range: z.tuple([z.number().finite(), z.number().finite()]).optional(),
  note: z.string().optional(),
  nl: z.object({
    source: z.string().trim().min(1),
    note: z.string().trim().min(1).optional(),
  }).strict().optional(),
}).strict();

const scenarioSchema = z.object({
  scenario: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a short lower-case name such as sceptical"),
  title: z.string().min(1),
  description: z.string().min(1),
  question: z.object({
    comparator: z.enum(["primary-care", "usual-imsr", "waiting-list", "none"]),
    instrument: z.enum(["pdi", "psc", "nrs", "pcs", "mcs", "score"]),
    populationThreshold: z.number().min(0).max(1).optional(),
  }).strict(),
  values: z.record(z.string(), valueSchema),
  designs: z.array(z.record(z.string(), z.unknown())).min(1),
  grid: z.record(z.string(), z.array(z.union([z.number(), z.string(), z.boolean()])).min(1)).optional(),
  reps: z.number().int().min(1).max(10_000_000).optional(),
  seed: seedSchema,
  nl: z.object({
    title: z.string().trim().min(1),
    description: z.string().trim().min(1),
    designs: z.record(z.string(), z.string().trim().min(1)),
  }).strict().optional(),
}).strict();

function getPath(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== "object") cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = structuredClone(value);
}

const DATA_FIELDS: Record<string, readonly string[]> = {
  rct: ["n", "allocation", "comparator", "dropout", "nonAdherence", "contamination"],
  waitlist: ["n", "allocation", "dropout", "nonAdherence", "contamination"],
  cohort: ["n", "attrition"],
  sced: ["design", "cases", "measurements", "minPhase", "ar", "randomizations"],
  meta: ["studies", "tau", "study", "measure", "method"],
  twics: ["n", "allocation", "comparator", "dropout", "refusal", "contamination"],
  "controlled-cohort": ["n", "share", "comparator", "indication", "unmeasured", "dropout"],
  "stepped-wedge": ["clusters", "periods", "perCluster", "clusterSd", "secularTrend", "comparator", "dropout"],
  its: ["periods", "perPeriod", "interruption", "secularTrend", "coIntervention", "comparator"],
};

/**
 * Whether a scenario value at `path` applies to a design with data strategy `type` (model values
 * always; data values when the strategy has the field).
 * @example appliesTo("data.attrition", "rct") // false
 */
export function appliesTo(path: string, type: string): boolean {
  if (!path.startsWith("data.")) return true;
  return (DATA_FIELDS[type] ?? []).includes(path.split(".")[1]);
}

/**
 * The designs of a scenario with its values set (a design's own value at a path wins).
 * @example scenarioDesigns(input)[0].model.naturalCourse
 */
export function scenarioDesigns(input: Pick<ScenarioInput, "values" | "designs">): DesignInput[] {
  return input.designs.map((d) => {
    const out = structuredClone(d) as Record<string, unknown>;
    for (const [path, v] of Object.entries(input.values)) {
      const type = (getPath(out, "data.type") as string | undefined) ?? "rct";
      // data values apply only to designs whose data strategy has that field
      if (!appliesTo(path, type)) continue;
      if (getPath(out, path) === undefined) setPath(out, path, v.value);
    }
    return out as DesignInput;
  });
}

/**
 * Validate a scenario: every value sourced (an `"assumption"` needs its `range`), every path a
 * valid design path (checked by validating the designs), and expand its simulation.
 * @example parseScenario(JSON.parse(text)).simulation.points.length
 */
export function parseScenario(input: unknown, context: string = "scenario"): Scenario {
  const s = parseInput(scenarioSchema, input, context);
  for (const [path, v] of Object.entries(s.values)) {
    if (!/^(model|data)\.[A-Za-z]\w*(\.[A-Za-z]\w*)*$/.test(path)) {
      fail(context, `values["${path}"]`, "must be a dotted design path under model. or data.", path);
    }
    if (v.source.trim().toLowerCase() === "assumption" && !v.range) {
      fail(context, `values["${path}"].range`, 'is required when the source is "assumption"', v.range);
    }
    if (v.range && v.range[0] > v.range[1]) {
      fail(context, `values["${path}"].range`, "must be [low, high] with low <= high", v.range);
    }
  }
  if (s.nl) {
    const names = s.designs.map((d) => String(d.name));
    for (const name of Object.keys(s.nl.designs)) {
      if (!names.includes(name)) fail(context, `nl.designs["${name}"]`, "must name a design of the scenario", name);
    }
  }
  const designs = scenarioDesigns({ values: s.values, designs: s.designs as DesignInput[] });
  const simulation = parseSimulation(
    { designs, grid: s.grid ?? {}, reps: s.reps ?? 1000, seed: s.seed },
    `${context} ${s.scenario}`,
  );
  return {
    name: s.scenario,
    title: s.title,
    description: s.description,
    question: s.question as { comparator: Comparator; instrument: InstrumentName; populationThreshold?: number },
    values: s.values as Record<string, ScenarioValue>,
    simulation,
    ...(s.nl ? { nl: s.nl } : {}),
  };
}

/** A scenario's user-visible texts in one language. */
export interface ScenarioTexts {
  /** Title. */
  title: string;
  /** Description. */
  description: string;
  /** Design names by the design's (English) `name` (every design of the scenario). */
  designs: Record<string, string>;
}

/**
 * A scenario's title, description and design names in `lang` (English: the file's own texts;
 * Dutch: its `nl` object, the English text where it gives none).
 * @example scenarioTexts(scenario, "nl").designs["Waiting-list RCT"] // "Wachtlijst-RCT"
 */
export function scenarioTexts(
  scenario: Pick<Scenario, "title" | "description" | "simulation" | "nl">,
  lang: ScenarioLang = "en",
): ScenarioTexts {
  const nl = lang === "nl" ? scenario.nl : undefined;
  const designs: Record<string, string> = {};
  for (const p of scenario.simulation.points) designs[p.design.name] = nl?.designs[p.design.name] ?? p.design.name;
  return { title: nl?.title ?? scenario.title, description: nl?.description ?? scenario.description, designs };
}

/**
 * The answer strategy whose certainty is reported for a design: ANCOVA for RCTs, the change-score
 * t test for a cohort, for an SCED the randomisation-test CI for a shift (`rt-ci`) when the design
 * runs it, else the randomisation test (with the mean within-case difference's t interval), the random-effects pool for a meta-analysis — if the design runs it, else its first.
 * @example mainAnswer(parseDesign({ data: { type: "cohort" } })) // "change-t"
 */
export function mainAnswer(design: Design): AnswerName {
  const pref: Record<string, AnswerName> = {
    rct: "ancova",
    waitlist: "ancova",
    cohort: "change-t",
    sced: "randomization",
    meta: "re-pool",
    twics: "ancova",
    "controlled-cohort": "ancova",
    "stepped-wedge": "sw-regression",
    its: "its-segmented",
  };
  // an SCED is judged on the randomisation-test interval when the design runs it
  if (design.data.type === "sced" && design.answers.includes("rt-ci")) return "rt-ci";
  const want = pref[design.data.type];
  return design.answers.includes(want) ? want : design.answers[0];
}

/** A diagnosis row with its certainty readout. */
export type CertaintyRow = DiagnosisRow & {
  /** The certainty readout (toolkit heuristic, not GRADE). */
  certainty: DesignCertainty;
};

/**
 * Attach the certainty readout to every row of a simulation's diagnosis (each judged with its own
 * grid point's design against `question`).
 * @example withCertainty(sim, rows, scenario.question)[0].certainty.risk_of_bias.rating
 */
export function withCertainty(
  sim: Simulation,
  rows: readonly DiagnosisRow[],
  question?: CertaintyQuestion,
): CertaintyRow[] {
  return rows.map((r) => ({ ...r, certainty: certainty(r, sim.points[r.grid_index].design, question) }));
}

/** Where scenarios agree and where they flip, per design (main answer, first grid point). */
export interface ScenarioAgreement {
  /** Design name. */
  design: string;
  /** Certainty level per scenario name. */
  level: Record<string, string>;
  /** Risk-of-bias rating per scenario name. */
  risk_of_bias: Record<string, string>;
  /** Significant (p <= alpha) in most replications (power >= 0.5) per scenario name. */
  mostly_significant: Record<string, boolean | null>;
  /** True when the level, the risk of bias and the significance agree across scenarios. */
  agree: boolean;
  /** A sentence saying what agrees or flips. */
  summary: string;
}

/**
 * Compare the main-answer certainty rows of several scenarios design by design (designs matched by
 * name; first grid point).
 * @example scenarioAgreement({ sceptical: rowsA, "vra-premises": rowsB })[0].summary
 */
export function scenarioAgreement(byScenario: Record<string, readonly CertaintyRow[]>): ScenarioAgreement[] {
  const names = Object.keys(byScenario);
  if (names.length === 0) return [];
  const designs: string[] = [];
  for (const n of names) for (const r of byScenario[n]) if (!designs.includes(r.design)) designs.push(r.design);
  return designs.map((design) => {
    const level: Record<string, string> = {}, rob: Record<string, string> = {};
    const sig: Record<string, boolean | null> = {};
    for (const n of names) {
      const r = byScenario[n].find((x) => x.design === design);
      level[n] = r?.certainty.level ?? "–";
      rob[n] = r?.certainty.risk_of_bias.rating ?? "–";
      sig[n] = r?.power === null || r?.power === undefined ? null : r.power >= 0.5;
    }
    const same = (o: Record<string, unknown>) => new Set(Object.values(o).map((v) => String(v))).size === 1;
    const agree = same(level) && same(rob) && same(sig);
    const flips: string[] = [];
    if (!same(level)) flips.push(`certainty ${names.map((n) => `${level[n]} (${n})`).join(" vs ")}`);
    if (!same(rob)) flips.push(`risk of bias ${names.map((n) => `${rob[n]} (${n})`).join(" vs ")}`);
    if (!same(sig)) {
      flips.push(
        `usually significant ${
          names.map((n) => `${sig[n] === null ? "–" : sig[n] ? "yes" : "no"} (${n})`).join(" vs ")
        }`,
      );
    }
    return {
      design,
      level,
      risk_of_bias: rob,
      mostly_significant: sig,
      agree,
      summary: agree
        ? `${design}: the scenarios agree (certainty ${level[names[0]]}, risk of bias ${rob[names[0]]})`
        : `${design}: the conclusion flips — ${flips.join("; ")}`,
    };
  });
}

/**
 * The main-answer rows (see {@link mainAnswer}) of a diagnosis, each with its certainty readout.
 * @example mainCertaintyRows(sim, rows, scenario.question).map((r) => r.certainty.level)
 */
export function mainCertaintyRows(
  sim: Simulation,
  rows: readonly DiagnosisRow[],
  question?: CertaintyQuestion,
): CertaintyRow[] {
  return withCertainty(
    sim,
    rows.filter((r) => r.answer === mainAnswer(sim.points[r.grid_index].design)),
    question,
  );
}

const SEP = " · ";

/**
 * One simulation holding the designs of several scenarios side by side (named
 * `<scenario> · <design>`, each with only its main answer), so that they run in one progressive
 * pass; split its rows with {@link splitByScenario}.
 * @example scenarioComparison([a, b, c], 300, 7).points.length // 15 for three scenarios of 5 designs
 */
export function scenarioComparison(scenarios: readonly Scenario[], reps: number, seed: number): Simulation {
  const designs: DesignInput[] = [];
  for (const s of scenarios) {
    for (const p of s.simulation.points) {
      const d = p.design;
      const copy = structuredClone(d) as unknown as DesignInput;
      designs.push({ ...copy, name: `${s.name}${SEP}${d.name}`, answers: [mainAnswer(d)] });
    }
  }
  return parseSimulation({ designs, reps, seed }, "scenarioComparison");
}

/**
 * Split the rows of a {@link scenarioComparison} by scenario, with each scenario's certainty
 * readout (against its own question) and the design names without the scenario prefix.
 * @example scenarioAgreement(splitByScenario(sim, rows, [a, b, c]))
 */
export function splitByScenario(
  sim: Simulation,
  rows: readonly DiagnosisRow[],
  scenarios: readonly Scenario[],
): Record<string, CertaintyRow[]> {
  const out: Record<string, CertaintyRow[]> = {};
  for (const s of scenarios) {
    const mine = rows.filter((r) => r.design.startsWith(s.name + SEP));
    out[s.name] = withCertainty(sim, mine, s.question).map((r) => ({
      ...r,
      design: r.design.slice(s.name.length + SEP.length),
    }));
  }
  return out;
}

/** One row of a scenario's sourced values, for display. */
export interface ScenarioValueRow {
  /** Dotted design path. */
  path: string;
  /** The value as JSON text. */
  value: string;
  /** Its source (`assumption` or a seed line / citation). */
  source: string;
  /** The range considered, as text ("" when sourced). */
  range: string;
  /** Note. */
  note: string;
}

/**
 * A scenario's values as display rows (value as JSON text, range as text), their source, range
 * and note in `lang` (Dutch from each value's `nl`, the English text where it gives none).
 * @example scenarioValueRows(scenario)[0].source
 */
export function scenarioValueRows(scenario: Pick<Scenario, "values">, lang: ScenarioLang = "en"): ScenarioValueRow[] {
  const to = lang === "nl" ? "tot" : "to";
  return Object.entries(scenario.values).map(([path, v]) => {
    const nl = lang === "nl" ? v.nl : undefined;
    return {
      path,
      value: JSON.stringify(v.value),
      source: nl?.source ?? v.source,
      range: v.range ? `${v.range[0]} ${to} ${v.range[1]}` : "",
      note: v.note === undefined ? "" : nl?.note ?? v.note,
    };
  });
}

/**
 * A flat table of certainty rows for display and download: design, answer, estimand, mean estimate,
 * bias ± MCSE, power ± MCSE, coverage, starting level, the four domain ratings and the level.
 * @example certaintyTable(rows)[0].risk_of_bias // "serious"
 */
export function certaintyTable(rows: readonly CertaintyRow[]): Record<string, string | number | null>[] {
  return rows.map((r) => ({
    design: r.design,
    answer: r.answer,
    mean_estimand: r.mean_estimand,
    mean_estimate: r.mean_estimate,
    bias: r.bias,
    bias_mcse: r.bias_mcse,
    power: r.power,
    power_mcse: r.power_mcse,
    coverage: r.coverage,
    coverage_mcse: r.coverage_mcse,
    mean_ci_width: r.mean_ci_width,
    starting_level: r.certainty.starting_level,
    risk_of_bias: r.certainty.risk_of_bias.rating,
    imprecision: r.certainty.imprecision.rating,
    indirectness: r.certainty.indirectness.rating,
    inconsistency: r.certainty.inconsistency.rating,
    level: r.certainty.level,
  }));
}

/**
 * A scenario file with the number of participants `n` set on every design that has one (RCTs,
 * waiting-list RCTs, cohorts; SCEDs and meta-analyses keep theirs) and, if given, its values
 * replaced (e.g. by a user's edit).
 * @example withSize(raw, 200).designs[0].data.n // 200
 */
export function withSize(
  raw: ScenarioInput,
  n: number,
  values?: Record<string, ScenarioValue>,
): ScenarioInput {
  return {
    ...raw,
    values: values ?? raw.values,
    designs: raw.designs.map((d) => {
      const type = d.data?.type ?? "rct";
      return type === "rct" || type === "waitlist" || type === "cohort" ? { ...d, data: { ...d.data, n } } : d;
    }),
  };
}

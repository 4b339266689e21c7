/**
 * Risk-of-bias judgements per study and outcome, in one long format for three schemes: RoB 2
 * (randomised trials), ROBINS-I version 2 (non-randomised studies of interventions, including
 * cohorts) and the toolkit's quality/risk-of-bias scheme for single-case experimental designs
 * (after the internal-validity items of RoBiNT). Every tool also accepts "No information" (the
 * report does not say) and "Not assessed" (nobody has judged it yet: an open judgement).
 *
 * A file has one row per study, outcome and domain: `study_id, outcome, tool, domain, judgement,
 * support, assessor, illustrative`. `outcome` may be `all` (the judgement holds for every outcome
 * of the study unless a row for the specific outcome exists). `illustrative` is `true` for
 * constructed examples: anything computed from such a row is labelled illustrative.
 *
 * @example
 * ```ts
 * import { loadRob, robOverall } from "./rob.ts";
 * const text = "study_id,outcome,tool,domain,judgement,support,assessor,illustrative\n" +
 *   "smeets2006,all,RoB 2,Overall,Not assessed,,,false\n";
 * const rob = loadRob(text, { name: "rob.csv", studies: ["smeets2006"] });
 * if (robOverall(rob.judgements, "smeets2006", "disability").judgement !== "Not assessed") throw new Error("open");
 * let message = "";
 * try {
 *   loadRob(text.replace("Overall", "D9"), { name: "rob.csv", studies: ["smeets2006"] });
 * } catch (e) { message = (e as Error).message; }
 * if (!/rob\.csv: row 1 \(line 2\), column domain must be one of/.test(message)) throw new Error(message);
 * ```
 * @module
 */
import { z } from "zod";
import { csvString, loadCsv, readCsv } from "../io/csv.ts";
import { type Issue, ValidationError } from "../validate.ts";

/** The risk-of-bias tools the toolkit knows. */
export type RobTool = "RoB 2" | "ROBINS-I v2" | "SCED";

/** Every level any tool uses, plus the two open levels. */
export type RobLevel =
  | "Low"
  | "Some concerns"
  | "High"
  | "Low (except for concerns about uncontrolled confounding)"
  | "Moderate"
  | "Serious"
  | "Critical"
  | "No information"
  | "Not assessed";

/** "Not assessed": nobody has judged this yet (an open judgement, shown as open). */
export const NOT_ASSESSED: RobLevel = "Not assessed";
/** "No information": the assessor looked but the report does not say. */
export const NO_INFORMATION: RobLevel = "No information";

/** One domain of a tool. */
export interface RobDomain {
  /** The code used in files: `D1`…`D7` or `Overall`. */
  code: string;
  /** The domain's name in the tool. */
  name: string;
}

/** A risk-of-bias tool: its domains, its own levels and its source. */
export interface RobToolInfo {
  /** The tool's name as written in files. */
  name: RobTool;
  /** Its domains in order; the last is `Overall`. */
  domains: readonly RobDomain[];
  /** Its own levels, best first (files may also use "No information" and "Not assessed"). */
  levels: readonly RobLevel[];
  /** Where the domains and levels come from. */
  source: string;
}

const OVERALL: RobDomain = { code: "Overall", name: "Overall risk of bias" };

/**
 * The three schemes. Domain names and levels as recalled from the published tools (see
 * `data/evidence/README-rob.md`: to verify against riskofbias.info before a committee relies on
 * them); the SCED scheme is the toolkit's adaptation, not a published scoring.
 */
export const ROB_TOOLS: Readonly<Record<RobTool, RobToolInfo>> = {
  "RoB 2": {
    name: "RoB 2",
    domains: [
      { code: "D1", name: "Bias arising from the randomization process" },
      { code: "D2", name: "Bias due to deviations from intended interventions" },
      { code: "D3", name: "Bias due to missing outcome data" },
      { code: "D4", name: "Bias in measurement of the outcome" },
      { code: "D5", name: "Bias in selection of the reported result" },
      OVERALL,
    ],
    levels: ["Low", "Some concerns", "High"],
    source:
      "Sterne JAC et al. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ 2019;366:l4898",
  },
  "ROBINS-I v2": {
    name: "ROBINS-I v2",
    domains: [
      { code: "D1", name: "Bias due to confounding" },
      { code: "D2", name: "Bias in classification of interventions" },
      { code: "D3", name: "Bias in selection of participants into the study (or into the analysis)" },
      { code: "D4", name: "Bias due to deviations from intended interventions" },
      { code: "D5", name: "Bias due to missing data" },
      { code: "D6", name: "Bias in measurement of the outcome" },
      { code: "D7", name: "Bias in selection of the reported result" },
      OVERALL,
    ],
    levels: ["Low (except for concerns about uncontrolled confounding)", "Low", "Moderate", "Serious", "Critical"],
    source: "ROBINS-I version 2 (Sterne JAC, Higgins JPT et al., riskofbias.info, 2024); " +
      "version 1: Sterne JAC et al. BMJ 2016;355:i4919",
  },
  SCED: {
    name: "SCED",
    domains: [
      { code: "D1", name: "Design (phases, replication of the effect)" },
      { code: "D2", name: "Randomisation (of phase starts or order)" },
      { code: "D3", name: "Sampling of behaviour (measurements per phase)" },
      { code: "D4", name: "Blinding of participants and therapists" },
      { code: "D5", name: "Blinding of assessors" },
      { code: "D6", name: "Inter-rater agreement of the outcome" },
      { code: "D7", name: "Treatment adherence" },
      OVERALL,
    ],
    levels: ["Low", "Some concerns", "High"],
    source: "the toolkit's scheme after the internal-validity items of the RoBiNT scale (Tate RL et al. " +
      "Neuropsychol Rehabil 2013;23(5):619-638), judged Low / Some concerns / High instead of 0-2 points " +
      "(an adaptation, not the published scoring)",
  },
};

/** Tool names in a fixed order. */
export const ROB_TOOL_NAMES: readonly RobTool[] = ["RoB 2", "ROBINS-I v2", "SCED"];

/** Every level `tool` accepts: its own levels, then "No information" and "Not assessed". */
export function robLevels(tool: RobTool): RobLevel[] {
  return [...ROB_TOOLS[tool].levels, NO_INFORMATION, NOT_ASSESSED];
}

/** One judgement: a study, an outcome (or `all`), a domain of a tool, the level, its support and who judged. */
export interface RobJudgement {
  /** The study, as in `data/evidence/studies.csv`. */
  study_id: string;
  /** The outcome judged, or `all` for every outcome of the study. */
  outcome: string;
  /** The tool. */
  tool: RobTool;
  /** The domain code (`D1`…, `Overall`). */
  domain: string;
  /** The domain's name in the tool. */
  domain_name: string;
  /** The level. */
  judgement: RobLevel;
  /** Free-text support for the judgement (quotes, page numbers). */
  support: string;
  /** Who judged (name or role), empty when not assessed. */
  assessor: string;
  /** True for a constructed example, never a real judgement. */
  illustrative: boolean;
  /** The 1-based data row in the file it was read from (0 when made in code). */
  row: number;
}

/** Options of {@link loadRob}. */
export interface LoadRobOptions {
  /** The file name used in messages (default `rob.csv`). */
  name?: string;
  /** Known study ids: a row naming another study is rejected. Omit to skip the check. */
  studies?: readonly string[];
}

/** Result of {@link loadRob}. */
export interface RobFile {
  /** The judgements in file order. */
  judgements: RobJudgement[];
  /** True when any row is illustrative. */
  illustrative: boolean;
  /** How the file was read (separator, decimal mark). */
  dialect: string;
}

const TEXT = () => z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string());

function rowSchema(studies: readonly string[] | undefined) {
  const known = studies ? new Set(studies) : null;
  return z.object({
    study_id: csvString(),
    outcome: csvString(),
    tool: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.enum(ROB_TOOL_NAMES as unknown as [RobTool, ...RobTool[]], {
        error: `must be one of ${ROB_TOOL_NAMES.map((t) => JSON.stringify(t)).join(", ")}`,
      }),
    ),
    domain: csvString(),
    judgement: csvString(),
    support: TEXT(),
    assessor: TEXT(),
    illustrative: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
      z.enum(["true", "false"], { error: 'must be "true" or "false"' }),
    ).transform((v) => v === "true"),
  }).superRefine((r, ctx) => {
    if (known && !known.has(r.study_id)) {
      ctx.addIssue({
        code: "custom",
        path: ["study_id"],
        message: `must name a study of data/evidence/studies.csv, got ${JSON.stringify(r.study_id)}`,
      });
    }
    const tool = ROB_TOOLS[r.tool];
    if (!tool.domains.some((d) => d.code === r.domain)) {
      ctx.addIssue({
        code: "custom",
        path: ["domain"],
        message: `must be one of the ${r.tool} domains ${tool.domains.map((d) => d.code).join(", ")}, got ${
          JSON.stringify(r.domain)
        }`,
      });
    }
    if (!(robLevels(r.tool) as string[]).includes(r.judgement)) {
      ctx.addIssue({
        code: "custom",
        path: ["judgement"],
        message: `must be one of the ${r.tool} levels ${
          robLevels(r.tool).map((l) => JSON.stringify(l)).join(", ")
        }, got ${JSON.stringify(r.judgement)}`,
      });
    }
    const judged = r.judgement !== NOT_ASSESSED;
    if (judged && r.assessor === "") {
      ctx.addIssue({
        code: "custom",
        path: ["assessor"],
        message: `must say who judged (a judgement other than "Not assessed" needs an assessor)`,
      });
    }
  });
}

/**
 * Read and validate a risk-of-bias CSV (any separator the toolkit's reader detects). Rejects,
 * naming the file, the 1-based data row (and line) and the rule: an unknown tool, a domain the
 * tool does not have, a level the tool does not use, a study not in `studies`, a judgement
 * without an assessor, and the same study, outcome, tool and domain twice.
 */
export function loadRob(text: string, options: LoadRobOptions = {}): RobFile {
  const name = options.name ?? "rob.csv";
  const { rows, dialect } = loadCsv(text, rowSchema(options.studies), { name: `rob: ${name}` });
  const judgements: RobJudgement[] = rows.map((r, i) => ({
    study_id: r.study_id,
    outcome: r.outcome,
    tool: r.tool,
    domain: r.domain,
    domain_name: ROB_TOOLS[r.tool].domains.find((d) => d.code === r.domain)!.name,
    judgement: r.judgement as RobLevel,
    support: r.support,
    assessor: r.assessor,
    illustrative: r.illustrative,
    row: i + 1,
  }));
  const seen = new Map<string, number>();
  const tools = new Map<string, RobTool>();
  const issues: Issue[] = [];
  for (const j of judgements) {
    const key = `${j.study_id}\u0000${j.outcome}\u0000${j.domain}`;
    const where = `row ${j.row} (line ${j.row + 1})`;
    if (seen.has(key)) {
      issues.push({
        path: `${where}, column domain`,
        rule: `repeats study ${j.study_id}, outcome ${j.outcome}, domain ${j.domain} (first given in row ${
          seen.get(key)
        }): one judgement per study, outcome and domain`,
        row: j.row,
      });
    } else seen.set(key, j.row);
    const tkey = `${j.study_id}\u0000${j.outcome}`;
    const prev = tools.get(tkey);
    if (prev && prev !== j.tool) {
      issues.push({
        path: `${where}, column tool`,
        rule: `must be the same for every domain of study ${j.study_id}, outcome ${j.outcome} (${prev} earlier)`,
        received: j.tool,
        row: j.row,
      });
    } else tools.set(tkey, j.tool);
  }
  if (issues.length) throw new ValidationError(`rob: ${name}`, issues);
  return { judgements, illustrative: judgements.some((j) => j.illustrative), dialect: dialect.description };
}

/** The overall judgement that applies to a study and outcome, and where it comes from. */
export interface RobOverall {
  /** The study. */
  study_id: string;
  /** The outcome asked for. */
  outcome: string;
  /** The tool, or null when the study has no judgements at all. */
  tool: RobTool | null;
  /** The overall level ("Not assessed" when none is recorded). */
  judgement: RobLevel;
  /** True when it comes from an illustrative row. */
  illustrative: boolean;
  /** The 1-based file row it comes from (0 when there is none). */
  row: number;
}

/**
 * The `Overall` judgement of `study_id` for `outcome`: the row for that outcome, else the row for
 * `all`, else "Not assessed" (never a guess).
 */
export function robOverall(judgements: readonly RobJudgement[], study_id: string, outcome: string): RobOverall {
  const pick = (o: string) =>
    judgements.find((j) => j.study_id === study_id && j.outcome === o && j.domain === "Overall");
  const j = pick(outcome) ?? pick("all");
  if (!j) {
    const any = judgements.find((x) => x.study_id === study_id);
    return {
      study_id,
      outcome,
      tool: any?.tool ?? null,
      judgement: NOT_ASSESSED,
      illustrative: false,
      row: 0,
    };
  }
  return { study_id, outcome, tool: j.tool, judgement: j.judgement, illustrative: j.illustrative, row: j.row };
}

/** A change to one judgement (as made in the notebook's editable table). */
export interface RobChange {
  /** The study. */
  study_id: string;
  /** The outcome (or `all`). */
  outcome: string;
  /** The domain code. */
  domain: string;
  /** The new level. */
  judgement: RobLevel;
  /** Support for it. */
  support?: string;
  /** Who judged. */
  assessor?: string;
}

/**
 * A copy of `judgements` with one judgement changed (or added, when the study and outcome have
 * rows of a tool but not this domain). The level must be one the tool uses, and a judgement other
 * than "Not assessed" needs an assessor: a `ValidationError` names the field otherwise.
 */
export function setRobJudgement(judgements: readonly RobJudgement[], change: RobChange): RobJudgement[] {
  const tool = judgements.find((j) => j.study_id === change.study_id && j.outcome === change.outcome)?.tool;
  if (!tool) {
    throw new ValidationError("setRobJudgement", [{
      path: "study_id",
      rule: `has no judgements for outcome ${JSON.stringify(change.outcome)} to change`,
      received: change.study_id,
    }]);
  }
  const domain = ROB_TOOLS[tool].domains.find((d) => d.code === change.domain);
  if (!domain) {
    throw new ValidationError("setRobJudgement", [{
      path: "domain",
      rule: `must be one of the ${tool} domains ${ROB_TOOLS[tool].domains.map((d) => d.code).join(", ")}`,
      received: change.domain,
    }]);
  }
  if (!robLevels(tool).includes(change.judgement)) {
    throw new ValidationError("setRobJudgement", [{
      path: "judgement",
      rule: `must be one of the ${tool} levels ${robLevels(tool).join(", ")}`,
      received: change.judgement,
    }]);
  }
  const assessor = (change.assessor ?? "").trim();
  if (change.judgement !== NOT_ASSESSED && assessor === "") {
    throw new ValidationError("setRobJudgement", [{
      path: "assessor",
      rule: 'must say who judged (a judgement other than "Not assessed" needs an assessor)',
    }]);
  }
  const out = judgements.map((j) => ({ ...j }));
  const hit = out.find((j) =>
    j.study_id === change.study_id && j.outcome === change.outcome && j.domain === change.domain
  );
  const fields = { judgement: change.judgement, support: (change.support ?? "").trim(), assessor, illustrative: false };
  if (hit) Object.assign(hit, fields);
  else {
    out.push({
      study_id: change.study_id,
      outcome: change.outcome,
      tool,
      domain: domain.code,
      domain_name: domain.name,
      row: 0,
      ...fields,
    });
  }
  return out;
}

/** The template rows of a study: every domain of `tool` "Not assessed", for `outcome` (default `all`). */
export function robTemplate(study_id: string, tool: RobTool, outcome = "all"): RobJudgement[] {
  return ROB_TOOLS[tool].domains.map((d) => ({
    study_id,
    outcome,
    tool,
    domain: d.code,
    domain_name: d.name,
    judgement: NOT_ASSESSED,
    support: "",
    assessor: "",
    illustrative: false,
    row: 0,
  }));
}

/** The columns of a risk-of-bias file, in order. */
export const ROB_COLUMNS: readonly string[] = [
  "study_id",
  "outcome",
  "tool",
  "domain",
  "judgement",
  "support",
  "assessor",
  "illustrative",
];

/**
 * Write judgements back as CSV in the file format {@link loadRob} reads (a round trip keeps them;
 * line breaks inside a support text become spaces, since the CSV reader reads one record a line).
 */
export function robToCsv(judgements: readonly RobJudgement[]): string {
  const cell = (v: string) => {
    const s = v.replace(/\r?\n/g, " ");
    return /[",;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = judgements.map((j) =>
    [j.study_id, j.outcome, j.tool, j.domain, j.judgement, j.support, j.assessor, String(j.illustrative)]
      .map(cell).join(",")
  );
  return [ROB_COLUMNS.join(","), ...lines].join("\n") + "\n";
}

/**
 * The study ids of `data/evidence/studies.csv` (its text), each once, in file order: the list
 * {@link loadRob} checks `study_id` against.
 */
export function seedStudyIds(studiesCsv: string): string[] {
  const { rows, columns } = readCsv(studiesCsv, { name: "studies.csv" });
  if (!columns.includes("study_id")) {
    throw new ValidationError("studies.csv", [{ path: "header", rule: "is missing the column study_id" }]);
  }
  return [...new Set(rows.map((r) => r.study_id).filter((s) => s !== ""))];
}

/**
 * Apply several changes in order ({@link setRobJudgement} for each); changes that leave a
 * judgement as it is are skipped, so a form showing every domain can pass all of them.
 */
export function setRobJudgements(judgements: readonly RobJudgement[], changes: readonly RobChange[]): RobJudgement[] {
  let out = judgements.map((j) => ({ ...j }));
  for (const c of changes) {
    const cur = out.find((j) => j.study_id === c.study_id && j.outcome === c.outcome && j.domain === c.domain);
    const same = cur && cur.judgement === c.judgement && cur.support === (c.support ?? "").trim() &&
      cur.assessor === (c.assessor ?? "").trim();
    if (!same) out = setRobJudgement(out, c);
  }
  return out;
}

/** One cell of a traffic-light plot (robvis's `rob_traffic_light`): a study and a domain. */
export interface RobTrafficCell {
  /** The study. */
  study_id: string;
  /** The tool. */
  tool: RobTool;
  /** The domain code. */
  domain: string;
  /** The domain's name. */
  domain_name: string;
  /** The level. */
  judgement: RobLevel;
  /** True for an illustrative judgement. */
  illustrative: boolean;
}

/**
 * The cells of a traffic-light plot for `study_ids` and `outcome`: every domain of each study's
 * tool, taken from the outcome's rows, else the study's `all` rows; a study without rows is left
 * out (it has nothing to show; {@link robOverall} reports it as "Not assessed").
 */
export function robTrafficLight(
  judgements: readonly RobJudgement[],
  study_ids: readonly string[],
  outcome = "all",
): RobTrafficCell[] {
  return study_ids.flatMap((s) => {
    const own = judgements.filter((j) => j.study_id === s && j.outcome === outcome);
    const rows = own.length ? own : judgements.filter((j) => j.study_id === s && j.outcome === "all");
    if (!rows.length) return [];
    const tool = rows[0].tool;
    return ROB_TOOLS[tool].domains.map((d) => {
      const j = rows.find((r) => r.domain === d.code);
      return {
        study_id: s,
        tool,
        domain: d.code,
        domain_name: d.name,
        judgement: j?.judgement ?? NOT_ASSESSED,
        illustrative: j?.illustrative ?? false,
      };
    });
  });
}

/** One bar segment of a weighted summary plot (robvis's `rob_summary` with weights). */
export interface RobSummaryShare {
  /** The tool. */
  tool: RobTool;
  /** The domain code. */
  domain: string;
  /** The domain's name. */
  domain_name: string;
  /** The level. */
  judgement: RobLevel;
  /** Share of the weight (0–1) of the studies of this tool with this level in this domain. */
  share: number;
}

/**
 * The weighted summary plot's shares: per tool and domain, the share of the total weight at each
 * level (equal weights when `weights` is omitted; a study missing from `weights` is an error).
 * Shares of a domain sum to 1.
 */
export function robSummary(
  cells: readonly RobTrafficCell[],
  weights?: Readonly<Record<string, number>>,
): RobSummaryShare[] {
  const out: RobSummaryShare[] = [];
  for (const tool of ROB_TOOL_NAMES) {
    const mine = cells.filter((c) => c.tool === tool);
    if (!mine.length) continue;
    const studies = [...new Set(mine.map((c) => c.study_id))];
    const w = studies.map((s) => {
      if (!weights) return 1;
      const x = weights[s];
      if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
        throw new ValidationError("robSummary", [{
          path: `weights.${s}`,
          rule: "must be a finite number >= 0",
          received: x,
        }]);
      }
      return x;
    });
    const total = w.reduce((a, b) => a + b, 0);
    if (!(total > 0)) {
      throw new ValidationError("robSummary", [{ path: "weights", rule: `must not all be 0 (tool ${tool})` }]);
    }
    for (const d of ROB_TOOLS[tool].domains) {
      for (const level of robLevels(tool)) {
        const share = studies.reduce((a, s, i) => {
          const c = mine.find((x) => x.study_id === s && x.domain === d.code);
          return a + ((c?.judgement ?? NOT_ASSESSED) === level ? w[i] : 0);
        }, 0) / total;
        if (share > 0) out.push({ tool, domain: d.code, domain_name: d.name, judgement: level, share });
      }
    }
  }
  return out;
}

/** The studies kept and dropped by a sensitivity analysis restricted to low risk of bias. */
export interface RobRestriction {
  /** Studies whose overall judgement is at most the chosen level. */
  keep: string[];
  /** The others, with their judgement ("Not assessed" and "No information" are dropped too). */
  drop: { study_id: string; judgement: RobLevel }[];
}

/**
 * For a sensitivity analysis restricted to low-risk studies: which of `study_ids` have an overall
 * judgement (for `outcome`, else `all`) of "Low" (or, with `upTo: "some concerns"`, also "Some
 * concerns" / "Moderate"). Refit the model (e.g. `rma`) on `keep`.
 *
 * @example
 * ```ts
 * import { robRestrict, robTemplate, setRobJudgement } from "./rob.ts";
 * const js = setRobJudgement([...robTemplate("a", "RoB 2"), ...robTemplate("b", "RoB 2")], {
 *   study_id: "a", outcome: "all", domain: "Overall", judgement: "Low", assessor: "committee",
 * });
 * const r = robRestrict(js, ["a", "b"]);
 * if (r.keep.join() !== "a" || r.drop[0].judgement !== "Not assessed") throw new Error(JSON.stringify(r));
 * ```
 */
export function robRestrict(
  judgements: readonly RobJudgement[],
  study_ids: readonly string[],
  outcome = "all",
  options: { upTo?: "low" | "some concerns" } = {},
): RobRestriction {
  const ok = new Set<RobLevel>(["Low", "Low (except for concerns about uncontrolled confounding)"]);
  if (options.upTo === "some concerns") ["Some concerns", "Moderate"].forEach((l) => ok.add(l as RobLevel));
  const keep: string[] = [];
  const drop: { study_id: string; judgement: RobLevel }[] = [];
  for (const s of study_ids) {
    const j = robOverall(judgements, s, outcome).judgement;
    if (ok.has(j)) keep.push(s);
    else drop.push({ study_id: s, judgement: j });
  }
  return { keep, drop };
}

/** Colours of the levels as robvis draws them (green, yellow, red, dark red, blue-grey, light grey). */
export const ROB_COLOURS: Readonly<Record<RobLevel, string>> = {
  "Low": "#02C100",
  "Low (except for concerns about uncontrolled confounding)": "#7BD148",
  "Some concerns": "#E2DF07",
  "Moderate": "#E2DF07",
  "High": "#BF0000",
  "Serious": "#BF0000",
  "Critical": "#820000",
  "No information": "#4EA1F7",
  "Not assessed": "#D0D0D0",
};

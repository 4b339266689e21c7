/**
 * Internal: which numbers of `data/evidence/` go into which summary-of-findings row of the
 * dispute's comparisons. Only ids are listed here; every number is read from the data files (with
 * its file row and seed line) by `sof.ts`. Nothing here is a result or a judgement.
 * @module
 */
import type { EvidenceDesign } from "./certainty.ts";
import type { RobTool } from "./rob.ts";

/** One planned row. */
export type SeedRowPlan =
  | {
    kind: "md";
    id: string;
    outcome: string;
    /** Key in data/instruments.csv (null: none recorded). */
    instrument: string | null;
    study_id: string;
    estimate_id: string;
    n_ids: string[];
    design: EvidenceDesign;
    robTool: RobTool;
    improvement: "increase" | "decrease";
    note?: string;
  }
  | {
    kind: "responders";
    id: string;
    outcome: string;
    instrument: string | null;
    study_id: string;
    exp_id: string;
    ctrl_id: string;
    /** Assumption ids (assumptions.csv) for the group sizes, intervention then control. */
    n_assumption_ids: [string, string];
    design: EvidenceDesign;
    robTool: RobTool;
    note?: string;
  }
  | {
    kind: "within";
    id: string;
    outcome: string;
    instrument: string | null;
    study_id: string;
    es_id: string | null;
    resp_id: string | null;
    n_id: string;
    design: EvidenceDesign;
    robTool: RobTool;
    /** How the printed sign reads: "decrease" when a negative ES is an improvement. */
    improvement: "increase" | "decrease";
    note?: string;
  }
  | {
    kind: "review";
    id: string;
    outcome: string;
    instrument: string | null;
    study_id: string;
    smc_id: string;
    design: EvidenceDesign;
    robTool: RobTool;
    note?: string;
  }
  | {
    kind: "no-estimate";
    id: string;
    outcome: string;
    instrument: string | null;
    study_ids: string[];
    n_ids: string[];
    design: EvidenceDesign;
    robTool: RobTool | null;
    note: string;
  };

/** One comparison of the dispute. */
export interface SeedComparisonPlan {
  id: string;
  label: string;
  question: string;
  /** Who proposes it and where (seed lines). */
  source: string;
  notes: string[];
  rows: SeedRowPlan[];
}

const SEED = "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt";

/** The four comparisons of the dispute, in the order the VRA objection discusses them. */
export const SEED_COMPARISONS: readonly SeedComparisonPlan[] = [
  {
    id: "primary-care",
    label: "IMSR vs continued primary care (PICO)",
    question: "P: patients with chronic musculoskeletal pain referred to IMSR; I: IMSR; C: continued primary care; " +
      "O: disability and the other crucial outcomes",
    source: `the Zorginstituut's draft PICO, as quoted and contested in ${SEED} (lines 155-170, 243-315)`,
    notes: [
      `The VRA objection says that after excluding studies only Ronzi 2017 remains for this PICO (line 243) and argues ` +
      `it describes a different population (section 3b); data/evidence holds its baseline characteristics but no ` +
      `effect estimate.`,
    ],
    rows: [
      {
        kind: "no-estimate",
        id: "primary-care-disability",
        outcome: "Disability",
        instrument: "PDI",
        study_ids: ["ronzi2017"],
        n_ids: [],
        design: "randomised",
        robTool: "RoB 2",
        note: "no effect estimate for this comparison in data/evidence (Ronzi 2017: population characteristics only, " +
          "population_comparison.csv)",
      },
    ],
  },
  {
    id: "usual-imsr",
    label: "Exposure in vivo vs usual IMSR (graded activity) (PICO, option 1)",
    question: "P: as above; I: IMSR based on exposure in vivo; C: usual IMSR (graded activity, care as usual); " +
      "O: disability in personally relevant activities, functional disability",
    source: `the VRA objection's option 1 (${SEED}, lines 172-178 and 361-363)`,
    notes: [
      "Den Hollander 2016 (GE vs TAU, lines 506-513) reports mean differences on an instrument the seed does not name, " +
      "without saying which direction is better: not tabulated here.",
      "Smeets 2006 compares its active arms with each other (lines 913-978); none of them is labelled usual IMSR in " +
      "the seed: not tabulated here.",
      "Leeuw 2008: the seed gives the total (85) but not the group sizes; the equal split in assumptions.csv " +
      "(an assumption, not data) is used for the intervals and is labelled in every cell it affects.",
    ],
    rows: [
      {
        kind: "responders",
        id: "usual-imsr-psk-post",
        outcome: "Responders, disability in personally relevant activities (post-treatment)",
        instrument: "PSC",
        study_id: "leeuw2008",
        exp_id: "leeuw2008-resp-exp-post",
        ctrl_id: "leeuw2008-resp-ga-post",
        n_assumption_ids: ["leeuw2008-n-exp", "leeuw2008-n-ga"],
        design: "randomised",
        robTool: "RoB 2",
      },
      {
        kind: "responders",
        id: "usual-imsr-psk-12m",
        outcome: "Responders, disability in personally relevant activities (12 months)",
        instrument: "PSC",
        study_id: "leeuw2008",
        exp_id: "leeuw2008-resp-exp-12m",
        ctrl_id: "leeuw2008-resp-ga-12m",
        n_assumption_ids: ["leeuw2008-n-exp", "leeuw2008-n-ga"],
        design: "randomised",
        robTool: "RoB 2",
      },
      {
        kind: "md",
        id: "usual-imsr-dekker-disability",
        outcome: "Functional disability (adolescents; all time points)",
        instrument: null,
        study_id: "dekker2020",
        estimate_id: "dekker2020-disability",
        n_ids: ["dekker2020-n"],
        design: "randomised",
        robTool: "RoB 2",
        improvement: "decrease",
        note:
          "the seed reports a bound ('at least -8.81', the smallest difference over all time points) without a CI " +
          "and without naming the instrument",
      },
    ],
  },
  {
    id: "waiting-list",
    label: "IMSR vs waiting list (10 weeks)",
    question: "P: chronic low back pain; I: active physical treatment (APT), graded activity with problem solving " +
      "(CBT) or both (CT); C: waiting list; O: disability (RDQ), patient-specific complaints (PSC)",
    source: `Smeets 2006, cited by the VRA objection for the absence of change on a waiting list (${SEED}, lines ` +
      `199-200, 839-954)`,
    notes: [
      "The three active arms share one waiting-list group (n = 50): the rows are not independent and are not pooled.",
    ],
    rows: (["apt", "cbt", "ct"] as const).flatMap((arm) => [
      {
        kind: "md" as const,
        id: `waiting-list-rdq-${arm}`,
        outcome: `Disability, RDQ 0-24 (post-treatment), ${arm.toUpperCase()} vs waiting list`,
        instrument: "RMDQ",
        study_id: "smeets2006",
        estimate_id: `smeets2006-rdq-${arm}-wlc`,
        n_ids: [`smeets2006-n-${arm}`, "smeets2006-n-wlc"],
        design: "randomised" as const,
        robTool: "RoB 2" as const,
        improvement: "decrease" as const,
      },
      {
        kind: "md" as const,
        id: `waiting-list-psc-${arm}`,
        outcome: `Patient-specific complaints, PSC 0-100 (post-treatment), ${arm.toUpperCase()} vs waiting list`,
        instrument: "PSC",
        study_id: "smeets2006",
        estimate_id: `smeets2006-psc-${arm}-wlc`,
        n_ids: [`smeets2006-n-${arm}`, "smeets2006-n-wlc"],
        design: "randomised" as const,
        robTool: "RoB 2" as const,
        improvement: "decrease" as const,
      },
    ]),
  },
  {
    id: "pio",
    label: "IMSR without a control group: SCEDs and cohorts (PIO, option 2)",
    question: "P: as above; I: IMSR; O: change in disability, pain interference and the other outcomes, without a " +
      "comparison group (the patient as own control)",
    source: `the VRA objection's option 2 (${SEED}, lines 365-368; tables 4a, 4b, 4c)`,
    notes: [
      "Effect sizes are standardised changes from baseline whose standardiser the seed does not state; no CIs are " +
      "reported for them.",
      "The SCEDs' data are not in data/evidence (data/sced holds constructed examples only).",
    ],
    rows: [
      {
        kind: "within",
        id: "pio-breugelmans-pdi-post",
        outcome: "Disability, PDI (post-treatment)",
        instrument: "PDI",
        study_id: "breugelmans2024",
        es_id: "breugelmans2024-pdi-es-post",
        resp_id: "breugelmans2024-pdi-resp-post",
        n_id: "breugelmans2024-n",
        design: "uncontrolled",
        robTool: "ROBINS-I v2",
        improvement: "decrease",
      },
      {
        kind: "within",
        id: "pio-breugelmans-pdi-12m",
        outcome: "Disability, PDI (12 months)",
        instrument: "PDI",
        study_id: "breugelmans2024",
        es_id: "breugelmans2024-pdi-es-12m",
        resp_id: "breugelmans2024-pdi-resp-12m",
        n_id: "breugelmans2024-n",
        design: "uncontrolled",
        robTool: "ROBINS-I v2",
        improvement: "decrease",
        note: "n is the cohort's total (2309); the number with 12-month data is not in the seed",
      },
      {
        kind: "within",
        id: "pio-volker-pdi-24m",
        outcome: "Disability, PDI (24 months)",
        instrument: "PDI",
        study_id: "volker2017",
        es_id: "volker2017-es-pdi-24m",
        resp_id: "volker2017-resp-pdi-24m",
        n_id: "volker2017-n-24m",
        design: "uncontrolled",
        robTool: "ROBINS-I v2",
        improvement: "increase",
        note: "the effect size is printed positive while Breugelmans prints PDI improvement as negative: the sign " +
          "convention is not stated in the seed",
      },
      {
        kind: "within",
        id: "pio-nicholas-rdq",
        outcome: "Physical disability, RDQ (post-treatment)",
        instrument: "RMDQ",
        study_id: "nicholas2012",
        es_id: "nicholas2012-es-rdq",
        resp_id: "nicholas2012-responders",
        n_id: "nicholas2012-n",
        design: "uncontrolled",
        robTool: "ROBINS-I v2",
        improvement: "increase",
        note: "the responder denominator is not stated in the seed",
      },
      {
        kind: "review",
        id: "pio-elbers-interference-pre-post",
        outcome: "Pain interference (pre-post), review of cohorts",
        instrument: "RMDQ",
        study_id: "elbers2022",
        smc_id: "interference-pre-post",
        design: "uncontrolled",
        robTool: "ROBINS-I v2",
      },
      {
        kind: "review",
        id: "pio-elbers-interference-pre-fu",
        outcome: "Pain interference (pre-final follow-up), review of cohorts",
        instrument: "RMDQ",
        study_id: "elbers2022",
        smc_id: "interference-pre-fu",
        design: "uncontrolled",
        robTool: "ROBINS-I v2",
      },
      {
        kind: "no-estimate",
        id: "pio-sced-fear",
        outcome: "Single-case experiments (exposure in vivo)",
        instrument: null,
        study_ids: ["dejong2005", "dejong2008", "dejong2021"],
        n_ids: ["dejong2005-n", "dejong2008-n", "dejong2021-n"],
        design: "single-case",
        robTool: "SCED",
        note: "the seed reports the patients (8, 8, 14) but no effect estimate; the randomisation-test results of " +
          "these studies are not in data/evidence",
      },
    ],
  },
];

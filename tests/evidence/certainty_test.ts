/**
 * The toolkit's GRADE-style rules on constructed inputs: the optimal information size of the
 * GRADE handbook, starting levels by design (with the ROBINS-I exception), each domain's
 * suggestion with its numbers, upgrading, overrides recorded next to the suggestions, open
 * judgements giving a range instead of a level, and bad input rejected with the field named.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  assessCertainty,
  type CertaintyInput,
  certaintyInputFromFit,
  certaintyText,
  GRADE_RULES,
  optimalInformationSize,
  RULES_LABEL,
} from "../../lib/evidence/certainty.ts";
import { qnormStd } from "../../lib/evidence/_grade.ts";
import { qnorm } from "../../lib/stats/distributions.ts";
import { ValidationError } from "../../lib/validate.ts";
import { regtest, rma } from "../../lib/meta/mod.ts";

const ALL_DIRECT = { population: "no", intervention: "no", comparator: "no", outcome: "no" } as const;
const MCID5 = { value: 5, unit: "points", source: "constructed", verified: "assumption" };

/** A precise, direct, low-risk single RCT: every domain not serious. */
function base(over: Partial<CertaintyInput> = {}): CertaintyInput {
  return {
    design: "randomised",
    effect: { measure: "MD", estimate: -8, ci_lb: -10, ci_ub: -6, level: 95, improvement: "decrease" },
    mcid: MCID5,
    studies: [{ study_id: "a", weight: null, judgement: "Low" }],
    participants: 400,
    indirectness: ALL_DIRECT,
    ...over,
  };
}

Deno.test("OIS: GRADE handbook, SMD 0.2 at alpha 0.05 and power 0.8 needs about 393 per group", () => {
  const ois = optimalInformationSize({ type: "continuous", smd: 0.2 }, { alpha: 0.05, power: 0.8 });
  assert.equal(ois.per_group, 393);
  assert.equal(ois.total, 786);
  // the unrounded value: 2 (1.959964 + 0.841621)^2 / 0.04 = 392.4
  const exact = 2 * (qnorm(0.975) + qnorm(0.8)) ** 2 / 0.04;
  assert.ok(Math.abs(exact - 392.4) < 0.05 && ois.per_group === Math.ceil(exact));
  assert.equal(optimalInformationSize({ type: "continuous", delta: 5, sd: 10 }).per_group, 63);
  assert.equal(optimalInformationSize({ type: "continuous", smd: 0.5 }, { groups: 1 }).total, 32);
});

Deno.test("OIS: two proportions, 20% vs 15% (a 25% relative reduction) needs 903 per group", () => {
  // (z.975 + z.8)^2 (0.2*0.8 + 0.15*0.85) / 0.05^2 = 7.849 * 0.2875 / 0.0025 = 902.6
  const ois = optimalInformationSize({ type: "dichotomous", p0: 0.2, p1: 0.15 });
  assert.equal(ois.per_group, 903);
  assert.throws(() => optimalInformationSize({ type: "dichotomous", p0: 0.2, p1: 0.2 }), /p1 must differ from p0/);
  assert.throws(() => optimalInformationSize({ type: "continuous", smd: 0 }), /smd must not be 0/);
  assert.throws(
    () => optimalInformationSize({ type: "continuous", smd: 0.2 }, { alpha: 5 }),
    /alpha must be a proportion/,
  );
  assert.throws(() => optimalInformationSize({ type: "continuous", smd: NaN }), ValidationError);
  assert.throws(
    () => optimalInformationSize({ type: "continuous", smd: 1e-200 }),
    /smd is too small: the optimal information size overflows/,
  );
  assert.throws(
    () => optimalInformationSize({ type: "dichotomous", p0: 0.5, p1: 0.5 + 1e-12 }),
    /p1 is too close to p0/,
  );
});

Deno.test("qnormStd (AS 241) agrees with lib/stats qnorm to 1e-12 relative", () => {
  for (const p of [1e-12, 1e-6, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999999]) {
    const a = qnormStd(p), b = qnorm(p);
    assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `p = ${p}: ${a} vs ${b}`);
  }
});

Deno.test("start: randomised High; non-randomised Low, or High with ROBINS-I (reason shown); SCED and PIO Low", () => {
  assert.equal(assessCertainty(base()).start.final, "High");
  assert.equal(assessCertainty(base({ design: "non-randomised" })).start.final, "Low");
  const robins = assessCertainty(base({ design: "non-randomised", robTool: "ROBINS-I v2" })).start;
  assert.equal(robins.final, "High");
  assert.match(robins.reason, /ROBINS-I.*Schünemann/);
  const sced = assessCertainty(base({ design: "single-case", robTool: "SCED" })).start;
  assert.equal(sced.final, "Low");
  assert.match(sced.reason, /assumption/);
  assert.equal(assessCertainty(base({ design: "uncontrolled" })).start.final, "Low");
});

Deno.test("all domains not serious: a randomised body of evidence is High, labelled as the toolkit's rules", () => {
  const c = assessCertainty(base());
  assert.equal(c.certainty, "High");
  assert.deepEqual(c.domains.map((d) => d.final), [
    "not serious",
    "not assessable",
    "not serious",
    "not serious",
    "not assessable",
  ]);
  assert.equal(c.label, RULES_LABEL);
  assert.match(c.label, /not an official GRADE/);
  assert.deepEqual(c.open, []);
  assert.equal(certaintyText(c), "High");
});

Deno.test("risk of bias: weighted shares decide; Not assessed keeps it open; No information counts as a concern", () => {
  const rob = (studies: CertaintyInput["studies"]) => assessCertainty(base({ studies })).domain("risk of bias");
  const w = (j: string, weight: number | null) => ({ study_id: `s${Math.random()}`, weight, judgement: j as "Low" });
  assert.equal(rob([w("Low", 70), w("High", 30)]).suggestion, "serious"); // 30% >= 25% high
  assert.equal(rob([w("Low", 80), w("High", 20)]).suggestion, "not serious");
  assert.equal(rob([w("Low", 40), w("Serious", 60)]).suggestion, "very serious");
  assert.equal(rob([w("Low", 40), w("Critical", 50), w("Low", 10)]).suggestion, "very serious");
  assert.equal(rob([w("Low", 50), w("Some concerns", 50)]).suggestion, "serious");
  assert.equal(rob([w("Low", 60), w("Moderate", 40)]).suggestion, "not serious");
  const ni = rob([w("Low", 40), w("No information", 60)]);
  assert.equal(ni.suggestion, "serious");
  assert.match(ni.reason, /"No information" 60%/);
  const open = rob([w("Low", 90), w("Not assessed", 10)]);
  assert.equal(open.suggestion, "open");
  assert.equal(open.numbers.share_not_assessed, 0.1);
  // equal weights when none are given: 1 of 3 studies high = 33%
  const eq = rob([w("Low", null), w("Low", null), w("High", null)]);
  assert.equal(eq.suggestion, "serious");
  assert.equal(eq.numbers.weighting, "equal");
  assert.ok(Math.abs((eq.numbers.share_high as number) - 1 / 3) < 1e-12);
});

Deno.test("inconsistency: from I², tau and the prediction interval; a single study is not assessable", () => {
  const inc = (heterogeneity: CertaintyInput["heterogeneity"]) =>
    assessCertainty(base({ heterogeneity })).domain("inconsistency");
  assert.equal(inc(null).suggestion, "not assessable");
  assert.equal(inc({ k: 1, I2: null }).suggestion, "not assessable");
  assert.equal(inc({ k: 6, I2: 30, tau: 1, spread_lb: -12, spread_ub: 2 }).suggestion, "not serious");
  const s = inc({ k: 6, I2: 60, tau: 3, spread_lb: -15, spread_ub: 1 });
  assert.equal(s.suggestion, "serious");
  assert.equal(s.numbers.I2, 60);
  assert.equal(s.numbers.tau, 3);
  assert.match(s.reason, /I² = 60%, τ = 3, prediction interval -15 to 1/);
  assert.equal(inc({ k: 6, I2: 80, tau: 5, spread_lb: -20, spread_ub: 4 }).suggestion, "very serious");
  assert.equal(inc({ k: 6, I2: 80, tau: 2, spread_lb: -14, spread_ub: -2 }).suggestion, "not serious");
  assert.equal(inc({ k: 6, I2: 80 }).suggestion, "serious"); // no spread to check the direction
  assert.equal(inc({ k: 6, I2: null }).suggestion, "open");
  const range = inc({ k: 44, I2: 96, spread_lb: 2, spread_ub: -1, spread: "range of study estimates" });
  assert.equal(range.suggestion, "very serious");
  assert.match(range.reason, /range of study estimates/);
});

Deno.test("imprecision: the CI against the MCID (both directions) and the optimal information size", () => {
  const imp = (effect: Partial<CertaintyInput["effect"]>, over: Partial<CertaintyInput> = {}) =>
    assessCertainty(base({ effect: { ...base().effect, ...effect }, ...over })).domain("imprecision");
  // CI beyond the MCID in the direction of benefit: not serious
  assert.equal(imp({}).suggestion, "not serious");
  // crosses the MCID: includes important and unimportant benefit
  assert.equal(imp({ estimate: -5, ci_lb: -7, ci_ub: -3 }).suggestion, "serious");
  // includes no effect and an important benefit: serious
  assert.equal(imp({ estimate: -3, ci_lb: -6, ci_ub: 0.5 }).suggestion, "serious");
  // includes important benefit and important harm: very serious
  const vs = imp({ estimate: 0, ci_lb: -7, ci_ub: 6 });
  assert.equal(vs.suggestion, "very serious");
  assert.match(vs.reason, /important benefit and an important harm/);
  // within ± MCID around no effect: precise about "no important effect"
  assert.equal(imp({ estimate: 0, ci_lb: -2, ci_ub: 2 }).suggestion, "not serious");
  // precise but fewer participants than the OIS
  const ois = optimalInformationSize({ type: "continuous", smd: 0.2 });
  const few = imp({}, { ois, participants: 300 });
  assert.equal(few.suggestion, "serious");
  assert.equal(few.numbers.ois_total, 786);
  assert.match(few.reason, /300 participants are fewer than the optimal information size 786/);
  assert.equal(imp({}, { ois, participants: 800 }).suggestion, "not serious");
  assert.equal(imp({}, { ois, participants: null }).suggestion, "open");
  // no CI reported: open
  assert.equal(imp({ ci_lb: null, ci_ub: null }).suggestion, "open");
  // no MCID: judged against no effect only, said so
  const noMcid = imp({ estimate: -3, ci_lb: -6, ci_ub: 0.5 }, { mcid: null });
  assert.equal(noMcid.suggestion, "serious");
  assert.match(noMcid.reason, /no MCID recorded/);
  assert.equal(imp({ estimate: -3, ci_lb: -6, ci_ub: -0.5 }, { mcid: null }).suggestion, "not serious");
  // the MCID's source and verification status are in the numbers
  assert.equal(imp({}).numbers.mcid_source, "constructed (assumption)");
});

Deno.test("imprecision on a ratio: GRADE handbook RR 0.80 (0.70 to 0.92) crosses a 25% relative reduction", () => {
  const c = assessCertainty(base({
    effect: { measure: "RR", estimate: 0.8, ci_lb: 0.7, ci_ub: 0.92, level: 0.95, improvement: "decrease" },
    mcid: null,
  }));
  const d = c.domain("imprecision");
  assert.equal(d.suggestion, "serious");
  assert.match(d.reason, /relative change of 25% \(GRADE's default/);
  assert.equal(d.numbers.level, 95); // a proportion level is read as percent
  assert.equal(GRADE_RULES.ratio_default_threshold, 0.25);
});

Deno.test("indirectness: declared per PICO element; not judged stays open", () => {
  const ind = (indirectness: CertaintyInput["indirectness"]) =>
    assessCertainty(base({ indirectness })).domain("indirectness");
  assert.equal(ind(ALL_DIRECT).suggestion, "not serious");
  const one = ind({ ...ALL_DIRECT, comparator: "serious", note: "waiting list instead of usual care" });
  assert.equal(one.suggestion, "serious");
  assert.match(one.reason, /comparator.*waiting list instead of usual care/);
  assert.equal(ind({ ...ALL_DIRECT, population: "serious", outcome: "serious" }).suggestion, "very serious");
  assert.equal(ind({ ...ALL_DIRECT, population: "very serious" }).suggestion, "very serious");
  const open = ind({ population: "no" });
  assert.equal(open.suggestion, "open");
  assert.match(open.reason, /not judged yet: intervention, comparator, outcome/);
  assert.equal(ind(undefined).numbers.comparator, "not judged");
});

Deno.test("publication bias: only from k >= 10, from Egger's test", () => {
  const pb = (publicationBias: CertaintyInput["publicationBias"]) =>
    assessCertainty(base({ publicationBias })).domain("publication bias");
  const small = pb({ k: 9, egger_pval: 0.001 });
  assert.equal(small.suggestion, "not assessable");
  assert.match(small.reason, /k = 9 < 10/);
  assert.equal(pb({ k: 10 }).suggestion, "open");
  assert.equal(pb({ k: 12, egger_pval: 0.03 }).suggestion, "serious");
  assert.equal(pb({ k: 12, egger_pval: 0.4 }).suggestion, "not serious");
});

Deno.test("upgrading: a large risk ratio rates up non-randomised evidence without downgrades only", () => {
  const rr = (estimate: number, lb: number, ub: number, over: Partial<CertaintyInput> = {}) =>
    assessCertainty(base({
      design: "non-randomised",
      effect: { measure: "RR", estimate, ci_lb: lb, ci_ub: ub, level: 95, improvement: "decrease" },
      mcid: null,
      participants: 5000,
      ...over,
    }));
  const large = rr(0.3, 0.2, 0.45);
  assert.equal(large.upgrades[0].suggestion, 1);
  assert.equal(large.upgrade_applied, 1);
  assert.equal(large.certainty, "Moderate");
  assert.equal(rr(0.15, 0.1, 0.19).upgrades[0].suggestion, 2);
  assert.equal(rr(0.15, 0.1, 0.19).certainty, "High");
  assert.equal(rr(0.7, 0.6, 0.8).upgrades[0].suggestion, 0);
  // with a downgrade the upgrade is suggested but not applied
  const down = rr(0.3, 0.2, 0.45, { studies: [{ study_id: "a", weight: null, judgement: "High" }] });
  assert.equal(down.upgrades[0].suggestion, 1);
  assert.equal(down.upgrade_applied, 0);
  assert.equal(down.certainty, "Very low");
  // declared dose-response (a reason is required)
  const dose = assessCertainty(base({
    design: "non-randomised",
    declared: { "dose-response": { present: true, reason: "more contact hours, larger change (4c subgroups)" } },
  }));
  assert.equal(dose.upgrades[1].final, 1);
  assert.equal(dose.certainty, "Moderate");
  assert.throws(
    () => assessCertainty(base({ declared: { "dose-response": { present: true, reason: " " } } })),
    /declared\.dose-response\.reason must give a reason/,
  );
  // a randomised body of evidence is not rated up
  const rct = assessCertainty(base({
    effect: { measure: "RR", estimate: 0.15, ci_lb: 0.1, ci_ub: 0.19, level: 95, improvement: "decrease" },
    mcid: null,
  }));
  assert.equal(rct.upgrade_applied, 0);
  assert.equal(rct.certainty, "High");
});

Deno.test("overrides: recorded with reason and author, the suggestion kept next to them, both in the footnotes", () => {
  const input = base({ studies: [{ study_id: "a", weight: null, judgement: "Not assessed" }] });
  const open = assessCertainty(input);
  assert.equal(open.certainty, null);
  assert.deepEqual(open.open, ["risk of bias"]);
  assert.deepEqual(open.range, { best: "High", worst: "Low" });
  assert.equal(certaintyText(open), "not determined (open: risk of bias; between Low and High)");
  const settled = assessCertainty(base({
    design: "uncontrolled",
    studies: [{ study_id: "a", weight: null, judgement: "Not assessed" }],
    heterogeneity: { k: 5, I2: 90, spread_lb: -12, spread_ub: 3 },
  }));
  assert.equal(settled.certainty, null);
  assert.equal(certaintyText(settled), "Very low whatever the open judgements (open: risk of bias)");
  const decided = assessCertainty({
    ...input,
    overrides: {
      domains: {
        "risk of bias": { rating: "serious", reason: "no blinding of a self-reported outcome", by: "committee 2026" },
        "imprecision": { rating: "serious", reason: "a single small trial" },
      },
    },
  });
  const rob = decided.domain("risk of bias");
  assert.equal(rob.suggestion, "open");
  assert.equal(rob.final, "serious");
  assert.equal(rob.override?.by, "committee 2026");
  const imp = decided.domain("imprecision");
  assert.equal(imp.suggestion, "not serious");
  assert.equal(imp.final, "serious");
  assert.equal(decided.certainty, "Low");
  assert.ok(
    decided.footnotes.some((f) =>
      /^Risk of bias: serious by decision \(no blinding of a self-reported outcome; committee 2026\); the rule suggests open/
        .test(f)
    ),
  );
  assert.ok(
    decided.footnotes.some((f) => /^Imprecision: serious by decision .* the rule suggests not serious/.test(f)),
  );
  // a start override
  const start = assessCertainty(base({
    design: "single-case",
    overrides: {
      start: { level: "High", reason: "randomised phase starts: the committee treats SCEDs as randomised" },
    },
  }));
  assert.equal(start.start.suggestion, "Low");
  assert.equal(start.start.final, "High");
  assert.equal(start.certainty, "High");
  assert.match(start.footnotes[0], /Starting level: High by decision .* the rule suggests Low/);
  // an upgrade override
  const up = assessCertainty(base({
    design: "non-randomised",
    overrides: { upgrades: { "plausible confounding": { levels: 1, reason: "confounding would reduce the effect" } } },
  }));
  assert.equal(up.upgrades[2].suggestion, 0);
  assert.equal(up.upgrades[2].final, 1);
  assert.equal(up.certainty, "Moderate");
});

Deno.test("an override without a reason is refused", () => {
  assert.throws(
    () =>
      assessCertainty(base({
        overrides: { domains: { "inconsistency": { rating: "serious", reason: "" } } },
      })),
    /assessCertainty: overrides\.domains\.inconsistency\.reason must give a reason/,
  );
  assert.throws(
    () => assessCertainty(base({ overrides: { start: { level: "Low", reason: "  " } } })),
    /overrides\.start\.reason must give a reason/,
  );
});

const badInputs: { name: string; input: () => CertaintyInput; expect: RegExp }[] = [
  {
    name: "a CI upside down",
    input: () => base({ effect: { ...base().effect, ci_lb: -6, ci_ub: -10 } }),
    expect: /effect\.ci_ub must be >= ci_lb/,
  },
  {
    name: "only one CI bound",
    input: () => base({ effect: { ...base().effect, ci_lb: -6, ci_ub: null } }),
    expect: /ci_lb and ci_ub must be given together/,
  },
  {
    name: "a NaN estimate",
    input: () => base({ effect: { ...base().effect, estimate: NaN } }),
    expect: /effect\.estimate must be a number/,
  },
  {
    name: "a negative risk ratio",
    input: () => base({ effect: { measure: "RR", estimate: -0.8, improvement: "decrease" } }),
    expect: /effect\.estimate must be > 0 for a ratio measure/,
  },
  {
    name: "a risk ratio CI bound of 0",
    input: () => base({ effect: { measure: "RR", estimate: 0.8, ci_lb: 0, ci_ub: 1.2, improvement: "decrease" } }),
    expect: /effect\.ci_lb must be > 0 for a ratio measure/,
  },
  {
    name: "a ratio prediction interval through 0",
    input: () =>
      base({
        effect: { measure: "RR", estimate: 0.8, ci_lb: 0.7, ci_ub: 0.9, improvement: "decrease" },
        heterogeneity: { k: 4, I2: 60, spread_lb: -0.1, spread_ub: 1.5 },
      }),
    expect: /heterogeneity\.spread_lb must be > 0 for a ratio measure, got -0\.1/,
  },
  {
    name: "I² above 100",
    input: () => base({ heterogeneity: { k: 5, I2: 150 } }),
    expect: /heterogeneity\.I2 must be <= 100, got 150/,
  },
  {
    name: "an unknown design",
    input: () => base({ design: "cohort" as "randomised" }),
    expect: /design must be one of/,
  },
  {
    name: "a negative weight",
    input: () => base({ studies: [{ study_id: "a", weight: -1, judgement: "Low" }] }),
    expect: /studies\[0\]\.weight must be >= 0/,
  },
  {
    name: "an unknown risk-of-bias level",
    input: () => base({ studies: [{ study_id: "a", weight: null, judgement: "Medium" as "Low" }] }),
    expect: /studies\[0\]\.judgement must be one of "Low"/,
  },
  {
    name: "an MCID of 0",
    input: () => base({ mcid: { ...MCID5, value: 0 } }),
    expect: /mcid\.value must be > 0/,
  },
  {
    name: "an unknown indirectness level",
    input: () => base({ indirectness: { population: "maybe" as "no" } }),
    expect: /indirectness\.population must be one of/,
  },
  {
    name: "a level of 100",
    input: () => base({ effect: { ...base().effect, level: 100 } }),
    expect: /effect\.level must be a percentage/,
  },
];

for (const c of badInputs) {
  Deno.test(`assessCertainty rejects ${c.name} naming the field`, () => {
    assert.throws(() => assessCertainty(c.input()), (e: unknown) => {
      assert.ok(e instanceof ValidationError, String(e));
      assert.match((e as Error).message, c.expect);
      return true;
    });
  });
}

Deno.test("no NaN or Infinity anywhere in a result (JSON of every domain's numbers)", () => {
  const c = assessCertainty(base({
    heterogeneity: { k: 12, I2: 70, tau: 2, spread_lb: -14, spread_ub: 1 },
    publicationBias: { k: 12, egger_pval: 0.2 },
    ois: optimalInformationSize({ type: "continuous", smd: 0.3 }),
  }));
  const json = JSON.stringify(c);
  assert.ok(!/NaN|Infinity/.test(json));
  assert.equal(JSON.parse(json).certainty, "Moderate");
});

Deno.test("certaintyInputFromFit: I², τ, the prediction interval, weights and k come from an rma() fit", () => {
  const yi = [-6, -4.5, -8, -3, -7.5, -5, -2, -9, -4, -6.5, -5.5, -3.5];
  const vi = [2, 1.5, 3, 1, 2.5, 1.2, 0.8, 4, 1.1, 2.2, 1.8, 0.9];
  const slab = yi.map((_, i) => `s${i + 1}`);
  const fit = rma({ yi, vi, slab });
  const egger = regtest(fit).pval;
  const judgements = Object.fromEntries(slab.map((s, i) => [s, i < 3 ? "High" as const : "Low" as const]));
  const input = certaintyInputFromFit(fit, {
    measure: "MD",
    improvement: "decrease",
    design: "randomised",
    judgements,
    mcid: MCID5,
    egger_pval: egger,
    indirectness: ALL_DIRECT,
  });
  const c = assessCertainty(input);
  const inc = c.domain("inconsistency");
  assert.equal(inc.numbers.I2, fit.I2);
  assert.equal(inc.numbers.tau, fit.tau);
  assert.equal(inc.numbers.spread_lb, fit.pi_lb);
  assert.equal(inc.numbers.k, 12);
  const rob = c.domain("risk of bias");
  const high = fit.weights.slice(0, 3).reduce((a, b) => a + b, 0) / 100;
  assert.ok(Math.abs((rob.numbers.share_high as number) - high) < 1e-12);
  assert.equal(rob.numbers.weighting, "study weight");
  const pb = c.domain("publication bias");
  assert.equal(pb.numbers.egger_pval, egger);
  assert.notEqual(pb.suggestion, "not assessable");
  assert.equal(input.effect.estimate, fit.beta);
});

Deno.test("certaintyInputFromFit: a log risk ratio fit is back-transformed; a fit without weights is refused", () => {
  const fit = rma({
    yi: [Math.log(0.3), Math.log(0.35), Math.log(0.4)],
    vi: [0.02, 0.03, 0.025],
    slab: ["a", "b", "c"],
  });
  const input = certaintyInputFromFit(fit, {
    measure: "RR",
    improvement: "decrease",
    design: "non-randomised",
    judgements: { a: "Low", b: "Low", c: "Low" },
  });
  assert.ok(Math.abs(input.effect.estimate - Math.exp(fit.beta)) < 1e-12);
  assert.ok(Math.abs(input.heterogeneity!.spread_ub! - Math.exp(fit.pi_ub)) < 1e-12);
  const c = assessCertainty({ ...input, indirectness: ALL_DIRECT });
  assert.equal(c.upgrades[0].suggestion, 1); // RR about 0.35: large effect
  assert.throws(
    () =>
      certaintyInputFromFit({ ...fit, weights: [1] }, {
        measure: "RR",
        improvement: "decrease",
        design: "randomised",
        judgements: {},
      }),
    /certaintyInputFromFit: fit\.weights must have one weight per study label/,
  );
});

Deno.test("property: random (also malformed) inputs give a ValidationError or a result without NaN, never a crash", () => {
  // mostly well-formed values, sometimes malformed ones
  const maybe = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
  const badNum = fc.constantFrom(NaN, Infinity, -Infinity, 1e300, null, "1");
  const num = maybe(fc.double({ min: -50, max: 50, noNaN: true }), badNum);
  const pos = maybe(fc.double({ min: 0.01, max: 50, noNaN: true }), badNum);
  const input = fc.record({
    design: maybe(fc.constantFrom("randomised", "non-randomised", "single-case", "uncontrolled"), fc.constant("rct")),
    effect: fc.record({
      measure: maybe(fc.constantFrom("MD", "SMD", "SMC", "RD"), fc.constant("XX")),
      estimate: num,
      ci_lb: maybe(fc.constant(null), num),
      ci_ub: maybe(fc.constant(null), num),
      level: maybe(fc.constantFrom(95, 0.9), fc.constantFrom(100, -1)),
      improvement: fc.constantFrom("increase", "decrease"),
    }),
    mcid: fc.option(
      fc.record({ value: pos, unit: fc.constant("points"), source: fc.constant("x"), verified: fc.constant("seed") }),
    ),
    studies: fc.array(
      fc.record({
        study_id: fc.constant("s"),
        weight: fc.option(pos),
        judgement: maybe(
          fc.constantFrom("Low", "High", "Not assessed", "No information", "Critical"),
          fc.constant("Nope"),
        ),
      }),
      { maxLength: 4 },
    ),
    heterogeneity: fc.option(fc.record({
      k: maybe(fc.integer({ min: 0, max: 30 }), fc.constant(-1)),
      I2: fc.option(maybe(fc.double({ min: 0, max: 100, noNaN: true }), badNum)),
      spread_lb: fc.option(num),
      spread_ub: fc.option(num),
    })),
    participants: fc.option(maybe(fc.integer({ min: 0, max: 5000 }), fc.constant(-5))),
    publicationBias: fc.option(fc.record({
      k: fc.integer({ min: 0, max: 30 }),
      egger_pval: fc.option(maybe(fc.double({ min: 0, max: 1, noNaN: true }), badNum)),
    })),
  });
  let valid = 0;
  fc.assert(
    fc.property(input, (raw) => {
      try {
        const c = assessCertainty(raw as unknown as CertaintyInput);
        valid++;
        assert.ok(!/NaN|Infinity/.test(JSON.stringify(c)));
        assert.ok(c.certainty === null || ["High", "Moderate", "Low", "Very low"].includes(c.certainty));
        assert.ok(c.footnotes.every((f) => !/NaN|undefined/.test(f)), c.footnotes.join(" | "));
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
      }
    }),
    { seed: 42, numRuns: 200 },
  );
  assert.ok(valid >= 20, `only ${valid} of 200 random inputs were valid: the property tests little`);
});

/**
 * Summary-of-findings tables: the GRADE handbook's absolute effect of RR 0.80 (0.70 to 0.92) at
 * 200 per 1,000, NNTs with Altman's intervals, the dispute's four comparisons built from
 * data/evidence with every number traced to its file row and seed line, open judgements left
 * open (certainty not determined, with its range), committee decisions changing the certainty,
 * MCIDs shown with source and verification status, and the four export formats.
 */
import assert from "node:assert/strict";
import { readSeedFiles, repoPath } from "../helpers.ts";
import { readCsv } from "../../lib/io/csv.ts";
import { loadRob, robTemplate, seedStudyIds, setRobJudgement } from "../../lib/evidence/rob.ts";
import {
  absoluteFromRatio,
  buildSeedSof,
  decisionFromChoices,
  formatSof,
  KEEP_SUGGESTION,
  numberNeededToTreat,
  riskRatioFromProportions,
  type SeedFiles,
  SOF_COMPARISON_IDS,
  sofRecords,
  type SofRow,
} from "../../lib/evidence/sof.ts";
import { ValidationError } from "../../lib/validate.ts";

const read = (p: string) => Deno.readTextFileSync(repoPath(p));
const files: SeedFiles = readSeedFiles();
const studies = seedStudyIds(files.studies);
const seedRob = loadRob(read("data/evidence/rob.csv"), { name: "rob.csv", studies });
const illustrative = loadRob(read("data/evidence/rob-illustrative.csv"), { name: "rob-illustrative.csv", studies });
const estimates = readCsv(files.estimates).rows;
const rowsOf = (t: ReturnType<typeof buildSeedSof>): SofRow[] => t.comparisons.flatMap((c) => c.rows);

Deno.test("GRADE handbook: RR 0.80 (0.70 to 0.92) at 200 per 1,000 is 40 fewer per 1,000 (60 fewer to 16 fewer)", () => {
  const a = absoluteFromRatio({ estimate: 0.8, ci_lb: 0.7, ci_ub: 0.92 }, 0.2);
  assert.deepEqual([a.estimate, a.ci_lb, a.ci_ub], [-40, -60, -16]);
  assert.equal(a.text, "40 fewer per 1,000 (from 60 fewer to 16 fewer)");
  const b = absoluteFromRatio({ estimate: 1.25, ci_lb: 0.9, ci_ub: 1.6 }, 0.4);
  assert.equal(b.text, "100 more per 1,000 (from 40 fewer to 240 more)");
  assert.throws(
    () => absoluteFromRatio({ estimate: 0.8, ci_lb: 0.7, ci_ub: 0.92 }, 200),
    /controlRisk must be a proportion/,
  );
  assert.throws(() => absoluteFromRatio({ estimate: 0, ci_lb: 0.7, ci_ub: 0.92 }, 0.2), /ratio\.estimate must be > 0/);
  assert.throws(() => absoluteFromRatio({ estimate: 0.8, ci_lb: 0.95, ci_ub: 0.92 }, 0.2), /ci_ub must be >= ci_lb/);
});

Deno.test("NNT: 1/|RD| rounded up, Altman's interval through infinity when the CI includes 0", () => {
  assert.equal(numberNeededToTreat({ estimate: 0.1, ci_lb: 0.05, ci_ub: 0.15 }, "increase").text, "NNTB 10 (7 to 20)");
  assert.equal(
    numberNeededToTreat({ estimate: -0.04, ci_lb: -0.06, ci_ub: -0.016 }, "decrease").text,
    "NNTB 25 (17 to 63)",
  );
  const span = numberNeededToTreat({ estimate: 0.1, ci_lb: -0.05, ci_ub: 0.25 }, "increase");
  assert.equal(span.kind, "NNTB");
  assert.equal(span.text, "NNTB 10 (NNTH 20 to ∞ to NNTB 4)");
  assert.equal(numberNeededToTreat({ estimate: -0.1, ci_lb: -0.2, ci_ub: 0.05 }, "increase").kind, "NNTH");
  assert.equal(numberNeededToTreat({ estimate: 0, ci_lb: -0.1, ci_ub: 0.1 }, "increase").nnt, null);
  assert.throws(
    () => numberNeededToTreat({ estimate: 2, ci_lb: 0, ci_ub: 3 }, "increase"),
    /rd\.estimate must be a risk difference/,
  );
});

Deno.test("riskRatioFromProportions: Katz's log interval", () => {
  const rr = riskRatioFromProportions(0.3, 100, 0.5, 100);
  const se = Math.sqrt(0.7 / 30 + 0.5 / 50);
  assert.ok(Math.abs(rr.estimate - 0.6) < 1e-12);
  assert.ok(Math.abs(rr.ci_lb - 0.6 * Math.exp(-1.959963984540054 * se)) < 1e-12);
  assert.ok(Math.abs(rr.ci_ub - 0.6 * Math.exp(1.959963984540054 * se)) < 1e-12);
  assert.equal(riskRatioFromProportions(0.3, 100, 0.5, 100, { level: 0.9 }).level, 90);
  assert.throws(() => riskRatioFromProportions(0, 10, 0.5, 10), /p1 must be a proportion/);
});

Deno.test("seed: the four comparisons of the dispute, with the committee's judgements left open", () => {
  const t = buildSeedSof(files, { judgements: seedRob.judgements });
  assert.deepEqual(t.comparisons.map((c) => c.id), ["primary-care", "usual-imsr", "waiting-list", "pio"]);
  assert.deepEqual([...SOF_COMPARISON_IDS], t.comparisons.map((c) => c.id));
  assert.equal(t.illustrative, false);
  assert.match(t.label, /not an official GRADE/);
  for (const r of rowsOf(t)) {
    if (!r.certainty) continue;
    assert.equal(r.certainty.certainty, null, `${r.id}: certainty must stay open`);
    assert.ok(r.certainty.open.includes("risk of bias") && r.certainty.open.includes("indirectness"), r.id);
    assert.match(
      r.certainty_text,
      /^not determined \(open: risk of bias, indirectness|^⨁◯◯◯ Very low whatever the open judgements \(open: risk of bias, indirectness/,
    );
    assert.ok(r.footnotes.some((f) => /Risk of bias: open/.test(f)));
  }
  // continued primary care: no study result in the data, nothing invented
  const pc = t.comparisons[0].rows[0];
  assert.equal(pc.absolute, null);
  assert.equal(pc.certainty, null);
  assert.equal(pc.absolute_text, "no effect estimate in data/evidence");
  // SCEDs: participants from the data, no effect invented
  const sced = rowsOf(t).find((r) => r.id === "pio-sced-fear")!;
  assert.equal(sced.participants, 30);
  assert.equal(sced.absolute, null);
});

Deno.test("seed: every effect equals its row in estimates.csv, and every source names that row and seed line", () => {
  const t = buildSeedSof(files, { judgements: seedRob.judgements });
  const md = rowsOf(t).filter((r) => r.absolute?.measure === "MD");
  assert.equal(md.length, 7);
  for (const r of md) {
    const src = r.sources.find((s) => s.cell === "absolute")!.source;
    const m = /^data\/evidence\/estimates\.csv row (\d+) \(id ([\w-]+); seed (\S+) line (\d+)\)$/.exec(src);
    assert.ok(m, src);
    const row = estimates[Number(m[1]) - 1];
    assert.equal(row.id, m[2]);
    assert.equal(row.seed_line, m[4]);
    assert.equal(r.absolute!.estimate, Number(row.value));
    assert.equal(r.absolute!.ci_lb, row.lower === "" ? null : Number(row.lower));
    assert.equal(r.absolute!.ci_ub, row.upper === "" ? null : Number(row.upper));
  }
  const ct = rowsOf(t).find((r) => r.id === "waiting-list-rdq-ct")!;
  assert.equal(ct.absolute_text, "MD 2.56 points lower (4.27 lower to 0.85 lower)");
  assert.equal(ct.participants, 61 + 50);
  assert.equal(ct.participants_text, "111 (1 RCT)");
  assert.match(
    ct.sources.filter((s) => s.cell === "participants").map((s) => s.source).join(),
    /smeets2006-n-ct.*line 874.*smeets2006-n-wlc.*line 945/,
  );
});

Deno.test("seed: Leeuw 2008 responders, relative and absolute effects from the printed percentages, group sizes labelled as an assumption", () => {
  const t = buildSeedSof(files, { judgements: seedRob.judgements, comparisons: ["usual-imsr"] });
  const r = t.comparisons[0].rows.find((x) => x.id === "usual-imsr-psk-post")!;
  assert.ok(Math.abs(r.relative!.estimate - 51 / 58) < 1e-12);
  assert.equal(r.control_text, "580 responders per 1,000");
  // 1000 x 0.58 x (51/58 - 1) = -70
  assert.equal(r.absolute!.estimate, -70);
  assert.match(r.absolute_text, /^70 fewer responders per 1,000 \(from \d+ fewer to \d+ more\)$/);
  assert.match(r.nnt_text, /^NNTH 15 \(NNTH \d+ to ∞ to NNTB \d+\)$/);
  assert.ok(r.footnotes.some((f) => /Group sizes 42 and 43 are an assumption/.test(f)));
  assert.match(r.sources.find((s) => s.cell === "relative")!.source, /assumptions\.csv row 1 .*\(ASSUMPTION\)/);
});

Deno.test("seed: every MCID comes from data/instruments.csv with its source and verification status", () => {
  const t = buildSeedSof(files, { judgements: seedRob.judgements });
  const instruments = readCsv(files.instruments).rows;
  for (const r of rowsOf(t)) {
    if (r.instrument === null) {
      assert.equal(r.mcid, null);
      continue;
    }
    const row = instruments.find((x) => x.instrument === r.instrument)!;
    if (row.mcid === "") {
      assert.equal(r.mcid, null);
      assert.match(r.mcid_text, /no MCID recorded/);
    } else {
      assert.equal(r.mcid!.value, Number(row.mcid));
      assert.equal(r.mcid!.source, row.mcid_citation);
      assert.equal(r.mcid!.verified, row.verified);
      if (row.verified === "recalled") assert.match(r.mcid_text, /unverified/);
      assert.ok(r.sources.some((s) => s.cell === "mcid" && s.source.includes("data/instruments.csv")));
    }
  }
  const pdi = rowsOf(t).find((r) => r.id === "pio-breugelmans-pdi-post")!;
  assert.equal(pdi.mcid!.value, 8.5);
  assert.match(pdi.mcid_text, /PDI MCID 8\.5 points .*unverified/);
});

Deno.test("seed: the Elbers review row takes I² and the range of SMCs from smc_review.csv; k >= 10 leaves publication bias open", () => {
  const t = buildSeedSof(files, { judgements: seedRob.judgements, comparisons: ["pio"] });
  const r = t.comparisons[0].rows.find((x) => x.id === "pio-elbers-interference-pre-post")!;
  const c = r.certainty!;
  const inc = c.domain("inconsistency");
  assert.equal(inc.numbers.I2, 96.14);
  assert.equal(inc.numbers.k, 44);
  assert.equal(inc.suggestion, "very serious"); // range -0.21 to 1.98 includes both directions
  assert.equal(c.domain("publication bias").suggestion, "open");
  assert.equal(c.start.final, "Low");
  assert.equal(r.studies, 44);
  // starts Low and inconsistency is very serious: Very low whatever the open judgements
  assert.equal(
    r.certainty_text,
    "⨁◯◯◯ Very low whatever the open judgements (open: risk of bias, indirectness, imprecision, publication bias)",
  );
  assert.match(
    r.absolute_text,
    /^median SMC 0\.67 \(range -0\.21 to 1\.98\); re-expressed by the review: 4\.91 RMDQ points$/,
  );
});

Deno.test("decisions: judging risk of bias and indirectness determines the certainty, with the decisions in the footnotes", () => {
  let js = robTemplate("smeets2006", "RoB 2");
  js = setRobJudgement(js, {
    study_id: "smeets2006",
    outcome: "all",
    domain: "Overall",
    judgement: "Some concerns",
    assessor: "test committee",
  });
  const direct = { population: "no", intervention: "no", comparator: "no", outcome: "no" } as const;
  const t = buildSeedSof(files, {
    judgements: js,
    comparisons: ["waiting-list"],
    decisions: {
      "waiting-list-rdq-ct": {
        indirectness: { ...direct, comparator: "serious", note: "a waiting list, not usual care" },
      },
      "waiting-list-psc-ct": {
        indirectness: direct,
        overrides: {
          domains: { "risk of bias": { rating: "not serious", reason: "outcome assessed blind", by: "x" } },
        },
      },
    },
  });
  const rdq = t.comparisons[0].rows.find((r) => r.id === "waiting-list-rdq-ct")!;
  // High - 1 (some concerns on all the weight) - 1 (comparator) = Low
  assert.equal(rdq.certainty!.certainty, "Low");
  assert.equal(rdq.certainty_text, "⨁⨁◯◯ Low");
  const psc = t.comparisons[0].rows.find((r) => r.id === "waiting-list-psc-ct")!;
  // no MCID for PSC: the CI excludes 0, so not serious; risk of bias overridden to not serious: High
  assert.equal(psc.certainty!.certainty, "High");
  assert.ok(
    psc.footnotes.some((f) =>
      /Risk of bias: not serious by decision \(outcome assessed blind; x\); the rule suggests serious/.test(f)
    ),
  );
  // rows without decisions stay open on indirectness
  const apt = t.comparisons[0].rows.find((r) => r.id === "waiting-list-rdq-apt")!;
  assert.deepEqual(apt.certainty!.open, ["indirectness"]);
});

Deno.test("decisions: an SD for the optimal information size makes imprecision check it", () => {
  const t = buildSeedSof(files, {
    judgements: seedRob.judgements,
    comparisons: ["waiting-list"],
    outcome: "RDQ",
    decisions: { "waiting-list-rdq-ct": { ois_sd: 3.92 } },
  });
  const r = t.comparisons[0].rows.find((x) => x.id === "waiting-list-rdq-ct")!;
  const imp = r.certainty!.domain("imprecision");
  // OIS for 5 points with SD 3.92: d = 1.28, 2 x 7.85 / 1.63 = 9.6 -> 10 per group; 111 participants reach it
  assert.equal(imp.numbers.ois_total, 20);
  assert.equal(imp.suggestion, "not serious");
  assert.match(imp.reason, /111 participants reach the optimal information size 20/);
});

Deno.test("illustrative judgements: the table and every format say ILLUSTRATIVE", () => {
  const t = buildSeedSof(files, { judgements: illustrative.judgements, judgements_file: "rob-illustrative.csv" });
  assert.equal(t.illustrative, true);
  for (const f of ["html", "md", "csv", "json"] as const) assert.match(formatSof(t, f), /ILLUSTRATIVE/, f);
  const r = rowsOf(t).find((x) => x.id === "waiting-list-rdq-ct")!;
  assert.equal(r.illustrative, true);
  assert.equal(r.footnotes[0], "ILLUSTRATIVE risk-of-bias judgements were used: not a real assessment.");
  assert.match(
    r.sources.find((s) => s.cell === "risk of bias")!.source,
    /^rob-illustrative\.csv row \d+ .*ILLUSTRATIVE/,
  );
  // a study without an illustrative judgement is not labelled
  assert.equal(rowsOf(t).find((x) => x.id === "pio-nicholas-rdq")!.illustrative, false);
});

Deno.test("formats: CSV has one record per row, JSON round-trips without NaN, Markdown and HTML carry table, footnotes and sources", () => {
  const t = buildSeedSof(files, { judgements: seedRob.judgements });
  const n = rowsOf(t).length;
  const csv = readCsv(formatSof(t, "csv"));
  assert.equal(csv.rows.length, n);
  assert.deepEqual(csv.rows.map((r) => r.id), sofRecords(t).map((r) => r.id));
  assert.ok(csv.rows.every((r) => r.sources !== "" || r.id === "primary-care-disability"));
  const json = formatSof(t, "json");
  assert.ok(!/NaN|Infinity/.test(json));
  assert.equal(JSON.parse(json).comparisons.length, 4);
  const md = formatSof(t, "md");
  assert.match(md, /\| Outcome \| Risk with the comparator \| Risk difference with the intervention \(95% CI\) \|/);
  assert.match(md, /^1\. Risk of bias: open/m);
  assert.match(md, /waiting-list-rdq-ct, absolute: data\/evidence\/estimates\.csv row \d+/);
  const html = formatSof(t, "html");
  assert.match(html, /^<!doctype html>/);
  assert.equal((html.match(/<tr data-row=/g) ?? []).length, n);
  assert.match(html, /<sup>\d+(,\d+)*<\/sup>/);
  assert.ok(!/<script/i.test(html));
  assert.throws(() => formatSof(t, "xml" as "md"), /formatSof: format must be one of/);
});

Deno.test("filters: a comparison and an outcome; unknown ones are refused", () => {
  const t = buildSeedSof(files, { judgements: seedRob.judgements, comparisons: ["pio"], outcome: "pdi" });
  assert.deepEqual(t.comparisons.map((c) => c.id), ["pio"]);
  assert.deepEqual(t.comparisons[0].rows.map((r) => r.id), [
    "pio-breugelmans-pdi-post",
    "pio-breugelmans-pdi-12m",
    "pio-volker-pdi-24m",
  ]);
  assert.throws(
    () => buildSeedSof(files, { judgements: [], comparisons: ["pico"] }),
    /comparisons must be among primary-care/,
  );
  assert.throws(
    () => buildSeedSof(files, { judgements: [], outcome: "quality of sleep" }),
    /outcome matches no outcome/,
  );
  assert.throws(
    () => buildSeedSof({ ...files, estimates: "id,value\nx,1\n" }, { judgements: [] }),
    (e: unknown) => e instanceof ValidationError && /evidence\/estimates\.csv has no row with id/.test(e.message),
  );
  assert.throws(() => buildSeedSof(files, {} as never), /options\.judgements must be the judgements/);
});

Deno.test("decisionFromChoices: a form's strings become a decision; kept suggestions and empty SDs are left out", () => {
  const d = decisionFromChoices({
    indirectness: { population: "no", intervention: "no", comparator: "serious", outcome: "not judged", note: " wl " },
    overrides: {
      "risk of bias": { rating: KEEP_SUGGESTION, reason: "" },
      "imprecision": { rating: "serious", reason: "one trial" },
    },
    start: { level: KEEP_SUGGESTION, reason: "" },
    by: " committee ",
    ois_sd: 0,
  });
  assert.deepEqual(d, {
    indirectness: { population: "no", intervention: "no", comparator: "serious", outcome: "not judged", note: "wl" },
    overrides: { domains: { imprecision: { rating: "serious", reason: "one trial", by: "committee" } } },
  });
  const s = decisionFromChoices({
    indirectness: { population: "no", intervention: "no", comparator: "no", outcome: "no" },
    overrides: {},
    start: { level: "High", reason: "randomised phase starts" },
    ois_sd: 4,
  });
  assert.equal(s.overrides?.start?.level, "High");
  assert.equal(s.ois_sd, 4);
  assert.throws(
    () =>
      decisionFromChoices({
        indirectness: { population: "yes", intervention: "no", comparator: "no", outcome: "no" },
        overrides: {},
      }),
    /decisionFromChoices: indirectness\.population must be one of no, serious, very serious, not judged/,
  );
});

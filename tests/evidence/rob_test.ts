/**
 * Risk-of-bias files: the seed's file lists every study Not assessed, the illustrative file is
 * labelled in every row, a wrong tool, domain, level, study, a missing assessor, a repeated
 * domain or a mixed tool is rejected naming the file, the 1-based row (and line), the column and
 * the rule; edits and the CSV round trip keep every judgement.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { repoPath } from "../helpers.ts";
import {
  loadRob,
  NOT_ASSESSED,
  ROB_TOOL_NAMES,
  ROB_TOOLS,
  robLevels,
  robOverall,
  robRestrict,
  robSummary,
  robTemplate,
  robToCsv,
  robTrafficLight,
  seedStudyIds,
  setRobJudgement,
  setRobJudgements,
} from "../../lib/evidence/rob.ts";
import { ValidationError } from "../../lib/validate.ts";

const studiesText = Deno.readTextFileSync(repoPath("data/evidence/studies.csv"));
const studies = seedStudyIds(studiesText);
const HEADER = "study_id,outcome,tool,domain,judgement,support,assessor,illustrative";

Deno.test("rob.csv: every seed study with outcome data is listed, every judgement Not assessed, none illustrative", () => {
  const rob = loadRob(Deno.readTextFileSync(repoPath("data/evidence/rob.csv")), { name: "rob.csv", studies });
  assert.equal(rob.illustrative, false);
  assert.ok(rob.judgements.every((j) => j.judgement === NOT_ASSESSED && j.assessor === "" && !j.illustrative));
  const listed = new Set(rob.judgements.map((j) => j.study_id));
  for (const s of ["smeets2006", "leeuw2008", "dekker2020", "breugelmans2024", "volker2017", "dejong2005"]) {
    assert.ok(listed.has(s), `${s} listed`);
  }
  // every study has every domain of its tool, Overall included
  for (const s of listed) {
    const rows = rob.judgements.filter((j) => j.study_id === s);
    const tool = ROB_TOOLS[rows[0].tool];
    assert.deepEqual(rows.map((r) => r.domain), tool.domains.map((d) => d.code), s);
  }
  // designs decide the tool
  const toolOf = (s: string) => rob.judgements.find((j) => j.study_id === s)!.tool;
  assert.equal(toolOf("smeets2006"), "RoB 2");
  assert.equal(toolOf("breugelmans2024"), "ROBINS-I v2");
  assert.equal(toolOf("dejong2008"), "SCED");
});

Deno.test("rob-illustrative.csv: every row illustrative, labelled in support and assessor", () => {
  const rob = loadRob(Deno.readTextFileSync(repoPath("data/evidence/rob-illustrative.csv")), {
    name: "rob-illustrative.csv",
    studies,
  });
  assert.equal(rob.illustrative, true);
  assert.ok(rob.judgements.length >= 20);
  for (const j of rob.judgements) {
    assert.equal(j.illustrative, true);
    assert.match(j.support, /^ILLUSTRATIVE/);
    assert.match(j.assessor, /ILLUSTRATIVE/);
  }
  const levels = new Set(rob.judgements.map((j) => j.judgement));
  assert.ok(levels.has("No information") && levels.has("High") && levels.has("Serious"));
  assert.deepEqual([...new Set(rob.judgements.map((j) => j.tool))].sort(), [...ROB_TOOL_NAMES].sort());
});

const bad: { name: string; rows: string[]; expect: RegExp }[] = [
  {
    name: "a domain RoB 2 does not have",
    rows: ["smeets2006,all,RoB 2,D1,Low,,A,false", "smeets2006,all,RoB 2,D6,Low,,A,false"],
    expect:
      /^rob: bad\.csv: row 2 \(line 3\), column domain must be one of the RoB 2 domains D1, D2, D3, D4, D5, Overall, got "D6"/,
  },
  {
    name: "a ROBINS-I level in a RoB 2 row",
    rows: ["smeets2006,all,RoB 2,D1,Serious,,A,false"],
    expect:
      /row 1 \(line 2\), column judgement must be one of the RoB 2 levels "Low", "Some concerns", "High", "No information", "Not assessed", got "Serious"/,
  },
  {
    name: "a RoB 2 level in a ROBINS-I row",
    rows: ["breugelmans2024,all,ROBINS-I v2,D1,Some concerns,,A,false"],
    expect: /row 1 \(line 2\), column judgement must be one of the ROBINS-I v2 levels/,
  },
  {
    name: "a level in the wrong case",
    rows: ["smeets2006,all,RoB 2,D1,low,,A,false"],
    expect: /column judgement must be one of the RoB 2 levels .*got "low"/,
  },
  {
    name: "a study not in studies.csv",
    rows: ["smeets2006,all,RoB 2,D1,Low,,A,false", "smith2099,all,RoB 2,D1,Low,,A,false"],
    expect: /row 2 \(line 3\), column study_id must name a study of data\/evidence\/studies\.csv, got "smith2099"/,
  },
  {
    name: "an unknown tool",
    rows: ["smeets2006,all,RoB 1,D1,Low,,A,false"],
    expect: /row 1 \(line 2\), column tool must be one of "RoB 2", "ROBINS-I v2", "SCED"/,
  },
  {
    name: "a judgement without an assessor",
    rows: ["smeets2006,all,RoB 2,D1,High,the report says so,,false"],
    expect: /row 1 \(line 2\), column assessor must say who judged/,
  },
  {
    name: "the same domain twice",
    rows: ["smeets2006,all,RoB 2,D1,Low,,A,false", "smeets2006,all,RoB 2,D1,High,,B,false"],
    expect: /row 2 \(line 3\), column domain repeats study smeets2006, outcome all, domain D1 \(first given in row 1\)/,
  },
  {
    name: "two tools for one study and outcome",
    rows: ["smeets2006,all,RoB 2,D1,Low,,A,false", "smeets2006,all,ROBINS-I v2,D2,Low,,A,false"],
    expect:
      /row 2 \(line 3\), column tool must be the same for every domain of study smeets2006, outcome all \(RoB 2 earlier\)/,
  },
  {
    name: "illustrative not true/false",
    rows: ["smeets2006,all,RoB 2,D1,Low,,A,yes"],
    expect: /row 1 \(line 2\), column illustrative must be "true" or "false"/,
  },
  {
    name: "an empty study id",
    rows: [",all,RoB 2,D1,Low,,A,false"],
    expect: /row 1 \(line 2\), column study_id must not be empty/,
  },
  {
    name: "a missing column",
    rows: [],
    expect: /rob: bad\.csv: header is missing required column judgement/,
  },
];

for (const c of bad) {
  Deno.test(`rob: rejects ${c.name}, naming file, row and rule`, () => {
    const header = c.rows.length ? HEADER : HEADER.replace(",judgement", "");
    const text = [header, ...(c.rows.length ? c.rows : ["smeets2006,all,RoB 2,D1,,A,false"])].join("\n");
    assert.throws(() => loadRob(text, { name: "bad.csv", studies }), (e: unknown) => {
      assert.ok(e instanceof ValidationError, String(e));
      assert.match((e as Error).message, c.expect);
      return true;
    });
  });
}

Deno.test("rob: every error names a 1-based row that is the data row in the file", () => {
  const text = [HEADER, "smeets2006,all,RoB 2,D1,Low,,A,false", "smeets2006,all,RoB 2,D2,Bad,,A,false"].join("\n");
  try {
    loadRob(text, { name: "x.csv", studies });
    assert.fail("should throw");
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0].row, 2);
    assert.equal(e.tool, "rob: x.csv");
  }
});

Deno.test("rob: a semicolon-separated file (Dutch Excel) reads the same as a comma-separated one", () => {
  const rows = ["leeuw2008;all;RoB 2;D1;Low;page 3;A;false", "leeuw2008;all;RoB 2;Overall;Some concerns;;A;false"];
  const semi = loadRob([HEADER.replaceAll(",", ";"), ...rows].join("\r\n"), { studies });
  const comma = loadRob([HEADER, ...rows.map((r) => r.replaceAll(";", ","))].join("\n"), { studies });
  assert.deepEqual(semi.judgements, comma.judgements);
  assert.match(semi.dialect, /separator ";"/);
});

Deno.test("robOverall: the outcome's row first, then all, else Not assessed (never a guess)", () => {
  const text = [
    HEADER,
    "smeets2006,all,RoB 2,Overall,Some concerns,,A,false",
    "smeets2006,waiting-list-rdq-ct,RoB 2,Overall,High,,A,false",
  ].join("\n");
  const { judgements } = loadRob(text, { studies });
  assert.equal(robOverall(judgements, "smeets2006", "waiting-list-rdq-ct").judgement, "High");
  assert.equal(robOverall(judgements, "smeets2006", "waiting-list-rdq-ct").row, 2);
  assert.equal(robOverall(judgements, "smeets2006", "other").judgement, "Some concerns");
  const none = robOverall(judgements, "leeuw2008", "x");
  assert.equal(none.judgement, "Not assessed");
  assert.equal(none.row, 0);
  assert.equal(none.tool, null);
});

Deno.test("setRobJudgement: changes one judgement, validates level and assessor, leaves the input untouched", () => {
  const base = robTemplate("smeets2006", "RoB 2");
  const next = setRobJudgement(base, {
    study_id: "smeets2006",
    outcome: "all",
    domain: "Overall",
    judgement: "Low",
    assessor: "committee",
    support: "all domains low",
  });
  assert.equal(robOverall(next, "smeets2006", "x").judgement, "Low");
  assert.equal(robOverall(base, "smeets2006", "x").judgement, "Not assessed");
  assert.throws(
    () => setRobJudgement(base, { study_id: "smeets2006", outcome: "all", domain: "Overall", judgement: "Low" }),
    /setRobJudgement: assessor must say who judged/,
  );
  assert.throws(
    () =>
      setRobJudgement(base, {
        study_id: "smeets2006",
        outcome: "all",
        domain: "D1",
        judgement: "Critical",
        assessor: "x",
      }),
    /judgement must be one of the RoB 2 levels/,
  );
  assert.throws(
    () =>
      setRobJudgement(base, { study_id: "smeets2006", outcome: "all", domain: "D7", judgement: "Low", assessor: "x" }),
    /domain must be one of the RoB 2 domains/,
  );
  assert.throws(
    () => setRobJudgement(base, { study_id: "nobody", outcome: "all", domain: "D1", judgement: "Low", assessor: "x" }),
    /study_id has no judgements/,
  );
});

Deno.test("robToCsv: a round trip through loadRob keeps every judgement (quotes, commas, newlines)", () => {
  let js = robTemplate("dejong2005", "SCED");
  js = setRobJudgement(js, {
    study_id: "dejong2005",
    outcome: "all",
    domain: "D2",
    judgement: "Low",
    assessor: 'Dr "A", committee',
    support: "randomised start,\nsee p. 3",
  });
  const back = loadRob(robToCsv(js), { studies });
  assert.deepEqual(
    back.judgements.map(({ row: _r, ...j }) => j),
    js.map(({ row: _r, ...j }) => ({ ...j, support: j.support.replace("\n", " ") })),
  );
  assert.equal(back.judgements[1].assessor, 'Dr "A", committee');
});

Deno.test("robLevels: each tool's own levels plus No information and Not assessed", () => {
  assert.deepEqual(robLevels("RoB 2"), ["Low", "Some concerns", "High", "No information", "Not assessed"]);
  assert.equal(robLevels("ROBINS-I v2").length, 7);
  assert.equal(ROB_TOOLS["ROBINS-I v2"].domains.length, 8);
  assert.equal(ROB_TOOLS.SCED.domains.at(-1)!.code, "Overall");
});

Deno.test("property: loadRob on random cells gives a ValidationError or valid judgements, never a crash", () => {
  const cell = fc.oneof(
    fc.constantFrom("", "Low", "High", "D1", "Overall", "RoB 2", "SCED", "ROBINS-I v2", "true", "false", "smeets2006"),
    fc.string({ maxLength: 6 }),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 9 }), { maxLength: 5 }), (rows) => {
      const text = [HEADER, ...rows.map((r) => r.map((c) => JSON.stringify(c)).join(","))].join("\n");
      try {
        const out = loadRob(text, { studies });
        for (const j of out.judgements) {
          assert.ok(robLevels(j.tool).includes(j.judgement));
          assert.ok(ROB_TOOLS[j.tool].domains.some((d) => d.code === j.domain));
        }
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
      }
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("setRobJudgements: a whole form at once; unchanged domains are skipped, a bad one refused", () => {
  const base = robTemplate("leeuw2008", "RoB 2");
  const form = base.map((j) => ({
    study_id: j.study_id,
    outcome: j.outcome,
    domain: j.domain,
    judgement: j.domain === "D4" ? "High" as const : j.judgement,
    assessor: "",
  }));
  assert.throws(() => setRobJudgements(base, form), /assessor must say who judged/);
  const next = setRobJudgements(base, form.map((c) => ({ ...c, assessor: c.domain === "D4" ? "committee" : "" })));
  assert.equal(next.find((j) => j.domain === "D4")!.judgement, "High");
  assert.equal(next.filter((j) => j.judgement === "Not assessed").length, 5);
});

Deno.test("robTrafficLight and robSummary: every domain of each study, weighted shares that sum to 1 per domain", () => {
  const { judgements } = loadRob(Deno.readTextFileSync(repoPath("data/evidence/rob-illustrative.csv")), { studies });
  const cells = robTrafficLight(judgements, ["smeets2006", "leeuw2008", "dekker2020", "nobody"]);
  assert.equal(cells.length, 3 * 6);
  assert.equal(cells.find((c) => c.study_id === "leeuw2008" && c.domain === "D4")!.judgement, "High");
  const eq = robSummary(cells);
  // Overall: smeets Some concerns, leeuw High, dekker Low -> a third each
  const overall = eq.filter((s) => s.domain === "Overall");
  assert.deepEqual(overall.map((s) => [s.judgement, Number(s.share.toFixed(6))]), [
    ["Low", 0.333333],
    ["Some concerns", 0.333333],
    ["High", 0.333333],
  ]);
  const w = robSummary(cells, { smeets2006: 50, leeuw2008: 30, dekker2020: 20 });
  assert.equal(w.find((s) => s.domain === "Overall" && s.judgement === "High")!.share, 0.3);
  for (const d of ["D1", "D2", "D3", "D4", "D5", "Overall"]) {
    const sum = w.filter((s) => s.domain === d).reduce((a, s) => a + s.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-12, d);
  }
  assert.throws(
    () => robSummary(cells, { smeets2006: 1, leeuw2008: 1 }),
    /robSummary: weights\.dekker2020 must be a finite number/,
  );
});

Deno.test("robRestrict: keeps low-risk studies for a sensitivity analysis, drops the rest with their judgement", () => {
  const { judgements } = loadRob(Deno.readTextFileSync(repoPath("data/evidence/rob-illustrative.csv")), { studies });
  const r = robRestrict(judgements, ["smeets2006", "leeuw2008", "dekker2020", "goossens2015"]);
  assert.deepEqual(r.keep, ["dekker2020"]);
  assert.deepEqual(r.drop, [
    { study_id: "smeets2006", judgement: "Some concerns" },
    { study_id: "leeuw2008", judgement: "High" },
    { study_id: "goossens2015", judgement: "Not assessed" },
  ]);
  assert.deepEqual(robRestrict(judgements, ["smeets2006", "dekker2020"], "all", { upTo: "some concerns" }).keep, [
    "smeets2006",
    "dekker2020",
  ]);
});

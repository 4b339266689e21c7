/**
 * Bad input for the certainty slice (risk-of-bias files, certainty rules, summary-of-findings
 * tables, the sof CLI): each case is data — what to run and the message (or exit code and
 * stderr) it must give. Library errors are `ValidationError`s naming the tool, the field (and the
 * 1-based row as in the file) and the rule; CLI errors exit 2 with one message, no stack trace.
 */
import assert from "node:assert/strict";
import { ValidationError } from "../../lib/validate.ts";
import {
  loadRob,
  robSummary,
  robTemplate,
  robTrafficLight,
  seedStudyIds,
  setRobJudgement,
} from "../../lib/evidence/rob.ts";
import {
  assessCertainty,
  type CertaintyInput,
  certaintyInputFromFit,
  optimalInformationSize,
} from "../../lib/evidence/certainty.ts";
import {
  absoluteFromRatio,
  buildSeedSof,
  decisionFromChoices,
  formatSof,
  numberNeededToTreat,
  riskRatioFromProportions,
  type SeedFiles,
} from "../../lib/evidence/sof.ts";
import { main } from "../../lib/cli/sof.ts";
import { readSeedFiles, repoPath } from "../helpers.ts";

type Expect = RegExp | { exitCode: number; stderr: RegExp };
interface Case {
  name: string;
  run: () => unknown;
  expect: Expect;
}

const files: SeedFiles = readSeedFiles();
const studies = seedStudyIds(files.studies);
const H = "study_id,outcome,tool,domain,judgement,support,assessor,illustrative";
const rob = (...rows: string[]) => () => loadRob([H, ...rows].join("\n"), { name: "judged.csv", studies });
const effect = {
  measure: "MD" as const,
  estimate: -3,
  ci_lb: -5,
  ci_ub: -1,
  level: 95,
  improvement: "decrease" as const,
};
const input = (over: Partial<CertaintyInput> = {}): CertaintyInput => ({
  design: "randomised",
  effect,
  studies: [{ study_id: "a", weight: null, judgement: "Low" }],
  ...over,
});

async function cli(args: string[], files: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const dir = await Deno.makeTempDir();
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = () => {};
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    for (const [name, text] of Object.entries(files)) await Deno.writeTextFile(`${dir}/${name}`, text);
    const code = await main(args.map((a) => a.replace("$DIR", dir)));
    return { code, stderr: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
    await Deno.remove(dir, { recursive: true });
  }
}

const cases: Case[] = [
  // risk-of-bias files: file, 1-based row (and line), column, rule
  {
    name: "rob: a domain the tool does not have",
    run: rob("smeets2006,all,RoB 2,D7,Low,,A,false"),
    expect:
      /^rob: judged\.csv: row 1 \(line 2\), column domain must be one of the RoB 2 domains D1, D2, D3, D4, D5, Overall, got "D7"$/,
  },
  {
    name: "rob: a level of another tool",
    run: rob("smeets2006,all,RoB 2,D1,Low,,A,false", "dejong2005,all,SCED,D1,Moderate,,A,false"),
    expect: /row 2 \(line 3\), column judgement must be one of the SCED levels .*got "Moderate"/,
  },
  {
    name: "rob: a study not in studies.csv",
    run: rob("smeets2007,all,RoB 2,D1,Low,,A,false"),
    expect: /row 1 \(line 2\), column study_id must name a study of data\/evidence\/studies\.csv, got "smeets2007"/,
  },
  {
    name: "rob: an unknown tool",
    run: rob("smeets2006,all,RoB2,D1,Low,,A,false"),
    expect: /column tool must be one of/,
  },
  {
    name: "rob: a judgement without assessor",
    run: rob("smeets2006,all,RoB 2,D1,No information,,,false"),
    expect: /row 1 \(line 2\), column assessor must say who judged/,
  },
  {
    name: "rob: the same domain twice",
    run: rob("smeets2006,all,RoB 2,D1,Low,,A,false", "smeets2006,all,RoB 2,D1,Low,,A,false"),
    expect: /row 2 \(line 3\), column domain repeats study smeets2006, outcome all, domain D1 \(first given in row 1\)/,
  },
  {
    name: "rob: a file without data rows",
    run: rob(),
    expect: /rob: judged\.csv: rows must contain at least one data row/,
  },
  {
    name: "rob: a short row (separator problem)",
    run: rob("smeets2006,all,RoB 2,D1"),
    expect: /rob: judged\.csv: line 2 has 3 separators/,
  },
  {
    name: "setRobJudgement: a level the tool does not use",
    run: () =>
      setRobJudgement(robTemplate("leeuw2008", "RoB 2"), {
        study_id: "leeuw2008",
        outcome: "all",
        domain: "D1",
        judgement: "Serious",
        assessor: "x",
      }),
    expect: /^setRobJudgement: judgement must be one of the RoB 2 levels/,
  },
  {
    name: "robSummary: a negative weight",
    run: () => robSummary(robTrafficLight(robTemplate("leeuw2008", "RoB 2"), ["leeuw2008"]), { leeuw2008: -1 }),
    expect: /^robSummary: weights\.leeuw2008 must be a finite number >= 0, got -1$/,
  },
  // certainty rules
  {
    name: "assessCertainty: an override without a reason",
    run: () =>
      assessCertainty(input({ overrides: { domains: { "risk of bias": { rating: "serious", reason: "" } } } })),
    expect: /^assessCertainty: overrides\.domains\.risk of bias\.reason must give a reason/,
  },
  {
    name: "assessCertainty: an infinite CI bound",
    run: () => assessCertainty(input({ effect: { ...effect, ci_ub: Infinity } })),
    expect: /^assessCertainty: effect\.ci_ub must be/,
  },
  {
    name: "assessCertainty: a p-value above 1",
    run: () => assessCertainty(input({ publicationBias: { k: 12, egger_pval: 1.5 } })),
    expect: /publicationBias\.egger_pval must be <= 1, got 1\.5/,
  },
  {
    name: "assessCertainty: a proportion of participants",
    run: () => assessCertainty(input({ participants: 12.5 })),
    expect: /participants must be a whole number/,
  },
  {
    name: "optimalInformationSize: a power given in percent",
    run: () => optimalInformationSize({ type: "continuous", smd: 0.2 }, { power: 80 }),
    expect: /^optimalInformationSize: power must be a proportion in \(0, 1\)/,
  },
  {
    name: "optimalInformationSize: an SD of 0",
    run: () => optimalInformationSize({ type: "continuous", delta: 5, sd: 0 }),
    expect: /^optimalInformationSize: sd must be > 0, got 0$/,
  },
  {
    name: "certaintyInputFromFit: not a fit",
    run: () =>
      certaintyInputFromFit({ k: 2 } as never, {
        measure: "MD",
        improvement: "decrease",
        design: "randomised",
        judgements: {},
      }),
    expect: /^certaintyInputFromFit: fit\.beta must be a finite number/,
  },
  // summary of findings
  {
    name: "absoluteFromRatio: a control risk per 1,000 instead of a proportion",
    run: () => absoluteFromRatio({ estimate: 0.8, ci_lb: 0.7, ci_ub: 0.92 }, 200),
    expect: /^absoluteFromRatio: controlRisk must be a proportion in \[0, 1\] \(200 per 1,000 is 0\.2\), got 200$/,
  },
  {
    name: "numberNeededToTreat: a NaN bound",
    run: () => numberNeededToTreat({ estimate: 0.1, ci_lb: NaN, ci_ub: 0.2 }, "increase"),
    expect: /^numberNeededToTreat: rd\.ci_lb must be a finite number, got NaN$/,
  },
  {
    name: "riskRatioFromProportions: a percentage instead of a proportion",
    run: () => riskRatioFromProportions(51, 42, 58, 43),
    expect: /^riskRatioFromProportions: p1 must be a proportion in \(0, 1\), got 51$/,
  },
  {
    name: "riskRatioFromProportions: a level of 100",
    run: () => riskRatioFromProportions(0.5, 42, 0.6, 43, { level: 100 }),
    expect: /riskRatioFromProportions: level must be a percentage/,
  },
  {
    name: "buildSeedSof: an estimates file without a needed row",
    run: () =>
      buildSeedSof({ ...files, estimates: files.estimates.replace("smeets2006-rdq-ct-wlc", "renamed") }, {
        judgements: [],
        comparisons: ["waiting-list"],
      }),
    expect: /^buildSeedSof: evidence\/estimates\.csv has no row with id "smeets2006-rdq-ct-wlc"$/,
  },
  {
    name: "buildSeedSof: a number cell that is not a number",
    run: () =>
      buildSeedSof({ ...files, estimates: files.estimates.replace(",md,-2.56,-4.27,", ",md,-2.56,abc,") }, {
        judgements: [],
        comparisons: ["waiting-list"],
      }),
    expect: /^buildSeedSof: evidence\/estimates\.csv smeets2006-rdq-ct-wlc\.lower must be a number, got "abc"$/,
  },
  {
    name: "buildSeedSof: an unknown comparison",
    run: () => buildSeedSof(files, { judgements: [], comparisons: ["continued-care"] }),
    expect:
      /^buildSeedSof: comparisons must be among primary-care, usual-imsr, waiting-list, pio, got "continued-care"$/,
  },
  {
    name: "formatSof: not a table",
    run: () => formatSof({} as never, "md"),
    expect: /^formatSof: table must be a result of buildSeedSof\(\)$/,
  },
  {
    name: "decisionFromChoices: an unknown indirectness level",
    run: () =>
      decisionFromChoices({
        indirectness: { population: "no", intervention: "no", comparator: "some", outcome: "no" },
        overrides: {},
      }),
    expect:
      /^decisionFromChoices: indirectness\.comparator must be one of no, serious, very serious, not judged, got "some"$/,
  },
  // the CLI
  {
    name: "sof CLI: a judgements file with a wrong level",
    run: () => cli(["$DIR/j.csv"], { "j.csv": `${H}\nleeuw2008,all,RoB 2,Overall,Unclear,,A,false\n` }),
    expect: { exitCode: 2, stderr: /^rob: j\.csv: row 1 \(line 2\), column judgement must be one of the RoB 2 levels/ },
  },
  {
    name: "sof CLI: a decisions file that is a list",
    run: () => cli([repoPath("data/evidence/rob.csv"), "--decisions", "$DIR/d.json"], { "d.json": "[]" }),
    expect: { exitCode: 2, stderr: /^sof: --decisions must hold a JSON object keyed by row id$/ },
  },
  {
    name: "sof CLI: a data folder without the evidence files",
    run: () => cli([repoPath("data/evidence/rob.csv"), "--data", "$DIR"]),
    expect: { exitCode: 2, stderr: /^sof: data file evidence\/studies\.csv does not exist/ },
  },
  {
    name: "sof CLI: a format that does not exist",
    run: () => cli([repoPath("data/evidence/rob.csv"), "--format", "docx"]),
    expect: { exitCode: 2, stderr: /--format/ },
  },
];

for (const c of cases) {
  Deno.test(`bad input (sof): ${c.name}`, async () => {
    if (c.expect instanceof RegExp) {
      let caught: unknown = null;
      try {
        await c.run();
      } catch (e) {
        caught = e;
      }
      assert.ok(caught instanceof ValidationError, `expected a ValidationError, got ${caught}`);
      assert.match((caught as Error).message, c.expect);
    } else {
      const out = await c.run() as { code: number; stderr: string };
      assert.equal(out.code, c.expect.exitCode, out.stderr);
      assert.match(out.stderr, c.expect.stderr);
      assert.ok(!/Stack backtrace|\n\s+at /.test(out.stderr), out.stderr);
    }
  });
}

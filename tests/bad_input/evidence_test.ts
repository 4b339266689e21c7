/**
 * Bad input for the evidence slice (stats, responders, io diary, evidence loaders, reproduce CLI):
 * each case is data — what to run and the message (or exit code and stderr, or warning) it must
 * give. Every library error must be a `ValidationError` naming the tool, the field (and the 1-based
 * row as in the file) and the rule; CLI errors exit 2 with one message and no stack trace.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { ValidationError } from "../../lib/validate.ts";
import { createRandom, pbinom, pchisq, qf, qt, rnorm, runif, sample } from "../../lib/stats/mod.ts";
import {
  classifyResponders,
  compareReportedRates,
  nnt,
  poolProportions,
  propCI,
  riskDifference,
} from "../../lib/responders/mod.ts";
import { loadDiary, movingAverage } from "../../lib/io/mod.ts";
import {
  assumptionValue,
  auditEvidence,
  EVIDENCE_FILES,
  type EvidenceFile,
  leeuw2008Comparison,
  loadEvidence,
  loadEvidenceAttachments,
  parseAssumptions,
  parseDirections,
  parseEstimates,
  parsePopulation,
  parseSmc,
  parseStudies,
  parseSubgroups,
  parseSubgroupTests,
  parseTables,
} from "../../lib/evidence/mod.ts";
import { main } from "../../lib/cli/reproduce.ts";
import { repoPath } from "../helpers.ts";

type CliOutcome = { code: number; stderr: string };
type Expect = RegExp | { exitCode: number; stderr: RegExp } | { warning: RegExp };
interface Case {
  name: string;
  run: () => unknown;
  expect: Expect;
}

const dataText = (f: string) => Deno.readTextFile(repoPath(`data/${f}`));
const texts = Object.fromEntries(
  await Promise.all(
    (Object.keys(EVIDENCE_FILES) as EvidenceFile[]).map(async (k) => [k, await dataText(EVIDENCE_FILES[k])]),
  ),
) as Record<EvidenceFile, string>;
const ev = await loadEvidence((f) => dataText(f));
const header = (text: string) => text.split("\n")[0];
const firstRow = (text: string) => text.split("\n")[1];

/** Run the reproduce CLI in-process with one data file edited; capture stderr. */
async function reproduce(args: string[], edit?: (file: string, text: string) => string): Promise<CliOutcome> {
  const errors: string[] = [];
  const { error, log } = console;
  console.error = (...a: unknown[]) => errors.push(a.join(" "));
  console.log = () => {};
  try {
    const code = await main(args, {
      read: async (f) => (edit ? edit(f, await dataText(f)) : await dataText(f)),
      write: () => {},
    });
    return { code, stderr: errors.join("\n") };
  } finally {
    console.error = error;
    console.log = log;
  }
}

const editAssumption = (from: string, to: string) => (f: string, t: string) =>
  f.endsWith("assumptions.csv") ? t.replace(from, to) : t;

const cases: Case[] = [
  // ---- stats ----------------------------------------------------------------------------------
  {
    name: "runif with a negative count",
    run: () => runif(-1, 42),
    expect: /^runif: n must be a whole number >= 0 \(the number of draws\), got -1$/,
  },
  {
    name: "runif with a fractional count",
    run: () => runif(2.5, 42),
    expect: /^runif: n must be a whole number >= 0.*got 2\.5$/,
  },
  {
    name: "runif with an absurd count",
    run: () => runif(2 ** 31, 42),
    expect: /^runif: n must be <= 134217728 \(an array of that many numbers needs 1 GB\)/,
  },
  {
    name: "runif without a seed",
    run: () => (runif as (n: number, seed?: number) => number[])(3),
    expect: /^runif: seed is required \(every random function takes a seed\)/,
  },
  {
    name: "runif with a fractional seed",
    run: () => runif(3, 1.5),
    expect: /^runif: seed must be a whole number \(a safe integer\), got 1\.5$/,
  },
  {
    name: "createRandom with an unsafe seed",
    run: () => createRandom(2 ** 60),
    expect: /^createRandom: seed must be a whole number \(a safe integer\)/,
  },
  {
    name: "rnorm with a negative sd",
    run: () => rnorm(3, 1, 0, -1),
    expect: /^rnorm: sd must be a finite number >= 0, got -1$/,
  },
  {
    name: "rnorm with a NaN mean",
    run: () => rnorm(3, 1, NaN),
    expect: /^rnorm: mean must be a finite number, got NaN$/,
  },
  {
    name: "sample more than there is without replacement",
    run: () => sample([1, 2], 3, 7),
    expect: /^sample: k must be <= values\.length \(2\) without replacement, got 3$/,
  },
  { name: "qt with p outside [0, 1]", run: () => qt(1.5, 4), expect: /^qt: p must be in \[0, 1\], got 1\.5$/ },
  {
    name: "pchisq of NaN names the function (no bare 'x must be a number')",
    run: () => pchisq(NaN, 2),
    expect: /^pchisq: x must be a number, got NaN$/,
  },
  { name: "qf with df1 = 0", run: () => qf(0.5, 0, 3), expect: /^qf: df1 must be > 0, got 0$/ },
  {
    name: "pbinom with a fractional size",
    run: () => pbinom(2, 3.5, 0.2),
    expect: /^pbinom: size must be a whole number >= 0, got 3\.5$/,
  },
  // ---- responders -----------------------------------------------------------------------------
  {
    name: "an MCID larger than the whole scale is impossible",
    run: () =>
      classifyResponders({ baseline: [40, 30], followup: [20, 25], mcid: 80, improvement: "decrease", scale: [0, 70] }),
    expect:
      /^classifyResponders: mcid is impossible: larger than the whole scale \(0-70, range 70 points\), so no patient can reach it; check the MCID and its unit, got 80$/,
  },
  {
    name: "a percent MCID above 100 is impossible",
    run: () =>
      classifyResponders({ baseline: [40], followup: [20], mcid: 150, mcidType: "percent", improvement: "decrease" }),
    expect: /^classifyResponders: mcid is impossible: a change of more than 100% of the baseline score, got 150$/,
  },
  {
    name:
      "an MCID nobody reaches when both classes are needed talks about the MCID (not 'y must contain both 0s and 1s')",
    run: () =>
      classifyResponders({
        baseline: [40, 30, 50],
        followup: [30, 29, 20],
        mcid: 200,
        improvement: "decrease",
        requireBoth: true,
      }),
    expect:
      /^classifyResponders: mcid \(200 points\) is reached by no patient \(largest improvement 30 points\), so there are no responders to compare: check the MCID, its unit and the direction of improvement \(decrease\), got 200$/,
  },
  {
    name: "an MCID everybody reaches when both classes are needed",
    run: () =>
      classifyResponders({
        baseline: [40, 30],
        followup: [10, 5],
        mcid: 1,
        improvement: "decrease",
        requireBoth: true,
      }),
    expect:
      /^classifyResponders: mcid \(1 points\) is reached by every patient \(smallest improvement 25 points\), so there are no non-responders/,
  },
  {
    name: "an MCID nobody reaches is a warning otherwise",
    run: () => classifyResponders({ baseline: [40, 30], followup: [38, 29], mcid: 8.5, improvement: "decrease" }),
    expect: {
      warning: /^classifyResponders: mcid \(8\.5 points\) is reached by no patient \(largest improvement 2 points\)$/,
    },
  },
  {
    name: "a misspelt option of classifyResponders is not ignored",
    run: () =>
      classifyResponders(
        { baseline: [1], followup: [2], mcid: 1, improvement: "increase", mcidtype: "percent" } as never,
      ),
    expect: /^classifyResponders: input has unknown field\(s\) mcidtype$/,
  },
  {
    name: "propCI with level 100",
    run: () => propCI(1, 3, { level: 100 }),
    expect: /^propCI: level must be a percentage in \[1, 100\) or a proportion in \(0, 1\), got 100$/,
  },
  {
    name: "propCI with more responders than patients",
    run: () => propCI(5, 3),
    expect: /^propCI: x must be <= n \(3\), got 5$/,
  },
  {
    name: "riskDifference with an empty group",
    run: () => riskDifference(0, 0, 1, 5),
    expect: /^riskDifference: n1 must be > 0, got 0$/,
  },
  {
    name: "nnt of an interval that misses its estimate",
    run: () => nnt({ estimate: 0.3, ci_lb: 0.4, ci_ub: 0.5 }),
    expect: /^nnt: input must satisfy ci_lb <= estimate <= ci_ub$/,
  },
  {
    name: "pooling the same patients twice is refused",
    run: () => poolProportions({ xi: [75, 81], ni: [137, 149], cohort: ["rijndam", "rijndam"] }),
    expect:
      /^poolProportions: cohort\[1\] reports the same patients as cohort\[0\] \(rijndam\): pooling both counts them twice; keep one, got "rijndam"$/,
  },
  {
    name: "a reported percentage above 100",
    run: () => compareReportedRates({ label: "EXP", pct: 120, n: 42 }, { label: "GA", pct: 58, n: 43 }),
    expect: /^compareReportedRates group1: pct must be <= 100, got 120$/,
  },
  // ---- io (diary) -----------------------------------------------------------------------------
  {
    name: "a diary score above the scale",
    run: () => loadDiary("day,phase,pain\n1,A,11\n", "d.csv"),
    expect: /^d\.csv: row 1 \(line 2\), column pain must be <= 10, got "11"$/,
  },
  {
    name: "a diary day twice",
    run: () => loadDiary("day,phase,pain\n1,A,5\n1,B,4\n", "d.csv"),
    expect: /^d\.csv: row 2 \(line 3\), column day must be unique \(also on row 1\), got 1$/,
  },
  {
    name: "a moving average over 0 days",
    run: () => movingAverage([1, 2], 0),
    expect: /^movingAverage: window must be a whole number >= 1, got 0$/,
  },
  // ---- evidence loaders -----------------------------------------------------------------------
  {
    name: "an assumption that is not a number",
    run: () => parseAssumptions(`${header(texts.assumptions)}\nx,a,q,abc,,,u,r,u\n`),
    expect: /^assumptions\.csv: row 1 \(line 2\), column value must be a number or empty, got "abc"$/,
  },
  {
    name: "an assumption set to NA where the analysis needs it",
    run: () => {
      const edited = texts.assumptions.replace("group size EXP,42", "group size EXP,NA");
      return assumptionValue({ ...ev, assumptions: parseAssumptions(edited) }, "leeuw2008-n-exp", { integer: true });
    },
    expect:
      /^assumptions\.csv: row 1 \(line 2\), column value must be a number \(leeuw2008-n-exp: group size EXP\), got "NA"$/,
  },
  {
    name: "a Leeuw split larger than the 85 randomised",
    run: () => leeuw2008Comparison(ev, { nExp: 60, nGa: 40 }),
    expect: /^leeuw2008Comparison: nExp \+ nGa must be <= the 85 patients randomised, got 100$/,
  },
  {
    name: "an estimate id used twice",
    run: () =>
      parseEstimates(`${header(texts.estimates)}\n${firstRow(texts.estimates)}\n${firstRow(texts.estimates)}\n`),
    expect:
      /^estimates\.csv: row 2 \(line 3\), column id must be unique \(also used by row 1\), got "timmers2021-n-enrolled"$/,
  },
  {
    name: "a p-value above 1",
    run: () => parseSubgroups(texts.subgroups.replace(/\n([^\n]*?),0\.004,=/, "\n$1,1.5,=")),
    expect: /^smc_subgroups\.csv: row \d+ \(line \d+\), column p_value must be <= 1, got "?1\.5"?$/,
  },
  {
    name: "a column missing from studies.csv",
    run: () => parseStudies(texts.studies.replace("first_author,", "author,")),
    expect: /^studies\.csv: header is missing required column first_author/,
  },
  {
    name: "a column twice in smc_review.csv",
    run: () => parseSmc(texts.smc.replace(/^id,/, "Q,")),
    expect: /^smc_review\.csv: header has column "Q" twice/,
  },
  {
    name: "an empty tables.csv",
    run: () => parseTables(""),
    expect: /^tables\.csv: file is empty \(no header line\)$/,
  },
  {
    name: "a fractional count of cohorts",
    run: () =>
      parseDirections(
        texts.directions.replace(",Health related quality of life,25,", ",Health related quality of life,25.5,"),
      ),
    expect: /^smc_direction\.csv: row 1 \(line 2\), column n_positive must be a whole number/,
  },
  {
    name: "a population row whose seed line is not positive",
    run: () => parsePopulation(texts.population.replace(",3b,3b-pico,257,", ",3b,3b-pico,-257,")),
    expect: /^population_comparison\.csv: row 1 \(line 2\), column seed_line must be > 0/,
  },
  {
    name: "a subgroup test without its p-value",
    run: () => parseSubgroupTests(texts.subgroupTests.replace(/\n((?:[^,\n]*,){11})[^,\n]*,/, "\n$1,")),
    expect: /^smc_subgroup_tests\.csv: row 1 \(line 2\), column p_value is missing \(a number is required\)/,
  },
  {
    name: "a notebook attaching too few files",
    run: () => loadEvidenceAttachments({ tables: { text: () => Promise.resolve(texts.tables) } } as never),
    expect:
      /^loadEvidenceAttachments: 9 problems:\n {2}- files\.studies must be the FileAttachment of data\/evidence\/studies\.csv/,
  },
  {
    name: "an estimate naming a study that is not in its table",
    run: () =>
      loadEvidence((f) =>
        f === EVIDENCE_FILES.estimates
          ? texts.estimates.replace("timmers2021-n-enrolled,timmers2021,", "timmers2021-n-enrolled,nosuchstudy,")
          : texts[(Object.keys(EVIDENCE_FILES) as EvidenceFile[]).find((k) => EVIDENCE_FILES[k] === f)!]
      ),
    expect:
      /^estimates\.csv: row 1 \(line 2\), column study_id must name a study of table 4a-EXP in studies\.csv, got "nosuchstudy"$/,
  },
  {
    name: "the audit of a subgroup test naming a level that does not exist",
    run: () =>
      auditEvidence({ ...ev, subgroupTests: parseSubgroupTests(texts.subgroupTests.replace(/,group,/, ",groups,")) }),
    expect:
      /^smc_subgroup_tests\.csv: row \d+ \(line \d+\), column level_[ab] must name a level of factor .* in smc_subgroups\.csv, got "groups"$/,
  },
  {
    name: "the audit of an estimates.csv without a row it checks",
    run: () => auditEvidence({ ...ev, estimates: ev.estimates.filter((e) => e.id !== "timmers2021-n-completed") }),
    expect: /^estimates\.csv: rows must contain a row with id timmers2021-n-completed$/,
  },
  // ---- the reproduce CLI ----------------------------------------------------------------------
  {
    name: "reproduce with a misspelt option",
    run: () => reproduce(["--jsn"]),
    expect: {
      exitCode: 2,
      stderr: /^reproduce: --jsn is not an option of reproduce \(did you mean --json\?\); see --help$/,
    },
  },
  {
    name: "reproduce with a positional argument",
    run: () => reproduce(["tables"]),
    expect: { exitCode: 2, stderr: /^reproduce: arguments this command takes no positional arguments, got "tables"$/ },
  },
  {
    name: "reproduce with a data folder that does not exist",
    run: () => reproduce(["--data", "/nonexistent-evidence-lab"]),
    expect: {
      exitCode: 2,
      stderr:
        /^reproduce: --data file evidence\/tables\.csv does not exist, got "\/nonexistent-evidence-lab\/evidence\/tables\.csv"$/,
    },
  },
  {
    name: "reproduce with an assumption edited to NA",
    run: () => reproduce([], editAssumption("group size EXP,42", "group size EXP,NA")),
    expect: {
      exitCode: 2,
      stderr:
        /^assumptions\.csv: row 1 \(line 2\), column value must be a number \(leeuw2008-n-exp: group size EXP, used for the Leeuw 2008 comparison\), got "NA"$/,
    },
  },
  {
    name: "reproduce with an assumption edited to a fraction",
    run: () => reproduce([], editAssumption("group size GA,43", "group size GA,42.5")),
    expect: {
      exitCode: 2,
      stderr:
        /^assumptions\.csv: row 2 \(line 3\), column value must be a whole number \(leeuw2008-n-ga: group size GA, used for the Leeuw 2008 comparison\), got 42\.5$/,
    },
  },
  {
    name: "reproduce with the assumed days a week deleted",
    run: () => reproduce(["--json"], editAssumption("treatment days per week,5", "treatment days per week,")),
    expect: { exitCode: 0, stderr: /^$/ },
  },
  {
    name: "reproduce with a garbled estimates.csv",
    run: () =>
      reproduce(
        [],
        (f, t) => (f.endsWith("estimates.csv") ? t.replace(",pct_responders,60,", ",pct_responders,sixty,") : t),
      ),
    expect: {
      exitCode: 2,
      stderr: /^estimates\.csv: row 7 \(line 8\), column value must be a number or empty, got "sixty"$/,
    },
  },
];

for (const c of cases) {
  Deno.test(`bad input: ${c.name}`, async () => {
    if (c.expect instanceof RegExp) {
      let caught: unknown = undefined;
      try {
        await c.run();
      } catch (e) {
        caught = e;
      }
      assert.ok(caught !== undefined, "no error was thrown");
      assert.ok(caught instanceof ValidationError, `not a ValidationError: ${caught}`);
      assert.match((caught as Error).message, c.expect);
    } else if ("exitCode" in c.expect) {
      const out = (await c.run()) as CliOutcome;
      assert.equal(out.code, c.expect.exitCode, out.stderr);
      assert.match(out.stderr, c.expect.stderr);
      assert.doesNotMatch(out.stderr, /Stack backtrace|\n\s+at /);
    } else {
      const out = (await c.run()) as { warnings: string[] };
      assert.ok(out.warnings.some((w) => (c.expect as { warning: RegExp }).warning.test(w)), out.warnings.join(" | "));
    }
  });
}

Deno.test("the reproduce CLI as a process: an NA assumption gives exit 2, one line, no stack trace", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bad-input-evidence-" });
  try {
    await Deno.mkdir(`${dir}/evidence`);
    for (const [k, f] of Object.entries(EVIDENCE_FILES)) {
      await Deno.writeTextFile(`${dir}/${f}`, texts[k as EvidenceFile]);
    }
    await Deno.writeTextFile(
      `${dir}/evidence/assumptions.csv`,
      texts.assumptions.replace("group size EXP,42", "group size EXP,NA"),
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", repoPath("lib/cli/reproduce.ts"), "--data", dir],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr).trim();
    assert.equal(out.code, 2, stderr);
    assert.match(stderr, /^assumptions\.csv: row 1 \(line 2\), column value must be a number \(leeuw2008-n-exp/);
    assert.equal(stderr.split("\n").length, 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// ---- property: random malformed evidence CSV never crashes a loader, never yields NaN -----------

const parsers: [EvidenceFile, (text: string) => unknown[]][] = [
  ["estimates", parseEstimates],
  ["studies", parseStudies],
  ["smc", parseSmc],
  ["directions", parseDirections],
  ["subgroups", parseSubgroups],
  ["subgroupTests", parseSubgroupTests],
  ["population", parsePopulation],
  ["assumptions", parseAssumptions],
  ["tables", parseTables],
];

/** Every number in a parsed row is finite (missing values are null, never NaN). */
function assertFiniteRows(rows: unknown[], what: string): void {
  for (const [i, row] of rows.entries()) {
    for (const [k, v] of Object.entries(row as Record<string, unknown>)) {
      if (typeof v === "number") assert.ok(Number.isFinite(v), `${what} row ${i + 1} ${k} = ${v}`);
    }
  }
}

const cellJunk = fc.oneof(
  fc.constantFrom(
    "",
    "NA",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-0",
    "abc",
    '"',
    '""',
    ";",
    ",",
    "\t",
    "1,5",
    "true",
    " ",
  ),
  fc.double().map(String),
  fc.integer().map(String),
  fc.string({ maxLength: 6 }),
);

Deno.test("property: malformed evidence CSV gives a ValidationError or finite rows, never a crash or NaN", () => {
  for (const [key, parse] of parsers) {
    const lines = texts[key].trimEnd().split("\n");
    const cols = header(texts[key]).split(",").length;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Math.min(lines.length - 1, 8) }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), cellJunk), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (nRows, edits, dropHeaderCell) => {
          const rows = lines.slice(1, 1 + nRows).map((l) => l.split(","));
          for (const [r, c, v] of edits) rows[r % rows.length][c % cols] = v;
          const head = dropHeaderCell ? header(texts[key]).split(",").slice(1).join(",") : header(texts[key]);
          const text = [head, ...rows.map((r) => r.join(","))].join("\n") + "\n";
          try {
            assertFiniteRows(parse(text), key);
          } catch (e) {
            if (e instanceof assert.AssertionError) throw e;
            assert.ok(e instanceof ValidationError, `${key}: ${e instanceof Error ? e.stack : e}`);
            assert.match(e.message, new RegExp(`^(${EVIDENCE_FILES[key].split("/").pop()!.replace(".", "\\.")}): `));
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  }
});

Deno.test("property: arbitrary text as any evidence file gives a ValidationError or finite rows", () => {
  fc.assert(
    fc.property(fc.constantFrom(...parsers), fc.string({ maxLength: 300 }), ([key, parse], text) => {
      try {
        assertFiniteRows(parse(text), key);
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        assert.ok(e instanceof ValidationError, `${key}: ${e instanceof Error ? e.stack : e}`);
      }
    }),
    { seed: 42, numRuns: 200 },
  );
});

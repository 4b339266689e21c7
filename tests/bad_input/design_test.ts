/**
 * Bad input for the design engine and the simulate CLI (issue 17): each case is data, with the
 * message (or exit code and stderr) it must give. Library cases throw a `ValidationError`; CLI
 * cases run `runSimulateCli` in-process and must exit 2 without a stack trace. Then a seeded
 * fast-check property: random malformed simulations give a `ValidationError` or a valid
 * simulation, never another error or a hang; and a shard file cut anywhere is refused.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  diagnoseAnswer,
  diagnoseSimulation,
  mergeRaw,
  parseDesign,
  parseSimulation,
  runBlocks,
  shardToCsv,
  type Simulation,
  type SimulationInput,
} from "../../lib/design/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import { runSimulateCli } from "../../lib/cli/simulate.ts";
import { findSampleSize, minimalDetectableEffect, parseScenario } from "../../lib/design/mod.ts";

// ---- issue 11: scenario files ----
const scenarioBase = {
  scenario: "test",
  title: "t",
  description: "d",
  question: { comparator: "none", instrument: "pdi" },
  designs: [{ data: { type: "cohort", n: 20 } }],
  reps: 10,
  seed: 1,
};
const scen = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => () =>
  parseScenario({ ...scenarioBase, ...extra, values });
const T_TEST = { model: { instrument: "score" as const }, data: { type: "rct" as const }, answers: ["dim" as const] };

type Expect = RegExp | { exitCode: number; stderr: RegExp };
interface Case {
  name: string;
  run: () => unknown;
  expect: Expect;
}

const sim = (x: unknown): SimulationInput => x as SimulationInput;

// ---- a scratch folder with design files and shards for the CLI and merge cases ----
const dir = Deno.makeTempDirSync({ prefix: "design-bad-input-" });
const small = { design: { name: "rct", data: { type: "rct", n: 30 }, answers: ["dim"] }, reps: 40, seed: 5 };
const otherDesign = { design: { name: "rct", data: { type: "rct", n: 32 }, answers: ["dim"] }, reps: 40, seed: 5 };
const write = (name: string, text: string) => (Deno.writeTextFileSync(`${dir}/${name}`, text), `${dir}/${name}`);
const smallJson = write("small.json", JSON.stringify(small));
const otherJson = write("other.json", JSON.stringify(otherDesign));
write("noseed.json", JSON.stringify({ design: {}, reps: 10 }));
write("notjson.json", "{ design: }");
write("array.json", "[1, 2]");
write("huge.json", JSON.stringify({ design: { data: { type: "rct", n: 3_000_000_000 } }, seed: 1 }));
Deno.mkdirSync(`${dir}/folder.json`);

async function makeShards(): Promise<void> {
  for (const [json, prefix] of [[smallJson, "s"], [otherJson, "o"]] as const) {
    for (const i of [1, 2]) {
      const r = await runSimulateCli([
        json,
        "--workers",
        "1",
        "--shard",
        `${i}/2`,
        "--out",
        `${dir}/${prefix}${i}.csv`,
      ]);
      assert.equal(r.code, 0, r.stderr);
    }
  }
  const s2 = Deno.readTextFileSync(`${dir}/s2.csv`);
  const lines = s2.trimEnd().split("\n");
  // cut inside the last data row (the footer and half a row are lost)
  write("cut.csv", s2.slice(0, s2.lastIndexOf(lines[lines.length - 2]) + 12));
  // footer present but a row deleted
  write("edited.csv", [...lines.slice(0, 3), ...lines.slice(4)].join("\n") + "\n");
  // a non-number in data row 3 (line 5 of the file: provenance line, header, rows 1 and 2)
  write(
    "badcell.csv",
    lines.map((l, i) => (i === 4 ? l.replace(/^(\d+,\d+,\d+,\w+),[^,]*/, "$1,abc") : l)).join("\n") + "\n",
  );
  // an old-style raw file without provenance
  write("plain.csv", lines.slice(1, -1).join("\n") + "\n");
}

const libraryCases: Case[] = [
  {
    name: "rt-ci: too few randomisations for a 95% interval",
    run: () =>
      parseSimulation(sim({ design: { data: { type: "sced", randomizations: 19 }, answers: ["rt-ci"] }, seed: 1 })),
    expect: /data\.randomizations must be >= 40 for the rt-ci answer at level 95/,
  },
  {
    name: "rt-ci: an AB design with too few possible start points for the level",
    run: () =>
      parseSimulation(
        sim({
          design: { data: { type: "sced", design: "ab", cases: 1, measurements: 12, minPhase: 3 }, answers: ["rt-ci"] },
          seed: 1,
        }),
      ),
    expect: /data\.measurements give 7 possible assignments; the rt-ci answer at level 95 needs more than 40/,
  },
  {
    name: "bc-smd: one case has no between-case variance",
    run: () => parseSimulation(sim({ design: { data: { type: "sced", cases: 1 }, answers: ["bc-smd"] }, seed: 1 })),
    expect: /data\.cases must be >= 2 for the bc-smd answer/,
  },
  {
    name: "bc-smd: an SCED answer on an RCT",
    run: () => parseSimulation(sim({ design: { data: { type: "rct" }, answers: ["bc-smd"] }, seed: 1 })),
    expect: /answers\[0\] must be one of dim, welch, ancova, ni-ancova, change-t, responder-diff for a rct design/,
  },
  {
    name: "scenario: an assumption without the range considered",
    run: scen({ "model.naturalCourse": { value: 0.3, source: "assumption" } }),
    expect: /scenario: values\["model\.naturalCourse"\]\.range is required when the source is "assumption"/,
  },
  {
    name: "scenario: a value without a source",
    run: scen({ "model.naturalCourse": { value: 0.3, source: " " } }),
    expect: /source must name a seed line, a citation or "assumption"/,
  },
  {
    name: "scenario: a path outside model. and data.",
    run: scen({ "alpha": { value: 0.1, source: "x.txt:1" } }),
    expect: /values\["alpha"\] must be a dotted design path under model\. or data\./,
  },
  {
    name: "scenario: a reversed range",
    run: scen({ "model.expectation": { value: 0.3, source: "assumption", range: [0.5, 0.1] } }),
    expect: /values\["model\.expectation"\]\.range must be \[low, high\] with low <= high/,
  },
  {
    name: "scenario: a name that is not a short lower-case name",
    run: scen({}, { scenario: "My Scenario" }),
    expect: /scenario: scenario must be a short lower-case name such as sceptical/,
  },
  {
    name: "scenario: an unknown comparator in the question",
    run: scen({}, { question: { comparator: "placebo", instrument: "pdi" } }),
    expect: /question\.comparator/,
  },
  {
    name: "scenario: a value of the wrong type reaches the design check and names the path",
    run: scen({ "model.expectation": { value: "a lot", source: "x.txt:1" } }),
    expect: /scenario test: model\.expectation/,
  },
  {
    name: "ITS: an interruption that leaves fewer than 2 periods after it",
    run: () => parseDesign({ data: { type: "its", periods: 10, interruption: 9 } }),
    expect: /data\.interruption must leave at least 2 periods after it \(<= 8\), got 9/,
  },
  {
    name: "stepped wedge: a single centre",
    run: () => parseDesign({ data: { type: "stepped-wedge", clusters: 1 } }),
    expect: /data\.clusters must be >= 2, got 1/,
  },
  {
    name: "TwiCs: a refusal share above 1",
    run: () => parseDesign({ data: { type: "twics", refusal: 1.5 } }),
    expect: /data\.refusal must be <= 1, got 1\.5/,
  },
  {
    name: "controlled cohort: a treated share of 1 (no comparison left)",
    run: () => parseDesign({ data: { type: "controlled-cohort", share: 1 } }),
    expect: /data\.share must be < 1, got 1/,
  },
  {
    name: "non-inferiority answer without a margin",
    run: () => parseDesign({ data: { type: "rct", comparator: "usual-imsr" }, answers: ["ni-ancova"] }),
    expect: /data\.margin is required for the ni-ancova answer/,
  },
  {
    name: "a negative non-inferiority margin",
    run: () => parseDesign({ data: { type: "rct", margin: -2 }, answers: ["ni-ancova"] }),
    expect: /data\.margin must be > 0, got -2/,
  },
  {
    name: "non-adherence above 1",
    run: () => parseDesign({ data: { type: "rct", nonAdherence: 1.5 } }),
    expect: /data\.nonAdherence must be <= 1, got 1\.5/,
  },
  {
    name: "sidedness other than two or one",
    run: () => parseDesign({ sided: "both" } as never),
    expect: /sided must be one of "two", "one"/,
  },
  {
    name: "an estimand other than sample or population",
    run: () => parseDesign({ estimand: "pate" } as never),
    expect: /estimand must be one of "sample", "population"/,
  },
  {
    name: "response shift with an unknown key",
    run: () => parseDesign({ model: { responseShift: { personal: 1 } } } as never),
    expect: /model\.responseShift/,
  },
  {
    name: "more personalised items than domains",
    run: () => parseDesign({ model: { items: 9 } }),
    expect: /model\.items must be <= 7, got 9/,
  },
  {
    name: "findSampleSize: both a power and a half-width target",
    run: () => findSampleSize({ design: T_TEST, target: { power: 0.8, halfWidth: 1 }, reps: 100, seed: 1 }),
    expect: /findSampleSize: target must give exactly one of power or halfWidth/,
  },
  {
    name: "findSampleSize: power as a percentage",
    run: () => findSampleSize({ design: T_TEST, target: { power: 80 }, reps: 100, seed: 1 }),
    expect: /findSampleSize: target\.power must be a proportion in \(0, 1\), got 80/,
  },
  {
    name: "findSampleSize: a reversed range",
    run: () => findSampleSize({ design: T_TEST, target: { power: 0.8 }, range: [200, 20], reps: 100, seed: 1 }),
    expect: /findSampleSize: range must be whole numbers \[low, high\] with 4 <= low < high/,
  },
  {
    name: "findSampleSize: too few replications per evaluation",
    run: () => findSampleSize({ design: T_TEST, target: { power: 0.8 }, reps: 10, seed: 1 }),
    expect: /findSampleSize: reps must be a whole number >= 50, got 10/,
  },
  {
    name: "minimalDetectableEffect: power 0",
    run: () => minimalDetectableEffect({ design: T_TEST, power: 0, reps: 100, seed: 1 }),
    expect: /minimalDetectableEffect: power must be a proportion in \(0, 1\), got 0/,
  },
  {
    name: "wrong data.type names the field and the allowed values (not zod's raw 'Invalid discriminator value')",
    run: () => parseDesign({ data: { type: "rtc" } }),
    expect:
      /data\.type must be one of "rct", "waitlist", "cohort", "sced", "meta", "twics", "controlled-cohort", "stepped-wedge", "its" \(the data strategy\), got "rtc"/,
  },
  {
    name: "a numeric data.type",
    run: () => parseSimulation(sim({ design: { data: { type: 5 } }, seed: 1 })),
    expect: /simulate: data\.type must be one of "rct".*got 5/,
  },
  {
    name: "seed is required",
    run: () => parseSimulation(sim({ design: {} })),
    expect: /simulate: seed is required \(every random function takes a seed\)/,
  },
  {
    name: "a negative seed",
    run: () => parseSimulation({ design: {}, seed: -1 }),
    expect: /simulate: seed must be >= 0, got -1/,
  },
  {
    name: "a fractional seed",
    run: () => parseSimulation({ design: {}, seed: 1.5 }),
    expect: /seed must be a whole number/,
  },
  { name: "reps 0", run: () => parseSimulation({ design: {}, reps: 0, seed: 1 }), expect: /reps must be >= 1, got 0/ },
  {
    name: "data.n = 3e9 is refused up front with a memory and time estimate",
    run: () => parseSimulation({ design: { data: { type: "rct", n: 3_000_000_000 } }, seed: 1 }),
    expect:
      /data\.n is too large: one replication would need about [\d.]+ GB of memory \(limit 2 GB\) and 1000 replications about [\d.]+ (days|years) of CPU time, got 3000000000/,
  },
  {
    name: "reps × n absurd in time",
    run: () => parseSimulation({ design: { data: { type: "rct", n: 2_000_000 } }, reps: 10_000_000, seed: 1 }),
    expect:
      /reps is too large: the run would need about [\d.]+ (days|years) of CPU time \(limit 30 days however it is split\)/,
  },
  {
    name: "per-replication results too large for memory",
    run: () =>
      parseSimulation({
        design: { data: { type: "cohort", n: 4 } },
        grid: { "data.n": Array.from({ length: 100 }, (_, i) => 4 + i) },
        reps: 10_000_000,
        seed: 1,
      }),
    expect: /reps is too large: the per-replication results would need about [\d.]+ GB of memory/,
  },
  {
    name: "a grid whose combinations explode is refused before it is expanded",
    run: () =>
      parseSimulation({
        design: {},
        grid: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`model.x${i}`, [1, 2, 3, 4, 5, 6]])),
        seed: 1,
      }),
    expect: /simulate: grid gives 1679616 grid points \(designs × combinations\); at most 10000/,
  },
  {
    name: "an unknown design field",
    run: () => parseDesign({ colour: "red" } as never),
    expect: /design: input has unknown field\(s\) colour/,
  },
  {
    name: "an answer strategy that does not fit the data strategy",
    run: () => parseDesign({ data: { type: "cohort" }, answers: ["dim"] }),
    expect: /answers\[0\] must be one of change-t, smc, responder-rate for a cohort design, got "dim"/,
  },
  {
    name: "a grid path that is not a dotted path",
    run: () => parseSimulation({ design: {}, grid: { "1data": [1] }, seed: 1 }),
    expect: /simulate: grid\["1data"\] must be a dotted design path such as data\.n or model\.prioritised, got "1data"/,
  },
  {
    name: "a grid path into an object's prototype is refused (no prototype pollution)",
    run: () => parseSimulation({ design: {}, grid: { "model.__proto__.polluted": [1] }, seed: 1 }),
    expect: /grid\["model\.__proto__\.polluted"\] must be a dotted design path/,
  },
  {
    name: "a grid value that is not a list",
    run: () => parseSimulation(sim({ design: {}, grid: { "data.n": 50 }, seed: 1 })),
    expect: /grid\.data\.n must be a array, got 50|grid\.data\.n must be an? array/,
  },
  {
    name: "an error inside the grid names the design and the grid values",
    run: () => parseSimulation({ design: { data: { type: "rct" } }, grid: { "data.n": [10, 1] }, seed: 1 }),
    expect: /simulate \(design 1, \{"data\.n":1\}\): data\.n must be >= 4, got 1/,
  },
  {
    name: "an SCED with minPhase over half the measurements",
    run: () => parseDesign({ data: { type: "sced", measurements: 10, minPhase: 6 } }),
    expect: /data\.minPhase must be <= measurements \/ 2 \(5\), got 6/,
  },
  {
    name: "a multiple baseline with more cases than possible starts is refused at parse time, not mid-run",
    run: () => parseDesign({ data: { type: "sced", cases: 30, measurements: 20, minPhase: 5 } }),
    expect:
      /data\.cases must be <= the 11 possible starts of a multiple baseline with 20 measurements and minPhase 5, got 30/,
  },
  {
    name: "level 0",
    run: () => parseDesign({ level: 0 }),
    expect: /level must be a percentage in \[1, 100\) or a proportion/,
  },
  {
    name: "alpha 5 (a percentage where a proportion belongs)",
    run: () => parseDesign({ alpha: 5 }),
    expect: /alpha must be < 1, got 5/,
  },
  {
    name: "no designs",
    run: () => parseSimulation(sim({ designs: [], seed: 1 })),
    expect: /designs must have >= 1 elements/,
  },
  {
    name: "null instead of a simulation",
    run: () => parseSimulation(sim(null)),
    expect: /simulate: input must be an? object, got null/,
  },
  {
    name: "a selection that keeps nobody stops with the field named (not a RangeError)",
    run: () =>
      diagnoseSimulation(parseSimulation({
        design: { model: { selection: { cutoff: -1000, keep: "below" } }, data: { type: "cohort", n: 10 } },
        reps: 1,
        seed: 1,
      })),
    expect: /simulate: model\.selection keeps too few patients/,
  },
  {
    name: "diagnoseAnswer with a confidence level where alpha belongs",
    run: () => diagnoseAnswer({ estimate: [1], ci_lb: [0], ci_ub: [2], pval: [0.1], estimand: [1] }, 95),
    expect: /diagnoseAnswer: alpha must be a significance threshold in \(0, 1\), a proportion such as 0\.05, got 95/,
  },
  {
    name: "diagnoseAnswer with p-values shorter than the estimates (used to be read as 'no test')",
    run: () => diagnoseAnswer({ estimate: [1, 2], ci_lb: [0, 1], ci_ub: [2, 3], pval: [0.1], estimand: [1, 1] }, 0.05),
    expect: /diagnoseAnswer: pval must have 2 elements \(one per replication, like estimate\), got 1/,
  },
];

const cli = (args: string[]) => () => runSimulateCli(args);
const noRange = write(
  "scenario-norange.json",
  JSON.stringify({ ...scenarioBase, values: { "model.naturalCourse": { value: 1, source: "assumption" } } }),
);
const cliCases: Case[] = [
  {
    name: "CLI: a scenario file with an unsourced assumption",
    run: cli([noRange, "--json", "--workers", "1"]),
    expect: {
      exitCode: 2,
      stderr: /values\["model\.naturalCourse"\]\.range is required when the source is "assumption"/,
    },
  },
  {
    name: "CLI: --json is a flag, not an option with a value",
    run: cli([smallJson, "--json=yes"]),
    expect: { exitCode: 2, stderr: /--json/ },
  },
  {
    name: "CLI: an unknown option",
    run: cli([smallJson, "--rep", "10"]),
    expect: { exitCode: 2, stderr: /simulate: --rep is not an option of simulate \(did you mean --reps\?\)/ },
  },
  {
    name: "CLI: --workers 0",
    run: cli([smallJson, "--workers", "0"]),
    expect: { exitCode: 2, stderr: /simulate: --workers must be >= 1, got 0/ },
  },
  {
    name: "CLI: --reps not a number",
    run: cli([smallJson, "--reps", "many"]),
    expect: { exitCode: 2, stderr: /simulate: --reps must be a finite number, got "many"/ },
  },
  {
    name: "CLI: --shard 3/2",
    run: cli([smallJson, "--shard", "3/2", "--out", `${dir}/x.csv`]),
    expect: { exitCode: 2, stderr: /--shard must look like i\/n with 1 <= i <= n/ },
  },
  {
    name: "CLI: --shard without --out",
    run: cli([smallJson, "--shard", "1/2"]),
    expect: { exitCode: 2, stderr: /simulate: --shard needs --out/ },
  },
  {
    name: "CLI: --out into a missing folder is refused before the run",
    run: cli([smallJson, "--workers", "1", "--out", `${dir}/missing/out.csv`]),
    expect: {
      exitCode: 2,
      stderr: /^simulate: --out cannot be written: folder .*missing does not exist, got ".*out\.csv"\n$/,
    },
  },
  {
    name: "CLI: --raw into a missing folder",
    run: cli([smallJson, "--workers", "1", "--raw", `${dir}/nope/raw.csv`]),
    expect: { exitCode: 2, stderr: /simulate: --raw cannot be written: folder .*nope does not exist/ },
  },
  {
    name: "CLI: --out is a folder",
    run: cli([smallJson, "--out", dir]),
    expect: { exitCode: 2, stderr: /--out is a folder, not a file name/ },
  },
  {
    name: "CLI: the design file is not JSON",
    run: cli([`${dir}/notjson.json`]),
    expect: { exitCode: 2, stderr: /simulate: design file is not valid JSON/ },
  },
  {
    name: "CLI: the design file holds a list",
    run: cli([`${dir}/array.json`]),
    expect: { exitCode: 2, stderr: /design file must hold a JSON object/ },
  },
  {
    name: "CLI: the design file is a folder",
    run: cli([`${dir}/folder.json`]),
    expect: { exitCode: 2, stderr: /simulate: design file is a folder, not a file/ },
  },
  {
    name: "CLI: the design file does not exist",
    run: cli([`${dir}/nothing.json`]),
    expect: { exitCode: 2, stderr: /simulate: design file does not exist/ },
  },
  {
    name: "CLI: no seed anywhere",
    run: cli([`${dir}/noseed.json`]),
    expect: {
      exitCode: 2,
      stderr: /simulate: seed is required: add "seed": <whole number> to the design file, or pass --seed/,
    },
  },
  {
    name: "CLI: data.n = 3e9 is refused up front and writes nothing",
    run: cli([`${dir}/huge.json`, "--out", `${dir}/huge.csv`]),
    expect: { exitCode: 2, stderr: /simulate .*huge\.json: data\.n is too large: one replication would need about/ },
  },
  {
    name: "CLI: merge a shard cut inside its last row",
    run: cli([smallJson, "--merge", `${dir}/s1.csv`, `${dir}/cut.csv`]),
    expect: { exitCode: 2, stderr: /cut\.csv: footer is missing: the file is truncated/ },
  },
  {
    name: "CLI: merge a shard with a row deleted (footer count wrong)",
    run: cli([smallJson, "--merge", `${dir}/s1.csv`, `${dir}/edited.csv`]),
    expect: {
      exitCode: 2,
      stderr: /edited\.csv: footer says 20 data rows but the file has 19: the file is truncated or was edited/,
    },
  },
  {
    name: "CLI: merge shards of two different designs (same seed and grid) names both files",
    run: cli([smallJson, "--merge", `${dir}/s1.csv`, `${dir}/o2.csv`]),
    expect: {
      exitCode: 2,
      stderr:
        /simulate: --merge .*o2\.csv \(hash [0-9a-f]{16}\) and .*s1\.csv \(hash [0-9a-f]{16}\) come from different simulations/,
    },
  },
  {
    name: "CLI: merge shards of another design file than the one given",
    run: cli([smallJson, "--merge", `${dir}/o1.csv`, `${dir}/o2.csv`]),
    expect: {
      exitCode: 2,
      stderr: /o1\.csv \(hash [0-9a-f]{16}\) was not made from this design file with these options/,
    },
  },
  {
    name: "CLI: merge shards with another --reps than they were made with",
    run: cli([smallJson, "--reps", "50", "--merge", `${dir}/s1.csv`, `${dir}/s2.csv`]),
    expect: { exitCode: 2, stderr: /was not made from this design file with these options .*--reps or --seed differ/ },
  },
  {
    name: "CLI: a bad cell in a shard names the file, the 1-based row, the line in the file and the column",
    run: cli([smallJson, "--merge", `${dir}/s1.csv`, `${dir}/badcell.csv`]),
    expect: { exitCode: 2, stderr: /badcell\.csv: row 3 \(line 5\), column estimate must be/ },
  },
  {
    name: "CLI: merge a raw file without a provenance line",
    run: cli([smallJson, "--merge", `${dir}/plain.csv`]),
    expect: { exitCode: 2, stderr: /plain\.csv: line 1 must be the shard provenance line/ },
  },
  {
    name: "CLI: merge a missing shard file",
    run: cli([smallJson, "--merge", `${dir}/gone.csv`]),
    expect: { exitCode: 2, stderr: /simulate: --merge does not exist, got ".*gone\.csv"/ },
  },
  {
    name: "CLI: only one of two shards",
    run: cli([smallJson, "--merge", `${dir}/s1.csv`]),
    expect: { exitCode: 2, stderr: /simulate: grid point 1 is incomplete: a shard is missing, got "replication 21"/ },
  },
  {
    name: "CLI: --merge with --raw",
    run: cli([smallJson, "--merge", `${dir}/s1.csv`, "--raw", `${dir}/r.csv`]),
    expect: { exitCode: 2, stderr: /--raw cannot be combined with --merge/ },
  },
];

Deno.test({
  name: "bad input (design): every case gives its clear message",
  sanitizeResources: false,
  fn: async (t) => {
    await makeShards();
    try {
      for (const c of [...libraryCases, ...cliCases]) {
        await t.step(c.name, async () => {
          if (c.expect instanceof RegExp) {
            let error: unknown = null;
            try {
              await c.run();
            } catch (e) {
              error = e;
            }
            assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${error}`);
            assert.match((error as Error).message, c.expect);
          } else {
            const r = await c.run() as { code: number; stdout: string; stderr: string };
            assert.equal(r.code, c.expect.exitCode, r.stderr);
            assert.match(r.stderr, c.expect.stderr);
            assert.doesNotMatch(r.stderr, /Stack backtrace|\n {4}at /, "no stack trace");
          }
        });
      }
      assert.ok(libraryCases.length + cliCases.length >= 40);
      // nothing was written for the refused runs (no final file, no temporary file left behind)
      const left = [...Deno.readDirSync(dir)].map((e) => e.name);
      assert.ok(!left.includes("huge.csv") && !left.some((n) => n.includes(".tmp-")), left.join(" "));
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test("the documented grid example works: parseSimulation({ design: {}, grid: { 'data.n': [50, 100] }, seed })", () => {
  const s = parseSimulation({ design: {}, grid: { "data.n": [50, 100] }, seed: 1 });
  assert.deepEqual(s.points.map((p) => [p.design.data.type, (p.design.data as { n: number }).n]), [["rct", 50], [
    "rct",
    100,
  ]]);
  // a data object without a type is an RCT, as an absent one is
  assert.equal(parseDesign({ data: { n: 60 } as never }).data.type, "rct");
  // level 0.95 and 95 are the same 95 % interval
  assert.equal(parseDesign({ level: 0.95 }).level, 95);
  assert.equal(parseDesign({ level: 90 }).level, 90);
});

// ---- properties ----

const value = fc.oneof(
  fc.integer({ min: -5, max: 400 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, true, "rct", "cohort", "sced", "meta", "waitlist", "pdi", "x", "", 1e12, -0, Infinity),
  fc.array(fc.integer({ min: -3, max: 300 }), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom("type", "n", "mean", "sd", "rate", "cases"), fc.integer({ min: -2, max: 200 })),
);
const dataArb = fc.dictionary(
  fc.constantFrom(
    "type",
    "n",
    "allocation",
    "comparator",
    "dropout",
    "cases",
    "measurements",
    "minPhase",
    "studies",
    "tau",
    "ar",
    "randomizations",
    "junk",
  ),
  value,
  { maxKeys: 5 },
);
const designArb = fc.record({
  name: fc.oneof(fc.string(), fc.integer()),
  model: fc.dictionary(
    fc.constantFrom("instrument", "prioritised", "naturalCourse", "mcid", "sd", "selection", "effects"),
    value,
    { maxKeys: 3 },
  ),
  data: fc.oneof(dataArb, value),
  answers: fc.oneof(
    fc.array(fc.constantFrom("dim", "ancova", "smc", "re-pool", "randomization", "nope"), { maxLength: 3 }),
    value,
  ),
  alpha: value,
  level: value,
}, { requiredKeys: [] });
const simulationArb = fc.record({
  design: fc.oneof(designArb, value),
  designs: fc.oneof(fc.array(designArb, { maxLength: 3 }), value),
  grid: fc.oneof(
    fc.dictionary(
      fc.constantFrom("data.n", "model.prioritised", "1bad", "data.type", "reps"),
      fc.oneof(fc.array(value, { maxLength: 3 }), value),
      { maxKeys: 3 },
    ),
    value,
  ),
  reps: fc.oneof(fc.integer({ min: -2, max: 50 }), value),
  seed: fc.oneof(fc.integer({ min: -2, max: 2 ** 33 }), value),
  extra: value,
}, { requiredKeys: [] });

const validDesignArb = fc.record({
  model: fc.record({
    instrument: fc.constantFrom("pdi", "psc", "nrs", "score"),
    prioritised: fc.integer({ min: 1, max: 7 }),
  }),
  data: fc.oneof(
    fc.record({ type: fc.constantFrom("rct", "waitlist", "cohort"), n: fc.integer({ min: 4, max: 300 }) }),
    fc.record({
      type: fc.constant("sced"),
      cases: fc.integer({ min: 1, max: 4 }),
      measurements: fc.integer({ min: 12, max: 40 }),
    }),
    fc.record({ type: fc.constant("meta"), studies: fc.integer({ min: 2, max: 10 }) }),
  ),
  level: fc.constantFrom(0.9, 95, 99),
});
// a valid simulation with at most one field replaced by a random value
const nearlyValidArb = fc.tuple(
  fc.record({ design: validDesignArb, reps: fc.integer({ min: 1, max: 50 }), seed: fc.integer({ min: 0, max: 1000 }) }),
  fc.option(fc.tuple(fc.constantFrom("design", "reps", "seed", "grid", "designs"), value), { nil: undefined }),
).map(([base, mutation]) => (mutation ? { ...base, [mutation[0]]: mutation[1] } : base));

Deno.test("property: random malformed simulations give a ValidationError or a valid simulation, never a crash or a hang", () => {
  let valid = 0;
  fc.assert(
    fc.property(fc.oneof(simulationArb, nearlyValidArb), (input) => {
      const started = performance.now();
      let out: Simulation;
      try {
        out = parseSimulation(input as SimulationInput);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        assert.ok(e.message.length > 0 && !/Invalid discriminator|\[object Object\]/.test(e.message), e.message);
        return;
      }
      assert.ok(performance.now() - started < 2000, "parsing is quick");
      valid++;
      assert.ok(out.points.length >= 1);
      assert.ok(Number.isInteger(out.seed) && Number.isInteger(out.reps) && out.reps >= 1);
      for (const p of out.points) {
        assert.ok(p.design.answers.length >= 1);
        assert.ok(p.design.alpha > 0 && p.design.alpha < 1 && p.design.level >= 1 && p.design.level < 100);
        const d = p.design.data as unknown as Record<string, unknown>;
        for (const v of Object.values(d)) if (typeof v === "number") assert.ok(Number.isFinite(v), JSON.stringify(d));
      }
    }),
    { seed: 42, numRuns: 200 },
  );
  assert.ok(valid > 0, "some random simulations are valid");
});

Deno.test("property: a shard file cut anywhere before its end is refused by the merge (never merged short)", async () => {
  const s = parseSimulation({ design: { data: { type: "cohort", n: 12 } }, reps: 6, seed: 2 });
  const a = shardToCsv(s, await runBlocks(s, { shard: [0, 2] }), [0, 2]);
  const b = shardToCsv(s, await runBlocks(s, { shard: [1, 2] }), [1, 2]);
  assert.ok(mergeRaw(s, [a, b]).length > 0);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: b.length - 2 }), (cut) => {
      assert.throws(() => mergeRaw(s, [a, b.slice(0, cut)], ["a.csv", "b.csv"]), (e: unknown) => {
        assert.ok(e instanceof ValidationError, String(e));
        assert.match(e.message, /^b\.csv: (line 1|footer|row \d+)/);
        return true;
      });
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("property: malformed JSON text in a design file gives exit 2 with one clear message, or a valid run (never a crash)", async () => {
  const folder = await Deno.makeTempDir({ prefix: "design-json-prop-" });
  const base = JSON.stringify(small);
  let ok = 0, refused = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom("", "}", "{", '"', ",", "0", "-1", "null", "1e999", '"type":"x"', "[]"),
        async (at, cut, insert) => {
          const text = base.slice(0, at) + insert + base.slice(at + cut);
          await Deno.writeTextFile(`${folder}/d.json`, text);
          const r = await runSimulateCli([`${folder}/d.json`, "--workers", "1", "--quiet"]);
          assert.ok(r.code === 0 || r.code === 2, `exit ${r.code} for ${text}: ${r.stderr}`);
          assert.doesNotMatch(r.stderr, /Stack backtrace|\n {4}at |NaN|undefined/, text);
          if (r.code === 2) {
            refused++;
            assert.match(r.stderr, /^simulate[ :]/, text);
          } else {
            ok++;
            assert.match(r.stdout, /^design\s+grid\s+answer/);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
  assert.ok(ok > 0 && refused > 0, `${ok} valid, ${refused} refused`);
});

Deno.test("property: random malformed scenario files give a ValidationError or a valid scenario, never a crash", () => {
  const valueArb = fc.record({
    value: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.object()),
    source: fc.oneof(fc.constant("assumption"), fc.string(), fc.constant("x.txt:3")),
    range: fc.option(fc.tuple(fc.double(), fc.double()), { nil: undefined }),
  }, { requiredKeys: ["value", "source"] });
  const pathArb = fc.oneof(
    fc.constantFrom("model.naturalCourse", "model.expectation", "model.holdBack", "data.dropout", "data.nonAdherence"),
    fc.string(),
  );
  const scenarioArb = fc.record({
    scenario: fc.oneof(fc.constant("s"), fc.string()),
    title: fc.string(),
    description: fc.string(),
    question: fc.oneof(fc.constant({ comparator: "none", instrument: "pdi" }), fc.object()),
    values: fc.dictionary(pathArb, valueArb, { maxKeys: 4 }),
    designs: fc.oneof(fc.constant([{ data: { type: "cohort", n: 20 } }]), fc.array(fc.object(), { maxLength: 2 })),
    seed: fc.oneof(fc.nat(1000), fc.double()),
  }, { requiredKeys: [] });
  fc.assert(
    fc.property(scenarioArb, (input) => {
      try {
        const s = parseScenario(input);
        assert.ok(s.simulation.points.length >= 1);
      } catch (e) {
        assert.ok(e instanceof ValidationError, `not a ValidationError: ${(e as Error).stack}`);
      }
    }),
    { seed: 42, numRuns: 200 },
  );
});

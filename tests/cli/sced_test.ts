import assert from "node:assert/strict";
import { main } from "../../lib/cli/sced.ts";
import { readFixture, repoPath } from "../helpers.ts";

/** Run the CLI in-process and capture what it prints. */
export async function runSced(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    const code = await main(args);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

// The SCRT ABAB fixture (Onghena 1992 hypothetical data) written as a long-format CSV file.
// deno-lint-ignore no-explicit-any
const abab = readFixture<{ cases: any[] }>("sced/cases.json").cases.find((c) => c.id === "scrt-abab-onghena1992");
const dir = Deno.makeTempDirSync({ prefix: "sced-cli-" });
const ababCsv = `${dir}/abab.csv`;
Deno.writeTextFileSync(
  ababCsv,
  "case,measurement,phase,value\n" +
    abab.values.map((v: number, i: number) => `onghena,${i + 1},${abab.phases[i]},${v}`).join("\n"),
);
const data = (f: string) => repoPath(`data/sced/${f}`);

Deno.test("CLI: exact ABAB test reproduces SCRT (165 assignments, PA-PB p = 4/165), p printed with fmtP", async () => {
  const r = await runSced([ababCsv, "--design", "ABAB", "--limit", "4", "--statistic", "PA-PB", "--exact"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /assignments: 165/);
  assert.match(r.stdout, /observed statistic: 2\b/);
  assert.match(r.stdout, /p = 0\.0242 \(4 of 165 assignments/);
  const j = JSON.parse(
    (await runSced([ababCsv, "--design", "ABAB", "--limit", "4", "--statistic", "PA-PB", "--json"])).stdout,
  );
  assert.equal(j.pval, 4 / 165);
  assert.equal(j.assignments, 165);
  assert.equal(j.p, undefined, "the p-value is pval");
  assert.match(j.convention, /observed included/);
});

Deno.test("CLI: a misspelt option is an error with a suggestion, not a silent default (--limt 2)", async () => {
  const r = await runSced([ababCsv, "--design", "ABAB", "--limt", "2", "--statistic", "PA-PB"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--limt is not an option of sced \(did you mean --limit\?\)/);
  assert.equal(r.stdout, "");
  assert.doesNotMatch(r.stderr, /Stack backtrace|\n\s+at /);
  // the intended call gives SCRT's limit-2 result, different from the default limit 3
  const two = JSON.parse(
    (await runSced([ababCsv, "--design", "ABAB", "--limit", "2", "--statistic", "PA-PB", "--json"])).stdout,
  );
  const three = JSON.parse((await runSced([ababCsv, "--design", "ABAB", "--statistic", "PA-PB", "--json"])).stdout);
  assert.notEqual(two.assignments, three.assignments);
});

Deno.test("CLI: --help describes every option and exits 0", async () => {
  const r = await runSced(["--help"]);
  assert.equal(r.code, 0);
  for (
    const opt of [
      "--design",
      "--scheme",
      "--starts",
      "--limit",
      "--max-run",
      "--statistic",
      "--exact",
      "--draws",
      "--seed",
      "--combine",
      "--json",
      "--out",
    ]
  ) assert.match(r.stdout, new RegExp(`${opt.replace(/-/g, "\\-")}\\b`), opt);
});

Deno.test("CLI: MBD with Koehler–Levin start sets, exact and Monte Carlo (--draws --seed)", async () => {
  const args = [
    data("mbd-fear-diary.csv"),
    "--design",
    "MBD",
    "--scheme",
    "koehler-levin",
    "--starts",
    data("mbd-starts-koehler-levin.csv"),
    "--limit",
    "5",
    "--statistic",
    "A-B",
  ];
  const ex = JSON.parse((await runSced([...args, "--json"])).stdout);
  assert.equal(ex.assignments, 24 * 81); // 4! x 3^4
  assert.equal(ex.method, "exact");
  const mc = JSON.parse((await runSced([...args, "--draws", "2000", "--seed", "7", "--json"])).stdout);
  assert.equal(mc.method, "monte-carlo");
  assert.equal(mc.pval, (mc.k + 1) / 2001);
  assert.ok(mc.mcse > 0);
  assert.equal(mc.observed, ex.observed);
  assert.deepEqual(mc.participants, ["participant-1", "participant-2", "participant-3", "participant-4"]);
});

Deno.test("CLI: several patients in a phase design are tested one by one and combined; --out is atomic", async () => {
  const out = `${dir}/abcd.json`;
  const r = await runSced([
    data("abcd-fear-diary.csv"),
    "--design",
    "ABCD",
    "--limit",
    "5",
    "--statistic",
    "A-D",
    "--combine",
    "fisher",
    "--json",
    "--out",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.perCase.length, 3);
  assert.equal(j.perCase[0].assignments, 816); // C(35 - 20 + 3, 3)
  assert.equal(j.combined.method, "fisher");
  assert.equal(j.perCase[0].missing, 1);
  assert.deepEqual(JSON.parse(Deno.readTextFileSync(out)), j);
  assert.deepEqual([...Deno.readDirSync(dir)].filter((e) => e.name.includes(".tmp-")), []);
});

Deno.test("CLI: errors are reported with exit code 2 and one message naming the option", async () => {
  assert.equal((await runSced([])).code, 2);
  const noSeed = await runSced([ababCsv, "--design", "ABAB", "--limit", "4", "--draws", "100"]);
  assert.equal(noSeed.code, 2);
  assert.match(noSeed.stderr, /sced: --seed is required with --draws/);
  const bad = await runSced([ababCsv, "--design", "ABAB", "--limit", "7"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /n must be >= phases × limit \(28\)/);
  const kl = await runSced([data("mbd-fear-diary.csv"), "--design", "MBD", "--scheme", "koehler-levin"]);
  assert.match(kl.stderr, /starts are required for the koehler-levin scheme/);
});

import assert from "node:assert/strict";
import { runSced } from "../../lib/cli/sced.ts";
import { readFixture, repoPath } from "../helpers.ts";

// The SCRT ABAB fixture (Onghena 1992 hypothetical data) written as a long-format CSV in memory.
// deno-lint-ignore no-explicit-any
const abab = readFixture<{ cases: any[] }>("sced/cases.json").cases.find((c) => c.id === "scrt-abab-onghena1992");
const ababCsv = "case,measurement,phase,value\n" +
  abab.values.map((v: number, i: number) => `onghena,${i + 1},${abab.phases[i]},${v}`).join("\n");
const files: Record<string, string> = { "abab.csv": ababCsv };
const read = (p: string) => files[p] ?? Deno.readTextFileSync(repoPath(p));

Deno.test("CLI: exact ABAB test reproduces SCRT (165 assignments, PA-PB p = 4/165)", () => {
  const r = runSced(["abab.csv", "--design", "ABAB", "--limit", "4", "--statistic", "PA-PB", "--exact"], read);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /assignments: 165/);
  assert.match(r.stdout, /observed statistic: 2\b/);
  assert.match(r.stdout, /p = 0\.02424242 \(4 of 165 assignments/);
  const j = JSON.parse(
    runSced(["abab.csv", "--design", "ABAB", "--limit", "4", "--statistic", "PA-PB", "--json"], read).stdout,
  );
  assert.equal(j.p, 4 / 165);
  assert.equal(j.assignments, 165);
  assert.match(j.convention, /observed included/);
});

Deno.test("CLI: MBD with Koehler–Levin start sets, exact and Monte Carlo (--draws --seed)", () => {
  const args = [
    "data/sced/mbd-fear-diary.csv",
    "--design",
    "MBD",
    "--scheme",
    "koehler-levin",
    "--starts",
    "data/sced/mbd-starts-koehler-levin.csv",
    "--limit",
    "5",
    "--statistic",
    "A-B",
  ];
  const ex = JSON.parse(runSced([...args, "--json"], read).stdout);
  assert.equal(ex.assignments, 24 * 81); // 4! x 3^4
  assert.equal(ex.method, "exact");
  const mc = JSON.parse(runSced([...args, "--draws", "2000", "--seed", "7", "--json"], read).stdout);
  assert.equal(mc.method, "monte-carlo");
  assert.equal(mc.p, (mc.k + 1) / 2001);
  assert.equal(mc.observed, ex.observed);
  assert.deepEqual(mc.participants, ["participant-1", "participant-2", "participant-3", "participant-4"]);
});

Deno.test("CLI: several patients in a phase design are tested one by one and combined", () => {
  const r = runSced([
    "data/sced/abcd-fear-diary.csv",
    "--design",
    "ABCD",
    "--limit",
    "5",
    "--statistic",
    "A-D",
    "--combine",
    "fisher",
    "--json",
  ], read);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.perCase.length, 3);
  assert.equal(j.perCase[0].assignments, 816); // C(35 - 20 + 3, 3)
  assert.equal(j.combined.method, "fisher");
  assert.equal(j.perCase[0].missing, 1);
});

Deno.test("CLI: errors are reported with exit code 1 or 2 and a message", () => {
  assert.equal(runSced([], read).code, 2);
  const noSeed = runSced(["abab.csv", "--design", "ABAB", "--limit", "4", "--draws", "100"], read);
  assert.equal(noSeed.code, 1);
  assert.match(noSeed.stderr, /--seed is required with --draws/);
  const bad = runSced(["abab.csv", "--design", "ABAB", "--limit", "7"], read);
  assert.match(bad.stderr, /must be >= limit \(7\)|n must be >= phases × limit/);
  const kl = runSced(["data/sced/mbd-fear-diary.csv", "--design", "MBD", "--scheme", "koehler-levin"], read);
  assert.match(kl.stderr, /--starts is required for the koehler-levin scheme/);
});

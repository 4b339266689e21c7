import assert from "node:assert/strict";
import { progressBar, runSimulateCli } from "../../lib/cli/simulate.ts";
import { repoPath } from "../helpers.ts";

const design = {
  designs: [
    { name: "rct", data: { type: "rct", n: 40 }, answers: ["dim", "ancova"] },
    { name: "cohort", data: { type: "cohort", n: 30 } },
  ],
  grid: { "model.prioritised": [1, 3] },
  reps: 40,
  seed: 12,
};

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "simulate-cli-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("simulate CLI: summary table on stdout, diagnosis CSV with grid columns, progress on stderr", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/d.json`, JSON.stringify(design));
    let progress = "";
    const r = await runSimulateCli(
      [`${dir}/d.json`, "--workers", "1", "--out", `${dir}/out.csv`],
      (s) => (progress += s),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^design\s+grid\s+answer\s+estimand\s+power ± mcse/);
    assert.match(r.stdout, /rct\s+model\.prioritised=3\s+ancova/);
    assert.match(r.stdout, /only 40 replications: run at least 500/);
    assert.match(progress, /\[#{30}\] 100% {2}160\/160 replications\n$/);
    const csv = (await Deno.readTextFile(`${dir}/out.csv`)).trim().split("\n");
    assert.ok(csv[0].startsWith("design,grid_index,model.prioritised,answer,estimand,reps,failed,mean_estimand"));
    assert.equal(csv.length, 1 + 2 * 2 + 2 * 3, "2 grid points x (2 RCT answers + 3 cohort answers)");
  });
});

Deno.test("simulate CLI: --shard 1/2 and 2/2 merged with --merge equal the unsharded run byte for byte", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/d.json`, JSON.stringify(design));
    const full = await runSimulateCli([`${dir}/d.json`, "--workers", "1", "--out", `${dir}/full.csv`, "--reps", "30"]);
    assert.equal(full.code, 0, full.stderr);
    for (const i of [1, 2]) {
      const r = await runSimulateCli([
        `${dir}/d.json`,
        "--workers",
        "1",
        "--shard",
        `${i}/2`,
        "--out",
        `${dir}/s${i}.csv`,
        "--reps",
        "30",
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`shard ${i}/2`));
    }
    const merged = await runSimulateCli([
      `${dir}/d.json`,
      "--reps",
      "30",
      "--merge",
      `${dir}/s2.csv`,
      `${dir}/s1.csv`,
      "--out",
      `${dir}/merged.csv`,
    ]);
    assert.equal(merged.code, 0, merged.stderr);
    assert.equal(await Deno.readTextFile(`${dir}/merged.csv`), await Deno.readTextFile(`${dir}/full.csv`));
    const partial = await runSimulateCli([`${dir}/d.json`, "--reps", "30", "--merge", `${dir}/s1.csv`]);
    assert.equal(partial.code, 2);
    assert.match(partial.stderr, /simulate: grid point 1 is incomplete: a shard is missing, got "replication 16"/);
  });
});

Deno.test("simulate CLI: bad design files and arguments give clear errors", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/bad.json`, JSON.stringify({ design: { data: { type: "rct", n: 1 } } }));
    const r = await runSimulateCli([`${dir}/bad.json`, "--seed", "1"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /simulate .*bad\.json: data\.n must be >= 4, got 1/);
    const usage = await runSimulateCli([`${dir}/bad.json`, "--shard", "3/2", "--out", "x.csv"]);
    assert.equal(usage.code, 2);
    assert.match(
      usage.stderr,
      /simulate: --shard must look like i\/n with 1 <= i <= n <= 10000 \(e\.g\. 1\/4\), got "3\/2"/,
    );
    const missing = await runSimulateCli([`${dir}/nope.json`]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /simulate: design file does not exist, got ".*nope\.json"/);
    const help = await runSimulateCli(["--help"]);
    assert.equal(help.code, 0);
    for (const opt of ["--reps", "--seed", "--workers", "--out", "--raw", "--shard", "--merge", "--quiet"]) {
      assert.match(help.stdout, new RegExp(`\n  ${opt}\\b`), `--help describes ${opt}`);
    }
    const unknown = await runSimulateCli([`${dir}/bad.json`, "--rep", "10"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--rep is not an option of simulate \(did you mean --reps\?\)/);
  });
});

Deno.test("simulate CLI: the example design files in data/designs validate", async () => {
  for (const entry of Deno.readDirSync(repoPath("data/designs"))) {
    if (!entry.name.endsWith(".json")) continue;
    const r = await runSimulateCli([
      repoPath(`data/designs/${entry.name}`),
      "--reps",
      "2",
      "--workers",
      "1",
      "--quiet",
    ]);
    assert.equal(r.code, 0, `${entry.name}: ${r.stderr}`);
  }
  assert.equal(progressBar(5, 10, 10), "[#####-----]  50%  5/10 replications");
});

Deno.test({
  name: "simulate CLI: SIGINT mid-run leaves --out absent or the complete previous file, and no temporary file",
  sanitizeResources: false,
  fn: async () => {
    await withDir(async (dir) => {
      const long = { design: { data: { type: "rct", n: 200 } }, reps: 1_000_000, seed: 1 };
      await Deno.writeTextFile(`${dir}/long.json`, JSON.stringify(long));
      const previous = "design,grid_index,answer\nprevious,0,dim\n";
      await Deno.writeTextFile(`${dir}/f.csv`, previous);
      for (const target of ["f.csv", "new.csv"]) {
        const child = new Deno.Command(Deno.execPath(), {
          args: [
            "run",
            "-A",
            repoPath("lib/cli/simulate.ts"),
            `${dir}/long.json`,
            "--workers",
            "1",
            "--quiet",
            "--out",
            `${dir}/${target}`,
            "--raw",
            `${dir}/raw-${target}`,
          ],
          stdout: "piped",
          stderr: "piped",
        }).spawn();
        // the run has started once its temporary output file exists
        const started = Date.now();
        while (![...Deno.readDirSync(dir)].some((e) => e.name.startsWith(`.${target}.tmp-`))) {
          assert.ok(Date.now() - started < 30_000, "the run did not start");
          await new Promise((r) => setTimeout(r, 50));
        }
        await new Promise((r) => setTimeout(r, 300));
        child.kill("SIGINT");
        const killed = Date.now();
        const { code, stderr } = await child.output();
        assert.ok(Date.now() - killed < 10_000, "the interrupt stops the run at once, not after it");
        assert.equal(code, 130, new TextDecoder().decode(stderr));
        const names = [...Deno.readDirSync(dir)].map((e) => e.name);
        assert.ok(!names.some((n) => n.includes(".tmp-")), `temporary files left: ${names.join(" ")}`);
        assert.ok(!names.includes(`raw-${target}`), "no partial --raw file");
        if (target === "f.csv") {
          assert.equal(await Deno.readTextFile(`${dir}/f.csv`), previous, "the previous file is intact");
        } else assert.ok(!names.includes("new.csv"), "no partial new file");
      }
    });
  },
});

Deno.test("simulate --json on a scenario: the same bytes on 1 and 2 workers; certainty per row; no NaN", async () => {
  const file = repoPath("data/designs/scenario-literature-neutral.json");
  const a = await runSimulateCli([file, "--json", "--reps", "120", "--workers", "1", "--quiet"]);
  const b = await runSimulateCli([file, "--json", "--reps", "120", "--workers", "2", "--quiet"]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(a.stdout, b.stdout);
  assert.ok(!/NaN|Infinity/.test(a.stdout));
  const out = JSON.parse(a.stdout);
  assert.equal(out.scenario.name, "literature-neutral");
  assert.deepEqual(out.question, { comparator: "primary-care", instrument: "pdi" });
  for (const r of out.rows) {
    assert.ok(["high", "low"].includes(r.certainty.starting_level));
    assert.ok(["high", "moderate", "low", "very low"].includes(r.certainty.level));
    assert.equal(r.alpha, 0.05);
    assert.equal(r.sided, "two");
  }
});

Deno.test("simulate --json on a plain simulation file judges against the default question", async () => {
  const r = await runSimulateCli([
    repoPath("data/designs/dispute.json"),
    "--json",
    "--reps",
    "60",
    "--workers",
    "1",
    "--quiet",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.scenario, null);
  assert.equal(out.question.comparator, "primary-care");
  assert.ok(out.rows.every((x: { certainty: { imprecision: { rating: string } } }) => x.certainty.imprecision.rating));
});

// The recipe of data/designs/README.md: independent processes, one per shard (as GNU parallel or a
// Slurm array runs them), then one merge. Tested with plain `deno` processes (always available);
// the GNU parallel form runs too when `parallel` is installed.
async function deno(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), { args, cwd, stdout: "null", stderr: "piped" }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}
const CLI = repoPath("lib/cli/simulate.ts");
const SHARD_DESIGN = { ...design, reps: 45 };

Deno.test("shard recipe: 3 separate deno processes (as GNU parallel / Slurm run them) merged equal the unsharded run", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/d.json`, JSON.stringify(SHARD_DESIGN));
    const full = await runSimulateCli([`${dir}/d.json`, "--workers", "1", "--out", `${dir}/full.csv`, "--quiet"]);
    assert.equal(full.code, 0, full.stderr);
    const runs = await Promise.all(
      [1, 2, 3].map((i) =>
        deno(["run", "-A", CLI, "d.json", "--workers", "1", "--quiet", "--shard", `${i}/3`, "--out", `s${i}.csv`], dir)
      ),
    );
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const merged = await deno(
      ["run", "-A", CLI, "d.json", "--merge", "s1.csv", "s2.csv", "s3.csv", "--out", "merged.csv"],
      dir,
    );
    assert.equal(merged.code, 0, merged.stderr);
    assert.equal(await Deno.readTextFile(`${dir}/merged.csv`), await Deno.readTextFile(`${dir}/full.csv`));
  });
});

const hasParallel = await new Deno.Command("sh", {
  args: ["-c", "command -v parallel"],
  stdout: "null",
  stderr: "null",
})
  .output().then((o) => o.success).catch(() => false);

Deno.test({
  name: hasParallel
    ? "shard recipe: GNU parallel runs the shards; the merge equals the unsharded run"
    : "shard recipe: GNU parallel (SKIPPED: `parallel` is not installed; apt-get install -y parallel)",
  ignore: !hasParallel,
  fn: async () => {
    await withDir(async (dir) => {
      await Deno.writeTextFile(`${dir}/d.json`, JSON.stringify(SHARD_DESIGN));
      const full = await runSimulateCli([`${dir}/d.json`, "--workers", "1", "--out", `${dir}/full.csv`, "--quiet"]);
      assert.equal(full.code, 0, full.stderr);
      const cmd = `parallel --halt now,fail=1 '${Deno.execPath()} run -A ${CLI} d.json --workers 1 --quiet ` +
        `--shard {}/3 --out s{}.csv' ::: 1 2 3`;
      const out = await new Deno.Command("sh", { args: ["-c", cmd], cwd: dir, stderr: "piped" }).output();
      assert.ok(out.success, new TextDecoder().decode(out.stderr));
      const merged = await deno(
        ["run", "-A", CLI, "d.json", "--merge", "s1.csv", "s2.csv", "s3.csv", "--out", "m.csv"],
        dir,
      );
      assert.equal(merged.code, 0, merged.stderr);
      assert.equal(await Deno.readTextFile(`${dir}/m.csv`), await Deno.readTextFile(`${dir}/full.csv`));
    });
  },
});

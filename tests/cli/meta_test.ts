/**
 * The meta CLI: results on the example CSVs agree with the metafor fixtures, a yi/vi CSV is
 * analysed as is, the CLI prints what analyseStudies computes (same CSV text, same numbers),
 * --emit-r writes a runnable metafor script atomically (folder checked before the analysis),
 * --help exits 0, unknown options are errors, and `--level 0.95` prints "95% CI".
 */
import assert from "node:assert/strict";
import { assertClose, readFixture, repoPath } from "../helpers.ts";
import { main } from "../../lib/cli/meta.ts";
import { analyseStudies } from "../../lib/meta/mod.ts";

const morris = repoPath("data/examples/morris2008_smcr.csv");
const bcg = repoPath("data/examples/bcg.csv");

/** Run the CLI in-process, capturing stdout and stderr. */
export async function runMeta(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const log = console.log, err = console.error;
  let stdout = "", stderr = "";
  console.log = (...a: unknown[]) => (stdout += a.join(" ") + "\n");
  console.error = (...a: unknown[]) => (stderr += a.join(" ") + "\n");
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    console.log = log;
    console.error = err;
  }
}

/** Write `text` to a temporary CSV file and return its path. */
export async function tempCsv(text: string, name = "studies.csv"): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "meta-cli-" });
  const path = `${dir}/${name}`;
  await Deno.writeTextFile(path, text);
  return path;
}

Deno.test("meta CLI --json: Morris SMCR, REML + knha equals the metafor fixture", async () => {
  const r = await runMeta([morris, "--measure", "SMCR", "--method", "REML", "--test", "knha", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const res = JSON.parse(r.stdout);
  const fx = readFixture("metafor/morris2008_smcr.json");
  const f = fx.fits.find((x: { method: string; test: string }) => x.method === "REML" && x.test === "knha");
  res.data.yi.forEach((y: number, i: number) => assertClose(y, fx.escalc.yi[i], 1e-8, `yi[${i}]`));
  for (
    const key of ["beta", "se", "zval", "pval", "ci_lb", "ci_ub", "pi_lb", "pi_ub", "tau2", "I2", "QE", "QEp", "QM"]
  ) {
    assertClose(res.model[key], f[key], 1e-5, key);
  }
  assertClose(res.confint.tau2.ci_lb, f.confint.tau2[1], 1e-5, "tau2 CI lb");
  assert.ok("I2_Q" in res.model && "H2_Q" in res.model, "both I2 definitions in the JSON");
  assert.deepEqual(res.data.slab, ["Study 1", "Study 2", "Study 3", "Study 4", "Study 5"]);
});

Deno.test("meta CLI and analyseStudies: the same CSV text gives the same result", async () => {
  const text = await Deno.readTextFile(bcg);
  const path = await tempCsv(text.replace(",44,random", ",NA,random"));
  const r = await runMeta([path, "--measure", "RR", "--mods", "ablat", "--level", "0.9", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const lib = analyseStudies(text.replace(",44,random", ",NA,random"), {
    name: path,
    measure: "RR",
    mods: ["ablat"],
    level: 90,
  });
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(lib)));
  assert.match(r.stderr, /warning: meta: 1 study with a missing ablat omitted from model fitting: row 1 \(Aronson\)/);
});

Deno.test("meta CLI text output names both I2 definitions and the Q test; --level 0.95 prints 95% CI", async () => {
  const r = await runMeta([morris, "--measure", "SMCR", "--level", "0.95"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Estimate 0\.9121/);
  assert.match(r.stdout, /95% CI \[0\.3512, 1\.4730\]/);
  assert.doesNotMatch(r.stdout, /0\.95% CI/);
  assert.match(r.stdout, /Q\(4\) = 17\.4806/);
  assert.match(r.stdout, /I2 \(metafor, tau2-based\) = 81\.47%/);
  assert.match(r.stdout, /I2 \(Higgins, Q-based\)\s+= 77\.12%/);
  const r95 = await runMeta([morris, "--measure", "SMCR", "--level", "95"]);
  assert.equal(r95.stdout, r.stdout);
});

Deno.test("meta CLI: BCG meta-regression on ablat equals the metafor fixture", async () => {
  const r = await runMeta([bcg, "--measure", "RR", "--mods", "ablat", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const m = JSON.parse(r.stdout).model;
  const fx = readFixture("metafor/bcg_rr.json").metaregression_ablat;
  m.beta.forEach((b: number, j: number) => assertClose(b, fx.beta[j], 1e-5, `beta[${j}]`));
  assertClose(m.QM, fx.QM, 1e-5, "QM");
  assertClose(m.R2, fx.R2, 1e-5, "R2");
});

Deno.test("meta CLI: a CSV with yi and vi is analysed as is; --improvement decrease flips the sign", async () => {
  const fx = readFixture("metafor/morris2008_smcr.json");
  const path = await tempCsv(
    "study,yi,vi\n" + fx.escalc.yi.map((y: number, i: number) => `S${i + 1},${y},${fx.escalc.vi[i]}`).join("\n"),
  );
  const r = await runMeta([path, "--method", "DL", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const dl = fx.fits.find((x: { method: string; test: string }) => x.method === "DL" && x.test === "z");
  assertClose(JSON.parse(r.stdout).model.beta, dl.beta, 1e-8, "beta");
  const flipped = JSON.parse((await runMeta([path, "--method", "DL", "--json", "--improvement", "decrease"])).stdout);
  assertClose(flipped.model.beta, -dl.beta, 1e-8, "flipped beta");
});

Deno.test("meta CLI --emit-r: metafor script with escalc, rma, the assumed r and the options, written atomically", async () => {
  const path = await tempCsv("study,m1i,m2i,sd1i,ni\nA,38.5,30.6,15,20\nB,26.8,23.5,3.1,50\nC,0.7,0.5,0.1,9\n");
  const out = path.replace(/studies\.csv$/, "out.R");
  const r = await runMeta([path, "--measure", "SMCR", "--r", "0.5", "--test", "knha", "--emit-r", out]);
  assert.equal(r.code, 0, r.stderr);
  const s = await Deno.readTextFile(out);
  assert.match(s, /library\(metafor\)/);
  assert.match(s, /dat\$ri\[is\.na\(dat\$ri\)\] <- 0\.5/);
  assert.match(s, /escalc\(measure = "SMCR", m1i = m1i, m2i = m2i, sd1i = sd1i, ni = ni, ri = ri, data = dat\)/);
  assert.match(s, /rma\(yi, vi, data = dat, method = "REML", test = "knha", level = 95\)/);
  assert.match(s, /confint\(res\)/);
  const dir = path.replace(/\/studies\.csv$/, "");
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["out.R", "studies.csv"], "no temp file left");
});

Deno.test("meta CLI --emit-r into a missing folder fails before the analysis, without a stack trace", async () => {
  const r = await runMeta([morris, "--measure", "SMCR", "--emit-r", "/nonexistent-folder/x/out.R"]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "", "nothing printed: the folder is checked before the analysis runs");
  assert.match(r.stderr, /meta: --emit-r cannot be written: folder \/nonexistent-folder\/x does not exist/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

Deno.test("meta CLI: --help exits 0 and describes every option; unknown options are errors", async () => {
  const h = await runMeta(["--help"]);
  assert.equal(h.code, 0);
  for (const opt of ["--measure", "--method", "--test", "--level", "--r", "--r-grid", "--mods", "--col", "--emit-r"]) {
    assert.match(h.stdout, new RegExp(`${opt}\\b`), opt);
  }
  const u = await runMeta([morris, "--levle", "90"]);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /meta: --levle is not an option of meta \(did you mean --level\?\)/);
});

Deno.test("meta CLI: clear errors for missing measure, missing r, bad cells, missing files", async () => {
  const noR = await tempCsv("study,m1i,m2i,sd1i,ni\nA,38.5,30.6,15,20\n");
  let r = await runMeta([noR, "--measure", "SMCR"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /meta: column ri is required for SMCR .*--r <value>.*--r-grid/);
  r = await runMeta([noR]);
  assert.match(r.stderr, /meta: measure is required unless the file has yi and vi columns/);
  r = await runMeta([await tempCsv("study,m1i,m2i,sd1i,ni\nA,38.5,30.6,-15,20\n"), "--measure", "SMCR", "--r", "0.5"]);
  assert.match(r.stderr, /meta \(escalc\): row 1, column sd1i must be > 0, got -15/);
  r = await runMeta([await tempCsv("study,m1i,m2i,sd1i,ni\nA,38.5,30.6,abc,20\n"), "--measure", "SMCR", "--r", "0.5"]);
  assert.match(r.stderr, /meta: row 1, column sd1i must be a number, got "abc"/);
  r = await runMeta([noR, "--measure", "SMCR", "--r", "1.5"]);
  assert.match(r.stderr, /meta: --r must be <= 1, got 1.5/);
  r = await runMeta(["missing-file.csv", "--measure", "MD"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /meta: file does not exist, got "missing-file\.csv"/);
});

const assink = repoPath("data/examples/assink2016.csv");

Deno.test("meta CLI --cluster --rho --robust --json: CHE + CR2 on assink2016 in metafor's names", async () => {
  const r = await runMeta([assink, "--cluster", "study", "--obs", "esid", "--rho", "0.6", "--robust", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const res = JSON.parse(r.stdout);
  const fx = readFixture("metafor-mv/assink2016.json");
  const ref = fx.fits.find((f: { id: string }) => f.id === "che_rho0.6_REML_z");
  const mv = res.multilevel;
  for (const key of ["beta", "se", "ci_lb", "ci_ub", "sigma2"]) {
    mv[key].forEach((v: number, i: number) => assertClose(v, ref.fit[key][i], 1e-5, `${key}[${i}]`, 1e-8));
  }
  assertClose(mv.QE, ref.fit.QE, 1e-5, "QE");
  assertClose(mv.QM, ref.fit.QM, 1e-5, "QM");
  assert.deepEqual(mv.tau2, []);
  assert.deepEqual(mv.rho, []);
  assert.equal(mv.vcalc_rho, 0.6);
  assert.deepEqual(mv.s_names, ["study", "study/esid"]);
  for (const key of ["se", "df", "pval", "ci_lb", "ci_ub"]) {
    mv.robust[key].forEach((v: number, i: number) =>
      assertClose(v, ref.robust_clubSandwich[key][i], key === "pval" ? 1e-4 : 1e-5, `robust ${key}`)
    );
  }
  assert.equal(res.call.struct, "CHE");
});

Deno.test("meta CLI --cluster text: the model, CR2 and the comparison with naive pooling", async () => {
  const r = await runMeta([assink, "--cluster", "study", "--obs", "esid", "--rho", "0.6", "--robust"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Naive pooling, every effect size independent/);
  assert.match(r.stdout, /CHE: V from vcalc\(rho = 0\.6\), random = ~ 1 \| study\/esid/);
  assert.match(r.stdout, /sigma2 \(study\) = 0\.0807/);
  assert.match(r.stdout, /Cluster-robust CR2 \(clubSandwich; Satterthwaite df; 17 clusters\)/);
  assert.match(r.stdout, /intrcpt\s+0\.3678\s+0\.0970\s+14\.53/);
  assert.match(r.stdout, /CHE \+ CR2\s+0\.3678/);
});

Deno.test("meta CLI --cluster --emit-r: vcalc, rma.mv and robust(clubSandwich = TRUE) reproduce the CLI", async () => {
  const dir = await Deno.makeTempDir();
  const out = `${dir}/che.R`;
  const r = await runMeta([assink, "--cluster", "study", "--obs", "esid", "--rho", "0.6", "--robust", "--emit-r", out]);
  assert.equal(r.code, 0, r.stderr);
  const s = await Deno.readTextFile(out);
  assert.match(s, /^library\(metafor\)\nlibrary\(clubSandwich\)/m);
  assert.match(s, /V <- vcalc\(vi, cluster = study, obs = esid, rho = 0\.6, data = dat\)/);
  assert.match(
    s,
    /res <- rma\.mv\(yi, V, random = ~ 1 \| study\/esid, data = dat, method = "REML", test = "z", level = 95\)/,
  );
  assert.match(s, /print\(robust\(res, cluster = study, clubSandwich = TRUE\)\)/);
  // multilevel without rho: V = vi and an esid made from the row number
  const ml = `${dir}/ml.R`;
  assert.equal((await runMeta([assink, "--cluster", "study", "--mods", "deltype", "--emit-r", ml])).code, 0);
  const t = await Deno.readTextFile(ml);
  assert.match(t, /dat\$esid <- seq_len\(nrow\(dat\)\)/);
  assert.match(t, /dat\$deltype <- factor\(dat\$deltype, levels = c\("covert", "general", "overt"\)\)/);
  assert.match(t, /rma\.mv\(yi, vi, mods = ~ deltype, random = ~ 1 \| study\/esid/);
  assert.doesNotMatch(t, /clubSandwich/);
});

Deno.test("meta CLI --cluster --struct UN --outcome: multivariate model; script sets the outcome levels", async () => {
  const fx = readFixture("metafor-mv/berkey1998.json");
  const rows = fx.input.map((r: Record<string, unknown>, i: number) =>
    `${r.trial},${r.outcome},${fx.escalc.yi[i]},${fx.escalc.vi[i]}`
  );
  const path = await tempCsv(["trial,outcome,yi,vi", ...rows].join("\n") + "\n");
  const dir = await Deno.makeTempDir();
  const r = await runMeta([
    path,
    "--cluster",
    "trial",
    "--struct",
    "UN",
    "--outcome",
    "outcome",
    "--json",
    "--emit-r",
    `${dir}/un.R`,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const mv = JSON.parse(r.stdout).multilevel;
  assert.equal(mv.struct, "UN");
  assert.deepEqual(mv.g_levels, ["AL", "PD"], "inner levels sorted: AL first although PD is listed first");
  assert.equal(mv.tau2.length, 2);
  assert.equal(mv.rho.length, 1);
  const s = await Deno.readTextFile(`${dir}/un.R`);
  assert.match(s, /dat\$outcome <- factor\(dat\$outcome, levels = c\("AL", "PD"\)\)/);
  assert.match(s, /rma\.mv\(yi, vi, random = ~ outcome \| trial, struct = "UN"/);
});

Deno.test("meta CLI --help describes the dependent-effects options", async () => {
  const h = await runMeta(["--help"]);
  for (const opt of ["--cluster", "--obs", "--rho", "--struct", "--outcome", "--robust"]) {
    assert.match(h.stdout, new RegExp(`${opt}\\b`), opt);
  }
  assert.match(h.stdout, /CHE/);
});

Deno.test("meta CLI: vi = 0 as metafor — REML fits, prints – for QE/I2/H2 and metafor's warnings; DL and FE stop", async () => {
  const file = await tempCsv("yi,vi\n0.1,0.02\n0.9,0\n-0.4,0.05\n1.2,0.03\n0.5,0.04\n");
  let r = await runMeta([file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /There are outcomes with non-positive sampling variances \(vi = 0 in row 2\)/);
  assert.match(r.stderr, /Cannot compute Q-test, I\^2, or H\^2 when there are non-positive sampling variances/);
  assert.match(r.stdout, /Q\(4\) = –/);
  assert.ok(!/NaN|Infinity|null/.test(r.stdout), r.stdout);
  r = await runMeta([file, "--json"]);
  const res = JSON.parse(r.stdout);
  assert.equal(res.model.QE, null);
  assert.ok(res.model.tau2 > 0);
  r = await runMeta([file, "--method", "DL"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /DL estimator cannot be used when there are non-positive sampling variances in the data/);
  r = await runMeta([file, "--method", "FE"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Division by zero when computing the inverse variance weights/);
  assert.ok(!/ {4}at /.test(r.stderr));
});

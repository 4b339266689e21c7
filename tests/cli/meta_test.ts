/**
 * The meta CLI: results on the example CSVs agree with the metafor fixtures, a yi/vi CSV is
 * analysed as is, --emit-r writes a runnable metafor script, and bad input gives clear errors.
 */
import assert from "node:assert/strict";
import { assertClose, readFixture, repoPath } from "../helpers.ts";
import { runMeta } from "../../lib/cli/meta.ts";

const morris = repoPath("data/examples/morris2008_smcr.csv");
const bcg = repoPath("data/examples/bcg.csv");

Deno.test("meta CLI --json: Morris SMCR, REML + knha equals the metafor fixture", () => {
  const r = runMeta([morris, "--measure", "SMCR", "--method", "REML", "--test", "knha", "--json"]);
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
  assertClose(res.confint.tau2[1], f.confint.tau2[1], 1e-5, "tau2 CI lb");
  assert.ok("I2_Q" in res.model && "H2_Q" in res.model, "both I2 definitions in the JSON");
  assert.deepEqual(res.data.slab, ["Study 1", "Study 2", "Study 3", "Study 4", "Study 5"]);
});

Deno.test("meta CLI text output names both I2 definitions and the Q test", () => {
  const r = runMeta([morris, "--measure", "SMCR"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Estimate 0\.9121/);
  assert.match(r.stdout, /Q\(4\) = 17\.4806/);
  assert.match(r.stdout, /I2 \(metafor, tau2-based\) = 81\.47%/);
  assert.match(r.stdout, /I2 \(Higgins, Q-based\)\s+= 77\.12%/);
});

Deno.test("meta CLI: BCG meta-regression on ablat equals the metafor fixture", () => {
  const r = runMeta([bcg, "--measure", "RR", "--mods", "ablat", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const m = JSON.parse(r.stdout).model;
  const fx = readFixture("metafor/bcg_rr.json").metaregression_ablat;
  m.beta.forEach((b: number, j: number) => assertClose(b, fx.beta[j], 1e-5, `beta[${j}]`));
  assertClose(m.QM, fx.QM, 1e-5, "QM");
  assertClose(m.R2, fx.R2, 1e-5, "R2");
});

Deno.test("meta CLI: a CSV with yi and vi is analysed as is; --improvement decrease flips the sign", () => {
  const fx = readFixture("metafor/morris2008_smcr.json");
  const csv = "study,yi,vi\n" +
    fx.escalc.yi.map((y: number, i: number) => `S${i + 1},${y},${fx.escalc.vi[i]}`).join("\n");
  const read = () => csv;
  const r = runMeta(["given.csv", "--method", "DL", "--json"], read);
  assert.equal(r.code, 0, r.stderr);
  const dl = fx.fits.find((x: { method: string; test: string }) => x.method === "DL" && x.test === "z");
  assertClose(JSON.parse(r.stdout).model.beta, dl.beta, 1e-8, "beta");
  const flipped = JSON.parse(
    runMeta(["given.csv", "--method", "DL", "--json", "--improvement", "decrease"], read).stdout,
  );
  assertClose(flipped.model.beta, -dl.beta, 1e-8, "flipped beta");
});

Deno.test("meta CLI --emit-r: metafor script with escalc, rma, the assumed r and the options", () => {
  const csv = "study,m1i,m2i,sd1i,ni\nA,38.5,30.6,15,20\nB,26.8,23.5,3.1,50\nC,0.7,0.5,0.1,9\n";
  const r = runMeta(["x.csv", "--measure", "SMCR", "--r", "0.5", "--test", "knha", "--emit-r", "out.R"], () => csv);
  assert.equal(r.code, 0, r.stderr);
  const s = r.rScript!;
  assert.match(s, /library\(metafor\)/);
  assert.match(s, /dat\$ri\[is\.na\(dat\$ri\)\] <- 0\.5/);
  assert.match(s, /escalc\(measure = "SMCR", m1i = m1i, m2i = m2i, sd1i = sd1i, ni = ni, ri = ri, data = dat\)/);
  assert.match(s, /rma\(yi, vi, data = dat, method = "REML", test = "knha", level = 95\)/);
  assert.match(s, /confint\(res\)/);
});

Deno.test("meta CLI: clear errors for missing measure, missing r, bad cells and unknown options", () => {
  const noR = "study,m1i,m2i,sd1i,ni\nA,38.5,30.6,15,20\n";
  let r = runMeta(["x.csv", "--measure", "SMCR"], () => noR);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /ri is required for SMCR .*--r <value>.*--r-grid/);
  r = runMeta(["x.csv"], () => noR);
  assert.match(r.stderr, /--measure is required unless the CSV has yi and vi/);
  r = runMeta(["x.csv", "--measure", "SMCR", "--r", "0.5"], () => noR.replace("15,20", "-15,20"));
  assert.match(r.stderr, /sd1i\[0\] must be > 0, got -15/);
  r = runMeta(["x.csv", "--measure", "SMCR", "--r", "0.5"], () => noR.replace("15,20", "abc,20"));
  assert.match(r.stderr, /row 1 \(line 2\), column sd1i must be a number/);
  r = runMeta(["x.csv", "--frobnicate"], () => noR);
  assert.match(r.stderr, /--frobnicate is not a known option/);
  r = runMeta(["x.csv", "--measure", "SMCR", "--r", "1.5"], () => noR);
  assert.match(r.stderr, /--r must be in \[-1, 1\], got 1.5/);
  r = runMeta(["missing-file.csv", "--measure", "MD"], () => {
    throw new Error("No such file");
  });
  assert.match(r.stderr, /cannot read missing-file\.csv/);
});

/**
 * analyseStudies: every accepted vocabulary (yi/vi, metafor's columns, pre-post columns, --col
 * mappings), slab detection, CSV dialects, missing moderators dropped with a warning (as metafor),
 * the extras, and `level` given as 95 or 0.95 everywhere in the meta and effects engines.
 */
import assert from "node:assert/strict";
import { assertClose, readFixture, repoPath } from "../helpers.ts";
import {
  analyseStudies,
  confint,
  leave1out,
  rma,
  rmaMods,
  type RmaResult,
  rSensitivity,
  subgroup,
  trimfill,
} from "../../lib/meta/mod.ts";
import { ciToSe, escalc } from "../../lib/effects/mod.ts";

const morrisCsv = Deno.readTextFileSync(repoPath("data/examples/morris2008_smcr.csv"));
const prepostCsv = Deno.readTextFileSync(repoPath("data/examples/prepost-example.csv"));
const bcgCsv = Deno.readTextFileSync(repoPath("data/examples/bcg.csv"));
const fx = readFixture("metafor/morris2008_smcr.json");
const reml = fx.fits.find((x: { method: string; test: string }) => x.method === "REML" && x.test === "z");

Deno.test("analyseStudies: metafor columns, pre-post columns and yi/vi give metafor's Morris SMCR REML fit", () => {
  const a = analyseStudies(morrisCsv, { measure: "SMCR" });
  const b = analyseStudies(prepostCsv, { measure: "SMCR" });
  const yiCsv = "author,yi,vi\n" +
    fx.escalc.yi.map((y: number, i: number) => `S${i + 1},${y},${fx.escalc.vi[i]}`).join("\n");
  const c = analyseStudies(yiCsv);
  assert.equal(a.vocabulary, "metafor");
  assert.equal(b.vocabulary, "prepost");
  assert.equal(c.vocabulary, "yi");
  assert.equal(c.measure, "GEN");
  for (const res of [a, b, c]) {
    const m = res.model as RmaResult;
    for (const key of ["beta", "ci_lb", "ci_ub", "tau2", "I2"] as const) assertClose(m[key], reml[key], 1e-5, key);
  }
  assert.deepEqual(a.data.slab, ["Study 1", "Study 2", "Study 3", "Study 4", "Study 5"]);
  assert.deepEqual(c.data.slab, ["S1", "S2", "S3", "S4", "S5"], "author column as labels");
  assert.deepEqual(a.data.row, [1, 2, 3, 4, 5]);
  assert.deepEqual(a.warnings, []);
});

Deno.test("analyseStudies: --col mapping, a semicolon file with decimal commas, rFor all, improvement", () => {
  const renamed = morrisCsv.replace("ri", "r_prepost").replace("sd1i", "sd_baseline");
  const a = analyseStudies(renamed, { measure: "SMCR", cols: { ri: "r_prepost", sd1i: "sd_baseline" } });
  assertClose((a.model as RmaResult).beta, reml.beta, 1e-5, "mapped");
  const dutch = morrisCsv.replace(/,/g, ";").replace(/(\d)\.(\d)/g, "$1,$2");
  const d = analyseStudies(dutch, { measure: "SMCR" });
  assertClose((d.model as RmaResult).beta, reml.beta, 1e-5, "decimal comma");
  assert.match(d.dialect, /decimal comma/);
  const all = analyseStudies(morrisCsv, { measure: "SMCR", r: 0.5, rFor: "all" });
  assert.equal(all.data.ri_assumed, 5);
  const byHand = escalc("SMCR", {
    m1i: [38.5, 26.8, 0.7, 75.9, 36],
    m2i: [30.6, 23.5, 0.5, 53.4, 35.6],
    sd1i: [15, 3.1, 0.1, 14.5, 4.7],
    ni: [20, 50, 9, 10, 14],
    ri: [0.5, 0.5, 0.5, 0.5, 0.5],
  });
  assert.deepEqual(all.data.vi, byHand.vi);
  const flipped = analyseStudies(morrisCsv, { measure: "SMCR", improvement: "decrease" });
  assertClose((flipped.model as RmaResult).beta, -reml.beta, 1e-5, "flipped");
});

Deno.test("analyseStudies: an NA moderator drops that study with a warning and keeps the column numeric", () => {
  const bcg = readFixture("metafor/bcg_rr.json").metaregression_ablat;
  const full = analyseStudies(bcgCsv, { measure: "RR", mods: ["ablat"] });
  const m = full.model;
  assert.equal(m.model, "rma.uni.mods");
  if (m.model === "rma.uni.mods") m.beta.forEach((b, j) => assertClose(b, bcg.beta[j], 1e-5, `beta[${j}]`));
  const csv = bcgCsv.replace("2,Ferguson & Simes,1949,6,300,29,274,55,", "2,Ferguson & Simes,1949,6,300,29,274,,");
  const res = analyseStudies(csv, { measure: "RR", mods: ["ablat"] });
  assert.equal(res.model.k, 12);
  assert.deepEqual(res.model.model === "rma.uni.mods" ? res.model.colnames : [], ["intrcpt", "ablat"]);
  assert.equal(res.data.row[1], 3, "row 2 is gone");
  assert.deepEqual(res.warnings, [
    "meta: 1 study with a missing ablat omitted from model fitting: row 2 (Ferguson & Simes)",
  ]);
  // the same as fitting the 12 studies by hand
  const es = escalc("RR", {
    ai: res.data.cells.map((c) => Number(c.ai)),
    bi: res.data.cells.map((c) => Number(c.bi)),
    ci: res.data.cells.map((c) => Number(c.ci)),
    di: res.data.cells.map((c) => Number(c.di)),
  });
  const byHand = rmaMods({ yi: es.yi, vi: es.vi, mods: { ablat: res.data.cells.map((c) => Number(c.ablat)) } });
  if (res.model.model === "rma.uni.mods") assert.deepEqual(res.model.beta, byHand.beta);
});

Deno.test("analyseStudies: subgroup, bias, leave1out and r-sensitivity agree with the engine functions", () => {
  const sg = analyseStudies(bcgCsv, { measure: "RR", subgroup: "alloc" });
  assert.deepEqual(sg.subgroup?.levels, ["alternate", "random", "systematic"]);
  const res = analyseStudies(morrisCsv, { measure: "SMCR", bias: true, leave1out: true, rGrid: [0.3, 0.7] });
  const fit = rma({ yi: res.data.yi, vi: res.data.vi, slab: res.data.slab });
  assert.deepEqual(res.leave1out, leave1out(fit));
  const tf = trimfill(fit);
  assert.equal(res.trimfill?.k0, tf.k0);
  assert.equal(res.trimfill?.beta, tf.fit.beta);
  assert.equal(res.trimfill?.filled.yi.length, tf.k0);
  assert.deepEqual(res.rSensitivity?.rows.map((r) => r.r), [0.3, 0.7]);
  assert.deepEqual(res.confint, confint(fit));
  // k = 2: the extras that need k >= 3 are reported as warnings; the main fit stands
  const two = analyseStudies("study,yi,vi\nA,0.2,0.04\nB,0.5,0.03\n", { bias: true });
  assert.equal(two.regtest, null);
  assert.equal(two.trimfill, null);
  assert.match(two.warnings.join("\n"), /trim-and-fill not computed: .*k = 2 give side/);
});

Deno.test("level: 0.95 and 95 give the same interval in every meta and effects function", () => {
  const yi = [0.5, 1.0, 1.8, 1.4, 0.1, 0.7], vi = [0.06, 0.03, 0.23, 0.12, 0.08, 0.05];
  const a = rma({ yi, vi, level: 0.95 }), b = rma({ yi, vi, level: 95 });
  assert.equal(a.level, 95);
  assert.deepEqual([a.ci_lb, a.ci_ub, a.pi_lb, a.pi_ub], [b.ci_lb, b.ci_ub, b.pi_lb, b.pi_ub]);
  assert.deepEqual(confint(b, 0.9), confint(b, 90));
  const mods = { x: [1, 2, 3, 4, 5, 6] };
  assert.deepEqual(rmaMods({ yi, vi, mods, level: 0.9 }).ci_lb, rmaMods({ yi, vi, mods, level: 90 }).ci_lb);
  const group = ["a", "a", "a", "b", "b", "b"];
  assert.deepEqual(subgroup({ yi, vi, group, level: 0.9 }), subgroup({ yi, vi, group, level: 90 }));
  assert.deepEqual(leave1out(b, { level: 0.9 }), leave1out(b, { level: 90 }));
  assert.deepEqual(trimfill(b, { level: 0.9 }), trimfill(b, { level: 90 }));
  const data = { m1i: [38.5, 26.8, 0.7], m2i: [30.6, 23.5, 0.5], sd1i: [15, 3.1, 0.1], ni: [20, 50, 9] };
  assert.deepEqual(
    rSensitivity({ measure: "SMCR", data, level: 0.9 }),
    rSensitivity({ measure: "SMCR", data, level: 90 }),
  );
  assert.equal(ciToSe(-0.2, 0.6, { level: 0.9 }), ciToSe(-0.2, 0.6, { level: 90 }));
  const csvA = analyseStudies(morrisCsv, { measure: "SMCR", level: 0.95 });
  const csvB = analyseStudies(morrisCsv, { measure: "SMCR", level: 95 });
  assert.deepEqual(csvA, csvB);
});

/**
 * Data-driven comparison with metafor: one test per fixture file in ../shared/fixtures/metafor/.
 * Every number listed in a fixture is compared: escalc yi/vi, each fit (beta, se, zval, pval, ci,
 * tau2, se_tau2, I2, H2, QE, QEp, QM, QMp, prediction interval, Q-profile confint bounds), and
 * where present the BCG meta-regression, subgroup, leave-one-out, Egger and trim-and-fill values and
 * the back-transformed proportions. Tolerances as agreed: 1e-8 relative for closed forms, 1e-5
 * for iterative estimators (ML, REML, EB, PM) and for everything found with a root finder (the
 * Q-profile bounds). The fixtures were generated with metafor 3.8.1 (`source` field).
 */
import { assertClose } from "../helpers.ts";
import { readFixture } from "../helpers.ts";
import { escalc, type EscalcData, type Measure } from "../../lib/effects/escalc.ts";
import { confint, rma, type Tau2Method, type TestType } from "../../lib/meta/rma.ts";
import { rmaMods } from "../../lib/meta/metareg.ts";
import { subgroup } from "../../lib/meta/subgroup.ts";
import { leave1out } from "../../lib/meta/influence.ts";
import { regtest, trimfill } from "../../lib/meta/bias.ts";
import { backTransformFit } from "../../lib/meta/transf.ts";

const CLOSED = 1e-8;
const ITER = 1e-5;
const ITERATIVE = new Set(["ML", "REML", "EB", "PM"]);

type Row = Record<string, number | string>;
const col = (rows: Row[], name: string) => rows.map((r) => r[name] as number);

/** Map each fixture's input columns to escalc's arguments exactly as its `call` field says. */
function escalcArgs(file: string, rows: Row[]): { measure: Measure; data: EscalcData } {
  if (file.startsWith("morris2008_")) {
    const measure = file.replace("morris2008_", "").replace(".json", "").toUpperCase() as Measure;
    if (measure === "SMCR") {
      // escalc('SMCR', m1i=m_post, m2i=m_pre, sd1i=sd_pre, ni=ni, ri=ri)
      return {
        measure,
        data: {
          m1i: col(rows, "m_post"),
          m2i: col(rows, "m_pre"),
          sd1i: col(rows, "sd_pre"),
          ni: col(rows, "ni"),
          ri: col(rows, "ri"),
        },
      };
    }
    // escalc(measure, m1i=m_post, m2i=m_pre, sd1i=sd_post, sd2i=sd_pre, ni=ni, ri=ri)
    return {
      measure,
      data: {
        m1i: col(rows, "m_post"),
        m2i: col(rows, "m_pre"),
        sd1i: col(rows, "sd_post"),
        sd2i: col(rows, "sd_pre"),
        ni: col(rows, "ni"),
        ri: col(rows, "ri"),
      },
    };
  }
  if (file.startsWith("normand1999_")) {
    const measure = file.includes("_smd") ? "SMD" : "MD";
    const data: EscalcData = {};
    for (const f of ["m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"] as const) data[f] = col(rows, f);
    return { measure, data };
  }
  if (file.startsWith("pritz1997_")) {
    const measure = file.replace("pritz1997_", "").replace(".json", "").toUpperCase() as Measure;
    return { measure, data: { xi: col(rows, "xi"), ni: col(rows, "ni") } };
  }
  if (file === "bcg_rr.json") {
    // escalc('RR', tpos, tneg, cpos, cneg)
    return {
      measure: "RR",
      data: { ai: col(rows, "tpos"), bi: col(rows, "tneg"), ci: col(rows, "cpos"), di: col(rows, "cneg") },
    };
  }
  throw new Error(`no mapping for fixture ${file}`);
}

const FIXTURE_FILES = [
  "bcg_rr.json",
  "morris2008_mc.json",
  "morris2008_smcc.json",
  "morris2008_smcr.json",
  "normand1999_md.json",
  "normand1999_smd.json",
  "pritz1997_pas.json",
  "pritz1997_pft.json",
  "pritz1997_plo.json",
  "pritz1997_pr.json",
];

const FIT_KEYS = [
  "beta",
  "se",
  "zval",
  "pval",
  "ci_lb",
  "ci_ub",
  "tau2",
  "se_tau2",
  "I2",
  "H2",
  "QE",
  "QEp",
  "QM",
  "QMp",
  "pi_lb",
  "pi_ub",
] as const;

for (const file of FIXTURE_FILES) {
  Deno.test(`metafor fixture ${file}: escalc, every fit, confint and the file's extra analyses`, () => {
    const fx = readFixture(`metafor/${file}`);
    const { measure, data } = escalcArgs(file, fx.input);
    const es = escalc(measure, data);
    es.yi.forEach((y, i) => assertClose(y, fx.escalc.yi[i], CLOSED, `${file} escalc yi[${i}]`));
    es.vi.forEach((v, i) => assertClose(v, fx.escalc.vi[i], CLOSED, `${file} escalc vi[${i}]`));
    let compared = 0;
    for (const f of fx.fits) {
      const fit = rma({ yi: es.yi, vi: es.vi, method: f.method as Tau2Method, test: f.test as TestType });
      const tol = ITERATIVE.has(f.method) ? ITER : CLOSED;
      const label = `${file} ${f.method}/${f.test}`;
      if (fit.k !== f.k) throw new Error(`${label}: k ${fit.k} != ${f.k}`);
      for (const key of FIT_KEYS) {
        if (!(key in f)) continue;
        assertClose(fit[key] as number | null, f[key], tol, `${label} ${key}`);
        compared++;
      }
      if (f.confint) {
        const ci = confint(fit);
        for (const key of ["tau2", "tau", "I2", "H2"] as const) {
          for (let j = 0; j < 3; j++) {
            const ours = [ci[key].estimate, ci[key].ci_lb, ci[key].ci_ub][j];
            assertClose(ours, f.confint[key][j], j === 0 ? tol : ITER, `${label} confint ${key}[${j}]`);
            compared++;
          }
        }
      }
    }
    if (compared < 17 * 10) throw new Error(`${file}: only ${compared} numbers compared`);
    if (fx.metaregression_ablat) checkBcgExtras(fx, es.yi, es.vi);
    if (fx.back_transformed) checkBackTransformed(fx, measure, es);
  });
}

/** BCG extras: meta-regression on ablat, subgroup by alloc, leave1out, Egger, trim-and-fill. */
function checkBcgExtras(fx: any, yi: number[], vi: number[]): void {
  const rows: Row[] = fx.input;
  // rma(yi, vi, mods = ~ ablat) (REML)
  const mr = rmaMods({ yi, vi, mods: { ablat: col(rows, "ablat") } });
  const m = fx.metaregression_ablat;
  for (const key of ["beta", "se", "pval"] as const) {
    mr[key].forEach((v, j) => assertClose(v, m[key][j], ITER, `metareg ${key}[${j}]`));
  }
  for (const key of ["tau2", "QM", "QMp", "QE", "QEp", "I2", "R2"] as const) {
    assertClose(mr[key] as number, m[key], ITER, `metareg ${key}`);
  }
  // rma(yi, vi, mods = ~ alloc) (REML). The fixture's `beta`/`se` are this model's coefficients
  // (intercept = "alternate", then the differences random - alternate and systematic - alternate),
  // although they are listed next to `levels`; the per-level estimates are checked against them too.
  const sg = subgroup({ yi, vi, group: rows.map((r) => r.alloc as string) });
  const s = fx.subgroup_alloc;
  if (sg.levels.join() !== s.levels.join()) throw new Error(`levels ${sg.levels} != ${s.levels}`);
  sg.common.beta.forEach((v, j) => assertClose(v, s.beta[j], ITER, `subgroup beta[${j}]`));
  sg.common.se.forEach((v, j) => assertClose(v, s.se[j], ITER, `subgroup se[${j}]`));
  const perLevel = [s.beta[0], s.beta[0] + s.beta[1], s.beta[0] + s.beta[2]];
  sg.common.estimate.forEach((v, j) => assertClose(v, perLevel[j], ITER, `subgroup estimate[${j}]`));
  for (const key of ["tau2", "QM", "QMp", "QE", "QEp"] as const) {
    assertClose(sg.common[key], s[key], ITER, `subgroup ${key}`);
  }
  // leave1out(rma(yi, vi)) (REML)
  const fit = rma({ yi, vi });
  const l1o = leave1out(fit);
  for (const key of ["estimate", "se", "tau2", "I2", "Q"] as const) {
    l1o[key].forEach((v, j) => assertClose(v, fx.leave1out[key][j], ITER, `leave1out ${key}[${j}]`));
  }
  // regtest(rma(yi, vi)) (REML, predictor sei)
  const eg = regtest(fit);
  assertClose(eg.zval, fx.egger.zval, ITER, "egger zval");
  assertClose(eg.pval, fx.egger.pval, ITER, "egger pval");
  assertClose(eg.est, fx.egger.est, ITER, "egger est");
  // trimfill(rma(yi, vi, method = "FE")): closed form throughout
  const tf = trimfill(rma({ yi, vi, method: "FE" }));
  if (tf.k0 !== fx.trimfill_fe.k0) throw new Error(`trimfill k0 ${tf.k0} != ${fx.trimfill_fe.k0}`);
  if (tf.side !== fx.trimfill_fe.side) throw new Error(`trimfill side ${tf.side} != ${fx.trimfill_fe.side}`);
  assertClose(tf.fit.beta, fx.trimfill_fe.beta, CLOSED, "trimfill beta");
  assertClose(tf.fit.se, fx.trimfill_fe.se, CLOSED, "trimfill se");
}

/** Proportions: predict(rma(yi, vi), transf = back-transformation) (REML). */
function checkBackTransformed(fx: any, m: Measure, es: { yi: number[]; vi: number[]; ni: number[] }): void {
  const bt = backTransformFit(rma({ yi: es.yi, vi: es.vi }), m as "PR" | "PLO" | "PAS" | "PFT", es.ni);
  for (const key of ["pred", "ci_lb", "ci_ub", "pi_lb", "pi_ub"] as const) {
    assertClose(bt[key], fx.back_transformed[key], ITER, `${m} back-transformed ${key}`);
  }
}

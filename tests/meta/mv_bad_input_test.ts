/**
 * Bad input to the multilevel engine, robust inference and the diagnostics (issue 17): every case
 * must end in a ValidationError whose message names the tool, the field (and the 1-based row where
 * there is one) and the rule — never a crash, NaN or a silent wrong answer. Cases are data.
 * A fast-check property feeds random malformed inputs: a ValidationError or a finite fit, nothing else.
 */
import fc from "fast-check";
import { ValidationError } from "../../lib/validate.ts";
import { confintMv, predictMv, rmaMv, type RmaMvResult } from "../../lib/meta/rmamv.ts";
import { vcalc } from "../../lib/meta/vcalc.ts";
import { robust, waldTest } from "../../lib/meta/robust.ts";
import { rma } from "../../lib/meta/rma.ts";
import { cumul, fsn, influence, knhaAdhoc, permutest, ranktest, selmodel } from "../../lib/meta/diagnostics.ts";

const yi = [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7];
const vi = [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04];
const study = [1, 1, 2, 2, 3, 3, 4, 4];
const esid = [1, 2, 1, 2, 1, 2, 1, 2];
const random = { nested: [study, esid] };
const good = () => rmaMv({ yi, V: vi, random });

interface Case {
  name: string;
  run: () => unknown;
  expect: RegExp;
}

const cases: Case[] = [
  {
    name: "yi with NaN names the row",
    run: () => rmaMv({ yi: [0.1, NaN, 0.3], V: [0.1, 0.1, 0.1], random: { nested: [[1, 1, 2]] } }),
    expect: /rmaMv: row 2, yi\[1\] must be a finite number/,
  },
  {
    name: "negative variance names the row",
    run: () => rmaMv({ yi, V: vi.map((v, i) => (i === 4 ? -v : v)), random }),
    expect: /rmaMv: row 5, V\[4\] must be a finite number > 0/,
  },
  {
    name: "V of the wrong length",
    run: () => rmaMv({ yi, V: vi.slice(1), random }),
    expect: /rmaMv: V must have 8 elements \(like yi\), got 7/,
  },
  {
    name: "asymmetric V matrix",
    run: () => rmaMv({ yi: [0.1, 0.2], V: [[0.1, 0.05], [0.02, 0.1]], random: { nested: [[1, 1]] } }),
    expect: /rmaMv: V\[1\]\[0\] must equal V\[0\]\[1\] \(V must be symmetric\)/,
  },
  {
    name: "V not positive definite",
    run: () => rmaMv({ yi: [0.1, 0.2], V: [[0.1, 0.2], [0.2, 0.1]], random: { nested: [[1, 1]] } }),
    expect: /rmaMv: V is not positive definite/,
  },
  {
    name: "no random term",
    run: () => rmaMv({ yi, V: vi, random: [] }),
    expect: /rmaMv: random must give at least one random term/,
  },
  {
    name: "cluster id missing in a row",
    run: () =>
      rmaMv({
        yi,
        V: vi,
        random: { nested: [study.map((s, i) => (i === 2 ? (null as unknown as number) : s)), esid] },
      }),
    expect: /rmaMv: row 3, random.nested\[0\]\[2\] must be an id/,
  },
  {
    name: "cluster ids of the wrong length",
    run: () => rmaMv({ yi, V: vi, random: { nested: [study.slice(2)] } }),
    expect: /rmaMv: random.nested\[0\] must have 8 elements \(like yi\), got 6/,
  },
  {
    name: "unknown struct",
    run: () => rmaMv({ yi, V: vi, random: { inner: esid, outer: study, struct: "AR" as "CS" } }),
    expect: /rmaMv: random.struct must be CS, HCS, UN or DIAG, got "AR"/,
  },
  {
    name: "UN with a single inner level",
    run: () => rmaMv({ yi, V: vi, random: { inner: yi.map(() => "pain"), outer: study, struct: "UN" } }),
    expect: /rmaMv: random.inner needs at least 2 levels for struct UN, got 1/,
  },
  {
    name: "confintMv for UN with three inner levels is refused",
    run: () =>
      confintMv(rmaMv({
        yi: [...yi, 0.3, 0.2, 0.4, 0.1],
        V: [...vi, 0.02, 0.03, 0.02, 0.03],
        random: {
          inner: [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3],
          outer: [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4],
          struct: "UN",
        },
      })),
    expect: /confintMv: fit profile intervals for UN\/HCS with more than 2 inner levels are not supported/,
  },
  {
    name: "unknown method",
    run: () => rmaMv({ yi, V: vi, random, method: "DL" as "ML" }),
    expect: /rmaMv: method must be "REML" or "ML", got "DL"/,
  },
  {
    name: "level 100",
    run: () => rmaMv({ yi, V: vi, random, level: 100 }),
    expect: /rmaMv: level must be a percentage/,
  },
  {
    name: "collinear moderators",
    run: () => rmaMv({ yi, V: vi, random, mods: { a: study, b: study.map((s) => 2 * s) } }),
    expect: /rmaMv: mods the model matrix is not of full rank/,
  },
  {
    name: "as many coefficients as effects",
    run: () =>
      rmaMv({ yi: yi.slice(0, 3), V: vi.slice(0, 3), random: { nested: [[1, 1, 2]] }, mods: [[1, 0], [0, 1], [1, 1]] }),
    expect: /rmaMv: mods need more effect sizes than coefficients: k = 3, p = 3/,
  },
  {
    name: "moderator cell not a number names the row",
    run: () => rmaMv({ yi, V: vi, random, mods: { x: [1, 2, 3, 4, 5, Infinity, 7, 8] } }),
    expect: /rmaMv: row 6, mods.x\[5\] must be a finite number/,
  },
  {
    name: "dfs contain with too few levels",
    run: () =>
      rmaMv({ yi: [0.1, 0.2, 0.3], V: [0.1, 0.1, 0.1], random: { nested: [[1, 1, 1]] }, test: "t", dfs: "contain" }),
    expect: /rmaMv: dfs gives 0 denominator df/,
  },
  {
    name: "vcalc rho outside [-1, 1]",
    run: () => vcalc({ vi, cluster: study, rho: 1.5 }),
    expect: /vcalc: rho must be a correlation in \[-1, 1\], got 1.5/,
  },
  {
    name: "vcalc rho and phi together",
    run: () => vcalc({ vi, cluster: study, rho: 0.5, phi: 0.5, time1: esid }),
    expect: /vcalc: rho give either rho/,
  },
  {
    name: "vcalc zero variance names the row",
    run: () => vcalc({ vi: [0.1, 0, 0.1], cluster: [1, 1, 2], rho: 0.5 }),
    expect: /vcalc: row 2, vi\[1\] must be a finite number > 0/,
  },
  {
    name: "vcalc time1 missing",
    run: () => vcalc({ vi, cluster: study, phi: 0.5 }),
    expect: /vcalc: time1 must have 8 time points/,
  },
  {
    name: "robust with one cluster",
    run: () => robust(good(), { cluster: yi.map(() => 1) }),
    expect: /robust: cluster must have at least 2 clusters, got 1/,
  },
  {
    name: "robust cluster of the wrong length",
    run: () => robust(good(), { cluster: study.slice(1) }),
    expect: /robust: cluster must have 8 elements/,
  },
  {
    name: "robust on a JSON copy of a fit",
    run: () => robust(JSON.parse(JSON.stringify(good())) as RmaMvResult, { cluster: study }),
    expect: /robust: fit must be a result returned by rmaMv\(\)/,
  },
  {
    name: "robust CR1 with as many clusters as coefficients",
    run: () =>
      robust(
        rmaMv({
          yi,
          V: vi,
          random,
          mods: { x: [1, 2, 3, 4, 5, 6, 7, 9], z: [0, 1, 0, 1, 1, 0, 0, 1], w: [3, 1, 4, 1, 5, 9, 2, 6] },
        }),
        { cluster: study },
      ),
    expect: /robust: cluster needs more clusters than coefficients \(m = 4, p = 4\)/,
  },
  {
    name: "waldTest coefficient out of range",
    run: () => waldTest(good(), { cluster: study, coefs: [2] }),
    expect: /waldTest: coefs\[0\] must be a coefficient index in 1..1, got 2/,
  },
  {
    name: "predictMv without newmods for a moderator model",
    run: () => predictMv(rmaMv({ yi, V: vi, random, mods: { x: study } })),
    expect: /predictMv: newmods is required for a model with 2 coefficients/,
  },
  {
    name: "predictMv unknown tau2 level",
    run: () =>
      predictMv(
        rmaMv({
          yi,
          V: vi,
          random: { inner: esid, outer: study, struct: "UN" },
          mods: { g: esid.map(String) },
          intercept: false,
        }),
        { newmods: [[1, 0]], tau2_levels: ["9"] },
      ),
    expect: /predictMv: tau2_levels\[0\] must be one of 1, 2/,
  },
  {
    name: "confintMv on a copy",
    run: () => confintMv({ ...good() }),
    expect: /confintMv: fit must be a result returned by rmaMv\(\)/,
  },
  {
    name: "moderator matrix cell names the row",
    run: () => rmaMv({ yi, V: vi, random, mods: yi.map((_, i) => [i === 6 ? NaN : i]) }),
    expect: /rmaMv: row 7, mods\[6\]\[0\] must be a finite number/,
  },
  {
    name: "cumul with a zero Knapp-Hartung scale in an early step names cumul and the step, not rma",
    run: () => cumul(rma({ yi: [0.3, 0.3, 0.5, 0.1], vi: [0.1, 0.2, 0.3, 0.1], test: "knha" }), [1, 2, 3, 4]),
    expect:
      /^cumul: test in step 2 \(the first 2 studies in the cumulative order, rows 1, 2\).*Knapp-Hartung scale factor is 0/,
  },
  {
    name: "cumul order of the wrong length",
    run: () => cumul(rma({ yi, vi }), [1, 2]),
    expect: /cumul: order must have 8 values/,
  },
  {
    name: "cumul order with NaN names the row",
    run: () => cumul(rma({ yi, vi }), [1, 2, 3, NaN, 5, 6, 7, 8]),
    expect: /cumul: row 4, order\[3\] must be a finite number/,
  },
  {
    name: "fsn Orwin target 0",
    run: () => fsn({ yi, vi }, { type: "Orwin", target: 0 }),
    expect: /fsn: target must not be 0/,
  },
  {
    name: "fsn alpha as a percentage",
    run: () => fsn({ yi, vi }, { alpha: 5 }),
    expect: /fsn: alpha must be a proportion in \(0, 1\), got 5/,
  },
  {
    name: "permutest Monte Carlo without a seed",
    run: () => permutest(rma({ yi, vi }), { exact: false }),
    expect: /permutest: seed is required/,
  },
  {
    name: "selmodel with an empty interval",
    run: () => selmodel(rma({ yi, vi }), { steps: [1e-12] }),
    expect: /selmodel: steps an interval holds no study/,
  },
  {
    name: "selmodel steps not increasing",
    run: () => selmodel(rma({ yi, vi }), { steps: [0.05, 0.025] }),
    expect: /selmodel: steps\[1\] must increase within \(0, 1\)/,
  },
  {
    name: "influence with too few studies",
    run: () => influence(rma({ yi: [0.1, 0.2], vi: [0.1, 0.1] })),
    expect: /influence: fit needs at least 3 studies/,
  },
  {
    name: "ranktest with two studies",
    run: () => ranktest(rma({ yi: [0.1, 0.2], vi: [0.1, 0.1] })),
    expect: /ranktest: fit needs at least 3 studies/,
  },
  {
    name: "knhaAdhoc on something that is not a fit",
    run: () => knhaAdhoc({} as never),
    expect: /knhaAdhoc: fit must be a result of rma\(\) or rmaMods\(\)/,
  },
];

for (const c of cases) {
  Deno.test(`bad input (mv/diagnostics): ${c.name}`, () => {
    let err: unknown = null;
    try {
      c.run();
    } catch (e) {
      err = e;
    }
    if (!(err instanceof ValidationError)) {
      throw new Error(`expected a ValidationError, got ${err === null ? "no error" : String(err)}`);
    }
    if (!c.expect.test(err.message)) {
      throw new Error(`message ${JSON.stringify(err.message)} does not match ${c.expect}`);
    }
    if (/\n\s+at /.test(err.message)) throw new Error("stack trace in the message");
  });
}

Deno.test("bad input (mv): random malformed inputs give a ValidationError or a finite fit", () => {
  const num = fc.oneof(
    fc.double({ noNaN: false }),
    fc.constantFrom(0, -1, 1e-300, 1e300, NaN, Infinity),
    fc.double({ min: 0.001, max: 2, noNaN: true }),
  );
  const id = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom("a", "b", "", null as unknown as string));
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 9 }).chain((k) =>
        fc.record({
          yi: fc.array(num, { minLength: k, maxLength: k + 1 }),
          V: fc.array(num, { minLength: k, maxLength: k + 1 }),
          cl: fc.array(id, { minLength: k, maxLength: k + 1 }),
          obs: fc.array(id, { minLength: k, maxLength: k }),
          rho: fc.oneof(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.constant(NaN)),
          method: fc.constantFrom("REML", "ML", "EB"),
        })
      ),
      (d) => {
        try {
          const V = vcalc({ vi: d.V, cluster: d.cl, obs: d.obs, rho: d.rho });
          const fit = rmaMv({ yi: d.yi, V, random: { nested: [d.cl, d.obs] }, method: d.method as "ML" });
          const vals = [...fit.beta, ...fit.se, ...fit.sigma2, fit.QE, fit.QM, fit.fit_stats.logLik];
          if (!vals.every(Number.isFinite)) throw new Error(`non-finite output ${vals}`);
          const r = robust(fit, { cluster: d.cl, clubSandwich: true });
          if (![...r.se, ...r.df].every(Number.isFinite)) throw new Error("non-finite robust output");
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

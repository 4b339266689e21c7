/**
 * dependentEffects and analyseStudies with a cluster column against the metafor-mv fixture of
 * dat.assink2016 (metafor 3.8.1, clubSandwich 0.5.8): multilevel, CHE (vcalc rho = 0.6) and CR2.
 */
import assert from "node:assert/strict";
import { assertClose, readFixture, repoPath } from "../helpers.ts";
import { analyseStudies, dependentEffects } from "../../lib/meta/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

type Any = any;
const d = readFixture("metafor-mv/assink2016.json");
const fitOf = (id: string): Any => d.fits.find((f: Any) => f.id === id);
const TOL = 1e-5;
const yi: number[] = d.input.map((r: Any) => r.yi), vi: number[] = d.input.map((r: Any) => r.vi);
const study: number[] = d.input.map((r: Any) => r.study), esid: number[] = d.input.map((r: Any) => r.esid);
const csv = Deno.readTextFileSync(repoPath("data/examples/assink2016.csv"));

function checkFit(res: Any, ref: Any, label: string) {
  assertClose(res.beta[0], ref.fit.beta[0], TOL, `${label} beta`);
  assertClose(res.se[0], ref.fit.se[0], TOL, `${label} se`);
  assertClose(res.ci_lb[0], ref.fit.ci_lb[0], TOL, `${label} ci_lb`);
  assertClose(res.ci_ub[0], ref.fit.ci_ub[0], TOL, `${label} ci_ub`);
  ref.fit.sigma2.forEach((s: number, i: number) => assertClose(res.sigma2[i], s, TOL, `${label} sigma2[${i}]`, 1e-8));
  assertClose(res.QE, ref.fit.QE, TOL, `${label} QE`);
  assertClose(res.QM, ref.fit.QM, TOL, `${label} QM`);
}

Deno.test("dependentEffects: CHE rho 0.6 + CR2 on assink2016 reproduces metafor + clubSandwich", () => {
  const ref = fitOf("che_rho0.6_REML_z");
  const res = dependentEffects({ yi, vi, cluster: study, obs: esid, rho: 0.6, robust: true });
  assert.equal(res.struct, "CHE");
  checkFit(res, ref, "CHE");
  const rc = ref.robust_clubSandwich;
  assertClose(res.robust!.se[0], rc.se[0], TOL, "CR2 se");
  assertClose(res.robust!.df[0], rc.df[0], TOL, "CR2 df");
  assertClose(res.robust!.ci_lb[0], rc.ci_lb[0], TOL, "CR2 ci_lb");
  assertClose(res.robust!.pval[0], rc.pval[0], 1e-4, "CR2 pval");
  assert.equal(res.n_clusters, 17);
  // the comparison: naive rma, multilevel, CHE, CHE + CR2
  assert.deepEqual(res.comparison.map((r) => r.model), ["naive", "multilevel", "CHE", "CHE + CR2"]);
  assertClose(res.comparison[0].beta, fitOf("uni_REML_z").fit.beta[0], TOL, "naive beta");
  assertClose(res.comparison[1].beta, fitOf("ml_REML_z").fit.beta[0], TOL, "multilevel beta");
  assert.equal(res.comparison[3].df, res.robust!.df[0]);
});

Deno.test("dependentEffects: multilevel (struct ML) and its prediction interval (sum of sigma2)", () => {
  const ref = fitOf("ml_REML_z");
  const res = dependentEffects({ yi, vi, cluster: study, obs: esid });
  assert.equal(res.struct, "ML");
  checkFit(res, ref, "ML");
  assertClose(res.pi_lb, ref.predict.pi_lb[0], TOL, "pi_lb");
  assertClose(res.pi_ub, ref.predict.pi_ub[0], TOL, "pi_ub");
  assert.equal(res.robust, null);
  assert.deepEqual(res.comparison.map((r) => r.model), ["naive", "multilevel"]);
});

Deno.test("dependentEffects: the rho of the CHE model moves the estimate (the notebook's slider)", () => {
  const a = dependentEffects({ yi, vi, cluster: study, obs: esid, rho: 0.3, robust: true });
  const b = dependentEffects({ yi, vi, cluster: study, obs: esid, rho: 0.8, robust: true });
  assertClose(a.beta[0], fitOf("che_rho0.3_REML_z").fit.beta[0], TOL, "rho 0.3");
  assertClose(b.beta[0], fitOf("che_rho0.8_REML_z").fit.beta[0], TOL, "rho 0.8");
  assert.notEqual(a.robust!.se[0], b.robust!.se[0]);
});

Deno.test("analyseStudies --cluster: the CSV path gives the same CHE + CR2 as the engine", () => {
  const res = analyseStudies(csv, { cluster: "study", obs: "esid", rho: 0.6, robust: true, name: "assink2016.csv" });
  const ref = fitOf("che_rho0.6_REML_z");
  checkFit(res.multilevel!, ref, "CSV CHE");
  assertClose(res.multilevel!.robust!.df[0], ref.robust_clubSandwich.df[0], TOL, "CSV CR2 df");
  assert.equal(res.call.struct, "CHE");
  assert.equal(res.model.k, 100, "model is the naive fit");
  // moderators through the same door (metafor: che_rho0.6_mod_REML_t uses test t; z here, same beta)
  const mod = analyseStudies(csv, { cluster: "study", obs: "esid", rho: 0.6, mods: ["pubstatus", "year"] });
  const refMod = fitOf("che_rho0.6_mod_REML_t");
  mod.multilevel!.beta.forEach((b, j) => assertClose(b, refMod.fit.beta[j], TOL, `mod beta ${j}`));
});

Deno.test("analyseStudies --cluster: bad combinations are refused with a reason", () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ cluster: "study", struct: "CHE" }, /rho \(--rho\) is required for struct CHE/],
    [{ cluster: "study", rho: 0.6, struct: "ML" }, /applies to struct CHE/],
    [{ cluster: "study", struct: "UN" }, /outcome \(--outcome <column>\) is required for struct UN/],
    [{ cluster: "study", outcome: "deltype" }, /applies to struct CS, HCS or UN/],
    [{ robust: true }, /needs cluster/],
    [{ rho: 0.5 }, /needs cluster/],
    [{ cluster: "study", subgroup: "deltype" }, /cannot be combined with cluster/],
    [{ cluster: "study", bias: true }, /cannot be combined with cluster/],
    [{ cluster: "study", method: "DL" }, /must be "REML" or "ML" with cluster/],
    [{ cluster: "study", test: "knha" }, /no Knapp-Hartung/],
    [{ cluster: "nope" }, /names column nope, which is not in the file/],
    [{ cluster: "study", rho: 1.5 }, /must be a correlation in \[-1, 1\]/],
  ];
  for (const [opts, re] of cases) {
    assert.throws(() => analyseStudies(csv, opts as never), (e: unknown) => {
      assert.ok(e instanceof ValidationError, String(e));
      assert.match(e.message, re);
      return true;
    });
  }
});

Deno.test("analyseStudies --cluster: a missing study id names the file row and column", () => {
  const lines = csv.trim().split("\n");
  lines[5] = lines[5].replace(/^\d+,/, ",");
  assert.throws(
    () => analyseStudies(lines.join("\n"), { cluster: "study", rho: 0.6 }),
    /row 5, column study is missing/,
  );
});

Deno.test("dependenceInventory: the seed's multi-outcome rows do not allow a dependent-effects model", async () => {
  const { parseEstimates } = await import("../../lib/evidence/mod.ts");
  const { dependenceInventory } = await import("../../lib/meta/mod.ts");
  const inv = dependenceInventory(parseEstimates(Deno.readTextFileSync(repoPath("data/evidence/estimates.csv"))));
  const b = inv.rows.find((r) => r.study_id === "breugelmans2024")!;
  assert.deepEqual([b.scale, b.k, b.with_ci, b.outcomes], ["es", 16, 0, 8]);
  const s = inv.rows.find((r) => r.study_id === "smeets2006" && r.scale === "md (RDQ (0-24))")!;
  assert.equal(s.with_ci, 9);
  assert.deepEqual(inv.poolable, [], "no scale has CIs in two studies");
  assert.ok(inv.reasons.some((r) => /^es: no effect size has a 95% CI/.test(r)));
  // two studies with CIs on the same scale, one with several: poolable
  const row = (study_id: string, outcome: string) => ({
    study_id,
    statistic: "smd",
    outcome,
    instrument: "",
    value: 0.4,
    lower: 0.1,
    upper: 0.7,
    interval: "ci95",
  });
  const ok = dependenceInventory([row("a", "pain"), row("a", "PDI"), row("b", "pain")]);
  assert.deepEqual(ok.poolable, [{ scale: "smd", studies: 2, k: 3 }]);
});

Deno.test("dependentEffects: rows sharing an obs id within a study: a warning for ML, refused for CHE (V singular)", () => {
  const base = {
    yi: [0.2, 0.4, 0.1, 0.5, 0.3, 0.6],
    vi: [0.02, 0.03, 0.02, 0.04, 0.02, 0.03],
    cluster: [1, 1, 2, 2, 3, 3],
    obs: [1, 1, 1, 2, 1, 2],
  };
  const ml = dependentEffects(base);
  assert.match(ml.warnings[0], /rows 1 and 2 \(cluster 1, obs 1\); they are treated as the same observation/);
  assert.throws(
    () => dependentEffects({ ...base, rho: 0.6 }),
    /obs repeats an id within a cluster \(rows 1 and 2 \(cluster 1, obs 1\)\): vcalc gives those rows sampling correlation 1/,
  );
});

Deno.test("dependentEffects: a rho that makes V not positive definite names the cluster and the admissible range", () => {
  const d = {
    yi: [0.2, 0.4, 0.1, 0.5, 0.3, 0.6],
    vi: [0.02, 0.03, 0.02, 0.04, 0.02, 0.03],
    cluster: [1, 1, 1, 2, 2, 2],
  };
  assert.throws(
    () => dependentEffects({ ...d, rho: -0.6 }),
    /rho makes V singular or not positive definite: cluster 1 has 3 effect sizes, which needs -0\.5000 < rho < 1/,
  );
  assert.throws(() => dependentEffects({ ...d, rho: 1 }), /needs -0\.5000 < rho < 1/);
  assert.equal(dependentEffects({ ...d, rho: -0.4 }).struct, "CHE");
});

Deno.test("property: random CSV text with a cluster column gives a ValidationError or finite output", async () => {
  const fc = (await import("fast-check")).default;
  // mostly well-formed rows (so that fits are reached), with malformed cells mixed in
  const bad = fc.constantFrom("", "NA", "x", "1e309", "-0", "NaN", "a;b", "0");
  const id = fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 1, max: 4 }).map(String) }, {
    weight: 1,
    arbitrary: bad,
  });
  const y = fc.oneof({ weight: 40, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }).map(String) }, {
    weight: 1,
    arbitrary: bad,
  });
  const v = fc.oneof({ weight: 40, arbitrary: fc.double({ min: 0.001, max: 1, noNaN: true }).map(String) }, {
    weight: 1,
    arbitrary: bad,
  });
  const rowArb = fc.tuple(id, id, y, v).map((r) => r.join(","));
  let fitted = 0;
  const reasons = new Map<string, number>();
  fc.assert(
    fc.property(
      fc.array(rowArb, { minLength: 0, maxLength: 12 }),
      fc.option(fc.double({ min: -1, max: 1, noNaN: true })),
      (rows, rho) => {
        const text = ["study,esid,yi,vi", ...rows].join("\n");
        try {
          const res = analyseStudies(text, { cluster: "study", obs: "esid", rho: rho ?? undefined, robust: true });
          const mv = res.multilevel!;
          for (const v of [...mv.beta, ...mv.se, ...mv.sigma2, mv.QE]) assert.ok(Number.isFinite(v), `finite: ${v}`);
          fitted++;
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          reasons.set(
            e.message.replace(/row \d+|got .*$/g, "").slice(0, 90),
            (reasons.get(e.message.replace(/row \d+|got .*$/g, "").slice(0, 90)) ?? 0) + 1,
          );
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
  for (const r of reasons.keys()) {
    assert.doesNotMatch(r, /waldTest|rmaMv\): V is not positive definite/, "named causes");
  }
  assert.ok(fitted >= 40, `only ${fitted} of 200 random tables reached a fit`);
});

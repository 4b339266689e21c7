// The responder analyses of the seed's evidence and the notebook views: one library used by the
// reproduce CLI and the notebooks (responders.html, evidence-tables.html).
import assert from "node:assert/strict";
import {
  auditEvidence,
  breugelmansRows,
  contrastOutcomes,
  contrastRows,
  doseComparison,
  flaggedIds,
  i2Rows,
  impliedResponderRates,
  leeuw2008Comparison,
  loadEvidence,
  pooledResponderCohorts,
  reportedResponderRates,
  responderSummary,
} from "../../lib/evidence/mod.ts";
import { poolProportions, propCI, riskDifference } from "../../lib/responders/mod.ts";
import { main } from "../../lib/cli/reproduce.ts";
import { repoPath } from "../helpers.ts";

const ev = await loadEvidence((f) => Deno.readTextFile(repoPath(`data/${f}`)));
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

Deno.test("Leeuw 2008: group sizes stated, counts reconstructed, the misfit percentages named", () => {
  const l = leeuw2008Comparison(ev);
  assert.equal(l.total, 85);
  assert.deepEqual([l.n_exp, l.n_ga, l.sizes_from], [42, 43, "assumptions.csv"]);
  assert.deepEqual(l.splits_that_fit, []);
  const [post, fu] = l.timepoints;
  assert.deepEqual(post.comparison.groups.map((g) => [g.x, g.n, g.exact]), [[21, 42, false], [25, 43, true]]);
  assert.deepEqual(fu.comparison.groups.map((g) => [g.x, g.n, g.exact]), [[26, 42, false], [22, 43, true]]);
  // the same numbers as calling the responders engine on the reconstructed counts
  const d = riskDifference(21, 42, 25, 43);
  assert.equal(post.comparison.difference.estimate, d.estimate);
  assert.equal(post.comparison.difference.ci_lb, d.ci_lb);
  assert.equal(post.comparison.nnt.interval.kind, "split");
  assert.ok(
    l.warnings.some((w) => /EXP post: 51% of 42 is not a whole number of patients; 21\/42 = 50\.0% is used/.test(w)),
  );
  assert.ok(l.warnings.some((w) => /EXP 12 months: 63% of 42 .* 26\/42 = 61\.9% is used/.test(w)));
  assert.ok(l.warnings.some((w) => /No split of the 85 patients/.test(w)));
  // a notebook slider left at the assumed sizes is still the assumption
  assert.equal(leeuw2008Comparison(ev, { nExp: 42, nGa: 43 }).sizes_from, "assumptions.csv");
  // user-chosen sizes: 43 EXP / 42 GA fits EXP's percentages but not GA's 58 %
  const u = leeuw2008Comparison(ev, { nExp: 43, nGa: 42 });
  assert.equal(u.sizes_from, "user");
  assert.deepEqual(u.timepoints[0].comparison.groups.map((g) => g.exact), [true, false]);
  assert.throws(
    () => leeuw2008Comparison(ev, { nExp: 60, nGa: 40 }),
    /nExp \+ nGa must be <= the 85 patients randomised/,
  );
});

Deno.test("the CLI prints what leeuw2008Comparison computes (one function for both)", async () => {
  const out: string[] = [];
  assert.equal(
    await main(["--json"], { read: (f) => Deno.readTextFile(repoPath(`data/${f}`)), write: (t) => out.push(t) }),
    0,
  );
  const doc = JSON.parse(out.join(""));
  assert.deepEqual(doc.responders, JSON.parse(JSON.stringify(responderSummary(ev))));
  assert.deepEqual(doc.responders.leeuw2008, JSON.parse(JSON.stringify(leeuw2008Comparison(ev))));
});

Deno.test("pooling counts the Rijndam cohort once (Meesters 2016 and Volker 2017 report the same patients)", () => {
  const p = pooledResponderCohorts(ev);
  const meesters = p.cohorts.find((c) => c.label.startsWith("Meesters"))!;
  assert.equal(meesters.pooled, false);
  assert.match(meesters.reason, /same 165 patients as Volker 2017/);
  const used = p.cohorts.filter((c) => c.pooled);
  assert.deepEqual(used.map((c) => [c.x, c.n]), [[75, 137], [p.cohorts[2].x, 567]]);
  for (const pooled of p.pooled) assert.equal(pooled.k, 2);
  const direct = poolProportions({ xi: used.map((c) => c.x), ni: used.map((c) => c.n), measure: "PLO" });
  assert.equal(p.pooled[0].pred, direct.pred);
  // pooling both papers is refused
  assert.throws(
    () =>
      poolProportions({
        xi: [p.cohorts[0].x, p.cohorts[1].x],
        ni: [p.cohorts[0].n, p.cohorts[1].n],
        cohort: ["rijndam-165", "rijndam-165"],
      }),
    /poolProportions: cohort\[1\] reports the same patients as cohort\[0\] \(rijndam-165\): pooling both counts them twice/,
  );
});

Deno.test("implied and reported responder rates", () => {
  const imp = impliedResponderRates(ev, { mcidSd: 0.5, sdChangeSd: 1 });
  assert.equal(imp.length, 8);
  // Breugelmans PDI post: ES -1.01 -> Φ(1.01 - 0.5) = 0.695; printed 59.8 %
  assert.equal(r4(imp[0].implied), 0.695);
  assert.equal(imp[0].reported, 0.598);
  // the MCID that fits: 1.01 - qnorm(0.598) = 0.7618
  assert.equal(r4(imp[0].mcid_that_fits), 0.7618);
  const rep = reportedResponderRates(ev);
  const volker = rep.find((r) => r.id === "volker2017-resp-pdi-post")!;
  assert.deepEqual([volker.x, volker.n, volker.basis], [75, 137, "n from the seed"]);
  assert.equal(volker.ci!.ci_lb, propCI(75, 137).ci_lb);
  assert.ok(rep.filter((r) => r.basis === "assumed n").every((r) => r.id.startsWith("leeuw2008")));
  assert.ok(rep.filter((r) => r.basis === "no denominator").every((r) => r.ci === null));
});

Deno.test("views: contrasts with flags, Breugelmans post vs 12 months, I² rows, the dose arithmetic", () => {
  const flagged = flaggedIds(auditEvidence(ev));
  assert.ok(flagged.includes("smeets2006-psc-ct-wlc"));
  const all = contrastRows(ev, { flagged });
  assert.equal(all.length, ev.estimates.filter((e) => e.statistic === "md" && e.interval === "ci95").length);
  assert.ok(all.some((r) => r.flagged));
  const one = contrastRows(ev, { outcomes: [contrastOutcomes(ev)[0]] });
  assert.ok(one.length > 0 && one.length < all.length);
  assert.equal(i2Rows(ev).length, 27);
  const b = breugelmansRows(ev);
  assert.ok(b.some((r) => r.construct === "PDI" && r.timepoint === "12 months"));
  const dose = doseComparison(ev);
  assert.deepEqual([dose.dutch.min_hours, dose.dutch.max_hours, dose.ronzi.max_hours], [20, 108, 150]);
  assert.match(dose.dutch.text, /2 × 0\.5 h × 2 × 10 = 20 h to 3 × 1 h × 3 × 12 = 108 h/);
});

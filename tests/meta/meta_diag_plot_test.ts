/**
 * The diagnostic plots of lib/plot/meta_diag.ts on the BCG trials and the assink2016 comparison:
 * the data functions compute what metafor's plots show (Baujat coordinates, cumulative order and
 * intervals, bubble-plot weights and fitted line), the plot functions render SVG in jsdom, and bad
 * inputs are refused with a ValidationError.
 */
import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { assertClose, readFixture, repoPath } from "../helpers.ts";
import {
  baujatData,
  baujatPlot,
  bubbleData,
  bubblePlot,
  cumulData,
  cumulPlot,
  dependencePlot,
} from "../../lib/plot/meta_diag.ts";
import { analyseStudies, baujat, cumul, dependentEffects, rma, rmaMods } from "../../lib/meta/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

type Any = any;
const document = new JSDOM("<!doctype html><body></body>").window.document as unknown as Document;
const d = readFixture("metafor-diag/bcg_rr.json");
const yi: number[] = d.escalc.yi, vi: number[] = d.escalc.vi;
const authors: string[] = d.input.map((r: Any) => r.author);
const years: number[] = d.input.map((r: Any) => r.year);

Deno.test("baujatData / baujatPlot: metafor's baujat() coordinates, labelled by study", () => {
  const b = baujat(rma({ yi, vi, method: "REML" }));
  const pts = baujatData(b, { labels: authors });
  pts.forEach((p, i) => {
    assertClose(p.x, d.baujat.REML.x[i], 1e-5, `x[${i}]`);
    assertClose(p.y, d.baujat.REML.y[i], 1e-5, `y[${i}]`);
  });
  assert.equal(pts[0].label, authors[0]);
  const svg = baujatPlot(b, { labels: authors, document });
  assert.equal(svg.querySelectorAll("circle").length, yi.length);
  assert.ok(svg.textContent!.includes(authors[3]));
  assert.ok(svg.textContent!.includes("Contribution to overall heterogeneity"));
  // axis labels in the reader's language when given
  const nl = baujatPlot(b, { labels: authors, document, xlabel: "Bijdrage →", ylabel: "↑ Invloed" }).textContent!;
  assert.ok(nl.includes("Bijdrage →") && nl.includes("↑ Invloed") && !nl.includes("Contribution"));
});

Deno.test("cumulData / cumulPlot: steps in metafor's cumul() order with its intervals", () => {
  const c = cumul(rma({ yi, vi, method: "REML" }), years);
  const rows = cumulData(c, { labels: authors, suffix: years });
  const ref = d.cumul.REML;
  rows.forEach((r, s) => {
    assert.equal(r.label, `+ ${authors[ref.order_ids[s] - 1]} (${years[ref.order_ids[s] - 1]})`);
    assertClose(r.estimate, ref.estimate[s], 1e-5, `estimate[${s}]`);
    assertClose(r.ci_lb, ref.ci_lb[s], 1e-5, `ci_lb[${s}]`);
  });
  const svg = cumulPlot(c, { labels: authors, suffix: years, document });
  assert.ok(svg.textContent!.includes(rows[rows.length - 1].text));
});

Deno.test("bubbleData / bubblePlot: weights 1/(vi + tau2) in percent and the fitted line", () => {
  const ablat: number[] = d.input.map((r: Any) => r.ablat);
  const fit = rmaMods({ yi, vi, mods: { ablat } });
  const b = bubbleData(fit);
  assert.equal(b.moderator, "ablat");
  assertClose(b.points.reduce((s, p) => s + p.weight, 0), 100, 1e-12, "weights sum to 100");
  assertClose(b.line[0].y, fit.beta[0] + fit.beta[1] * Math.min(...ablat), 1e-12, "line at min");
  assert.equal(bubblePlot(fit, { document }).querySelectorAll("circle").length, yi.length);
  assert.throws(
    () => bubbleData(rmaMods({ yi, vi, mods: { ablat, year: years } })),
    (e: unknown) => e instanceof ValidationError && /exactly one moderator/.test(e.message),
  );
});

Deno.test("dependencePlot: one line per analysis of the comparison", () => {
  const csv = Deno.readTextFileSync(repoPath("data/examples/assink2016.csv"));
  const res = analyseStudies(csv, { cluster: "study", obs: "esid", rho: 0.6, robust: true });
  const svg = dependencePlot(res.multilevel!.comparison, { document });
  assert.equal(svg.querySelectorAll("circle").length, 4);
  assert.ok(svg.textContent!.includes("CHE + CR2"));
  assert.throws(() => dependencePlot([], { document }), ValidationError);
  const small = dependentEffects({ yi: [0.1, 0.2, 0.3, 0.4], vi: [0.1, 0.1, 0.1, 0.1], cluster: [1, 1, 2, 2] });
  assert.equal(dependencePlot(small.comparison, { document }).querySelectorAll("circle").length, 2);
});

Deno.test("diagnostic plots refuse NaN coordinates instead of drawing nothing", () => {
  assert.throws(() => baujatData({ x: [NaN], y: [1], ids: [1] }), /x\[0\] must be a finite number/);
  assert.throws(
    () => cumulData({ order_ids: [1], estimate: [Infinity], ci_lb: [0], ci_ub: [1] }),
    /estimate\[0\] must be a finite number/,
  );
});

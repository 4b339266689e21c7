import assert from "node:assert/strict";
import fc from "fast-check";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { z } from "zod";
import { FOREST_ROB_COLOURS, forestData, forestPlot } from "../../lib/plot/forest.ts";
import { csvNumber, csvString, loadCsv } from "../../lib/io/csv.ts";
import { escalc } from "../../lib/effects/escalc.ts";
import { rma } from "../../lib/meta/rma.ts";
import { assertAllClose, assertClose, readFixture, repoPath } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

// Morris (2008) pre-post data, SMCR, REML fit: yi, vi, beta, CI, PI and tau2 from metafor 3.8.1
// (../shared/fixtures/metafor/morris2008_smcr.json).
const fx = readFixture("metafor/morris2008_smcr.json");
const reml = fx.fits.find((f: any) => f.method === "REML" && f.test === "z");
const fit = { ...reml, yi: fx.escalc.yi, vi: fx.escalc.vi, level: 95 };

// z = qnorm(0.975) in R: 1.959963984540054. Study intervals yi ± z·sqrt(vi), computed by hand.
const handLb = [0.027909963026876483, 0.735846240831056, 0.8609682348030855, 0.7319605390852838, -0.4750709496100084];
const handUb = [0.9831956087200036, 1.3604035558653038, 2.7498450999025543, 2.104202918201956, 0.6352381781157351];
// Weights 100 · (1/(vi + tau2)) / Σ 1/(vi + tau2) with tau2 = 0.316366255532572 (what metafor's weights() gives).
const handWeights = [21.795790364747052, 23.964447083297568, 14.929799491525719, 18.65945221300672, 20.650510847422943];

Deno.test("forestData: study intervals are yi ± qnorm(0.975)·sqrt(vi) (Morris 2008 SMCR)", () => {
  const d = forestData(fit);
  assertClose(d.z, 1.959963984540054, 1e-14, "z");
  assertAllClose(d.rows.map((r) => r.ci_lb), handLb, 1e-12, "ci_lb");
  assertAllClose(d.rows.map((r) => r.ci_ub), handUb, 1e-12, "ci_ub");
  assert.deepEqual(d.rows.map((r) => r.estimate), [
    "0.51 [0.03, 0.98]",
    "1.05 [0.74, 1.36]",
    "1.81 [0.86, 2.75]",
    "1.42 [0.73, 2.10]",
    "0.08 [-0.48, 0.64]",
  ]);
});

Deno.test("forestData: weights from tau2 match the hand computation and sum to 100", () => {
  const d = forestData(fit);
  assertAllClose(d.rows.map((r) => r.weight), handWeights, 1e-12, "weight");
  assertClose(d.rows.reduce((a, r) => a + r.weight, 0), 100, 1e-12, "sum of weights");
  assert.deepEqual(d.rows.map((r) => r.weightText), ["21.8%", "24.0%", "14.9%", "18.7%", "20.7%"]);
  // Weights given by the fit are used as they are.
  const given = forestData({ ...fit, weights: [10, 20, 30, 20, 20] });
  assert.deepEqual(given.rows.map((r) => r.weight), [10, 20, 30, 20, 20]);
});

Deno.test("forestData: rows top to bottom at y = k..1, diamond at -1 and prediction interval under it", () => {
  const d = forestData(fit, { favours: ["deterioration", "improvement"] });
  assert.deepEqual(d.rows.map((r) => r.y), [5, 4, 3, 2, 1]);
  assert.deepEqual(d.rows.map((r) => r.label), ["Study 1", "Study 2", "Study 3", "Study 4", "Study 5"]);
  assert.equal(d.headerY, 6.2);
  assert.deepEqual(d.summary.diamond, [
    { y: -1.4, x1: reml.beta, x2: reml.beta },
    { y: -1, x1: reml.ci_lb, x2: reml.ci_ub },
    { y: -0.6, x1: reml.beta, x2: reml.beta },
  ]);
  assert.equal(d.summary.piY, -1.8);
  assert.equal(d.favoursY, -2.6);
  assert.equal(d.summary.label, "RE model (REML)");
  assert.equal(d.summary.estimate, "0.91 [0.35, 1.47]");
  assert.equal(d.summary.predictionText, "PI [-0.32, 2.15]");
  // x range: from the smallest lower bound (study 5) to the largest upper bound (study 3), padded 4%.
  const span = handUb[2] - handLb[4];
  assertAllClose(d.xDomain, [handLb[4] - 0.04 * span, handUb[2] + 0.04 * span], 1e-12, "xDomain");
});

Deno.test("forestData: sorting by estimate or weight reorders rows but keeps each study's numbers", () => {
  const byYi = forestData({ ...fit, slab: ["A", "B", "C", "D", "E"] }, { sort: "yi" });
  assert.deepEqual(byYi.rows.map((r) => r.label), ["E", "A", "B", "D", "C"]);
  assert.deepEqual(byYi.rows.map((r) => r.y), [5, 4, 3, 2, 1]);
  const byWeight = forestData({ ...fit, slab: ["A", "B", "C", "D", "E"] }, { sort: "weight" });
  assert.deepEqual(byWeight.rows.map((r) => r.label), ["B", "A", "E", "D", "C"]);
  assertClose(byWeight.rows[4].ci_ub, handUb[2], 1e-12, "study C upper bound after sorting");
});

Deno.test("forestData: FE fit has no prediction interval; exp back-transform applies to text only", () => {
  const fe = fx.fits.find((f: any) => f.method === "FE");
  // The engine reports pi = ci for FE fits (as metafor's predict does); the plot draws no PI then.
  const d = forestData({ ...fe, pi_lb: fe.ci_lb, pi_ub: fe.ci_ub, yi: fx.escalc.yi, vi: fx.escalc.vi }, {
    transf: "exp",
    refline: 0,
  });
  assert.equal(d.summary.piY, null);
  assert.equal(d.summary.pi_lb, null);
  assert.equal(d.summary.predictionText, null);
  assert.equal(d.summary.label, "FE model");
  // FE weights are 1/vi normalised (tau2 = 0); exp(0.86427541883938) = 2.3733...
  assert.equal(d.summary.estimate, "2.37 [1.91, 2.95]");
  assertClose(d.summary.beta, fe.beta, 0, "beta stays on the analysis scale");
  assert.equal(d.refline, 0);
});

Deno.test("forestData: level 90 narrows the study intervals (z = qnorm(0.95) = 1.6448536269514722)", () => {
  const d = forestData(fit, { level: 90 });
  assertClose(d.z, 1.6448536269514722, 1e-14, "z");
  assertClose(d.rows[0].ci_ub, fx.escalc.yi[0] + 1.6448536269514722 * Math.sqrt(fx.escalc.vi[0]), 1e-14, "ub");
  assert.equal(d.levelText, "90% CI");
});

Deno.test("forestData: errors name the field, the row and the rule", () => {
  assert.throws(
    () => forestData({ ...fit, vi: [0.1, 0.2, -0.3, 0.1, 0.1] }),
    /forestData: vi\[2\] must be >= 0, got -0.3/,
  );
  assert.throws(() => forestData({ ...fit, vi: [0.1, 0.2] }), /vi must have 5 elements \(like yi\), got 2/);
  assert.throws(() => forestData({ ...fit, beta: 3 }), /beta must lie within \[ci_lb, ci_ub\]/);
  assert.throws(() => forestData({ ...fit, beta: [0.1, 0.2] }), /beta must be a single number/);
  assert.throws(() => forestData({ ...fit, yi: [0.1, NaN, 0, 0, 0] }), /yi\[1\]/);
  assert.throws(() => forestData(fit, { sort: "size" as any }), /sort must be one of/);
});

Deno.test("forestData (property): weights sum to 100, each interval contains yi, rows keep their study", () => {
  const study = fc.record({
    yi: fc.double({ min: -5, max: 5, noNaN: true }),
    vi: fc.double({ min: 1e-4, max: 4, noNaN: true }),
  });
  fc.assert(
    fc.property(
      fc.array(study, { minLength: 1, maxLength: 30 }),
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.constantFrom("none", "yi", "weight"),
      (studies, tau2, sort) => {
        const yi = studies.map((s) => s.yi);
        const vi = studies.map((s) => s.vi);
        const d = forestData({ yi, vi, tau2, beta: 0, ci_lb: -1, ci_ub: 1 }, { sort: sort as any });
        assertClose(d.rows.reduce((a, r) => a + r.weight, 0), 100, 1e-9, "sum of weights");
        for (const r of d.rows) {
          assert.ok(r.ci_lb <= r.yi && r.yi <= r.ci_ub);
          assert.equal(r.yi, yi[r.i]);
          assert.ok(d.xDomain[0] <= r.ci_lb && r.ci_ub <= d.xDomain[1]);
        }
        assert.deepEqual(d.rows.map((r) => r.i).sort((a, b) => a - b), [...yi.keys()]);
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("forestPlot renders an svg with one square per study, the diamond, the PI and the text columns", () => {
  const document = new JSDOM("").window.document;
  const svg = forestPlot({ ...fit, slab: ["A", "B", "C", "D", "E"] }, {
    document,
    favours: ["deterioration", "improvement"],
    xlabel: "SMCR",
  }) as any;
  assert.equal(svg.tagName.toLowerCase(), "svg");
  const marks = [...svg.querySelectorAll("g[aria-label]")].map((g: any) => g.getAttribute("aria-label"));
  assert.ok(marks.includes("dot") && marks.includes("area") && marks.includes("rule"), marks.join(","));
  const dots = svg.querySelector('g[aria-label="dot"]');
  assert.equal(dots.querySelectorAll("path").length, 5);
  const text = svg.textContent;
  for (const s of ["A", "Weight", "Estimate [95% CI]", "0.91 [0.35, 1.47]", "PI [-0.32, 2.15]", "21.8%"]) {
    assert.ok(text.includes(s), `missing text ${s}`);
  }
  assert.ok(text.includes("← deterioration") && text.includes("improvement →"));
  assert.ok(text.includes("SMCR"));
});

Deno.test("forestPlot: the column headings are English by default and replaced by the headings option, {level} filled", () => {
  const document = new JSDOM("").window.document;
  const headingTexts = (svg: any) => [...svg.querySelectorAll("text")].map((el: any) => el.textContent as string);
  const english = headingTexts(forestPlot(fit, { document, level: 90 }));
  for (const s of ["Study", "Weight", "Estimate [90% CI]"]) assert.ok(english.includes(s), `default heading ${s}`);
  const dutch = headingTexts(forestPlot(fit, {
    document,
    level: 90,
    headings: { study: "Studie", weight: "Gewicht", estimate: "Schatting [{level}-BI]" },
  }));
  for (const s of ["Studie", "Gewicht", "Schatting [90%-BI]"]) assert.ok(dutch.includes(s), `heading ${s}`);
  for (const s of ["Study", "Weight", "Estimate [90% CI]"]) assert.ok(!dutch.includes(s), `English heading ${s} left`);
  // a partial option keeps the English of the headings it does not set
  const partial = headingTexts(forestPlot(fit, { document, headings: { weight: "Gewicht" } }));
  assert.ok(partial.includes("Study") && partial.includes("Gewicht") && partial.includes("Estimate [95% CI]"));
});

Deno.test("the notebook's example CSV + escalc + rma reproduce metafor, and forestData takes rma's result as it is", () => {
  const text = Deno.readTextFileSync(repoPath("data/examples/prepost-example.csv"));
  const schema = z.object({
    study: csvString(),
    m_pre: csvNumber(),
    m_post: csvNumber(),
    sd_pre: csvNumber(),
    sd_post: csvNumber(),
    ni: csvNumber(),
    ri: csvNumber(),
  });
  const { rows } = loadCsv(text, schema, { name: "prepost-example.csv" });
  // The example file holds exactly the fixture's input (Morris 2008).
  assert.deepEqual(rows.map(({ study: _, ...r }) => r), fx.input);
  const es = escalc("SMCR", {
    m1i: rows.map((r) => r.m_post),
    m2i: rows.map((r) => r.m_pre),
    sd1i: rows.map((r) => r.sd_pre),
    ni: rows.map((r) => r.ni),
    ri: rows.map((r) => r.ri),
  });
  const fit = rma({ yi: es.yi, vi: es.vi, method: "REML", slab: rows.map((r) => r.study) });
  assertClose(fit.beta, reml.beta, 1e-5, "beta vs metafor");
  const d = forestData(fit);
  assertAllClose(d.rows.map((r) => r.weight), handWeights, 1e-5, "rma weights vs hand weights");
  assert.equal(d.summary.estimate, "0.91 [0.35, 1.47]");
  assert.equal(d.rows[0].label, "Study 1");
  // An FE fit from rma (which reports pi = ci) draws no prediction interval.
  const fe = forestData(rma({ yi: es.yi, vi: es.vi, method: "FE" }));
  assert.equal(fe.summary.piY, null);
  assert.equal(fe.summary.label, "FE model");
});

Deno.test("forestData: level 0.95 is read as 95 % (as metafor), for the fit and the options", () => {
  const a = forestData({ ...fit, level: 0.95 });
  const b = forestData(fit, { level: 0.95 });
  const c = forestData(fit, { level: 95 });
  assert.equal(a.level, 95);
  assert.equal(a.levelText, "95% CI");
  assert.deepEqual(b.rows, c.rows);
});

Deno.test("forest group option: a heading per stratum, studies under it, a stratum diamond, the overall diamond below", () => {
  const f = { yi: [0.2, 1.4, 0.5, 2.1, 0.4], vi: [0.04, 0.08, 0.05, 0.3, 0.02], beta: 0.6, ci_lb: 0.3, ci_ub: 0.9 };
  const group = ["RCT", "SCED", "RCT", "SCED", "RCT"];
  const d = forestData(f, {
    group,
    groupSummaries: [{ group: "RCT", beta: 0.35, ci_lb: 0.15, ci_ub: 0.55 }],
  });
  // RCT heading, 3 studies, its pooled row, blank, SCED heading, 2 studies = 9 lines
  assert.equal(d.top, 9);
  assert.deepEqual(d.groups.map((g) => [g.group, g.y, g.k]), [["RCT", 9, 3], ["SCED", 3, 2]]);
  assert.deepEqual(d.rows.map((r) => [r.i, r.y, r.group]), [
    [0, 8, "RCT"],
    [2, 7, "RCT"],
    [4, 6, "RCT"],
    [1, 2, "SCED"],
    [3, 1, "SCED"],
  ]);
  assert.equal(d.groups[0].summary!.y, 5);
  assert.equal(d.groups[0].summary!.label, "RCT (pooled)");
  assert.equal(d.groups[1].summary, null);
  assert.equal(d.headerY, 10.2);
  assert.equal(d.summary.y, -1);
  // without the option nothing changes
  const plain = forestData(f);
  assert.equal(plain.top, 5);
  assert.deepEqual(plain.groups, []);
  assert.deepEqual(plain.rows.map((r) => r.y), [5, 4, 3, 2, 1]);
  const svg = forestPlot(f, { group, document: new JSDOM("").window.document }) as unknown as Element;
  assert.match(svg.outerHTML, />SCED</);
  assert.throws(() => forestData(f, { group: ["RCT"] }), /group must have 5 elements/);
  assert.throws(
    () => forestData(f, { group, groupSummaries: [{ group: "X", beta: 0, ci_lb: -1, ci_ub: 1 }] }),
    /groupSummaries names a stratum not in group/,
  );
});

Deno.test("forest plot risk-of-bias column: one robvis-coloured dot per study next to its label, and a legend", () => {
  const document = new JSDOM("").window.document;
  const rob = ["Low", "High", "Some concerns", "Low", "No information"] as const;
  const d = forestData({ ...fit, slab: ["A", "B", "C", "D", "E"] }, { rob: [...rob] });
  assert.deepEqual(d.rows.map((r) => r.rob), [...rob]);
  assert.deepEqual(d.rows.map((r) => r.robColour), ["#02C100", "#BF0000", "#E2DF07", "#02C100", "#4EA1F7"]);
  // the legend lists the levels that occur, in robvis order
  assert.deepEqual(d.rob!.legend.map((l) => l.level), ["Low", "Some concerns", "High", "No information"]);
  assert.deepEqual(FOREST_ROB_COLOURS, {
    "Low": "#02C100",
    "Some concerns": "#E2DF07",
    "High": "#BF0000",
    "No information": "#4EA1F7",
    "Not assessed": "#D0D0D0",
  });

  const out = forestPlot({ ...fit, slab: ["A", "B", "C", "D", "E"] }, {
    document,
    rob: [...rob],
    robLevelLabels: { High: "Hoog" },
  }) as any;
  // with a legend Plot returns a figure holding the legend and the svg
  assert.equal(out.tagName.toLowerCase(), "figure");
  const svg = [...out.querySelectorAll("svg")].find((s: any) => s.querySelector('g[aria-label="dot"]'));
  assert.ok(svg, "the plot's svg");
  const dotGroups = [...svg.querySelectorAll('g[aria-label="dot"]')] as any[];
  assert.equal(dotGroups.length, 2, "squares and risk-of-bias dots");
  const robDots = [...dotGroups[1].querySelectorAll("circle")] as any[];
  assert.equal(robDots.length, 5);
  // each dot sits on its study's row, left of the plot area
  const squares = [...dotGroups[0].querySelectorAll("path")] as any[];
  const yOf = (el: any) => {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(el.getAttribute("transform") ?? "");
    return m ? Number(m[2]) : Number(el.getAttribute("cy"));
  };
  const xOf = (el: any) => {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(el.getAttribute("transform") ?? "");
    return m ? Number(m[1]) : Number(el.getAttribute("cx"));
  };
  const sorted = (xs: number[]) => xs.map(Math.round).sort((x, y) => x - y);
  assert.deepEqual(sorted(robDots.map(yOf)), sorted(squares.map(yOf)));
  // top to bottom (A to E) the dots carry the rows' colours
  const byRow = [...robDots].sort((p, q) => yOf(p) - yOf(q)).map((c) => c.getAttribute("fill"));
  assert.deepEqual(byRow, ["#02C100", "#BF0000", "#E2DF07", "#02C100", "#4EA1F7"]);
  for (const c of robDots) assert.ok(xOf(c) < Math.min(...squares.map(xOf)), "dots left of the squares");
  assert.ok(svg.textContent.includes("RoB"), "column heading");
  const legend = out.textContent as string;
  for (const s of ["Low", "Some concerns", "Hoog", "No information"]) assert.ok(legend.includes(s), `legend ${s}`);
  assert.ok(!legend.includes("Not assessed"), "only levels that occur");
});

Deno.test("forest plot risk-of-bias column: wrong level or length is a clear error", () => {
  assert.throws(
    () => forestData(fit, { rob: ["Low", "Low", "Unclear" as any, "Low", "Low"] }),
    /forestData options: .*rob.*must be one of "Low", "Some concerns"/,
  );
  assert.throws(() => forestData(fit, { rob: ["Low"] }), /forestData: rob must have 5 elements/);
  // as a CSV column spells them: case and spaces ignored, an empty cell is "Not assessed"
  const d = forestData(fit, { rob: [" low", "HIGH", "some concerns ", "", "No Information"] as any });
  assert.deepEqual(d.rows.map((r) => r.rob), ["Low", "High", "Some concerns", "Not assessed", "No information"]);
});

import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import {
  caterpillarData,
  caterpillarPlot,
  centreFunnelPlot,
  cusumPlot,
  doseSeverityPlot,
  funnelPlotData,
  placeLabels,
  rankPlot,
  vladPlot,
} from "../../lib/plot/practice.ts";
import {
  benchmarkCentres,
  centreTable,
  funnel,
  monitorCentres,
  rankBenchmark,
  simulateRegistry,
} from "../../lib/practice/mod.ts";

const document = new JSDOM("").window.document;
const bench = benchmarkCentres({ rows: simulateRegistry({ shortfall: -8, shortfallCentres: 1 }, 21).patients });

Deno.test("funnelPlotData: one line per limit and side, flags from the outermost limit first", () => {
  const f = funnel({
    type: "mean",
    units: [
      { id: "A", O: 12, E: 10, se: 1, n: 100 },
      { id: "B", O: 6, E: 10, se: 1, n: 100 },
      { id: "C", O: 10.5, E: 10, se: 2, n: 25 },
    ],
    curvePoints: 20,
  });
  const d = funnelPlotData(f);
  assert.deepEqual([...new Set(d.lines.map((l) => l.limit))], ["lower 95%", "upper 95%", "lower 99.8%", "upper 99.8%"]);
  assert.equal(d.lines.length, 4 * 20);
  // A: z = 2 (outside 95% only); B: z = -4 (outside 99.8%); C inside
  assert.deepEqual(d.points.map((p) => p.flag), ["outside 95%", "outside 99.8%", "inside"]);
  assert.throws(() => funnelPlotData({ ...f, curve: [] }), /curvePoints > 0/);
  // levels given as proportions are read as percentages, and the labels say so
  const g = funnel({
    type: "mean",
    units: f.rows.map((r, i) => ({ id: r.id, O: [12, 6, 10.5][i], E: 10, se: [1, 1, 2][i], n: r.x })),
    levels: [0.95, 0.998],
    curvePoints: 5,
  });
  assert.deepEqual(funnelPlotData(g).points.map((p) => p.flag), ["outside 95%", "outside 99.8%", "inside"]);
});

Deno.test("the funnel plot, the dose plot and the centre table colour and flag centres by the same rule", () => {
  const table = new Map(centreTable(bench).map((r) => [r.centre, r]));
  for (const p of funnelPlotData(bench.funnel).points) {
    const r = table.get(p.id);
    assert.ok(r);
    assert.equal(p.flag, r.flagLevel === null ? "inside" : `outside ${r.flagLevel}%`, p.id);
  }
});

Deno.test("caterpillarData ranks centres by shrunken estimate", () => {
  const rows = caterpillarData(bench);
  assert.equal(rows.length, 25);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].shrunk <= rows[i].shrunk);
  assert.equal(rows[0].centre, "C01"); // the centre with the 8-point shortfall ranks lowest
});

Deno.test("the plots render to SVG with a dot per centre", () => {
  const fp = centreFunnelPlot(bench.funnel, { document });
  const svg = fp.tagName.toLowerCase() === "svg" ? fp : fp.querySelector("svg");
  assert.ok(svg);
  assert.ok(fp.querySelectorAll("circle").length >= 25);
  const cp = caterpillarPlot(bench, { document });
  assert.ok(cp.querySelectorAll("circle").length >= 50); // raw + shrunken
  const ds = doseSeverityPlot(bench, { document });
  assert.ok(ds.querySelectorAll("circle").length >= 25);
  const noHours = { ...bench, centres: bench.centres.map((c) => ({ ...c, hours: null })) };
  assert.throws(() => doseSeverityPlot(noHours, { document }), /hours must be recorded/);
});

Deno.test("rankPlot: one interval per centre, ordered by observed rank, rankability in the axis label", () => {
  const r = rankBenchmark(bench, { seed: 3, reps: 500 });
  const svg = rankPlot(r.ranks, { document, rho: r.rankability.rho });
  const text = svg.textContent ?? "";
  assert.ok(text.includes("rankability ρ ="), text.slice(0, 200));
  // the y axis lists the centres in observed-rank order
  const first = r.ranks.find((x) => x.rankObserved === 1)?.id as string;
  const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
  assert.equal(ticks[0], first);
  assert.equal(ticks.length, 25);
  assert.throws(() => rankPlot([], { document }), /rankPlot: ranks must hold at least 2 centres/);
});

Deno.test("cusumPlot and vladPlot: a line per centre, the control limit, signals labelled", () => {
  const reg = simulateRegistry({ centres: 6, years: 2, shortfall: -10, shortfallCentres: 1 }, 5);
  const m = monitorCentres({ rows: reg.patients, arl0: 300, reps: 200, seed: 1 });
  const c = cusumPlot(m, { document });
  assert.ok((c.textContent ?? "").includes("h = "));
  assert.equal(c.querySelectorAll("g[aria-label='line'] path").length, 6);
  const v = vladPlot(m, { document });
  assert.equal(v.querySelectorAll("g[aria-label='line'] path").length, 6);
  assert.throws(() => cusumPlot({} as never, { document }), /cusumPlot: m must be a monitorCentres\(\) result/);
});

Deno.test("placeLabels: no two labels overlap, none leaves the frame or covers another point", () => {
  // a crowded cluster, as centres of similar severity and dose are in the dose plot
  const sites = [
    { px: 100, py: 100, r: 10, text: "C04" },
    { px: 104, py: 102, r: 8, text: "C18" },
    { px: 300, py: 50, r: 6, text: "C11" },
    { px: 306, py: 46, r: 6, text: "C23" },
    { px: 12, py: 195, r: 3, text: "C01" },
  ];
  const frame = { left: 0, right: 400, top: 0, bottom: 200 };
  const placed = placeLabels(sites, frame);
  const boxes = placed.map((p, i) => {
    assert.ok(p, `${sites[i].text} has a place`);
    const w = 9 * 0.62 * sites[i].text.length + 2;
    const l = p.anchor === "start" ? p.x : p.anchor === "end" ? p.x - w : p.x - w / 2;
    return { l, r: l + w, t: p.y - 5.625, b: p.y + 5.625 };
  });
  for (const [i, a] of boxes.entries()) {
    assert.ok(a.l >= frame.left && a.r <= frame.right && a.t >= frame.top && a.b <= frame.bottom, sites[i].text);
    for (const [j, b] of boxes.entries()) {
      if (i !== j) {
        assert.ok(!(a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b), `${sites[i].text} / ${sites[j].text}`);
      }
    }
    for (const [j, s] of sites.entries()) {
      if (i === j) continue;
      const hit = a.l < s.px + s.r && s.px - s.r < a.r && a.t < s.py + s.r && s.py - s.r < a.b;
      assert.ok(!hit, `${sites[i].text} covers ${s.text}`);
    }
  }
});

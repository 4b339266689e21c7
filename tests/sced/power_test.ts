import assert from "node:assert/strict";
import { powerCurve, scedPower } from "../../lib/sced/power.ts";
import type { ScedDesign } from "../../lib/sced/designs.ts";
import { simulateAR1 } from "../../lib/sced/mod.ts";

const ab: ScedDesign = { type: "phase", phases: ["A", "B"], n: 30, limit: 5 };

Deno.test("no effect: rejection rate stays at or below alpha (randomised start controls the type I error)", () => {
  const r = scedPower({ design: ab, effect: 0, phi: 0.5, datasets: 600, draws: 199, seed: 1 });
  assert.ok(r.power <= 0.05 + 3 * Math.sqrt(0.05 * 0.95 / 600), `type I error ${r.power}`);
  assert.equal(r.assignments, 21);
  assert.equal(r.mcse, Math.sqrt(r.power * (1 - r.power) / 600));
});

Deno.test("power grows with the effect and is reproducible for a seed", () => {
  // 21 assignments: "auto" uses the exact test
  const curve = powerCurve({ design: ab, phi: 0.2, effects: [0, 1, 2, 3], datasets: 200, seed: 5 });
  assert.equal(curve[0].method, "exact");
  const p = curve.map((c) => c.power);
  assert.ok(p[3] > p[1] && p[2] > p[0], `power ${p}`);
  assert.ok(p[3] > 0.5, `effect 3 SD: power ${p[3]}`);
  const again = powerCurve({ design: ab, phi: 0.2, effects: [0, 1, 2, 3], datasets: 200, seed: 5 });
  assert.deepEqual(again.map((c) => c.power), p);
});

Deno.test("power of a 3-participant MBD, exact vs Monte Carlo tests, and of an ABAB design (general path)", () => {
  const mbd: ScedDesign = { type: "MBD", scheme: "marascuilo-busk", n: 20, starts: Array(3).fill([6, 8, 10, 12, 14]) };
  const mc = scedPower({ design: mbd, effect: 1, phi: 0.3, datasets: 100, draws: 200, seed: 3 });
  const ex = scedPower({ design: mbd, effect: 1, phi: 0.3, datasets: 100, draws: "exact", seed: 3 });
  assert.ok(Math.abs(mc.power - ex.power) < 0.1, `${mc.power} vs ${ex.power}`);
  assert.ok(ex.power > 0.3 && ex.power < 0.9, `MBD power ${ex.power}`);
  const abab: ScedDesign = { type: "phase", phases: ["A", "B", "A", "B"], n: 24, limit: 4 };
  const r = scedPower({ design: abab, effect: 2, phi: 0, statistic: "PA-PB", datasets: 40, draws: "exact", seed: 2 });
  assert.ok(r.power > 0.5, `ABAB power ${r.power}`);
  assert.equal(r.assignments, 165);
});

Deno.test("simulateAR1: stationary variance sd^2/(1 - phi^2) and lag-1 autocorrelation phi", () => {
  const phi = 0.6;
  const x = simulateAR1({ n: 200000, phi, seed: 12 });
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  let v = 0;
  let c = 0;
  for (let t = 0; t < x.length; t++) {
    v += (x[t] - m) ** 2;
    if (t > 0) c += (x[t] - m) * (x[t - 1] - m);
  }
  assert.ok(Math.abs(v / x.length - 1 / (1 - phi * phi)) < 0.05, `variance ${v / x.length}`);
  assert.ok(Math.abs(c / v - phi) < 0.01, `lag-1 ${c / v}`);
  const y = simulateAR1({ n: 200000, phi, scale: "marginal", seed: 12 });
  assert.ok(Math.abs(y.reduce((a, b) => a + b * b, 0) / y.length - 1) < 0.05, "marginal scale has SD 1");
  assert.throws(() => simulateAR1({ n: 10, phi: 1, seed: 1 }), /phi must be < 1, got 1/);
  assert.throws(() => simulateAR1({ n: 10, phi: 0.3 } as never), /seed is required/);
});

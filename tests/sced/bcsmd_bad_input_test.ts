/**
 * Bad input to the SCED effect-size slice (lib/sced/es.ts, hlm.ts, bcsmd.ts, rtci.ts): table-driven
 * cases, each a ValidationError whose message names the tool, the field, the 1-based row where
 * there is one, and the rule; plus a property test feeding random malformed data to the parsers
 * ("a ValidationError, or finite output — never a crash, NaN or a hang").
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { ValidationError } from "../../lib/validate.ts";
import {
  batchScedEffectSizes,
  esLOR,
  esLRRi,
  esNAP,
  esSMD,
  esTauBC,
  SCED_ES_NAMES,
  scedEffectSize,
  type ScedEsName,
} from "../../lib/sced/es.ts";
import { fitScedHlm } from "../../lib/sced/hlm.ts";
import { calcBCSMD, effectSizeABk, effectSizeMB, gMlm } from "../../lib/sced/bcsmd.ts";
import { scedRandomizationCI } from "../../lib/sced/rtci.ts";

const mb = [1, 2, 3].flatMap((c) =>
  Array.from({ length: 10 }, (_, s) => ({
    case: `c${c}`,
    session: s + 1,
    phase: s + 1 > 2 + c ? "B" : "A",
    outcome: 5 + c + (s + 1 > 2 + c ? 4 : 0) + ((s * 3 + c) % 4),
  }))
);
const hlmInput = {
  case: mb.map((r) => r.case),
  time: mb.map((r) => r.session),
  outcome: mb.map((r) => r.outcome),
  fixed: [{ name: "trt", values: mb.map((r) => (r.phase === "B" ? 1 : 0)) }],
};

interface Case {
  name: string;
  run: () => unknown;
  expect: RegExp;
}

const cases: Case[] = [
  {
    name: "NAP: NaN in A names the row",
    run: () => esNAP([1, NaN, 3], [4, 5]),
    expect: /sced-es NAP: row 2, A must be a finite number, got NaN/,
  },
  { name: "NAP: empty B", run: () => esNAP([1, 2], []), expect: /sced-es NAP: B must have at least 1 observation/ },
  {
    name: "NAP: level 0",
    run: () => esNAP([1, 2], [3, 4], { level: 0 }),
    expect: /sced-es NAP: level must be a percentage/,
  },
  { name: "NAP: level 100", run: () => esNAP([1, 2], [3, 4], { level: 100 }), expect: /level must be a percentage/ },
  {
    name: "NAP: unknown SE type",
    run: () => esNAP([1, 2], [3, 4], { seType: "exact" as never }),
    expect: /seType must be "unbiased", "Hanley", "null" or "none"/,
  },
  {
    name: "NAP: bad improvement",
    run: () => esNAP([1, 2], [3, 4], { improvement: "up" as never }),
    expect: /improvement must be "increase" or "decrease"/,
  },
  {
    name: "Tau-BC: one baseline point",
    run: () => esTauBC([1], [3, 4]),
    expect: /sced-es Tau_BC: A must have at least 2 observations/,
  },
  {
    name: "Tau-BC: pretest threshold 1",
    run: () => esTauBC([1, 2, 3], [3, 4], { pretestTrend: 1 }),
    expect: /pretestTrend must be false or a significance threshold in \(0, 1\)/,
  },
  {
    name: "SMD: constant baseline",
    run: () => esSMD([2, 2, 2], [3, 4]),
    expect: /sced-es SMD: A has no variation \(SD = 0\)/,
  },
  {
    name: "SMD: one baseline point",
    run: () => esSMD([2], [3, 4]),
    expect: /A must have at least 2 observations for the baseline SD/,
  },
  {
    name: "SMD: bad stdDev",
    run: () => esSMD([2, 3], [3, 4], { stdDev: "within" as never }),
    expect: /stdDev must be "baseline" or "pool"/,
  },
  {
    name: "LRRi: negative count",
    run: () => esLRRi([2, -1], [3, 4]),
    expect: /sced-es LRRi: row 2, A must be >= 0 on the count scale, got -1/,
  },
  {
    name: "LRRi: unknown scale",
    run: () => esLRRi([2, 1], [3, 4], { scale: "likert" as never }),
    expect: /scale must be "count", "rate"/,
  },
  {
    name: "LRRi: intervals 0",
    run: () => esLRRi([0.2, 0.1], [0.3, 0.4], { scale: "proportion", intervals: 0 }),
    expect: /intervals must be a finite number > 0/,
  },
  {
    name: "LOR: count scale refused",
    run: () => esLOR([2, 1], [3, 4], { scale: "count" }),
    expect: /sced-es LOR: scale LOR needs "proportion" or "percentage"/,
  },
  {
    name: "LOR: percentage above 100",
    run: () => esLOR([20, 120], [30, 40], { scale: "percentage" }),
    expect: /row 2, A must be in \[0, 100\] on the percentage scale, got 120/,
  },
  {
    name: "effect size by unknown name",
    run: () => scedEffectSize("PEMx" as ScedEsName, [1], [2]),
    expect: /sced-es: es must be one of NAP, Tau/,
  },
  {
    name: "batch: missing value names the row",
    run: () =>
      batchScedEffectSizes([{ case: "a", phase: "A", value: 1 }, { case: "a", phase: "B", value: Number.NaN }], {
        es: ["NAP"],
      }),
    expect: /sced-es batch: row 2, value must be a finite number/,
  },
  {
    name: "batch: no effect sizes",
    run: () => batchScedEffectSizes([{ case: "a", phase: "A", value: 1 }], { es: [] }),
    expect: /es must list at least one effect size/,
  },
  {
    name: "HLM: lengths differ",
    run: () => fitScedHlm({ ...hlmInput, time: hlmInput.time.slice(1) }),
    expect: /sced-hlm: time must have 30 values/,
  },
  {
    name: "HLM: non-integer session with AR(1)",
    run: () => fitScedHlm({ ...hlmInput, time: hlmInput.time.map((t, i) => (i === 4 ? 4.5 : t)) }),
    expect: /sced-hlm: row 5, time must be an integer session number for AR1 errors, got 4.5/,
  },
  {
    name: "HLM: duplicated session in a case",
    run: () => fitScedHlm({ ...hlmInput, time: hlmInput.time.map((t, i) => (i === 3 ? 3 : t)) }),
    expect: /time must be unique within a case \(case c1 has session 3 twice\)/,
  },
  {
    name: "HLM: one case",
    run: () => fitScedHlm({ ...hlmInput, case: hlmInput.case.map(() => "x") }),
    expect: /case must have at least 2 cases/,
  },
  {
    name: "HLM: het without treatment",
    run: () => fitScedHlm(hlmInput, { variance: "het" }),
    expect: /treatment is required with variance "het"/,
  },
  {
    name: "HLM: unknown correlation",
    run: () => fitScedHlm(hlmInput, { correlation: "AR2" as never }),
    expect: /correlation must be "AR1", "MA1" or "IID"/,
  },
  {
    name: "HLM: collinear fixed effects",
    run: () =>
      fitScedHlm({ ...hlmInput, fixed: [...hlmInput.fixed, { name: "copy", values: hlmInput.fixed[0].values }] }),
    expect: /fixed-effects design is singular/,
  },
  {
    name: "g_mlm: p weights of the wrong length",
    run: () => gMlm(fitScedHlm(hlmInput), { pConst: [0, 1, 0], rConst: [1, 0, 1] }),
    expect: /bcsmd: pConst must have one weight per fixed effect \(2: \(Intercept\), trt\)/,
  },
  {
    name: "g_mlm: zero total variance",
    run: () => gMlm(fitScedHlm(hlmInput), { pConst: [0, 1], rConst: [0, 0, 0] }),
    expect: /rConst must give a positive total variance/,
  },
  {
    name: "calcBCSMD: unknown design",
    run: () => calcBCSMD(mb, { design: "ABAB" as never }),
    expect: /bcsmd: design must be "MBP" or "TR"/,
  },
  {
    name: "calcBCSMD: three phase labels",
    run: () => calcBCSMD(mb.map((r, i) => (i === 5 ? { ...r, phase: "C" } : r)), { design: "MBP" }),
    expect: /phase must have exactly 2 labels/,
  },
  {
    name: "calcBCSMD: outcome text names the row",
    run: () => calcBCSMD(mb.map((r, i) => (i === 7 ? { ...r, outcome: "7" as never } : r)), { design: "MBP" }),
    expect: /bcsmd: row 8, outcome must be a finite number or null, got "7"/,
  },
  {
    name: "calcBCSMD: TR with trends",
    run: () => calcBCSMD(mb, { design: "TR", feBase: [0, 1] }),
    expect: /TR \(treatment reversal\) uses the default fixed and random effects only/,
  },
  {
    name: "calcBCSMD: treatment label not in the data",
    run: () => calcBCSMD(mb, { design: "MBP", treatmentName: "T" }),
    expect: /treatmentName must be one of the phase labels \(A, B\)/,
  },
  {
    name: "effect_size_MB: one case",
    run: () => effectSizeMB(mb.filter((r) => r.case === "c1")),
    expect: /effect_size_MB: case must have at least 2 cases/,
  },
  {
    name: "effect_size_ABk: missing phase pair",
    run: () => effectSizeABk(mb.map((r) => ({ ...r, pair: undefined as never }))),
    expect: /effect_size_ABk: row 1, pair must be an integer phase-pair number/,
  },
  {
    name: "RT-CI: too few assignments for 95 %",
    run: () =>
      scedRandomizationCI({
        design: { type: "phase", phases: ["A", "B"], n: 6, limit: 2 },
        values: [1, 2, 1, 5, 6, 5],
        labels: ["A", "A", "A", "B", "B", "B"],
      }),
    expect: /sced-rtci: level needs a design with more assignments: the smallest two-sided p-value is 0.667/,
  },
  {
    name: "RT-CI: same baseline and treatment label",
    run: () =>
      scedRandomizationCI({
        design: { type: "phase", phases: ["A", "B"], n: 6, limit: 2 },
        values: [1, 2, 1, 5, 6, 5],
        labels: ["A", "A", "A", "B", "B", "B"],
      }, {
        baseline: "B",
      }),
    expect: /baseline, treatment must be two different labels/,
  },
  {
    name: "RT-CI: Monte Carlo without a seed",
    run: () =>
      scedRandomizationCI({
        design: { type: "phase", phases: ["A", "B"], n: 40, limit: 5 },
        values: Array.from({ length: 40 }, (_, i) => i),
        labels: Array.from({ length: 40 }, (_, i) => (i < 20 ? "A" : "B")),
        method: "monte-carlo",
        draws: 999,
      }),
    expect: /sced-rtci: seed is required for a Monte Carlo interval/,
  },
];

for (const c of cases) {
  Deno.test(`bad input: ${c.name}`, () => {
    assert.throws(c.run, (e: unknown) => {
      if (!(e instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${e}`);
      if (!c.expect.test(e.message)) throw new Error(`message ${JSON.stringify(e.message)} does not match ${c.expect}`);
      return true;
    });
  });
}

function finiteOrNull(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "number" && Number.isFinite(x));
}

Deno.test("property: random series give a ValidationError or finite effect sizes (never NaN/Infinity)", () => {
  const value = fc.oneof(
    fc.double({ min: -50, max: 150, noNaN: true }),
    fc.constantFrom(0, 1, 100, Number.NaN, Infinity, -Infinity),
  );
  fc.assert(
    fc.property(
      fc.array(value, { minLength: 0, maxLength: 8 }),
      fc.array(value, { minLength: 0, maxLength: 8 }),
      fc.constantFrom(...SCED_ES_NAMES),
      fc.constantFrom("count", "percentage", "proportion") as fc.Arbitrary<"count" | "percentage" | "proportion">,
      fc.constantFrom("increase", "decrease") as fc.Arbitrary<"increase" | "decrease">,
      (A, B, es, scale, improvement) => {
        try {
          const rows = scedEffectSize(es, A, B, { scale, improvement, intervals: 20, pretestTrend: 0.05 });
          for (const r of rows) {
            for (const k of ["estimate", "se", "ci_lb", "ci_ub"] as const) {
              assert.ok(finiteOrNull(r[k]), `${es} ${k} = ${r[k]}`);
            }
          }
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("property: malformed long-format rows give a ValidationError or a finite g_AB", () => {
  const cell = fc.oneof(
    { weight: 30, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(null, Number.NaN, "x" as unknown as number) },
  );
  let fitted = 0;
  fc.assert(
    fc.property(
      fc.uniqueArray(
        fc.record({
          case: fc.constantFrom("a", "b", "c"),
          session: fc.integer({ min: 1, max: 10 }),
          phase: fc.constantFrom("A", "B"),
          outcome: cell,
        }),
        { minLength: 0, maxLength: 30, selector: (r) => `${r.case}|${r.session}` },
      ),
      (rows) => {
        for (
          const run of [
            () => calcBCSMD(rows, { design: "MBP", treatmentName: "B" }),
            () => effectSizeMB(rows, { treatmentName: "B" }),
          ]
        ) {
          try {
            const r = run() as unknown as Record<string, unknown>;
            fitted++;
            for (const [k, v] of Object.entries(r)) {
              if (typeof v === "number") assert.ok(Number.isFinite(v), `${k} = ${v}`);
            }
          } catch (e) {
            if (!(e instanceof ValidationError)) throw e;
          }
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
  assert.ok(fitted > 50, `only ${fitted} of 400 random data sets were fitted: the property is not exercised`);
});

import assert from "node:assert/strict";
import {
  analyseScedData,
  combineAllMethods,
  combinePValues,
  parseScedCsv,
  parseStartsCsv,
  randomizationTest,
  scedEffects,
  scedEffectsByCase,
  startsFromLimit,
} from "../../lib/sced/mod.ts";
import { repoPath } from "../helpers.ts";

const read = (f: string) => Deno.readTextFileSync(repoPath(`data/sced/${f}`));
const mbd = parseScedCsv(read("mbd-fear-diary.csv"));
const abcd = parseScedCsv(read("abcd-fear-diary.csv"));

Deno.test("analyseScedData: MBD under each scheme equals randomizationTest with the same design", () => {
  const observed = mbd.map((c) => c.labels.indexOf("B") + 1);
  const designs = {
    "marascuilo-busk": mbd.map((c) => startsFromLimit(c.values.length, 5)),
    "wampold-worsham": observed.map((s) => [s]),
    "koehler-levin": parseStartsCsv(read("mbd-starts-koehler-levin.csv")),
  } as const;
  for (const [scheme, starts] of Object.entries(designs)) {
    const a = analyseScedData(mbd, {
      design: "MBD",
      scheme: scheme as "koehler-levin",
      limit: 5,
      ...(scheme === "koehler-levin" ? { starts } : {}),
    });
    assert.equal(a.kind, "mbd");
    const direct = randomizationTest({
      design: { type: "MBD", scheme: scheme as "koehler-levin", n: mbd.map((c) => c.values.length), starts },
      cases: mbd,
      statistic: "A-B",
    });
    assert.equal(a.result.pval, direct.pval, scheme);
    assert.equal(a.result.assignments, direct.assignments, scheme);
  }
});

Deno.test("analyseScedData: several cases of a phase design are tested one by one and combined", () => {
  const a = analyseScedData(abcd, { design: "ABCD", limit: 5, statistic: "A-D", combine: "fisher" });
  assert.equal(a.kind, "replicated");
  if (a.kind !== "replicated") return;
  assert.equal(a.result.perCase.length, 3);
  assert.equal(a.result.combined.pval, combinePValues(a.result.perCase.map((r) => r.pval), "fisher").pval);
  const mc = analyseScedData(abcd.slice(0, 1), { design: "ABCD", limit: 5, statistic: "A-D", draws: 500, seed: 9 });
  assert.equal(mc.kind, "single");
  assert.equal(mc.result.method, "monte-carlo");
  assert.equal(mc.result.pval, (mc.result.k + 1) / 501);
});

Deno.test("scedEffectsByCase: the effect sizes of baseline vs a later phase, per case", () => {
  const rows = scedEffectsByCase(abcd, { improvement: "decrease", treatment: "D" });
  assert.deepEqual(rows.map((r) => r.name), abcd.map((c) => c.name));
  const c = abcd[0];
  const direct = scedEffects({
    A: c.values.filter((_, i) => c.labels[i] === "A"),
    B: c.values.filter((_, i) => c.labels[i] === "D"),
    improvement: "decrease",
  });
  assert.deepEqual(rows[0].NAP, direct.NAP);
  assert.throws(
    () => scedEffectsByCase(abcd, { improvement: "decrease", treatment: "E" }),
    /has no measurement in phase E/,
  );
});

Deno.test("combineAllMethods: the three methods in order, same numbers as combinePValues", () => {
  const p = [0.19, 0.2, 0.22, 0.3, 0.35, 0.41, 0.42];
  const all = combineAllMethods(p);
  assert.deepEqual(all.results.map((r) => r.method), ["edgington", "fisher", "stouffer"]);
  assert.equal(all.results[0].pval, combinePValues(p, "edgington").pval);
  assert.deepEqual(all.warnings, []);
});

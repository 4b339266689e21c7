import assert from "node:assert/strict";
import {
  auditEvidence,
  checkCISymmetry,
  checkCountsSum,
  checkDf,
  checkEstimateInCI,
  checkI2,
  checkIdenticalNumbers,
  checkMagnitude,
  checkMedianInRange,
  checkPercentOfN,
  checkPFromCI,
  checkQSignificance,
  checkSameQuantity,
  checkSignificanceLegend,
  checkSubgroupDifference,
  correctionNotes,
  type Finding,
  summarizeFindings,
} from "../../lib/evidence/audit.ts";
import { loadEvidence } from "../../lib/evidence/load.ts";
import { repoPath } from "../helpers.ts";

// Each check: one passing and one failing example, with numbers from the seed where possible.

Deno.test("estimate-in-ci: Smeets 2006 CBT vs CT PSC post as printed fails, corrected passes", () => {
  assert.deepEqual(checkEstimateInCI({ id: "a", estimate: -1.74, ci_lb: -11.23, ci_ub: 7.75 }), []);
  const f = checkEstimateInCI({ id: "a", estimate: -1.74, ci_lb: 11.23, ci_ub: 7.75 });
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, "error");
  assert.match(f[0].explanation, /lower limit is above the upper limit/);
});

Deno.test("ci-symmetry: -2.40 (-4.14 to -0.65) passes within rounding; -17.84 (-26.54 to -0.14) is an error", () => {
  assert.deepEqual(checkCISymmetry({ id: "a", estimate: -2.40, ci_lb: -4.14, ci_ub: -0.65 }), []);
  const f = checkCISymmetry({ id: "b", estimate: -17.84, ci_lb: -26.54, ci_ub: -0.14 });
  assert.equal(f[0].severity, "error");
  assert.equal(f[0].numbers.midpoint, -13.34);
  // slightly off: warning
  assert.equal(
    checkCISymmetry({ id: "c", estimate: 1.0, ci_lb: 0.5, ci_ub: 1.62, decimals: 2 })[0].severity,
    "warning",
  );
  // symmetric on the log scale (a ratio): note
  assert.equal(checkCISymmetry({ id: "d", estimate: 2.0, ci_lb: 1.0, ci_ub: 4.0, decimals: 2 })[0].severity, "note");
});

Deno.test("p-from-ci: Den Hollander 2016 3.624 (0.467-6.781) p=0.02 passes; a decision error is an error", () => {
  // SE = 6.314/3.92 = 1.611, z = 2.25, p = 0.0245 -> printed 0.02 is compatible with rounding
  assert.deepEqual(checkPFromCI({ id: "a", estimate: 3.624, ci_lb: 0.467, ci_ub: 6.781, pval: 0.02, p_op: "=" }), []);
  assert.deepEqual(checkPFromCI({ id: "a", estimate: 1.082, ci_lb: 0.563, ci_ub: 1.601, pval: 0.001, p_op: "<" }), []);
  const f = checkPFromCI({ id: "b", estimate: 3.624, ci_lb: 0.467, ci_ub: 6.781, pval: 0.20, p_op: "=" });
  assert.equal(f[0].severity, "error");
  const g = checkPFromCI({ id: "c", estimate: 3.055, ci_lb: -0.018, ci_ub: 6.128, pval: 0.054, p_op: "=", df: 44 });
  assert.equal(g[0].severity, "warning"); // implied 0.0513, both > 0.05
});

Deno.test("q-significance: Q=19.98 (df 15) unmarked passes; Q=19.98 marked *** fails", () => {
  assert.deepEqual(checkQSignificance({ id: "a", Q: 19.98, df: 15, sig_mark: "" }), []);
  assert.deepEqual(checkQSignificance({ id: "a", Q: 1144.2, df: 18, sig_mark: "***" }), []);
  const f = checkQSignificance({ id: "b", Q: 19.98, df: 15, sig_mark: "***" });
  assert.equal(f[0].severity, "error");
  assert.equal(f[0].numbers.implied_mark, "none");
});

Deno.test("i2: Higgins' value passes; modest or lower gap is a note; large higher gap or 100% is a warning; >100 is an error", () => {
  // (584.06 - 43) / 584.06 = 92.64%
  assert.deepEqual(checkI2({ id: "a", Q: 584.06, df: 43, I2: 92.64 }), []);
  assert.equal(checkI2({ id: "b", Q: 1144.2, df: 18, I2: 99.81 })[0].severity, "note");
  // a τ²-based I² can legitimately be far below (Q - df)/Q = 24.92%: a note, not a warning
  const c = checkI2({ id: "c", Q: 19.98, df: 15, I2: 8.3 })[0];
  assert.equal(c.severity, "note");
  assert.match(c.explanation, /can legitimately be far below/);
  assert.equal(checkI2({ id: "c2", Q: 20, df: 15, I2: 60 })[0].severity, "warning");
  // a printed "100%" needs only I² >= 99.5% (τ² >= 199 s²), not 99.995% (19999 s²)
  const d = checkI2({ id: "d", Q: 1574.39, df: 13, I2: 100 })[0];
  assert.equal(d.severity, "warning");
  assert.equal(d.numbers.printed_100_needs_I2_at_least, 99.5);
  assert.equal(d.numbers.tau2_over_s2_needed, 199);
  assert.match(d.explanation, /needs only I² >= 99\.5%/);
  assert.match(d.explanation, /at least 199 times/);
  // Q and df that give 99.6% already print as 100%: no finding
  assert.deepEqual(checkI2({ id: "d2", Q: 2500, df: 10, I2: 100 }), []);
  assert.equal(checkI2({ id: "e", Q: 10, df: 5, I2: 120 })[0].severity, "error");
});

Deno.test("Timmers 2021: 60% fits both 12/20 and 18/30, not 23 or 17", () => {
  const t = findings.find((f) => f.ids.includes("timmers2021-responders"))!;
  assert.match(t.message, /not a whole number of the 23 who completed EXP or the 17 with 6-month MRI data/);
  assert.match(t.message, /the 30 enrolled \(18\/30\)/);
  assert.match(t.message, /the 20 with 6-month follow-up \(12\/20\)/);
  assert.match(t.explanation, /does not tell which denominator/);
});

Deno.test("df: N - 1 passes, df = N fails", () => {
  assert.deepEqual(checkDf({ id: "a", N: 25, df: 24 }), []);
  assert.equal(checkDf({ id: "b", N: 25, df: 25 })[0].numbers.expected_df, 24);
});

Deno.test("counts-sum: direction counts 51+12+1 = 64 pass; Smeets arms 61+58+53+50 != 223 fail", () => {
  assert.deepEqual(checkCountsSum({ id: "a", label: "dir", parts: { p: 51, n: 12, a: 1 }, total: 64 }), []);
  const f = checkCountsSum({ id: "b", label: "arms", parts: { ct: 61, cbt: 58, apt: 53, wlc: 50 }, total: 223 });
  assert.equal(f[0].numbers.sum, 222);
  assert.equal(f[0].severity, "error");
});

Deno.test("percent-of-n: 137/165 = 83% passes; 60% of 23 and 125/165 = 80% fail", () => {
  assert.deepEqual(checkPercentOfN({ id: "a", pct: 83, n: 165, k: 137 }), []);
  assert.deepEqual(checkPercentOfN({ id: "a", pct: 60, n: 20 }), []);
  assert.equal(checkPercentOfN({ id: "b", pct: 60, n: 23 })[0].numbers.nearest_k, 14);
  assert.equal(checkPercentOfN({ id: "c", pct: 80, n: 165, k: 125 })[0].severity, "error");
});

Deno.test("magnitude: an SMC of 0.67 passes; 11.98 is a warning; 4399.5 an error; 101% an error", () => {
  assert.deepEqual(checkMagnitude({ id: "a", kind: "smc", value: 0.67 }), []);
  assert.equal(checkMagnitude({ id: "b", kind: "smc", value: 11.98 })[0].severity, "warning");
  assert.equal(checkMagnitude({ id: "c", kind: "smc", value: 4399.5 })[0].severity, "error");
  assert.equal(checkMagnitude({ id: "d", kind: "pct", value: 101 })[0].severity, "error");
  assert.deepEqual(checkMagnitude({ id: "e", kind: "pct", value: 59.8 }), []);
});

Deno.test("median-in-range: 0.32 in 0.00-6.66 passes; outside fails", () => {
  assert.deepEqual(checkMedianInRange({ id: "a", median: 0.32, range_lb: 0, range_ub: 6.66 }), []);
  assert.equal(checkMedianInRange({ id: "b", median: 0.8, range_lb: 0.1, range_ub: 0.5 })[0].check, "median-in-range");
});

Deno.test("identical-numbers: distinct groups pass; same ES and p in two groups fail", () => {
  assert.deepEqual(
    checkIdenticalNumbers([{ id: "a", group: "x", numbers: [0.658, 0.001] }, {
      id: "b",
      group: "y",
      numbers: [0.614, 0.001],
    }]),
    [],
  );
  const f = checkIdenticalNumbers([
    { id: "a", group: "tailoring: high", numbers: [0.726, 0.004] },
    { id: "b", group: "format: ind+group", numbers: [0.726, 0.004] },
  ]);
  assert.deepEqual(f[0].ids, ["a", "b"]);
});

Deno.test("subgroup-difference: 0.614 vs 0.388 (both p<.001), p=.0496 passes; 0.726 (p=.004) vs 0.572, p=.3223 fails", () => {
  assert.deepEqual(
    checkSubgroupDifference({
      id: "t",
      a: { id: "a", es: 0.614, pval: 0.001, p_op: "<" },
      b: { id: "b", es: 0.388, pval: 0.001, p_op: "<" },
      pval: 0.0496,
      p_op: "=",
    }),
    [],
  );
  // SE_a = 0.726 / qnorm(0.998) = 0.2523, so SE_diff >= 0.2523 and p_diff >= 2(1 - pnorm(0.154/0.2523)) = 0.54
  const f = checkSubgroupDifference({
    id: "t",
    a: { id: "a", es: 0.726, pval: 0.004, p_op: "=" },
    b: { id: "b", es: 0.572, pval: 0.001, p_op: "<" },
    pval: 0.3223,
    p_op: "=",
  });
  assert.equal(f[0].severity, "warning");
  assert.ok((f[0].numbers.implied_p_min as number) > 0.5);
});

Deno.test("significance-legend: '<' passes, '>' fails", () => {
  assert.deepEqual(checkSignificanceLegend({ id: "a", legend: "*p < .05; **p < .01; ***p < .001" }), []);
  assert.equal(checkSignificanceLegend({ id: "b", legend: "*p > .05; **p > .01; ***p > .001" }).length, 1);
});

Deno.test("same-quantity and correction notes", () => {
  assert.deepEqual(
    checkSameQuantity({ id: "x", label: "n", a: { id: "a", value: 165 }, b: { id: "b", value: 165 } }),
    [],
  );
  assert.equal(
    checkSameQuantity({ id: "x", label: "n", a: { id: "a", value: 149 }, b: { id: "b", value: 137 } }).length,
    1,
  );
  assert.deepEqual(correctionNotes([{ id: "a", raw: "1", note: "", corrected: false }]), []);
  assert.equal(correctionNotes([{ id: "a", raw: "20.018", note: "minus as 2", corrected: true }])[0].severity, "note");
});

Deno.test("checks reject invalid input with a named field", () => {
  assert.throws(() => checkDf({ id: "a", N: 0, df: 1 }), /checkDf: N must be > 0/);
  assert.throws(() => checkPercentOfN({ id: "a", pct: 120, n: 10 }), /pct must be <= 100/);
});

// ---- the audit of the seed's tables, compared with a reviewed snapshot -------------------------

const SNAPSHOT = repoPath("tests/evidence/audit_snapshot.json");
const ev = await loadEvidence((f) => Deno.readTextFile(repoPath(`data/${f}`)));
const findings = auditEvidence(ev);
const brief = (f: Finding) => ({
  table_id: f.table_id,
  check: f.check,
  severity: f.severity,
  ids: f.ids,
  message: f.message,
});

Deno.test("the audit of the seed matches the reviewed snapshot (tests/evidence/audit_snapshot.json)", async () => {
  if (Deno.env.get("UPDATE_SNAPSHOT") === "1") {
    await Deno.writeTextFile(SNAPSHOT, JSON.stringify(findings.map(brief), null, 2) + "\n");
  }
  const expected = JSON.parse(await Deno.readTextFile(SNAPSHOT));
  assert.deepEqual(findings.map(brief), expected);
});

Deno.test("every finding of the seed's audit is explained and located", () => {
  for (const f of findings) {
    assert.ok(f.explanation.length > 30, `${f.check} ${f.ids}: explanation`);
    assert.ok(f.table_id, `${f.check} ${f.ids}: table`);
  }
  const s = summarizeFindings(findings);
  assert.equal(s.total, findings.length);
  // the known problems of the seed are found
  const has = (check: string, id: string, sev: string) =>
    findings.some((f) => f.check === check && f.ids.includes(id) && f.severity === sev);
  assert.ok(has("ci-symmetry", "smeets2006-psc-ct-wlc", "error"));
  assert.ok(has("df", "physical-post-fu", "error"));
  assert.ok(has("magnitude", "social-pre-fu", "error"));
  assert.ok(has("subgroup-difference", "format-ind-group-vs-group", "warning"));
  assert.ok(has("identical-numbers", "tailoring-high", "warning"));
  assert.ok(has("counts-sum", "smeets2006-n", "warning"));
  assert.ok(has("significance-legend", "4c-smc-legend", "warning"));
  // and things that are consistent are not flagged: every direction count adds up, every Q mark fits
  assert.ok(!findings.some((f) => f.ids.some((i) => i.startsWith("direction-"))));
  assert.ok(!findings.some((f) => f.check === "q-significance"));
});

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  assignmentLabels,
  choose,
  countAssignments,
  drawAssignment,
  enumerateAssignments,
  observedAssignment,
  type ScedDesign,
  startsFromLimit,
} from "../../lib/sced/designs.ts";
import { createRandom } from "../../lib/stats/random.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

const countEnum = (d: ScedDesign) => {
  let n = 0;
  for (const _ of enumerateAssignments(d)) n++;
  return n;
};
const key = (a: unknown) => JSON.stringify(a);

Deno.test("phase designs: closed-form count C(n - k*limit + k - 1, k - 1) equals the enumeration length", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 12 }),
      (k, limit, slack) => {
        const phases = Array.from({ length: k }, (_, j) => "ABCDE"[j]);
        const d: ScedDesign = { type: "phase", phases, n: k * limit + slack, limit };
        const all = [...enumerateAssignments(d)];
        assert.equal(countAssignments(d), all.length);
        assert.equal(new Set(all.map(key)).size, all.length, "assignments are distinct");
        for (const a of all) {
          const labels: string[] = assignmentLabels(d, a)[0];
          assert.equal(labels.length, d.n);
          // every phase has at least `limit` measurements and the observed assignment round-trips
          assert.deepEqual(observedAssignment(d, [labels]), a);
        }
      },
    ),
    { numRuns: 60 },
  );
  // AB: n - 2*limit + 1 (SCRT quantity())
  assert.equal(countAssignments({ type: "phase", phases: ["A", "B"], n: 30, limit: 5 }), 21);
});

Deno.test("CRD, RBD and ATD: count formula (multinomial, (k!)^b, dynamic programming) equals enumeration", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 0, max: 3 }),
      (a, b, c) => {
        const crd: ScedDesign = { type: "CRD", counts: { A: a, B: b, C: c } };
        assert.equal(countAssignments(crd), countEnum(crd));
      },
    ),
    { numRuns: 40 },
  );
  for (const [k, blocks] of [[2, 1], [2, 5], [3, 2], [3, 3], [4, 1]]) {
    const d: ScedDesign = { type: "RBD", conditions: ["A", "B", "C", "D"].slice(0, k), blocks };
    assert.equal(countAssignments(d), countEnum(d));
  }
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      (a, b, maxRun) => {
        const d: ScedDesign = { type: "ATD", counts: { A: a, B: b }, maxRun };
        let admissible = 0;
        for (const s of enumerateAssignments({ type: "CRD", counts: { A: a, B: b } })) {
          const str = (s as string[]).join("");
          if (!new RegExp(`A{${maxRun + 1}}|B{${maxRun + 1}}`).test(str)) admissible++;
        }
        if (admissible === 0) {
          assert.throws(() => countAssignments(d), /maxRun/);
          return;
        }
        assert.equal(countAssignments(d), admissible, "DP count = brute-force filtered CRD count");
        assert.equal(countEnum(d), admissible);
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("MBD schemes: WW = N!, KL = N! * prod|S_t|, MB = prod|S_i|, each equal to the enumeration length", () => {
  fc.assert(
    fc.property(
      fc.array(fc.uniqueArray(fc.integer({ min: 2, max: 12 }), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 4,
      }),
      (starts) => {
        const N = starts.length;
        const fact = [1, 1, 2, 6, 24][N];
        const prod = starts.reduce((p, s) => p * s.length, 1);
        const mb: ScedDesign = { type: "MBD", scheme: "marascuilo-busk", n: 12, starts };
        const kl: ScedDesign = { type: "MBD", scheme: "koehler-levin", n: 12, starts };
        const ww: ScedDesign = { type: "MBD", scheme: "wampold-worsham", n: 12, starts: starts.map((s) => [s[0]]) };
        assert.equal(countAssignments(mb), prod);
        assert.equal(countAssignments(kl), fact * prod);
        assert.equal(countAssignments(ww), fact);
        assert.equal(countEnum(mb), prod);
        assert.equal(countEnum(kl), fact * prod);
        assert.equal(countEnum(ww), fact);
      },
    ),
    { numRuns: 50 },
  );
});

Deno.test("random draws are members of the assignment space and roughly uniform (AB, 5 assignments)", () => {
  const d: ScedDesign = { type: "phase", phases: ["A", "B"], n: 10, limit: 3 };
  const rng = createRandom(11);
  const tally = new Map<string, number>();
  for (let i = 0; i < 6000; i++) {
    const k = key(drawAssignment(d, rng));
    tally.set(k, (tally.get(k) ?? 0) + 1);
  }
  const members = new Set([...enumerateAssignments(d)].map(key));
  assert.equal(tally.size, 5);
  for (const [k, c] of tally) {
    assert.ok(members.has(k), `${k} is an assignment`);
    assert.ok(Math.abs(c - 1200) < 5 * Math.sqrt(1200 * 0.8), `${k} drawn ${c} times, expected about 1200`);
  }
  // ATD draws are uniform over the admissible sequences (A: 3, B: 3, max run 2: 14 sequences)
  const atd: ScedDesign = { type: "ATD", counts: { A: 3, B: 3 }, maxRun: 2 };
  assert.equal(countAssignments(atd), 14);
  const atdTally = new Map<string, number>();
  for (let i = 0; i < 7000; i++) {
    const k = key(drawAssignment(atd, rng));
    atdTally.set(k, (atdTally.get(k) ?? 0) + 1);
  }
  assert.equal(atdTally.size, 14);
  for (const c of atdTally.values()) {
    assert.ok(Math.abs(c - 500) < 5 * Math.sqrt(500), `ATD draw counts ${[...atdTally.values()]}`);
  }
  // ABCD, ATD, KL: draws are always valid members
  const designs: ScedDesign[] = [
    { type: "phase", phases: ["A", "B", "C", "D"], n: 14, limit: 2 },
    { type: "ATD", counts: { A: 4, B: 4 }, maxRun: 2 },
    { type: "RBD", conditions: ["A", "B", "C"], blocks: 2 },
    { type: "MBD", scheme: "koehler-levin", n: 12, starts: [[3, 4], [6, 7], [9]] },
  ];
  for (const dd of designs) {
    const all = new Set([...enumerateAssignments(dd)].map(key));
    for (let i = 0; i < 200; i++) assert.ok(all.has(key(drawAssignment(dd, rng))), `${dd.type} draw is a member`);
  }
});

Deno.test("design validation names the field and the rule", () => {
  assert.throws(
    () => countAssignments({ type: "phase", phases: ["A", "B", "A", "B"], n: 10, limit: 3 }),
    /n must be >= phases × limit \(12\), got 10/,
  );
  assert.throws(
    () => countAssignments({ type: "phase", phases: ["A", "A"], n: 10, limit: 3 }),
    /phases\[1\] must differ/,
  );
  assert.throws(
    () => countAssignments({ type: "MBD", scheme: "wampold-worsham", n: 10, starts: [[3, 4], [5]] }),
    /starts\[0\] must hold exactly one start/,
  );
  assert.throws(
    () => observedAssignment({ type: "phase", phases: ["A", "B"], n: 6, limit: 3 }, [["A", "A", "B", "B", "B", "B"]]),
    /phase 1 \(A\) must have >= limit \(3\) measurements, got 2/,
  );
  assert.throws(
    () => observedAssignment({ type: "phase", phases: ["A", "B", "A", "B"], n: 4, limit: 1 }, [["A", "B", "B", "A"]]),
    /must follow the phases A,B,A,B/,
  );
  assert.deepEqual(startsFromLimit(20, 5), [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  assert.equal(choose(11, 3), 165);
});

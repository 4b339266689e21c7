import assert from "node:assert/strict";
import {
  doseFactor,
  parseRegistryCsv,
  REGISTRY_DEFAULTS,
  REGISTRY_SOURCES,
  registryDefaultsTable,
  registryToCsv,
  simulateRegistry,
} from "../../lib/practice/mod.ts";
import { PDI_MCID } from "../../lib/instruments.ts";
import { assertClose, repoPath } from "../helpers.ts";

Deno.test("simulateRegistry is seeded: same seed, same registry; another seed, another one", () => {
  const a = simulateRegistry({ centres: 6 }, 42);
  const b = simulateRegistry({ centres: 6 }, 42);
  const c = simulateRegistry({ centres: 6 }, 43);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.patients.slice(0, 5), c.patients.slice(0, 5));
});

Deno.test("a centre's patients do not change when other centres are added (deriveSeed per centre)", () => {
  const small = simulateRegistry({ centres: 4 }, 7);
  const large = simulateRegistry({ centres: 9 }, 7);
  const pick = (r: typeof small) => r.patients.filter((p) => p.centre === "C03");
  assert.deepEqual(pick(small), pick(large));
  // Year 1 of a 3-year registry is the 1-year registry.
  const three = simulateRegistry({ centres: 4, years: 3 }, 7);
  assert.deepEqual(three.patients.filter((p) => p.year === 1), small.patients);
  assert.equal(three.patients.length, 3 * small.patients.length);
});

Deno.test("defaults reproduce the seed's numbers they are calibrated to", () => {
  // Breugelmans 2024: 59.8% PDI responders on the MCID. With change ~ N(11.5, 12) at the
  // reference dose and MCID 8.5: P(change >= 8.5) = pnorm(3/12) = 0.5987 for an average patient.
  // In a large end-of-line registry at the reference dose the observed share should be close.
  const reg = simulateRegistry(
    { centres: 40, sizeMin: 150, sizeMax: 150, indicationBreadth: 0, doseHours: 90, doseSpread: 0, centreSD: 0 },
    3,
  );
  const ch = reg.patients.map((p) => p.pdiPre - p.pdiPost);
  const resp = ch.filter((c) => c >= PDI_MCID.value).length / ch.length;
  // 6000 patients: binomial SE 0.0063; the covariates add spread, so allow 0.05.
  assert.ok(Math.abs(resp - 0.598) < 0.05, `responder share ${resp}`);
  // 65% of patients have pain >= 5 years (Meesters 2016 / Volker 2017).
  const long = reg.patients.filter((p) => p.painYears >= 5).length / reg.patients.length;
  assert.ok(Math.abs(long - 0.65) < 0.03, `share >= 5 years ${long}`);
  // 16% in paid work (Volker 2017).
  const work = reg.patients.filter((p) => p.work === 1).length / reg.patients.length;
  assert.ok(Math.abs(work - 0.16) < 0.02, `share working ${work}`);
  // Every default has a source line.
  for (const key of Object.keys(REGISTRY_DEFAULTS)) assert.ok(REGISTRY_SOURCES[key as keyof typeof REGISTRY_SOURCES]);
});

Deno.test("doseFactor follows the seed's contact-hour bands (ES 0.658, 0.614, 0.388)", () => {
  assertClose(doseFactor(40), 0.658 / 0.614, 1e-14, "0-48 h");
  assert.equal(doseFactor(100), 1);
  assertClose(doseFactor(200), 0.388 / 0.614, 1e-14, "131-274 h");
});

Deno.test("scores stay in range and over-broad centres admit less complex patients", () => {
  const reg = simulateRegistry({ centres: 10, broadCentres: 2, broadShare: 0.6, indicationBreadth: 0.05 }, 5);
  for (const p of reg.patients) {
    assert.ok(p.pdiPre >= 0 && p.pdiPre <= 70 && p.pdiPost >= 0 && p.pdiPost <= 70);
    assert.ok(p.pscPre >= 0 && p.pscPre <= 100 && p.pscPost >= 0 && p.pscPost <= 100);
  }
  const share = (c: string) => {
    const ps = reg.patients.filter((p) => p.centre === c);
    return ps.filter((p) => p.lessComplex).length / ps.length;
  };
  assert.ok(share("C10") > 0.4 && share("C09") > 0.4, "broad centres");
  assert.deepEqual(reg.centres.map((c) => c.broad), [...Array(8).fill(false), true, true]);
});

Deno.test("registryToCsv round-trips through parseRegistryCsv", () => {
  const reg = simulateRegistry({ centres: 3, sizeMin: 10, sizeMax: 12 }, 9);
  const parsed = parseRegistryCsv(registryToCsv(reg.patients));
  assert.equal(parsed.rows.length, reg.patients.length);
  assert.deepEqual(parsed.centres, ["C01", "C02", "C03"]);
  assert.equal(parsed.rows[4].pdiPost, reg.patients[4].pdiPost);
  assert.equal(parsed.rows[4].pscPre, reg.patients[4].pscPre);
});

Deno.test("simulateRegistry: bad parameters name the field", () => {
  assert.throws(() => simulateRegistry({ centres: 1 }, 1), /simulateRegistry: centres must be >= 2, got 1/);
  assert.throws(() => simulateRegistry({ indicationBreadth: 1.2 }, 1), /indicationBreadth must be <= 0.95/);
  assert.throws(() => simulateRegistry({ sizeMin: 50, sizeMax: 20 }, 1), /sizeMax must be >= sizeMin \(50\), got 20/);
});

Deno.test("the PDI MCID default agrees with data/instruments.csv", async () => {
  const { parseInstruments } = await import("../../lib/evidence/load.ts");
  const rows = parseInstruments(Deno.readTextFileSync(repoPath("data/instruments.csv")));
  const pdi = rows.find((r) => r.instrument === "PDI");
  assert.equal(pdi?.mcid, PDI_MCID.value);
  assert.equal(REGISTRY_DEFAULTS.mcid, PDI_MCID.value);
});

Deno.test("dose honestly: the review's between-study contact-hour contrast is a causal effect only on request (doseEffect, default 0)", () => {
  const off = simulateRegistry({ centres: 30, doseSpread: 0.8 }, 4);
  assert.ok(off.centres.some((c) => c.hours > 130) && off.centres.some((c) => c.hours < 49));
  assert.ok(off.centres.every((c) => c.doseFactor === 1), "no dose effect by default");
  const on = simulateRegistry({ centres: 30, doseSpread: 0.8, doseEffect: 1 }, 4);
  for (const c of on.centres) assertClose(c.doseFactor, doseFactor(c.hours), 1e-15, c.centre);
  const half = simulateRegistry({ centres: 30, doseSpread: 0.8, doseEffect: 0.5 }, 4);
  const high = half.centres.find((c) => c.hours > 130) as { doseFactor: number };
  assertClose(high.doseFactor, 1 + 0.5 * (0.388 / 0.614 - 1), 1e-14, "half the contrast");
  // same seed: only outcomes change, not the centres' policies
  assert.deepEqual(on.centres.map((c) => c.hours), off.centres.map((c) => c.hours));
  const row = registryDefaultsTable().find((r) => r.parameter === "doseEffect");
  assert.equal(row?.default, 0);
  assert.match(row?.source ?? "", /^assumption, off by default.*between-study comparison/);
});

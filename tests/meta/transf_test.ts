/** Back-transformations: inverses of the forward transformations, with metafor's clamping. */
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertClose } from "../helpers.ts";
import { iarcsin, ilogit, ipftHm, pft } from "../../lib/meta/transf.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("ilogit and iarcsin invert logit and arcsine-sqrt; iarcsin clamps outside [0, pi/2]", () => {
  assert.equal(ilogit(0), 0.5);
  assertClose(ilogit(Math.log(0.3 / 0.7)), 0.3, 1e-14, "ilogit");
  assertClose(iarcsin(Math.asin(Math.sqrt(0.3))), 0.3, 1e-14, "iarcsin");
  assert.equal(iarcsin(-0.1), 0);
  assert.equal(iarcsin(2), 1);
  assert.throws(() => ilogit(NaN), /ilogit: x must be a finite number/);
});

Deno.test("property: ipftHm inverts pft when every study has the same n (harmonic mean = n)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 500 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (n, p) => {
      assertClose(ipftHm(pft(p, n), [n, n, n]), p, 1e-9, `p at n = ${n}`);
    }),
    { numRuns: 200 },
  );
  assert.equal(ipftHm(pft(1, 10) + 0.01, [10]), 1);
  assert.equal(ipftHm(pft(0, 10) - 0.01, [10]), 0);
  assert.throws(() => ipftHm(1, []), /ipftHm: ni/);
});

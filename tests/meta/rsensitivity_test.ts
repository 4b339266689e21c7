/** rSensitivity(): each row equals a direct escalc + rma at that r; reported r values are kept. */
import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import { rSensitivity } from "../../lib/meta/rsensitivity.ts";
import { escalc } from "../../lib/effects/escalc.ts";
import { rma } from "../../lib/meta/rma.ts";

// Morris (2008) example (metafor fixture input), SMCR: m1i = post, m2i = pre, sd1i = sd_pre
const data = {
  m1i: [38.5, 26.8, 0.7, 75.9, 36],
  m2i: [30.6, 23.5, 0.5, 53.4, 35.6],
  sd1i: [15, 3.1, 0.1, 14.5, 4.7],
  ni: [20, 50, 9, 10, 14],
};

Deno.test("rSensitivity: each grid row reproduces escalc + rma at that r; SMCR vi shrink as r rises", () => {
  const s = rSensitivity({ measure: "SMCR", data, r: [0.3, 0.5, 0.7], method: "REML" });
  assert.equal(s.rows.length, 3);
  assert.equal(s.assumed, 5);
  for (const row of s.rows) {
    const es = escalc("SMCR", { ...data, ri: new Array(5).fill(row.r) });
    const f = rma({ yi: es.yi, vi: es.vi, method: "REML" });
    assertClose(row.beta, f.beta, 1e-14, `beta at r = ${row.r}`);
    assertClose(row.tau2, f.tau2, 1e-14, `tau2 at r = ${row.r}`);
    assertClose(row.I2, f.I2, 1e-14, `I2 at r = ${row.r}`);
    assertClose(row.I2_Q, f.I2_Q, 1e-14, `I2_Q at r = ${row.r}`);
  }
  // SMCR yi does not depend on r, only vi = 2(1-r)/n + yi^2/(2n) does: the yi are identical
  assert.deepEqual(s.rows[0].yi, s.rows[2].yi);
  assert.ok(s.rows[2].vi.every((v, i) => v < s.rows[0].vi[i]));
  assert.deepEqual(s.range.beta, [Math.min(...s.rows.map((r) => r.beta)), Math.max(...s.rows.map((r) => r.beta))]);
});

Deno.test("rSensitivity: reported correlations are kept, only the null ones assumed", () => {
  const ri = [0.47, null, 0.77, null, 0.44];
  const s = rSensitivity({ measure: "SMCR", data: { ...data, ri }, r: [0.2, 0.8] });
  assert.equal(s.assumed, 2);
  const es = escalc("SMCR", { ...data, ri: [0.47, 0.2, 0.77, 0.2, 0.44] });
  assert.deepEqual(s.rows[0].vi, es.vi);
});

Deno.test("rSensitivity: bad inputs", () => {
  assert.throws(() => rSensitivity({ measure: "SMCR", data, r: [1.5] }), /rSensitivity: r\[0\] must be <= 1/);
  assert.throws(
    () => rSensitivity({ measure: "SMCR", data: { ...data, ni: [20, null as unknown as number, 9, 10, 14] } }),
    /rSensitivity: row 2, data.ni must be a number/,
  );
  assert.throws(() => rSensitivity({ measure: "MD" as "MC", data }), /measure must be one of/);
});

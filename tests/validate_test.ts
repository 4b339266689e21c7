import assert from "node:assert/strict";
import { z } from "zod";
import { fail, parseInput, sameLength, ValidationError } from "../lib/validate.ts";

Deno.test("parseInput names the field, the row and the rule", () => {
  const schema = z.object({ sd1i: z.array(z.number().positive()), method: z.enum(["DL", "REML"]) });
  assert.throws(() => parseInput(schema, { sd1i: [1, 2, 3, -2], method: "DL" }, "escalc"), {
    name: "ValidationError",
    message: "escalc: sd1i[3] must be > 0, got -2",
  });
  assert.throws(
    () => parseInput(schema, { sd1i: [1], method: "XX" }, "rma"),
    /rma: method must be one of "DL", "REML", got "XX"/,
  );
  assert.throws(() => parseInput(schema, { sd1i: ["a"], method: "DL" }, "f"), /f: sd1i\[0\] must be a number, got "a"/);
  assert.throws(() => parseInput(z.number().int(), 2.5, "k"), /k: input must be a whole number, got 2.5/);
});

Deno.test("several problems are listed together", () => {
  const schema = z.object({ a: z.number().min(0), b: z.array(z.number().max(1)) });
  try {
    parseInput(schema, { a: -1, b: [0, 2] }, "f");
    assert.fail("should throw");
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues.length, 2);
    assert.match(e.message, /f: 2 problems:\n {2}- a must be >= 0, got -1\n {2}- b\[1\] must be <= 1, got 2/);
  }
});

Deno.test("NaN is rejected as not a number", () => {
  assert.throws(() => parseInput(z.array(z.number()), [1, Number.NaN], "yi"), /yi: \[1\] must be a number, got NaN/);
});

Deno.test("sameLength and fail give the rule in words", () => {
  assert.throws(
    () => sameLength("escalc", { m1i: [1, 2], sd1i: [1] }),
    /escalc: sd1i must have 2 elements \(like m1i\), got 1/,
  );
  sameLength("escalc", { m1i: [1, 2], sd1i: [1, 3], ri: undefined });
  assert.throws(() => fail("rma", "vi", "must not be empty", []), /rma: vi must not be empty, got \[\]/);
});

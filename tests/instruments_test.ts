import assert from "node:assert/strict";
import { PDI_MCID } from "../lib/instruments.ts";
import { readCsv } from "../lib/io/csv.ts";
import { repoPath } from "./helpers.ts";

Deno.test("PDI_MCID is the PDI row of data/instruments.csv, with its verification status", () => {
  const { rows } = readCsv(Deno.readTextFileSync(repoPath("data/instruments.csv")), { name: "instruments.csv" });
  const pdi = rows.find((r) => r.instrument === "PDI");
  assert.ok(pdi, "instruments.csv has a PDI row");
  assert.equal(PDI_MCID.value, Number(pdi.mcid));
  assert.equal(PDI_MCID.verified, pdi.verified);
  assert.match(PDI_MCID.source, /Soer/);
});

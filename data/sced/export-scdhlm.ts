/**
 * Writes the scdhlm example data sets stored with the reference fixtures
 * (`../shared/fixtures/sced-es/scdhlm_*.json`, generated from the R package scdhlm 0.7.4.9999) as
 * long-format CSVs next to this script: columns case, session, phase, value. These are published
 * single-case data (digitised by scdhlm's authors from the studies named in README.md), not
 * constructed data. Run from the repository root: deno run -A data/sced/export-scdhlm.ts
 */
const files: Record<string, string> = {
  "scdhlm_laski.json": "laski1988-mbd.csv",
  "scdhlm_saddler_quality.json": "saddler2008-writing-quality-mbd.csv",
  "scdhlm_schutte.json": "schutte-fatigue-mbd.csv",
  "scdhlm_lambert_disruptive.json": "lambert2006-disruptive-abab.csv",
};
const fixtures = new URL("../../../shared/fixtures/sced-es/", import.meta.url);
for (const [src, out] of Object.entries(files)) {
  const fx = JSON.parse(Deno.readTextFileSync(new URL(src, fixtures)));
  const lines = ["case,session,phase,value"];
  for (const r of fx.data) lines.push(`${r.case},${r.session},${r.phase},${r.outcome ?? ""}`);
  Deno.writeTextFileSync(new URL(out, import.meta.url), lines.join("\n") + "\n");
}

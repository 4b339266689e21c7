/**
 * Design-comparable SMD benchmark (issue 13 goal): a REML fit of the single-case HLM (random case
 * intercepts, AR(1) errors) plus g_AB on scdhlm's Laski data (8 cases, 128 observations),
 * ≥ 1,500 fits/s (50× scdhlm's `lme` + `g_mlm`, about 30 fits/s on this machine).
 * Run: deno bench -A tests/bench/bcsmd_bench.ts
 */
import { fixturePath } from "../helpers.ts";
import { fitScedHlm } from "../../lib/sced/hlm.ts";
import { calcBCSMD, gMlm } from "../../lib/sced/bcsmd.ts";

const fx = JSON.parse(Deno.readTextFileSync(fixturePath("sced-es/scdhlm_laski.json")));
const d: { case: string; session: number; phase: string; outcome: number }[] = fx.data;
const input = {
  case: d.map((r) => r.case),
  time: d.map((r) => r.session),
  outcome: d.map((r) => r.outcome),
  fixed: [{ name: "phasetreatment", values: d.map((r) => (r.phase === "treatment" ? 1 : 0)) }],
};

Deno.bench("Laski: REML fit (random intercepts, AR(1)) + g_AB (fitScedHlm + gMlm)", () => {
  const fit = fitScedHlm(input, { correlation: "AR1" });
  gMlm(fit, { pConst: [0, 1], rConst: [1, 0, 1] });
});

Deno.bench("Laski: calcBCSMD defaults (MBP)", () => {
  calcBCSMD(d, { design: "MBP", treatmentName: "treatment" });
});

/**
 * Benchmarks of the multilevel engine on metafor's dat.assink2016 (100 effect sizes in 17
 * studies, from the metafor-mv fixture): rmaMv REML (~ 1 | study/esid), the CHE variant with
 * vcalc (rho = 0.6), and CR2 cluster-robust inference (clubSandwich: TRUE) on the multilevel and
 * the CHE fit (the CR2 adjustment applies B^{-1/2} to the p rows it needs through Householder
 * tridiagonalisation and implicit QR, lib/meta/_cr2.ts, rather than a full eigen decomposition).
 * Targets (issue 12): rmaMv REML ≥ 100× metafor's rma.mv and CR2 ≥ 50× clubSandwich via robust().
 * Measured on this machine with R 4.2.2 / metafor 3.8.1 / clubSandwich 0.5.8 (tests/bench/README.md,
 * tests/bench/r_reference.R): rma.mv 24 fits/s and robust(clubSandwich = TRUE) 160/s by CPU time,
 * so ≥ 2,400 fits/s and ≥ 8,000 CR2/s (the round figures were 20/s and 100/s).
 */
import { readFixture } from "../helpers.ts";
import { rmaMv } from "../../lib/meta/rmamv.ts";
import { vcalc } from "../../lib/meta/vcalc.ts";
import { robust } from "../../lib/meta/robust.ts";

const d = readFixture("metafor-mv/assink2016.json");
const yi: number[] = d.escalc.yi, vi: number[] = d.escalc.vi;
const study: string[] = d.structure.cluster_ids, esid: string[] = d.structure.obs_ids;
const random = { nested: [study, esid] };
const fit = rmaMv({ yi, V: vi, random });
const V = vcalc({ vi, cluster: study, obs: esid, rho: 0.6 });
const che = rmaMv({ yi, V, random });

Deno.bench("rmaMv REML ~ 1 | study/esid (assink2016, k = 100)", { group: "rmaMv", baseline: true }, () => {
  rmaMv({ yi, V: vi, random });
});
Deno.bench("rmaMv REML CHE rho = 0.6 (vcalc + fit)", { group: "rmaMv" }, () => {
  rmaMv({ yi, V: vcalc({ vi, cluster: study, obs: esid, rho: 0.6 }), random });
});
Deno.bench("rmaMv REML CHE rho = 0.6 (fit only, V given)", { group: "rmaMv" }, () => {
  rmaMv({ yi, V, random });
});
Deno.bench("robust CR2 (clubSandwich) on the multilevel fit", { group: "robust" }, () => {
  robust(fit, { cluster: study, clubSandwich: true });
});
Deno.bench("robust CR2 (clubSandwich) on the CHE fit (rho = 0.6)", { group: "robust" }, () => {
  robust(che, { cluster: study, clubSandwich: true });
});
Deno.bench("robust default (CR1) on the multilevel fit", { group: "robust" }, () => {
  robust(fit, { cluster: study });
});

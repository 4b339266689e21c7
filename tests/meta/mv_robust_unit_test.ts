/**
 * Cluster-robust inference beyond the fixtures: invariance to the order of the rows, clusters
 * coarser than the model's blocks (nested path) and clusters that split a block (the general
 * clubSandwich path with the sub-blocks of the full inverse as weights), and the HTZ test of one
 * coefficient reducing to the squared Satterthwaite t test.
 */
import { assertClose } from "../helpers.ts";
import { rmaMv } from "../../lib/meta/rmamv.ts";
import { robust, waldTest } from "../../lib/meta/robust.ts";

const yi = [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7, 0.35, 0.15, 0.45, 0.25];
const vi = [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02, 0.03, 0.02];
const study = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];
const esid = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2];
const x = [0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0];

Deno.test("robust CR2: invariant to the order of the rows", () => {
  const fit = rmaMv({ yi, V: vi, mods: { x }, random: { nested: [study, esid] } });
  const r = robust(fit, { cluster: study, clubSandwich: true });
  const perm = [11, 3, 7, 0, 9, 1, 5, 2, 10, 4, 8, 6];
  const P = <T>(a: T[]) => perm.map((i) => a[i]);
  const fit2 = rmaMv({ yi: P(yi), V: P(vi), mods: { x: P(x) }, random: { nested: [P(study), P(esid)] } });
  const r2 = robust(fit2, { cluster: P(study), clubSandwich: true });
  r.se.forEach((s, j) => assertClose(r2.se[j], s, 1e-7, `se[${j}]`));
  r.df.forEach((d, j) => assertClose(r2.df[j], d, 1e-7, `df[${j}]`));
  assertClose(r2.QM, r.QM, 1e-7, "QM");
});

Deno.test("robust CR2: clusters coarser than the studies, and clusters splitting a study", () => {
  const fit = rmaMv({ yi, V: vi, random: { nested: [study, esid] } });
  const coarse = robust(fit, { cluster: study.map((s) => Math.ceil(s / 2)), clubSandwich: true });
  const split = robust(fit, { cluster: study.map((s, i) => `${s}-${esid[i]}`), clubSandwich: true });
  for (const r of [coarse, split]) {
    if (![...r.se, ...r.df].every((v) => Number.isFinite(v) && v > 0)) throw new Error("finite positive se and df");
  }
  if (coarse.n_clusters !== 3 || split.n_clusters !== 12) throw new Error("cluster counts");
  if (!(coarse.df[0] <= 2 + 1e-9)) throw new Error("Satterthwaite df at most m - 1");
});

Deno.test("waldTest: one coefficient's HTZ F equals the squared Satterthwaite t test", () => {
  const fit = rmaMv({ yi, V: vi, mods: { x }, random: { nested: [study, esid] } });
  const r = robust(fit, { cluster: study, clubSandwich: true });
  const htz = waldTest(fit, { cluster: study, coefs: [2] }).find((t) => t.test === "HTZ")!;
  assertClose(htz.Fstat, r.tval[1] ** 2, 1e-10, "F = t²");
  assertClose(htz.df_denom!, r.df[1], 1e-10, "df");
  assertClose(htz.pval!, r.pval[1]!, 1e-10, "p");
});

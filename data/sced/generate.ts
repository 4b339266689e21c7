/**
 * Generator of the CONSTRUCTED (illustrative) example data in data/sced/. These are not the data of
 * de Jong et al. (2005, 2008, 2021): they are simulated diary scores that mimic the designs.
 * Run: deno run -A data/sced/generate.ts (writes the CSV files next to this script).
 */
import { simulateAR1 } from "../../lib/sced/mod.ts";
import { ar1Into, createFastRandom } from "../../lib/sced/_fast.ts";

const clip = (x: number) => Math.min(10, Math.max(0, Math.round(x * 10) / 10));
const dir = new URL(".", import.meta.url);

// ABCD, three patients (sequential replicated), 35 daily fear-of-movement ratings (0-10), limit 5.
const abcd: string[] = ["case,measurement,phase,value"];
const plans = [
  { name: "patient-1", starts: [9, 18, 27], levels: [7.5, 6.8, 3.6, 2.9], seed: 101, missing: [13] },
  { name: "patient-2", starts: [12, 20, 29], levels: [8.0, 7.6, 4.1, 3.5], seed: 102, missing: [] },
  { name: "patient-3", starts: [7, 16, 24], levels: [6.9, 6.5, 4.0, 3.0], seed: 103, missing: [22, 23] },
];
for (const p of plans) {
  const e = simulateAR1({ n: 35, phi: 0.3, sd: 0.6, seed: p.seed });
  for (let t = 1; t <= 35; t++) {
    const j = p.starts.filter((s) => t >= s).length;
    const v = p.missing.includes(t) ? "" : String(clip(p.levels[j] + e[t - 1]));
    abcd.push(`${p.name},${t},${"ABCD"[j]},${v}`);
  }
}
Deno.writeTextFileSync(new URL("abcd-fear-diary.csv", dir), abcd.join("\n") + "\n");

// Multiple baseline across 4 participants, 30 measurements, Koehler-Levin start sets per tier.
const mbd: string[] = ["case,measurement,phase,value"];
const starts = [7, 12, 15, 20];
const rng = createFastRandom(7);
starts.forEach((s, i) => {
  const e = ar1Into(30, 0.2, 0.7, "innovation", rng, new Float64Array(30));
  for (let t = 1; t <= 30; t++) {
    const b = t >= s;
    mbd.push(`participant-${i + 1},${t},${b ? "B" : "A"},${clip((b ? 4.2 : 7.2) + e[t - 1])}`);
  }
});
Deno.writeTextFileSync(new URL("mbd-fear-diary.csv", dir), mbd.join("\n") + "\n");
const kl = ["tier,start", ...[[6, 7, 8], [10, 11, 12], [14, 15, 16], [18, 19, 20]].flatMap((set, t) => set.map((s) => `${t + 1},${s}`))];
Deno.writeTextFileSync(new URL("mbd-starts-koehler-levin.csv", dir), kl.join("\n") + "\n");

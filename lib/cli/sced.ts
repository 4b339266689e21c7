/**
 * Command line: single-case randomisation tests.
 *
 * ```
 * deno task sced <data.csv> --design MBD --scheme koehler-levin --starts <starts.csv> --limit 5 \
 *   --statistic A-B [--exact | --draws N --seed S] [--json] [--combine edgington|fisher|stouffer]
 * ```
 * - data.csv: long format `case, measurement, phase, value` (empty value = missing, kept in place).
 * - `--design`: a phase sequence (AB, ABA, ABAB, ABCD, ...), MBD, CRD, RBD or ATD.
 *   Phase labels such as A1, B1, A2 (SCRT files) are read as A, B, A when the design letters are
 *   single letters.
 * - `--scheme` (MBD): wampold-worsham, koehler-levin, marascuilo-busk (default).
 * - `--starts` (MBD): CSV `set,start` (or `tier,start` / `case,start`), one row per possible start;
 *   without it, every participant may start B at limit+1 .. n−limit+1 (Marascuilo–Busk only).
 * - `--limit`: minimum measurements per phase (default 3); `--max-run` for ATD (default 2).
 * - `--statistic`: e.g. A-B (improvement = decrease), B-A, |A-B|, PA-PB, medA-medB, level:A-B,
 *   slope:A-B, NAP-decrease (default A-B).
 * - `--exact` (default) or `--draws N --seed S` for Monte Carlo.
 * - A phase design with several cases is tested per case and combined (`--combine`, default
 *   edgington).
 *
 * @example
 * await runSced(["data/sced/abcd-fear-diary.csv", "--design", "ABCD", "--limit", "3", "--statistic", "A-B"]);
 * @module
 */
import { parseScedCsv, parseStartsCsv } from "../sced/data.ts";
import { type Design, startsFromLimit } from "../sced/designs.ts";
import { randomizationTest, type RandomizationTestResult, replicatedTest } from "../sced/test.ts";
import type { CombineMethod } from "../sced/combine.ts";

/** What the CLI produced: exit code and the text for stdout / stderr. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE =
  `usage: sced <data.csv> --design AB|ABAB|ABCD|...|MBD|CRD|RBD|ATD [--scheme wampold-worsham|koehler-levin|marascuilo-busk]
  [--starts starts.csv] [--limit L] [--max-run R] [--statistic A-B] [--exact | --draws N --seed S]
  [--combine edgington|fisher|stouffer] [--json]`;

function parseArgs(args: string[]) {
  const opts: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--exact" || a === "--json" || a === "--help" || a === "-h") opts[a.replace(/^-+/, "")] = true;
    else if (a.startsWith("--")) {
      const [k, v] = a.includes("=")
        ? [a.slice(2, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a.slice(2), args[++i]];
      if (v === undefined) throw new Error(`option --${k} needs a value`);
      opts[k] = v;
    } else positional.push(a);
  }
  return { opts, positional };
}

function int(opts: Record<string, string | boolean>, key: string, dflt?: number): number | undefined {
  const v = opts[key];
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`--${key} must be a whole number, got ${v}`);
  return n;
}

function line(r: RandomizationTestResult, name?: string): string {
  const head = name ? `${name}: ` : "";
  const pText = r.method === "exact"
    ? `p = ${fmt(r.p)} (${r.k} of ${r.assignments} assignments with statistic >= observed)`
    : `p = ${fmt(r.p)} ((k + 1)/(M + 1), k = ${r.k} of M = ${r.draws} draws, seed ${r.seed})`;
  return `${head}${r.method} randomisation test, ${r.design}, statistic ${r.statistic}\n` +
    `  assignments: ${r.assignments}\n  observed statistic: ${fmt(r.observed)}\n  ${pText}` +
    (r.missing ? `\n  missing measurements kept in place: ${r.missing}` : "");
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(7));

/**
 * Run the CLI on `args` (without the program name); reads files with `readTextFile` (default
 * Deno.readTextFileSync). Returns the exit code and output instead of exiting, for tests.
 * @example const { code, stdout } = await runSced(["data.csv", "--design", "AB", "--limit", "3"]);
 */
export function runSced(args: string[], readTextFile: (path: string) => string = Deno.readTextFileSync): CliResult {
  try {
    const { opts, positional } = parseArgs(args);
    if (opts.help || opts.h) return { code: 0, stdout: USAGE, stderr: "" };
    if (positional.length !== 1) return { code: 2, stdout: "", stderr: `expected one data file\n${USAGE}` };
    const cases = parseScedCsv(readTextFile(positional[0]), positional[0]);
    const designName = String(opts.design ?? "");
    if (!designName) return { code: 2, stdout: "", stderr: `--design is required\n${USAGE}` };
    const statistic = String(opts.statistic ?? "A-B");
    const limit = int(opts, "limit", 3)!;
    const exact = opts.exact === true || opts.draws === undefined;
    if (opts.exact === true && opts.draws !== undefined) throw new Error("give either --exact or --draws, not both");
    const draws = int(opts, "draws");
    const seed = int(opts, "seed");
    if (!exact && seed === undefined) throw new Error("--seed is required with --draws");
    const mc = exact ? { method: "exact" as const } : { method: "monte-carlo" as const, draws, seed };
    let out: unknown;
    let text: string;
    if (designName === "MBD") {
      const scheme = String(opts.scheme ?? "marascuilo-busk") as
        | "wampold-worsham"
        | "koehler-levin"
        | "marascuilo-busk";
      let starts: number[][];
      if (opts.starts) starts = parseStartsCsv(readTextFile(String(opts.starts)), String(opts.starts));
      else if (scheme === "marascuilo-busk") starts = cases.map((c) => startsFromLimit(c.values.length, limit));
      else throw new Error(`--starts is required for the ${scheme} scheme`);
      if (opts.starts && limit !== undefined && opts.limit !== undefined) {
        starts.forEach((set, t) =>
          set.forEach((s) => {
            const n = Math.min(...cases.map((c) => c.values.length));
            if (s - 1 < limit || n - s + 1 < limit) {
              throw new Error(`starts set ${t + 1}: start ${s} leaves a phase shorter than --limit ${limit}`);
            }
          })
        );
      }
      const design: Design = { type: "MBD", scheme, n: cases.map((c) => c.values.length), starts };
      const r = randomizationTest({
        design,
        cases: cases.map((c) => ({ name: c.name, values: c.values, labels: c.labels })),
        statistic,
        ...mc,
      });
      out = { ...r, participants: cases.map((c) => c.name) };
      text = line(r);
    } else {
      const designs: Design[] = cases.map((c) => {
        const labels = normaliseLabels(c.labels, designName);
        c.labels = labels;
        if (designName === "CRD" || designName === "ATD") {
          const counts: Record<string, number> = {};
          for (const l of labels) counts[l] = (counts[l] ?? 0) + 1;
          return designName === "CRD"
            ? { type: "CRD", counts }
            : { type: "ATD", counts, maxRun: int(opts, "max-run", 2)! };
        }
        if (designName === "RBD") {
          const conditions = [...new Set(labels)].sort();
          if (labels.length % conditions.length) {
            throw new Error(`case ${c.name}: ${labels.length} measurements do not fill blocks of ${conditions.length}`);
          }
          return { type: "RBD", conditions, blocks: labels.length / conditions.length };
        }
        if (!/^[A-Za-z]{2,}$/.test(designName)) throw new Error(`unknown --design ${designName}`);
        return { type: "phase", phases: designName.split(""), n: labels.length, limit };
      });
      if (cases.length === 1) {
        const r = randomizationTest({
          design: designs[0],
          values: cases[0].values,
          labels: cases[0].labels,
          statistic,
          ...mc,
        });
        out = { ...r, case: cases[0].name };
        text = line(r, cases[0].name);
      } else {
        const combine = String(opts.combine ?? "edgington") as CombineMethod;
        const r = replicatedTest({
          design: designs,
          cases: cases.map((c) => ({ name: c.name, values: c.values, labels: c.labels })),
          statistic,
          combine,
          ...mc,
        });
        out = r;
        text = r.perCase.map((c) => line(c, c.name)).join("\n") +
          `\ncombined over ${r.combined.k} cases (${r.combined.method}): statistic ${fmt(r.combined.statistic)}, p = ${
            fmt(r.combined.p)
          }`;
      }
    }
    return { code: 0, stdout: opts.json ? JSON.stringify(out, null, 2) : text, stderr: "" };
  } catch (e) {
    return { code: 1, stdout: "", stderr: `sced: ${(e as Error).message}` };
  }
}

/** SCRT-style labels (A1, B1, A2, ...) become A, B, A for a single-letter phase design. */
function normaliseLabels(labels: string[], designName: string): string[] {
  if (["CRD", "RBD", "ATD", "MBD"].includes(designName)) return labels;
  if (/^[A-Za-z]+$/.test(designName) && labels.every((l) => /^[A-Za-z]\d+$/.test(l))) return labels.map((l) => l[0]);
  return labels;
}

if (import.meta.main) {
  const r = runSced(Deno.args);
  if (r.stdout) console.log(r.stdout);
  if (r.stderr) console.error(r.stderr);
  Deno.exit(r.code);
}

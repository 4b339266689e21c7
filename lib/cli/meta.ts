/**
 * `deno task meta <file.csv> [options]`: meta-analysis from a CSV in metafor's column vocabulary.
 *
 * A CSV with `yi` and `vi` columns is analysed as is; otherwise `--measure` names the effect size
 * and the CSV has its columns (e.g. SMCR: m1i, m2i, sd1i, ni, ri). Prints estimate, CI, PI, τ²
 * (with its Q-profile CI), Q(df) and p, and I² in both definitions; `--json` prints the complete
 * result object (metafor's field names); `--emit-r <file.R>` writes a metafor script that
 * reproduces the analysis for cross-checking in R.
 *
 * @example
 * // deno task meta data/examples/morris2008_smcr.csv --measure SMCR --method REML --test knha
 * // deno task meta data/examples/bcg.csv --measure RR --mods ablat --json
 * @module
 */
import { z } from "zod";
import { resolve } from "node:path";
import { csvNumber, csvOptionalNumber, loadCsv } from "../io/csv.ts";
import { fail, ValidationError } from "../validate.ts";
import { escalc, type EscalcData, type Measure, MEASURES, requiredColumns } from "../effects/escalc.ts";
import { confint, type ConfintResult, rmaFit, type RmaResult, TAU2_METHODS, type Tau2Method } from "../meta/rma.ts";
import { modelMatrix, type RmaModsResult, rmaX } from "../meta/metareg.ts";
import { subgroup, type SubgroupResult } from "../meta/subgroup.ts";
import { leave1out, type Leave1outResult } from "../meta/influence.ts";
import { regtest, type RegtestResult, trimfill } from "../meta/bias.ts";
import { rSensitivity, type RSensitivityResult } from "../meta/rsensitivity.ts";

export const USAGE = `Usage: deno task meta <file.csv> [options]

  --measure M         effect size to compute (${MEASURES.join(", ")}); omit if the CSV has yi and vi
  --method M          tau2 estimator (${TAU2_METHODS.join(", ")}); default REML
  --test z|knha       Wald z (default) or Knapp-Hartung
  --level L           confidence level in percent (default 95)
  --r R               pre-post correlation for MC/SMCC/SMCR, used where the CSV has no ri (or an empty cell)
  --r-grid a,b,c      also report an r-sensitivity table: the analysis redone with every study's r set to a, b, c
  --improvement D     increase | decrease: "decrease" flips yi so that a decrease (less pain) is positive
  --mods a,b          meta-regression on these columns (numeric = continuous, text = categorical)
  --subgroup col      subgroup analysis by this column
  --slab col          study labels column (default: study, author, slab, trial if present)
  --col name=column   read metafor column <name> from CSV column <column> (repeatable)
  --bias              add Egger's regression test and trim-and-fill
  --leave1out         add the leave-one-out table
  --json              print the complete result as JSON
  --emit-r file.R     write a metafor R script reproducing the analysis
  --help              this text`;

/** Parsed command-line options. */
export interface MetaCliOptions {
  file: string;
  measure?: Measure;
  method: Tau2Method;
  test: "z" | "knha";
  level: number;
  r?: number;
  rGrid?: number[];
  improvement?: "increase" | "decrease";
  mods: string[];
  subgroup?: string;
  slab?: string;
  cols: Record<string, string>;
  bias: boolean;
  leave1out: boolean;
  json: boolean;
  emitR?: string;
}

const NUM_COLS = ["yi", "vi", "m1i", "m2i", "sd1i", "sd2i", "ni", "n1i", "n2i", "ri", "xi", "ai", "bi", "ci", "di"];

/** Parse argv into options (throws a ValidationError with the offending flag). */
export function parseArgs(args: string[]): MetaCliOptions {
  const opts: MetaCliOptions = {
    file: "",
    method: "REML",
    test: "z",
    level: 95,
    mods: [],
    cols: {},
    bias: false,
    leave1out: false,
    json: false,
  };
  const need = (i: number, flag: string) => {
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) fail("meta", flag, "needs a value");
    return args[i + 1];
  };
  const numberArg = (v: string, flag: string) => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n)) fail("meta", flag, "must be a number", v);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case "--measure": {
        const v = need(i++, a).toUpperCase();
        if (!MEASURES.includes(v as Measure)) fail("meta", a, `must be one of ${MEASURES.join(", ")}`, v);
        opts.measure = v as Measure;
        break;
      }
      case "--method": {
        const v = need(i++, a).toUpperCase();
        if (!TAU2_METHODS.includes(v as Tau2Method)) fail("meta", a, `must be one of ${TAU2_METHODS.join(", ")}`, v);
        opts.method = v as Tau2Method;
        break;
      }
      case "--test": {
        const v = need(i++, a).toLowerCase();
        if (v !== "z" && v !== "knha") fail("meta", a, 'must be "z" or "knha"', v);
        opts.test = v;
        break;
      }
      case "--level": {
        const v = numberArg(need(i++, a), a);
        if (!(v > 0 && v < 100)) fail("meta", a, "must be between 0 and 100", v);
        opts.level = v;
        break;
      }
      case "--r": {
        const v = numberArg(need(i++, a), a);
        if (!(v >= -1 && v <= 1)) fail("meta", a, "must be in [-1, 1]", v);
        opts.r = v;
        break;
      }
      case "--r-grid": {
        const v = need(i++, a).split(",").map((s) => numberArg(s, a));
        v.forEach((r) => {
          if (!(r >= -1 && r <= 1)) fail("meta", a, "values must be in [-1, 1]", r);
        });
        opts.rGrid = v;
        break;
      }
      case "--improvement": {
        const v = need(i++, a);
        if (v !== "increase" && v !== "decrease") fail("meta", a, 'must be "increase" or "decrease"', v);
        opts.improvement = v;
        break;
      }
      case "--mods":
        opts.mods = need(i++, a).split(",").map((s) => s.trim()).filter(Boolean);
        break;
      case "--subgroup":
        opts.subgroup = need(i++, a);
        break;
      case "--slab":
        opts.slab = need(i++, a);
        break;
      case "--col": {
        const v = need(i++, a);
        const m = v.match(/^([A-Za-z0-9_]+)=(.+)$/);
        if (!m || !NUM_COLS.includes(m[1])) {
          fail("meta", a, `must look like name=column with name one of ${NUM_COLS.join(", ")}`, v);
        }
        opts.cols[m[1]] = m[2];
        break;
      }
      case "--bias":
        opts.bias = true;
        break;
      case "--leave1out":
        opts.leave1out = true;
        break;
      case "--json":
        opts.json = true;
        break;
      case "--emit-r":
        opts.emitR = need(i++, a);
        break;
      default:
        if (a.startsWith("--")) fail("meta", a, "is not a known option (see --help)");
        if (opts.file) fail("meta", "file", "was given twice", a);
        opts.file = a;
    }
  }
  if (!opts.file) fail("meta", "file", "is required (a CSV file)");
  if (opts.mods.length && opts.subgroup) fail("meta", "--subgroup", "cannot be combined with --mods");
  return opts;
}

/** Everything the CLI computed (the --json output). */
export interface MetaCliResult {
  call: Omit<MetaCliOptions, "json" | "emitR">;
  measure: Measure | "GEN";
  data: { slab: string[]; yi: number[]; vi: number[]; ri_assumed: number };
  model: RmaResult | RmaModsResult;
  confint: ConfintResult | null;
  subgroup: SubgroupResult | null;
  rSensitivity: RSensitivityResult | null;
  regtest: RegtestResult | null;
  trimfill: { k0: number; side: string; beta: number; se: number; ci_lb: number; ci_ub: number } | null;
  leave1out: Leave1outResult | null;
}

function header(text: string): string[] {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return first.split(",").map((s) => s.trim().replace(/^"|"$/g, ""));
}

/** Run the analysis on CSV text (pure: no file or console access). */
export function analyse(text: string, opts: MetaCliOptions): MetaCliResult {
  const cols = header(text);
  const colOf = (name: string) => opts.cols[name] ?? name;
  const hasYiVi = cols.includes(colOf("yi")) && cols.includes(colOf("vi"));
  const measure = opts.measure;
  if (!measure && !hasYiVi) {
    fail("meta", "--measure", "is required unless the CSV has yi and vi columns", cols.join(","));
  }
  const numeric = measure ? requiredColumns(measure) as string[] : ["yi", "vi"];
  const shape: Record<string, z.ZodType> = {};
  for (const n of numeric) {
    if (n === "ri") {
      if (cols.includes(colOf("ri"))) shape[colOf("ri")] = csvOptionalNumber();
      else if (opts.r === undefined && !opts.rGrid) {
        fail(
          "meta",
          "ri",
          `is required for ${measure} (no ri column): give --r <value>, and check its influence with --r-grid 0.3,0.5,0.7`,
        );
      }
    } else shape[colOf(n)] = csvNumber();
  }
  const slabCol = opts.slab ?? ["study", "author", "slab", "trial"].find((c) => cols.includes(c));
  if (opts.slab && !cols.includes(opts.slab)) {
    fail("meta", "--slab", `is not a column (found ${cols.join(", ")})`, opts.slab);
  }
  for (const m of [...opts.mods, ...(opts.subgroup ? [opts.subgroup] : [])]) {
    if (!cols.includes(m)) fail("meta", m, `is not a column of the CSV (found ${cols.join(", ")})`);
  }
  const schema = z.object(shape).passthrough();
  const { rows } = loadCsv(text, schema, { name: opts.file });
  const get = (name: string) => rows.map((r) => (r as Record<string, unknown>)[colOf(name)] as number);
  const k = rows.length;
  const slab = slabCol
    ? rows.map((r, i) => String((r as Record<string, unknown>)[slabCol] ?? i + 1))
    : rows.map((_, i) => String(i + 1));

  let yi: number[], vi: number[];
  let riAssumed = 0;
  let riCol: (number | null)[] | undefined;
  const data: EscalcData = {};
  if (measure) {
    for (const n of numeric) if (n !== "ri") data[n as keyof EscalcData] = get(n);
    if (numeric.includes("ri")) {
      riCol = cols.includes(colOf("ri")) ? get("ri").map((v) => (v === null ? null : v)) : new Array(k).fill(null);
      riAssumed = riCol.filter((v) => v === null).length;
      if (riAssumed > 0 && opts.r === undefined) {
        const row = riCol.findIndex((v) => v === null);
        fail("meta", `ri[${row}]`, "is empty: give --r <value> for studies without a reported correlation");
      }
      data.ri = riCol.map((v) => (v === null ? opts.r! : v));
    }
    const es = escalc(measure, data, { improvement: opts.improvement });
    yi = es.yi;
    vi = es.vi;
  } else {
    yi = get("yi");
    vi = get("vi");
    if (opts.improvement === "decrease") yi = yi.map((y) => -y);
  }
  const method = opts.method, test = opts.test, level = opts.level;
  let model: RmaResult | RmaModsResult;
  let ci: ConfintResult | null = null;
  let sg: SubgroupResult | null = null;
  if (opts.mods.length) {
    const mods: Record<string, number[] | string[]> = {};
    for (const m of opts.mods) {
      const raw = rows.map((r) => String((r as Record<string, unknown>)[m] ?? "").trim());
      const nums = raw.map(Number);
      mods[m] = raw.every((s, i) => s !== "" && Number.isFinite(nums[i])) ? nums : raw;
    }
    const { X, colnames } = modelMatrix(mods, k, true, "meta");
    model = rmaX(yi, vi, X, colnames, method, test, level, slab, true, "meta");
  } else {
    const fit = rmaFit(yi, vi, method, test, level, slab);
    model = fit;
    if (method !== "FE" && k >= 2) ci = confint(fit);
    if (opts.subgroup) {
      const group = rows.map((r) => String((r as Record<string, unknown>)[opts.subgroup!] ?? "").trim());
      const empty = group.findIndex((g) => g === "");
      if (empty >= 0) fail("meta", `${opts.subgroup}[${empty}]`, "is empty (every study needs a subgroup)");
      sg = subgroup({ yi, vi, group, method, test, level });
    }
  }
  let rs: RSensitivityResult | null = null;
  if (opts.rGrid) {
    if (!measure || !["MC", "SMCC", "SMCR"].includes(measure)) {
      fail("meta", "--r-grid", "applies only to --measure MC, SMCC or SMCR");
    }
    const { ri: _ri, ...rest } = data;
    rs = rSensitivity({
      measure: measure as "MC" | "SMCC" | "SMCR",
      data: rest, // the grid's r is applied to every study ("what if all r were ...")
      r: opts.rGrid,
      method,
      test,
      level,
      improvement: opts.improvement,
    });
  }
  let rt: RegtestResult | null = null;
  let tf: MetaCliResult["trimfill"] = null;
  let l1o: Leave1outResult | null = null;
  if (opts.bias || opts.leave1out) {
    if (model.model !== "rma.uni") fail("meta", "--bias/--leave1out", "are for models without moderators");
    const fit = model as RmaResult;
    if (opts.bias) {
      rt = regtest(fit);
      const t = trimfill(fit);
      tf = { k0: t.k0, side: t.side, beta: t.fit.beta, se: t.fit.se, ci_lb: t.fit.ci_lb, ci_ub: t.fit.ci_ub };
    }
    if (opts.leave1out) l1o = leave1out(fit);
  }
  const { json: _j, emitR: _e, ...call } = opts;
  return {
    call,
    measure: measure ?? "GEN",
    data: { slab, yi, vi, ri_assumed: riAssumed },
    model,
    confint: ci,
    subgroup: sg,
    rSensitivity: rs,
    regtest: rt,
    trimfill: tf,
    leave1out: l1o,
  };
}

const f4 = (
  x: number | null,
) => (x === null ? "NA" : Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-4) ? x.toExponential(3) : x.toFixed(4));
const fp = (p: number) => (p < 1e-4 ? "< .0001" : p.toFixed(4));
const pad = (s: string, n: number) => s.padEnd(n);

/** Render a result as readable text. */
export function formatResult(res: MetaCliResult): string {
  const out: string[] = [];
  const m = res.model;
  const est = m.method === "FE" ? "Fixed-effect model" : `Random-effects model (tau2 estimator: ${m.method})`;
  out.push(
    `${est}, k = ${m.k}, measure = ${res.measure}${
      res.call.improvement === "decrease" ? " (sign flipped: decrease = positive)" : ""
    }`,
  );
  if (res.data.ri_assumed > 0) {
    out.push(`Pre-post correlation assumed for ${res.data.ri_assumed} of ${m.k} studies: r = ${res.call.r}`);
  }
  out.push("");
  const crit = m.test === "knha" ? `t(${m.ddf})` : "z";
  if (m.model === "rma.uni") {
    out.push(`Estimate ${f4(m.beta)}  SE ${f4(m.se)}  ${crit} = ${f4(m.zval)}  p ${fp(m.pval)}`);
    out.push(
      `${m.level}% CI [${f4(m.ci_lb)}, ${f4(m.ci_ub)}]${
        m.method === "FE" ? "" : `   ${m.level}% PI [${f4(m.pi_lb)}, ${f4(m.pi_ub)}]`
      }`,
    );
    out.push("");
    out.push("Heterogeneity");
    const ci = res.confint;
    out.push(
      `  tau2 = ${f4(m.tau2)}${m.se_tau2 === null ? "" : ` (SE ${f4(m.se_tau2)})`}${
        ci ? `  ${ci.level}% CI [${f4(ci.tau2[1])}, ${f4(ci.tau2[2])}] (Q-profile)` : ""
      }`,
    );
    out.push(`  Q(${m.QEdf}) = ${f4(m.QE)}, p ${fp(m.QEp)}`);
    out.push(
      `  I2 (metafor, tau2-based) = ${m.I2.toFixed(2)}%${
        ci ? `  CI [${ci.I2[1].toFixed(2)}, ${ci.I2[2].toFixed(2)}]` : ""
      }   H2 = ${f4(m.H2)}`,
    );
    out.push(`  I2 (Higgins, Q-based)    = ${m.I2_Q.toFixed(2)}%   H2 = ${f4(m.H2_Q)}`);
  } else {
    out.push(`${pad("", 22)}${pad("estimate", 12)}${pad("se", 12)}${pad(crit, 12)}${pad("p", 10)}CI`);
    m.colnames.forEach((c, j) => {
      out.push(
        `${pad(c, 22)}${pad(f4(m.beta[j]), 12)}${pad(f4(m.se[j]), 12)}${pad(f4(m.zval[j]), 12)}${
          pad(fp(m.pval[j]), 10)
        }[${f4(m.ci_lb[j])}, ${f4(m.ci_ub[j])}]`,
      );
    });
    out.push("");
    const qm = m.test === "knha" ? `F(${m.QMdf[0]}, ${m.QMdf[1]})` : `QM(${m.QMdf[0]})`;
    out.push(`Test of moderators: ${qm} = ${f4(m.QM)}, p ${fp(m.QMp)}`);
    out.push(
      `Residual heterogeneity: QE(${m.QEdf}) = ${f4(m.QE)}, p ${fp(m.QEp)}; tau2 = ${f4(m.tau2)}; I2 = ${
        m.I2.toFixed(2)
      }%`,
    );
    if (m.R2 !== null) out.push(`R2 (share of tau2 accounted for) = ${m.R2.toFixed(2)}%`);
  }
  if (res.subgroup) {
    const s = res.subgroup;
    out.push("", "Subgroups (common tau2, as metafor's mods = ~ group)");
    s.levels.forEach((lev, j) => {
      out.push(
        `  ${pad(lev, 20)} k = ${pad(String(s.k[j]), 4)} ${f4(s.common.estimate[j])}  [${
          f4(s.common.estimate_ci_lb[j])
        }, ${f4(s.common.estimate_ci_ub[j])}]`,
      );
    });
    out.push(`  Test of subgroup differences: QM(${s.common.QMdf[0]}) = ${f4(s.common.QM)}, p ${fp(s.common.QMp)}`);
    out.push(
      `  Separate tau2 per subgroup: Q-between(${s.separate.df}) = ${f4(s.separate.Qbetween)}, p ${fp(s.separate.p)}`,
    );
  }
  if (res.rSensitivity) {
    out.push("", `r-sensitivity (the same r assumed for all ${res.rSensitivity.assumed} studies)`);
    out.push(`  ${pad("r", 8)}${pad("estimate", 12)}${pad("CI", 24)}${pad("tau2", 12)}${pad("I2", 10)}I2_Q`);
    for (const r of res.rSensitivity.rows) {
      out.push(
        `  ${pad(String(r.r), 8)}${pad(f4(r.beta), 12)}${pad(`[${f4(r.ci_lb)}, ${f4(r.ci_ub)}]`, 24)}${
          pad(f4(r.tau2), 12)
        }${pad(r.I2.toFixed(2), 10)}${r.I2_Q.toFixed(2)}`,
      );
    }
  }
  if (res.regtest) {
    out.push(
      "",
      `Egger's regression test: ${crit} = ${f4(res.regtest.zval)}, p ${fp(res.regtest.pval)}; limit estimate ${
        f4(res.regtest.est)
      }`,
    );
  }
  if (res.trimfill) {
    const t = res.trimfill;
    out.push(
      `Trim-and-fill (L0): ${t.k0} studies imputed on the ${t.side}; estimate ${f4(t.beta)} [${f4(t.ci_lb)}, ${
        f4(t.ci_ub)
      }]`,
    );
  }
  if (res.leave1out) {
    const l = res.leave1out;
    out.push("", "Leave-one-out", `  ${pad("omitted", 22)}${pad("estimate", 12)}${pad("tau2", 12)}I2`);
    l.slab.forEach((s, i) =>
      out.push(`  ${pad(s, 22)}${pad(f4(l.estimate[i]), 12)}${pad(f4(l.tau2[i]), 12)}${l.I2[i].toFixed(2)}`)
    );
  }
  return out.join("\n");
}

const rStr = (s: string) => JSON.stringify(s);

/** A runnable metafor script reproducing the analysis. */
export function emitR(res: MetaCliResult, csvPath: string): string {
  const o = res.call;
  const L: string[] = [
    "# Generated by evidence-lab (deno task meta) to cross-check the analysis in R with metafor.",
    "library(metafor)",
    `dat <- read.csv(${rStr(csvPath)}, stringsAsFactors = FALSE)`,
  ];
  for (const [name, col] of Object.entries(o.cols)) L.push(`dat$${name} <- dat[[${rStr(col)}]]`);
  if (res.measure !== "GEN") {
    const need = requiredColumns(res.measure);
    if (need.includes("ri") && o.r !== undefined) {
      L.push(`if (is.null(dat$ri)) dat$ri <- NA`, `dat$ri[is.na(dat$ri)] <- ${o.r}  # assumed pre-post correlation`);
    }
    L.push(`dat <- escalc(measure = ${rStr(res.measure)}, ${need.map((n) => `${n} = ${n}`).join(", ")}, data = dat)`);
  }
  if (o.improvement === "decrease") L.push("dat$yi <- -dat$yi  # improvement = decrease: flip the sign");
  const common = `method = ${rStr(o.method)}, test = ${rStr(o.test)}, level = ${o.level}`;
  if (o.mods.length) {
    L.push(`res <- rma(yi, vi, mods = ~ ${o.mods.join(" + ")}, data = dat, ${common})`, "print(res)");
  } else if (o.subgroup) {
    L.push(`res <- rma(yi, vi, data = dat, ${common})`, "print(res)", "print(confint(res))", "print(predict(res))");
    L.push(`res.sub <- rma(yi, vi, mods = ~ factor(${o.subgroup}), data = dat, ${common})`, "print(res.sub)");
    L.push(`print(rma(yi, vi, mods = ~ factor(${o.subgroup}) - 1, data = dat, ${common}))`);
  } else {
    L.push(`res <- rma(yi, vi, data = dat, ${common})`, "print(res)");
    if (o.method !== "FE") L.push("print(confint(res))");
    L.push("print(predict(res))");
  }
  if (o.bias) L.push("print(regtest(res))", "print(trimfill(res))");
  if (o.leave1out) L.push("print(leave1out(res))");
  if (o.rGrid && res.measure !== "GEN") {
    const need = requiredColumns(res.measure);
    L.push(
      `for (r in c(${o.rGrid.join(", ")})) {`,
      "  d <- dat; d$ri <- r",
      `  d <- escalc(measure = ${rStr(res.measure)}, ${need.map((n) => `${n} = ${n}`).join(", ")}, data = d)`,
      `  fit <- rma(yi, vi, data = d, ${common}); cat("r =", r, " estimate =", coef(fit), " tau2 =", fit$tau2, " I2 =", fit$I2, "\\n")`,
      "}",
    );
  }
  return L.join("\n") + "\n";
}

/** Run the CLI with arguments; returns the text to print and the exit code (no process exit). */
export function runMeta(args: string[], readText: (path: string) => string = (p) => Deno.readTextFileSync(p)): {
  stdout: string;
  stderr: string;
  code: number;
  rScript?: string;
} {
  if (args.includes("--help") || args.length === 0) return { stdout: USAGE, stderr: "", code: args.length ? 0 : 2 };
  try {
    const opts = parseArgs(args);
    let text: string;
    try {
      text = readText(opts.file);
    } catch (e) {
      return { stdout: "", stderr: `meta: cannot read ${opts.file}: ${(e as Error).message}`, code: 1 };
    }
    const res = analyse(text, opts);
    const stdout = opts.json ? JSON.stringify(res, null, 2) : formatResult(res);
    const rScript = opts.emitR ? emitR(res, resolve(opts.file)) : undefined;
    return { stdout, stderr: "", code: 0, rScript };
  } catch (e) {
    if (e instanceof ValidationError || e instanceof RangeError) return { stdout: "", stderr: e.message, code: 1 };
    throw e;
  }
}

if (import.meta.main) {
  const args = Deno.args;
  const r = runMeta(args);
  if (r.stdout) console.log(r.stdout);
  if (r.stderr) console.error(r.stderr);
  if (r.code === 0 && r.rScript !== undefined) {
    const i = args.indexOf("--emit-r");
    Deno.writeTextFileSync(args[i + 1], r.rScript);
    console.error(`R script written to ${args[i + 1]}`);
  }
  Deno.exit(r.code);
}

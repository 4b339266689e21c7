/**
 * The public surface speaks one vocabulary: walk every type that the front doors export (through
 * `deno doc --json`) and check the field names of intervals, p-values and Monte Carlo errors.
 */
import assert from "node:assert/strict";
import { repoPath } from "../helpers.ts";

const ENTRY_POINTS = () => {
  const cfg = JSON.parse(Deno.readTextFileSync(repoPath("deno.json")));
  return Object.values(cfg.exports as Record<string, string>).map((p) => repoPath(p.replace(/^\.\//, "")));
};

interface Found {
  owner: string;
  doc: string;
  fields: string[];
  docs: Record<string, string>;
}

function walkType(t: any, owner: string, out: Found[]): void {
  if (!t || typeof t !== "object") return;
  if (t.kind === "typeLiteral" && t.value?.properties) {
    const fields = t.value.properties.map((p: any) => p.name);
    out.push({ owner, doc: "", fields, docs: {} });
    for (const p of t.value.properties) walkType(p.tsType, `${owner}.${p.name}`, out);
    return;
  }
  for (const v of Object.values(t)) {
    if (Array.isArray(v)) v.forEach((x) => walkType(x, owner, out));
    else if (v && typeof v === "object") walkType(v, owner, out);
  }
}

async function publicTypes(): Promise<Found[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", ...ENTRY_POINTS()],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const doc = JSON.parse(new TextDecoder().decode(out.stdout));
  const found: Found[] = [];
  for (const mod of Object.values(doc.nodes) as any[]) {
    for (const sym of mod.symbols ?? []) {
      for (const d of sym.declarations ?? []) {
        if (d.kind === "interface") {
          const props = d.def.properties ?? [];
          found.push({
            owner: sym.name,
            doc: d.jsDoc?.doc ?? "",
            fields: props.map((p: any) => p.name),
            docs: Object.fromEntries(props.map((p: any) => [p.name, p.jsDoc?.doc ?? ""])),
          });
          for (const p of props) walkType(p.tsType, `${sym.name}.${p.name}`, found);
        } else if (d.kind === "typeAlias") walkType(d.def, sym.name, found);
      }
    }
  }
  return found;
}

Deno.test({
  name: "every public result type names intervals ci_lb/ci_ub, p-values pval and Monte Carlo errors mcse",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const types = await publicTypes();
    assert.ok(types.length > 50, `expected the public types of every engine, found ${types.length}`);
    const problems: string[] = [];
    const FORBIDDEN: Record<string, string> = {
      lower: "ci_lb",
      upper: "ci_ub",
      lo: "ci_lb",
      hi: "ci_ub",
      ci_low: "ci_lb",
      ci_high: "ci_ub",
      p_value: "pval",
      pvalue: "pval",
      se_mc: "mcse",
      mc_se: "mcse",
    };
    for (const t of types) {
      // rows transcribed from data files keep the file's column names (their docs say so)
      if (/columns as in the\s+file/i.test(t.doc)) continue;
      for (const f of t.fields) {
        // R's lower.tail switch is not an interval bound
        if (f === "lower" && /tail/i.test(`${t.doc} ${t.docs.lower ?? ""}`)) continue;
        if (f in FORBIDDEN) problems.push(`${t.owner}.${f} should be ${FORBIDDEN[f]}`);
        // metafor's p is the number of coefficients; anywhere else a field p is a p-value
        if (f === "p" && !/coefficients/i.test(t.docs.p ?? "")) problems.push(`${t.owner}.p should be pval`);
        if (/^[a-z]+Mcse$|^mcse[A-Z]/.test(f)) {
          problems.push(`${t.owner}.${f}: Monte Carlo errors are mcse or <quantity>_mcse`);
        }
      }
      if (t.fields.includes("ci_lb") !== t.fields.includes("ci_ub")) {
        problems.push(`${t.owner} has only one of ci_lb / ci_ub`);
      }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
  },
});

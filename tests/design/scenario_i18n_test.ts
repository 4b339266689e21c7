/**
 * The Dutch of the scenario files (`data/designs/*.json` with a `scenario` key): every text the
 * PICO/PIO notebook shows (title, description, design names, each value's source and note) has
 * Dutch, and the Dutch keeps the English's numbers, citations and hedges, so neither party's
 * premises read stronger or weaker in one language. Also the accessors' fallback and the schema.
 */
import nodeAssert from "node:assert/strict";
import { parseScenario, type Scenario, scenarioTexts, scenarioValueRows } from "../../lib/design/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

const assert: (cond: unknown, msg?: string) => asserts cond = (c, m) => nodeAssert.ok(c, m);
const assertEquals = <T>(a: T, b: T, msg?: string): void => nodeAssert.deepEqual(a, b, msg);
const assertNotEquals = <T>(a: T, b: T, msg?: string): void => nodeAssert.notDeepEqual(a, b, msg);
/** The error `fn` throws, checked to be a ValidationError. */
function assertThrows(fn: () => unknown, cls: typeof ValidationError): ValidationError {
  try {
    fn();
  } catch (e) {
    nodeAssert.ok(e instanceof cls, `expected a ${cls.name}, got ${e}`);
    return e as ValidationError;
  }
  throw new Error("expected an error");
}

const DIR = new URL("../../data/designs/", import.meta.url);

/** Every scenario file of data/designs (a JSON object with a `scenario` key), parsed. */
async function scenarioFiles(): Promise<{ file: string; raw: Record<string, unknown>; scenario: Scenario }[]> {
  const out = [];
  for await (const e of Deno.readDir(DIR)) {
    if (!e.isFile || !e.name.endsWith(".json")) continue;
    const raw = JSON.parse(await Deno.readTextFile(new URL(e.name, DIR)));
    if (typeof raw.scenario !== "string") continue;
    out.push({ file: e.name, raw, scenario: parseScenario(raw, e.name) });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** The numbers of a text, in order of appearance, as written ("0.3", "2012", "1385"). */
const numbers = (text: string) => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).sort();
/** Seed-file citations (`file.txt:199-202`) and author citations (`Costa LCM et al.`). */
const citations = (text: string) =>
  [...text.matchAll(/[\w-]+\.txt:\d+(?:-\d+)?|[A-Z][\w]+ (?:[A-Z]+ )?et al\.|\b[12]\d{3};[\w:-]+|calibrateK/g)]
    .map((m) => m[0]).sort();
/** English hedge words and their Dutch: each must appear as often in the Dutch as in the English. */
const HEDGES: [RegExp, RegExp][] = [
  [/assumption/gi, /aanname/gi],
  [/unverified/gi, /niet geverifieerd/gi],
  [/\babout\b/gi, /\bongeveer\b/gi],
  [/not discussed/gi, /niet besproken/gi],
  [/calibrated/gi, /gekalibreerd/gi],
];

/** Check that `nl` translates `en` faithfully in the checkable respects; returns the problems. */
function faithful(where: string, en: string, nl: string): string[] {
  const problems: string[] = [];
  if (nl.trim() === "") return [`${where}: empty Dutch`];
  if (JSON.stringify(numbers(en)) !== JSON.stringify(numbers(nl))) {
    problems.push(`${where}: numbers differ: ${numbers(en).join(" ")} vs ${numbers(nl).join(" ")}`);
  }
  for (const c of citations(en)) if (!nl.includes(c)) problems.push(`${where}: citation "${c}" missing in the Dutch`);
  for (const [e, d] of HEDGES) {
    const ne = en.match(e)?.length ?? 0, nd = nl.match(d)?.length ?? 0;
    if (ne !== nd) problems.push(`${where}: "${e.source}" ${ne}× in the English, "${d.source}" ${nd}× in the Dutch`);
  }
  return problems;
}

Deno.test("every scenario text shown in the notebooks has Dutch, with the same numbers, citations and hedges", async () => {
  const files = await scenarioFiles();
  assert(files.length >= 3, `scenario files found: ${files.map((f) => f.file).join(", ")}`);
  const problems: string[] = [];
  for (const { file, scenario } of files) {
    if (!scenario.nl) {
      problems.push(`${file}: no "nl" object (title, description, designs)`);
      continue;
    }
    problems.push(...faithful(`${file} title`, scenario.title, scenario.nl.title));
    problems.push(...faithful(`${file} description`, scenario.description, scenario.nl.description));
    for (const p of scenario.simulation.points) {
      const nl = scenario.nl.designs[p.design.name];
      if (nl === undefined) problems.push(`${file}: design "${p.design.name}" has no Dutch name`);
      else problems.push(...faithful(`${file} design "${p.design.name}"`, p.design.name, nl));
    }
    for (const [path, v] of Object.entries(scenario.values)) {
      if (!v.nl) {
        problems.push(`${file} ${path}: no "nl" (source${v.note ? ", note" : ""})`);
        continue;
      }
      problems.push(...faithful(`${file} ${path} source`, v.source, v.nl.source));
      if (v.note !== undefined && v.nl.note === undefined) problems.push(`${file} ${path}: the note has no Dutch`);
      if (v.note === undefined && v.nl.note !== undefined) {
        problems.push(`${file} ${path}: a Dutch note without a note`);
      }
      if (v.note !== undefined && v.nl.note !== undefined) {
        problems.push(...faithful(`${file} ${path} note`, v.note, v.nl.note));
      }
    }
  }
  assertEquals(problems, []);
});

Deno.test("the accessors give the Dutch in Dutch and the file's English in English", async () => {
  for (const { file, scenario } of await scenarioFiles()) {
    const en = scenarioTexts(scenario, "en"), nl = scenarioTexts(scenario, "nl");
    assertEquals(en.title, scenario.title, file);
    assertEquals(nl.title, scenario.nl?.title, file);
    assertNotEquals(nl.title, en.title, `${file}: the Dutch title is the English one`);
    for (const p of scenario.simulation.points) {
      assertEquals(en.designs[p.design.name], p.design.name);
      assertNotEquals(nl.designs[p.design.name], p.design.name, `${file}: "${p.design.name}" untranslated`);
    }
    const rowsEn = scenarioValueRows(scenario), rowsNl = scenarioValueRows(scenario, "nl");
    assertEquals(rowsEn.map((r) => r.path), rowsNl.map((r) => r.path));
    assertEquals(rowsEn.map((r) => r.value), rowsNl.map((r) => r.value), "the values are the same in both languages");
    rowsEn.forEach((r, i) => {
      assertEquals(r.source, scenario.values[r.path].source);
      assertEquals(rowsNl[i].source, scenario.values[r.path].nl?.source);
      if (r.source === "assumption") assertEquals(rowsNl[i].source, "aanname");
      assertEquals(rowsNl[i].range, r.range.replace(" to ", " tot "));
    });
  }
});

const BASE = {
  scenario: "x",
  title: "A title",
  description: "A description",
  question: { comparator: "none", instrument: "pdi" },
  values: { "model.naturalCourse": { value: 0.1, source: "assumption", range: [0, 0.2], note: "a note" } },
  designs: [{ name: "Cohort", data: { type: "cohort", n: 40 } }],
  reps: 10,
  seed: 1,
};

Deno.test("a scenario without Dutch shows its English in Dutch mode too (nothing invented)", () => {
  const s = parseScenario(BASE);
  assertEquals(s.nl, undefined);
  assertEquals(scenarioTexts(s, "nl"), {
    title: "A title",
    description: "A description",
    designs: { Cohort: "Cohort" },
  });
  const [row] = scenarioValueRows(s, "nl");
  assertEquals([row.source, row.note, row.range], ["assumption", "a note", "0 tot 0.2"]);
  // a value with Dutch for its source only keeps its English note
  const partial = parseScenario({
    ...BASE,
    values: { "model.naturalCourse": { ...BASE.values["model.naturalCourse"], nl: { source: "aanname" } } },
  });
  assertEquals(scenarioValueRows(partial, "nl")[0].note, "a note");
  assertEquals(scenarioValueRows(partial, "nl")[0].source, "aanname");
});

Deno.test("the nl objects are checked: a Dutch name of an unknown design, an unknown field, an empty text", () => {
  const nl = { title: "Een titel", description: "Een beschrijving", designs: { Cohort: "Cohort (NL)" } };
  assertEquals(parseScenario({ ...BASE, nl }).nl?.designs.Cohort, "Cohort (NL)");
  const err = assertThrows(() => parseScenario({ ...BASE, nl: { ...nl, designs: { Cohrt: "x" } } }), ValidationError);
  assert(err.message.includes("Cohrt") && err.message.includes("nl.designs"), err.message);
  assertThrows(() => parseScenario({ ...BASE, nl: { ...nl, summary: "x" } }), ValidationError);
  assertThrows(() => parseScenario({ ...BASE, nl: { ...nl, title: " " } }), ValidationError);
  assertThrows(
    () =>
      parseScenario({
        ...BASE,
        values: { "model.naturalCourse": { ...BASE.values["model.naturalCourse"], nl: { source: "" } } },
      }),
    ValidationError,
  );
});

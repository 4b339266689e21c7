/**
 * Dutch for the sentences the engines generate (warnings, reasons, notes, model descriptions and
 * the short engine words shown in tables). The engines keep one language, English (their
 * vocabulary is metafor's, and CLIs and tests read English); the notebooks pass every
 * engine-generated string through {@link translateMessage} before showing it.
 *
 * The catalogue ({@link MESSAGE_CATALOGUE}, Dutch in `dict/messages_nl.ts`) holds templates of the
 * engines' English sentences with their variable parts as placeholders, and the Dutch rendering:
 *
 * - `{name}`: any text, copied as it is (file, study and design names, p-value text);
 * - `{name:n}`: a number (`-0.52`, `28.0%`, `1e-4`), copied as it is;
 * - `{name:t}`: an engine word from {@link MESSAGE_TERMS} (`serious`, `primary-care`), translated
 *   (it matches only known words, so two terms side by side split where both are known);
 * - `{name:m}`: a nested sentence, translated by the same rules.
 *
 * A sentence no template matches may still be translated in parts: a leading `tool: ` prefix, or
 * parts joined by `; `, ` vs ` or `, ` that each translate. Text without words (numbers, symbols)
 * and R model formulas (with `~`) are the same in both languages. A sentence that cannot be
 * translated is shown in English with {@link UNTRANSLATED_MARK} in front, so a gap is visible
 * rather than silently lost.
 *
 * @example
 * ```ts
 * import { translateMessage } from "./messages.ts";
 * const nl = translateMessage("comparator none instead of primary-care", "nl");
 * if (nl !== "vergelijking geen in plaats van eerstelijnszorg") throw new Error(nl);
 * ```
 * @module
 */
import type { Lang } from "./i18n.ts";
import { MESSAGES_NL, TERMS_NL } from "./dict/messages_nl.ts";

/** One catalogue entry: an engine sentence template and its Dutch rendering. */
export interface MessageTemplate {
  /** The English template, as the engine writes it, with typed placeholders. */
  en: string;
  /** The Dutch template with the same placeholder names (untyped). */
  nl: string;
}

/** The catalogue of engine sentence templates (tried in order; the first full match wins). */
export const MESSAGE_CATALOGUE: readonly MessageTemplate[] = MESSAGES_NL.map(([en, nl]) => ({ en, nl }));

/** Engine words (ratings, levels, comparators, kinds) and their Dutch. */
export const MESSAGE_TERMS: Readonly<Record<string, string>> = TERMS_NL;

/** Put in front of an engine sentence shown in English because no Dutch rendering was found. */
export const UNTRANSLATED_MARK = "[EN]";

const PLACEHOLDER = /\{(\w+)(?::([ntm]))?\}/g;
const NUMBER = String.raw`[-−+]?\d+(?:[.,]\d+)*(?:e[-+]?\d+)?%?`;

interface Compiled {
  re: RegExp;
  kinds: ("" | "n" | "t" | "m")[];
  names: string[];
  nl: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(t: MessageTemplate): Compiled {
  const kinds: Compiled["kinds"] = [];
  const names: string[] = [];
  let src = "^";
  let last = 0;
  for (const m of t.en.matchAll(PLACEHOLDER)) {
    src += escapeRe(t.en.slice(last, m.index));
    const kind = (m[2] ?? "") as Compiled["kinds"][number];
    src += kind === "n" ? `(${NUMBER})` : kind === "t" ? termAlternation() : "(.+?)";
    kinds.push(kind);
    names.push(m[1]);
    last = m.index! + m[0].length;
  }
  src += escapeRe(t.en.slice(last)) + "$";
  return { re: new RegExp(src, "s"), kinds, names, nl: t.nl };
}

let terms: string | null = null;

/**
 * A term placeholder matches only a known engine word (longest first), so a sentence whose words
 * could be split in several ways ("work capacity 12 months") finds the split into known terms.
 */
function termAlternation(): string {
  terms ??= `(${
    Object.keys(TERMS_NL).sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRe).join("|")
  })`;
  return terms;
}

let compiled: Compiled[] | null = null;

/** The names of the placeholders of a template, in order (types dropped). */
export function placeholderNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** True when `text` has no words to translate: numbers, symbols, single letters, or an R formula. */
function languageNeutral(text: string): boolean {
  if (text.includes("~")) return true;
  // words of two or more letters (statistical symbols such as τ², R², φ, n, p are single letters)
  return !/[A-Za-z\u00C0-\u024F]{2,}/.test(text.replace(/\b(?:NA|SE|CI|MCSE|MCID)\b/g, ""));
}

function translateDutch(text: string, depth: number): string | null {
  if (depth > 6) return null;
  const trimmed = text.trim();
  if (trimmed === "") return text;
  if (Object.hasOwn(TERMS_NL, trimmed)) return TERMS_NL[trimmed];
  compiled ??= MESSAGE_CATALOGUE.map(compile);
  for (const c of compiled) {
    const m = c.re.exec(trimmed);
    if (!m) continue;
    const values: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < c.kinds.length && ok; i++) {
      const v = m[i + 1];
      const kind = c.kinds[i];
      // a term placeholder's pattern matches known terms only (termAlternation)
      if (kind === "t") values[c.names[i]] = TERMS_NL[v];
      else if (kind === "m") {
        const x = translateDutch(v, depth + 1);
        if (x === null) ok = false;
        else values[c.names[i]] = x;
      } else values[c.names[i]] = v;
    }
    if (ok) return c.nl.replace(/\{(\w+)\}/g, (s, k: string) => values[k] ?? s);
  }
  if (languageNeutral(trimmed)) return trimmed;
  // a tool's prefix ("meta-analysis: …", "sced-hlm: …", "combinePValues: …") stays as it is; only
  // identifiers (with a hyphen, a dot or an inner capital), so an English word is never kept
  const prefix = /^([a-z][a-z0-9]*[-.A-Z][\w.-]*): (.+)$/s.exec(trimmed);
  if (prefix) {
    const rest = translateDutch(prefix[2], depth + 1);
    if (rest !== null) return `${prefix[1]}: ${rest}`;
  }
  for (const sep of ["; ", " vs ", ", "]) {
    if (!trimmed.includes(sep)) continue;
    const parts = trimmed.split(sep).map((p) => translateDutch(p, depth + 1));
    if (parts.every((p) => p !== null)) return parts.join(sep);
  }
  return null;
}

/**
 * The Dutch of an engine sentence, or `null` when the catalogue has no rendering for it (English
 * text in, English out for `lang` "en").
 */
export function findTranslation(text: string, lang: Lang): string | null {
  return lang === "en" ? text : translateDutch(text, 0);
}

/**
 * An engine-generated sentence in the reader's language. English is returned as it is; in Dutch a
 * sentence the catalogue does not know is returned in English with {@link UNTRANSLATED_MARK} in
 * front (visible, never silently dropped).
 */
export function translateMessage(text: string, lang: Lang): string {
  if (lang === "en" || typeof text !== "string") return text;
  return translateDutch(text, 0) ?? `${UNTRANSLATED_MARK} ${text}`;
}

/** {@link translateMessage} for every sentence of a list (warnings, summary lines). */
export function translateMessages(texts: readonly string[], lang: Lang): string[] {
  return texts.map((t) => translateMessage(t, lang));
}

/**
 * Problems of the catalogue: an entry whose Dutch is empty, whose placeholders differ from the
 * English's, or an empty term. Empty when the catalogue is sound.
 */
export function catalogueProblems(): string[] {
  const out: string[] = [];
  for (const { en, nl } of MESSAGE_CATALOGUE) {
    if (en.trim() === "" || nl.trim() === "") out.push(`empty text: "${en}" / "${nl}"`);
    const a = placeholderNames(en).sort().join(","), b = placeholderNames(nl).sort().join(",");
    if (a !== b) out.push(`placeholders differ: "${en}" {${a}} / "${nl}" {${b}}`);
    if (/\{\w+:[ntm]\}/.test(nl)) out.push(`typed placeholder in the Dutch: "${nl}"`);
  }
  for (const [en, nl] of Object.entries(TERMS_NL)) {
    if (en.trim() === "" || nl.trim() === "") out.push(`empty term: "${en}" / "${nl}"`);
  }
  return out;
}

/**
 * Dutch and English for the notebooks: one dictionary per notebook (`{ nl: {...}, en: {...} }`
 * with the same keys), the reader's language (from `?lang=`, then the last choice saved in this
 * browser, then the notebook's default), and `t(key, values)` with `{name}` placeholders.
 *
 * Switching the language reloads the page with `?lang=nl|en`, so every cell (prose, labels,
 * table headings, messages) is rendered again in the chosen language.
 * @module
 */

/** The two languages of the notebooks. */
export type Lang = "nl" | "en";

/** The languages, in the order the switch shows them. */
export const LANGS: readonly Lang[] = ["nl", "en"];

/** A notebook's dictionary: the same keys in Dutch and English. */
export interface Dictionary {
  /** Dutch texts by key. */
  nl: Record<string, string>;
  /** English texts by key. */
  en: Record<string, string>;
}

/** Values for `{name}` placeholders in a text. */
export type TextValues = Record<string, string | number>;

/** A translator bound to one dictionary and one language. */
export interface Translator {
  /** The language in use. */
  lang: Lang;
  /** The text for `key` in the current language, with `{name}` placeholders filled from `values`. */
  t: (key: string, values?: TextValues) => string;
}

const STORAGE_KEY = "evidence-lab-lang";

function isLang(x: unknown): x is Lang {
  return x === "nl" || x === "en";
}

/**
 * The reader's language: `?lang=` in the address, else the last choice saved in this browser,
 * else `fallback` (the notebook's default).
 */
export function currentLang(fallback: Lang = "en"): Lang {
  try {
    const fromUrl = new URL(globalThis.location?.href ?? "about:blank").searchParams.get("lang");
    if (isLang(fromUrl)) return fromUrl;
  } catch { /* no location */ }
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch { /* storage blocked (file:// in some browsers) */ }
  return fallback;
}

/** Save `lang` as the reader's choice and reload the page in it (`?lang=`). */
export function switchLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch { /* storage blocked: the address still carries the choice */ }
  const url = new URL(globalThis.location.href);
  url.searchParams.set("lang", lang);
  globalThis.location.assign(url.href);
}

/** Fill `{name}` placeholders of `text` from `values` (unknown names stay as they are). */
export function fill(text: string, values: TextValues = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * A translator for `dict` in `lang` (default: {@link currentLang} with the notebook's
 * `fallback`). A missing key throws, naming the key and language, so a gap shows at once.
 */
export function translator(dict: Dictionary, fallback: Lang = "en", lang: Lang = currentLang(fallback)): Translator {
  const table = dict[lang];
  return {
    lang,
    t: (key: string, values?: TextValues): string => {
      const text = table[key];
      if (text === undefined) throw new Error(`i18n: no "${key}" in the ${lang} dictionary`);
      return fill(text, values);
    },
  };
}

/** Keys present in one language of `dict` but not in the other (empty when complete). */
export function missingKeys(dict: Dictionary): { nl: string[]; en: string[] } {
  const nl = Object.keys(dict.en).filter((k) => !(k in dict.nl) || dict.nl[k].trim() === "");
  const en = Object.keys(dict.nl).filter((k) => !(k in dict.en) || dict.en[k].trim() === "");
  return { nl, en };
}

/**
 * A plot builder's `labels` option from a dictionary: every key starting with `plot.` maps its
 * English text to the text in `lang` (`{ "findings": "bevindingen" }` for Dutch; English maps to
 * itself).
 */
export function plotLabels(dict: Dictionary, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, en] of Object.entries(dict.en)) {
    if (key.startsWith("plot.")) out[en] = dict[lang][key] ?? en;
  }
  return out;
}

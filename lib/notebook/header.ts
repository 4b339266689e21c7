/**
 * The header every notebook shows in one cell: links to the index and the other notebooks, the
 * language switch, and the page's "download everything (zip)" button.
 *
 * ```js ignore
 * import { notebookHeader } from "../lib/notebook/mod.ts";
 * display(notebookHeader("meta-analysis", { defaultLang: "en" }));
 * ```
 * @module
 */
import { currentLang, type Lang, LANGS, switchLang } from "./i18n.ts";
import { zipButton } from "./downloads.ts";

/** A notebook of the site: its file name (without `.html`) and its title in both languages. */
export interface NotebookLink {
  /** The file name without `.html`. */
  name: string;
  /** Its title in Dutch and English. */
  title: Record<Lang, string>;
}

/** Every notebook of the site, in the index's order. */
export const NOTEBOOKS: readonly NotebookLink[] = [
  { name: "getting-started", title: { nl: "Aan de slag", en: "Getting started" } },
  { name: "meta-analysis", title: { nl: "Meta-analyse", en: "Meta-analysis" } },
  { name: "multilevel", title: { nl: "Meerdere uitkomsten per studie", en: "Several outcomes per study" } },
  { name: "sced", title: { nl: "Single-case-experimenten", en: "Single-case tests" } },
  { name: "evidence-tables", title: { nl: "Bewijstabellen", en: "Evidence tables" } },
  { name: "audit", title: { nl: "Controle van het bewijs", en: "Auditing the evidence" } },
  { name: "responders", title: { nl: "Responders", en: "Responder rates" } },
  { name: "pico-pio", title: { nl: "PICO of PIO?", en: "PICO or PIO?" } },
  { name: "proms", title: { nl: "Generieke vs persoonlijke PROMs", en: "Generic vs personalised PROMs" } },
  { name: "certainty", title: { nl: "Zekerheid van het bewijs", en: "Certainty of the evidence" } },
  { name: "practice", title: { nl: "Praktijkvariatie", en: "Practice variation" } },
];

/** Options of {@link notebookHeader}. */
export interface HeaderOptions {
  /** The language when the reader has not chosen one (Dutch for the evidence notebooks). */
  defaultLang?: Lang;
  /** Show the "download everything (zip)" button (default true; the index has nothing to zip). */
  zip?: boolean;
}

const LABELS: Record<Lang, { index: string; zip: string; lang: string; nav: string }> = {
  nl: { index: "Overzicht", zip: "Alles downloaden (zip)", lang: "Taal", nav: "Notebooks" },
  en: { index: "Index", zip: "Download everything (zip)", lang: "Language", nav: "Notebooks" },
};

/**
 * The header of notebook `name`: a link to the index, links to every other notebook (the current
 * one in bold, not a link), the Dutch/English switch and the zip button.
 */
export function notebookHeader(name: string, options: HeaderOptions = {}): HTMLElement {
  const lang = currentLang(options.defaultLang ?? "en");
  const L = LABELS[lang];
  const nav = document.createElement("nav");
  nav.className = "notebook-header";
  nav.setAttribute("aria-label", L.nav);
  nav.style.cssText =
    "display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;font:13px/1.4 var(--sans-serif,sans-serif);" +
    "padding:6px 0 8px;border-bottom:1px solid #ddd;margin-bottom:12px;";
  const link = (href: string, text: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  };
  const home = link("./index.html", `⌂ ${L.index}`);
  home.style.fontWeight = "600";
  nav.append(home);
  for (const nb of NOTEBOOKS) {
    if (nb.name === name) {
      const b = document.createElement("strong");
      b.textContent = nb.title[lang];
      b.setAttribute("aria-current", "page");
      nav.append(b);
    } else nav.append(link(`./${nb.name}.html`, nb.title[lang]));
  }
  const right = document.createElement("span");
  right.style.cssText = "margin-left:auto;display:flex;gap:6px;align-items:center;";
  const sw = document.createElement("span");
  sw.className = "lang-switch";
  sw.append(`${L.lang}: `);
  for (const l of LANGS) {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.lang = l;
    b.textContent = l.toUpperCase();
    b.setAttribute("aria-pressed", String(l === lang));
    b.style.cssText = `font:12px var(--sans-serif,sans-serif);padding:1px 6px;cursor:pointer;${
      l === lang ? "font-weight:700;background:#1f4e79;color:white;border:1px solid #1f4e79;" : ""
    }`;
    b.addEventListener("click", () => {
      if (l !== lang) switchLang(l);
    });
    sw.append(b);
  }
  right.append(sw);
  if (options.zip !== false) right.append(zipButton(name, L.zip));
  nav.append(right);
  return nav;
}

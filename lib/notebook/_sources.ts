/**
 * Sources as a reader can find them. The data files and engine strings keep exact line
 * provenance into the two Dutch seed documents (`../shared/seeds/*.txt`, e.g.
 * `vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1385` or "behandelkader line 731"); an outside
 * reader cannot open those files, but can open the published documents. This file holds the
 * section index of both documents (their numbered headings; for the behandelkader also the page
 * its table of contents gives) and {@link readableSource}, which rewrites every seed reference in
 * a provenance string into "document (year), §section ‘title’, p. N", keeping the rest of the text.
 *
 * The index was read from the seed files themselves (headings found with
 * `grep -n -E "^ ?[0-9][a-z]? ?\.?[A-Z]"` and the behandelkader's table of contents, its lines
 * 68–102); `tests/notebook/sources_test.ts` checks every first line and title against the files.
 *
 * @module
 */

/** One numbered section of a seed document. */
export interface SeedSection {
  /** Its number as the document prints it: "4b", "5.1". */
  number: string;
  /** Its title as the document prints it. */
  title: string;
  /** The 1-based line of the seed text file on which its heading stands. */
  line: number;
  /** The page the document's table of contents gives, when it has one. */
  page?: number;
}

/** A seed document: the file the project reads, how to cite it, and its sections. */
export interface SeedDocument {
  /** The file name under `../shared/seeds/`. */
  file: string;
  /** The short name a citation starts with: "VRA-bezwaar (2025)". */
  short: string;
  /** The full citation (title, organisation, year) for a list of references. */
  citation: string;
  /** How many lines the text file has (a reference past it is wrong). */
  lines: number;
  /** Its numbered sections in document order (a subsection after its parent). */
  sections: readonly SeedSection[];
}

/** The VRA's objection to the Zorginstituut's draft position (lines 1–4 of the seed). */
export const VRA_OBJECTION: SeedDocument = {
  file: "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt",
  short: "VRA-bezwaar (2025)",
  citation: "Nederlandse Vereniging van Revalidatieartsen (VRA). Bezwaar tegen het conceptstandpunt " +
    "‘Interdisciplinaire medisch specialistische revalidatie bij chronische pijn’ van het Zorginstituut" +
    " (dd. 10-1-2025). 2025.",
  lines: 1987,
  sections: [
    { number: "1", title: "Bezwaar", line: 1 },
    { number: "2", title: "Management samenvatting", line: 7 },
    { number: "3", title: "Onderbouwing van het bezwaar", line: 89 },
    { number: "3a", title: "Bezwaar tegen de PICO", line: 91 },
    { number: "3b", title: "Bezwaar tegen de gevonden RCT’s", line: 241 },
    { number: "3c", title: "Suggesties voor alternatieve PICO", line: 317 },
    { number: "4", title: "Beschikbaar bewijs", line: 389 },
    { number: "4a", title: "Stand van wetenschap", line: 391 },
    { number: "4b", title: "Aanvullende informatie cohort Breugelmans", line: 1356 },
    { number: "4c", title: "Preliminary data", line: 1414 },
    { number: "4d", title: "Internationaal en indirecte perspectieven", line: 1790 },
    { number: "5", title: "Alternatieve oplossingsrichting", line: 1949 },
  ],
};

/**
 * The VRA's treatment framework for persistent pain (title on its first page; committee, dates and
 * authorisation in its §1.2–1.3: authorised by the VRA members on 6 November 2025). Pages from its
 * table of contents (lines 68–102 of the seed).
 */
export const BEHANDELKADER: SeedDocument = {
  file: "behandelkader-aanhoudende-pijn-2025.txt",
  short: "Behandelkader aanhoudende pijn (2025)",
  citation: "Nederlandse Vereniging van Revalidatieartsen (VRA). Behandelkader Aanhoudende pijn. " +
    "Geautoriseerd door de leden van de VRA op 6 november 2025.",
  lines: 961,
  sections: [
    { number: "1", title: "Algemene inleiding behandelkader", line: 129, page: 3 },
    { number: "1.1", title: "Doel en functie behandelkader", line: 133, page: 3 },
    { number: "1.2", title: "Werkwijze ontwikkeling van het behandelkader", line: 159, page: 3 },
    { number: "1.3", title: "Datum en geldigheidsduur van het behandelkader", line: 210, page: 3 },
    { number: "2", title: "Patiënten doelgroep", line: 230, page: 5 },
    { number: "2.1", title: "Omschrijving doelgroep", line: 234, page: 5 },
    { number: "2.2", title: "Omschrijving subgroepen", line: 300, page: 5 },
    { number: "2.3", title: "Patiënten perspectief en behandeldoelen", line: 486, page: 7 },
    { number: "3", title: "Behandelaanbod", line: 532, page: 9 },
    { number: "3.1", title: "Behandelopties", line: 535, page: 9 },
    { number: "3.2", title: "Diagnostische en behandelproces", line: 551, page: 9 },
    { number: "3.3", title: "Beschikbare disciplines", line: 654, page: 10 },
    { number: "4", title: "Indicatoren", line: 706, page: 12 },
    { number: "5", title: "Kwaliteitscriteria", line: 758, page: 13 },
    { number: "5.1", title: "Deskundigheid van teamleden bij IMSR", line: 761, page: 13 },
    { number: "5.2", title: "Faciliteiten", line: 908, page: 14 },
    { number: "5.3", title: "Netwerk", line: 930, page: 15 },
  ],
};

/** Both seed documents. */
export const SEED_DOCUMENTS: readonly SeedDocument[] = [VRA_OBJECTION, BEHANDELKADER];

/** The section a line falls in (the last heading at or before it), or null in the front matter. */
export function sectionOf(doc: SeedDocument, line: number): SeedSection | null {
  let found: SeedSection | null = null;
  for (const s of doc.sections) if (s.line <= line) found = s;
  return found;
}

/** One seed reference found in a text: the document and the lines it names. */
export interface SeedReference {
  /** The document referred to. */
  doc: SeedDocument;
  /** Every line named (a range `a-b` gives both ends). */
  lines: number[];
  /** The matched text. */
  text: string;
}

const FILE_RE = SEED_DOCUMENTS.map((d) => d.file.replace(/[.-]/g, "\\$&")).join("|");
const NUM = String.raw`\d+(?:\s*[-–]\s*\d+)?`;
// `:N`, `:N-M`, `:N and :M`, `:N en :M`, `:N, :M`
const COLON_LIST = String.raw`:${NUM}(?:\s*(?:,|and|en|&)\s*:?${NUM})*`;
// `line N`, `lines N-M, A-B and C`, `regel N`, `regels N-M` (not a decimal: "lines 99.8%")
const WORD_LIST = String.raw`(?:lines?|regels?)\s+${NUM}(?:\s*(?:,|and|en|&)\s*${NUM})*(?![\d.,]*\d|%)`;
/**
 * One seed reference: a file name with its line list (`file.txt:N…`, `file.txt, lines N…`,
 * `file.txt line N`, a bare file name), or a word list with an optional prefix naming the document
 * ("seed", "behandelkader", "the seed", "of the seed documents").
 */
const REF_RE = new RegExp(
  String.raw`(?:\bseed\s+)?(${FILE_RE})(?:\s*(${COLON_LIST})|,?\s+(${WORD_LIST}))?` +
    String
      .raw`|(?:\b(seed|behandelkader|VRA objection|VRA-bezwaar)\s+)?\b(${WORD_LIST})(\s+van de brondocumenten|\s+of the seed)?`,
  "gi",
);

function linesOf(list: string): number[] {
  const out: number[] = [];
  for (const m of list.matchAll(/(\d+)(?:\s*[-–]\s*(\d+))?/g)) {
    out.push(Number(m[1]));
    if (m[2] !== undefined) out.push(Number(m[2]));
  }
  return out;
}

/**
 * Every seed reference in `text`, in order. A line reference without a file name belongs to the
 * document named last before it in the same text, else to "behandelkader" when it says so, else to
 * `fallback` (the VRA objection: "the seed" in the project's strings). A CSV location such as
 * "row 3 (line 4)" is not a seed reference and is skipped.
 */
export function seedReferences(text: string, fallback: SeedDocument = VRA_OBJECTION): SeedReference[] {
  const out: SeedReference[] = [];
  let last: SeedDocument | null = null;
  for (const m of text.matchAll(REF_RE)) {
    const at = m.index ?? 0;
    if (m[1] !== undefined) {
      const doc = SEED_DOCUMENTS.find((d) => d.file.toLowerCase() === m[1].toLowerCase())!;
      last = doc;
      out.push({ doc, lines: linesOf(m[2] ?? m[3] ?? ""), text: m[0] });
      continue;
    }
    if (/\brow\s+\d+\s*\($/i.test(text.slice(Math.max(0, at - 20), at))) continue;
    const named = m[4]?.toLowerCase();
    const doc = named === "behandelkader"
      ? BEHANDELKADER
      : named && named !== "seed"
      ? VRA_OBJECTION
      : last ?? fallback;
    out.push({ doc, lines: linesOf(m[5]), text: m[0] });
  }
  return out;
}

/** The citation of `lines` of `doc`: its short name and each distinct section, with its page. */
function cite(doc: SeedDocument, lines: number[], withDocument: boolean): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const s = sectionOf(doc, line);
    if (!s || seen.has(s.number)) continue;
    seen.add(s.number);
    parts.push(`§${s.number} ‘${s.title}’${s.page === undefined ? "" : `, p. ${s.page}`}`);
  }
  if (!parts.length) return doc.short;
  return withDocument ? `${doc.short}, ${parts.join("; ")}` : parts.join("; ");
}

/**
 * Rewrite every seed reference in a provenance string into a citation a reader can find:
 * `vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1385 (Breugelmans 2024, ES −1.01)` becomes
 * `VRA-bezwaar (2025), §4b ‘Aanvullende informatie cohort Breugelmans’ (Breugelmans 2024, ES −1.01)`,
 * `behandelkader line 731` becomes `Behandelkader aanhoudende pijn (2025), §4 ‘Indicatoren’, p. 12`.
 * Ranges, lists ("and", "en", commas) and the Dutch "regel" are understood; a line in the front
 * matter cites the document alone; the rest of the text (numbers, study names) is kept. A later
 * reference to the document just cited gives the section only. The section titles are the
 * documents' own (Dutch) headings in both languages, so `lang` only chooses the joining words.
 */
export function readableSource(text: string, lang: "nl" | "en" = "en"): string {
  void lang; // the citation form is the same in both languages (Dutch document, Dutch headings)
  let last: SeedDocument | null = null;
  const refs = seedReferences(text);
  let i = 0;
  return text.replace(REF_RE, (match: string, file: string | undefined, ...rest: unknown[]) => {
    const offset = rest[rest.length - 2] as number;
    // a CSV location ("row 3 (line 4)") is not a seed reference: seedReferences skipped it too
    if (file === undefined && /\brow\s+\d+\s*\($/i.test(text.slice(Math.max(0, offset - 20), offset))) return match;
    const ref = refs[i];
    if (!ref || ref.text !== match) return match;
    i++;
    const same = last === ref.doc && ref.lines.length > 0 && ref.lines.some((l) => sectionOf(ref.doc, l));
    last = ref.doc;
    return cite(ref.doc, ref.lines, !same);
  });
}

/**
 * The seed documents as a list of references, each "short name: full citation", e.g.
 * `VRA-bezwaar (2025): Nederlandse Vereniging van Revalidatieartsen (VRA). Bezwaar tegen …`, so a
 * reader can find the document a section citation names.
 */
export function seedCitations(): string[] {
  return SEED_DOCUMENTS.map((d) => `${d.short}: ${d.citation}`);
}

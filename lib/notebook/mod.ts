/**
 * Browser-only helpers shared by the notebooks: plain DOM elements, tables, cards, messages,
 * downloads (SVG, PNG, CSV, JSON, R, one zip per page), the header with links between notebooks,
 * and Dutch/English dictionaries. They need `document` (a browser, or jsdom in tests); nothing
 * else in `lib/` does.
 *
 * @example
 * ```ts ignore
 * import { htmlTable } from "./mod.ts";
 * document.body.append(htmlTable([{ x: 1.23456 }], [{ key: "x", label: "x", format: (v) => v.toFixed(2) }]));
 * ```
 * @module
 */
import { fmt, fmtCI, fmtP, fmtPct, fmtPEq, MISSING } from "../format.ts";
import { csvText } from "./downloads.ts";

export { fmt, fmtCI, fmtP, fmtPct, fmtPEq, MISSING };
export {
  currentLang,
  type Dictionary,
  fill,
  type Lang,
  LANGS,
  missingKeys,
  plotLabels,
  switchLang,
  type TextValues,
  type Translator,
  translator,
} from "./i18n.ts";
export { prose, proseHtml } from "./prose.ts";
export {
  catalogueProblems,
  findTranslation,
  MESSAGE_CATALOGUE,
  MESSAGE_TERMS,
  type MessageTemplate,
  placeholderNames,
  translateMessage,
  translateMessages,
  UNTRANSLATED_MARK,
} from "./messages.ts";
export {
  csvFile,
  csvText,
  type DownloadFile,
  figureFiles,
  figureWithDownloads,
  fileButton,
  jsonFile,
  registerDownload,
  registeredDownloads,
  saveBlob,
  svgText,
  svgToPng,
  textFile,
  withDownloads,
  zipButton,
  zipFiles,
} from "./downloads.ts";
export { type HeaderOptions, notebookHeader, type NotebookLink, NOTEBOOKS } from "./header.ts";
export { DICTIONARIES } from "./dictionaries.ts";
export { readableSource, seedCitations } from "./_sources.ts";

/** Properties set on a created element (`style` is set as an attribute, the rest as properties). */
export type ElProps = Record<string, unknown>;

/** A child of {@link el}: a node, a string or number (as text), or a (nested) list of them. */
export type ElChild = Node | string | number | null | undefined | false | readonly ElChild[];

/**
 * Create an element: `el("p", { style: "color:#555" }, "text", otherNode)`. `null`, `undefined`
 * and `false` children are skipped.
 */
export function el(tag: string, props: ElProps = {}, ...children: ElChild[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "style") node.setAttribute("style", String(v));
    else if (k.startsWith("data-") || k.startsWith("aria-")) node.setAttribute(k, String(v));
    // deno-lint-ignore no-explicit-any
    else (node as any)[k] = v;
  }
  const add = (c: ElChild): void => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) (c as readonly ElChild[]).forEach(add);
    else node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  };
  children.forEach(add);
  return node;
}

/** A column of {@link htmlTable}. */
export interface Column<Row> {
  /** The row field shown in this column. */
  key: keyof Row & string;
  /** The column heading. */
  label: string;
  /** `"right"` (default, for numbers) or `"left"`. */
  align?: "left" | "right" | "center";
  /** Format a cell; default prints numbers with {@link fmt} and everything else as text. */
  format?: (value: any, row: Row) => ElChild;
  /** Let this column wrap (long text); numeric columns do not wrap. */
  wrap?: boolean;
}

/** Options of {@link htmlTable}. */
export interface TableOptions<Row> {
  /** Rows for which this returns true are highlighted. */
  highlight?: (row: Row) => boolean;
  /** A caption above the table. */
  caption?: string;
  /** A class name on the table (for tests and styling). */
  className?: string;
  /**
   * Fit the column's width: every cell may wrap (long words break), so no column is pushed off
   * screen; use it for tables with many columns. Default false (numbers stay on one line).
   */
  fit?: boolean;
  /** A detail shown under a row when its ▸ is clicked (long text that would widen the table). */
  detail?: (row: Row) => ElChild;
}

function defaultFormat(v: unknown): ElChild {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : fmt(v, 3);
  if (v === null || v === undefined) return MISSING;
  return v as ElChild;
}

/** A plain HTML table that scrolls horizontally inside its column rather than being cut off. */
export function htmlTable<Row extends Record<string, any>>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  options: TableOptions<Row> = {},
): HTMLElement {
  const fit = options.fit ?? false;
  const pad = fit ? "2px 6px" : "2px 10px";
  const th = (c: Column<Row>) =>
    el("th", {
      style: `text-align: ${
        c.align ?? "right"
      }; padding: ${pad}; border-bottom: 1px solid #999; vertical-align: bottom;${
        fit ? " white-space: normal; overflow-wrap: anywhere;" : ""
      }`,
    }, c.label);
  const td = (c: Column<Row>, row: Row) =>
    el(
      "td",
      {
        style: `text-align: ${
          c.align ?? "right"
        }; padding: ${pad}; border-bottom: 1px solid #eee; vertical-align: top; ${
          fit
            ? `white-space: normal; overflow-wrap: ${c.wrap ? "anywhere" : "normal"};`
            : c.wrap
            ? "white-space: normal; max-width: 32em;"
            : "white-space: nowrap;"
        }`,
      },
      (c.format ?? defaultFormat)(row[c.key], row),
    );
  const detail = options.detail;
  const bodyRows = (row: Row): HTMLElement[] => {
    const cells = columns.map((c) => td(c, row));
    const tr = el("tr", { style: options.highlight?.(row) ? "background: #fdf1d6; font-weight: 600;" : "" }, cells);
    if (!detail) return [tr];
    const more = el(
      "tr",
      { className: "detail-row", hidden: true },
      el("td", {
        colSpan: columns.length + 1,
        style: "white-space: normal; padding: 4px 10px 8px 28px; background: #f7f7f7; font-size: 90%;",
      }, detail(row)),
    );
    const toggle = el("button", {
      type: "button",
      className: "detail-toggle",
      "aria-expanded": "false",
      style: "border: none; background: none; cursor: pointer; padding: 0 4px;",
    }, "▸");
    toggle.addEventListener("click", () => {
      more.hidden = !more.hidden;
      toggle.textContent = more.hidden ? "▸" : "▾";
      toggle.setAttribute("aria-expanded", String(!more.hidden));
    });
    tr.prepend(el("td", { style: "vertical-align: top;" }, toggle));
    return [tr, more];
  };
  return el(
    "div",
    { style: "overflow-x: auto; max-width: 100%;" },
    el(
      "table",
      {
        className: options.className ?? "",
        style: `border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0.5em 0 1em;${
          fit ? " width: 100%; font-size: 90%;" : ""
        }`,
      },
      options.caption ? el("caption", { style: "text-align: left; font-weight: 600;" }, options.caption) : null,
      el("thead", {}, el("tr", {}, detail ? el("th", {}) : null, columns.map(th))),
      el("tbody", {}, rows.flatMap(bodyRows)),
    ),
  );
}

/** A message box: `"error"` (red, class `analysis-error`), `"info"` or `"warning"`. */
export function message(text: string, kind: "error" | "info" | "warning" = "error"): HTMLElement {
  const colours = { error: ["#b03a2e", "#fbeaea"], info: ["#1f4e79", "#eaf1f8"], warning: ["#9a6700", "#fff8c5"] };
  const [border, bg] = colours[kind];
  return el("div", {
    className: `analysis-${kind}`,
    role: kind === "error" ? "alert" : "status",
    style:
      `padding: 0.6em 0.9em; border-left: 4px solid ${border}; background: ${bg}; white-space: pre-wrap; margin: 0.5em 0;`,
  }, text);
}

/** Turn rows into CSV text (RFC 4180 quoting; missing values as empty cells): the same as {@link csvText}. */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  return csvText(rows, columns);
}

/** A button that downloads `content()` as a file named `filename` (content made when clicked). */
export function downloadButton(
  label: string,
  filename: string,
  content: () => string | Blob | Promise<string | Blob>,
  type = "text/plain",
): HTMLElement {
  const button = el("button", { type: "button", className: "download", "data-filename": filename }, label);
  button.addEventListener("click", async () => {
    const c = await content();
    const blob = c instanceof Blob ? c : new Blob([c], { type });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: filename }) as HTMLAnchorElement;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}

/** One card of {@link cardList}. */
export interface Card {
  /** The always-visible line (what was found). */
  title: ElChild;
  /** A short badge before the title (a severity). */
  badge?: string;
  /** The badge's colour (CSS colour). */
  badgeColour?: string;
  /** Label–value pairs shown when the card is opened. */
  fields?: readonly { label: string; value: ElChild }[];
  /** Longer text shown when the card is opened (an explanation). */
  body?: ElChild;
  /** Open the card from the start. */
  open?: boolean;
}

/**
 * A readable list of expandable cards (`<details>`): one line per item, its numbers and
 * explanation when opened. Wraps within its column, so nothing is pushed off screen.
 */
export function cardList(cards: readonly Card[], options: { className?: string } = {}): HTMLElement {
  return el(
    "div",
    { className: options.className ?? "card-list", style: "display: flex; flex-direction: column; gap: 6px;" },
    cards.map((c) =>
      el(
        "details",
        {
          open: c.open ?? false,
          style: "border: 1px solid #ddd; border-radius: 4px; padding: 4px 10px; background: #fff;",
        },
        el(
          "summary",
          { style: "cursor: pointer; overflow-wrap: anywhere;" },
          c.badge
            ? el("span", {
              style: `display: inline-block; min-width: 5.5em; font: 600 12px var(--sans-serif, sans-serif); color: ${
                c.badgeColour ?? "#555"
              }; text-transform: uppercase;`,
            }, c.badge)
            : null,
          c.title,
        ),
        c.fields?.length
          ? el(
            "dl",
            { style: "display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0;" },
            c.fields.map((f) => [
              el("dt", { style: "font-weight: 600; color: #555;" }, f.label),
              el("dd", { style: "margin: 0; overflow-wrap: anywhere;" }, f.value),
            ]),
          )
          : null,
        c.body ? el("div", { style: "margin: 4px 0 6px; overflow-wrap: anywhere;" }, c.body) : null,
      )
    ),
  );
}

/** Where the results on screen come from: a named input, its size and when it was read. */
export interface InputStamp {
  /** The file name, "pasted CSV", or the example's name. */
  name: string;
  /** Number of data rows read. */
  rows: number;
  /** When the input was read. */
  at: Date;
  /** True for the built-in example. */
  example?: boolean;
}

/**
 * A line saying which input the results on screen come from ("Results from morris.csv: 5 rows,
 * read at 14:03:12"), with class `input-stamp` and the name in `data-source` (for tests).
 */
export function inputStamp(stamp: InputStamp, lang: "nl" | "en" = "en"): HTMLElement {
  const time = stamp.at.toLocaleTimeString(lang === "nl" ? "nl-NL" : "en-GB");
  const text = lang === "nl"
    ? `Resultaten op deze pagina: ${
      stamp.example ? "voorbeelddata " : ""
    }${stamp.name}, ${stamp.rows} rijen, ingelezen om ${time}.`
    : `Results on this page: ${
      stamp.example ? "example data " : ""
    }${stamp.name}, ${stamp.rows} rows, read at ${time}.`;
  const node = message(text, "info");
  node.classList.add("input-stamp");
  node.dataset.source = stamp.name;
  return node;
}

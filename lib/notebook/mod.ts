/**
 * Browser-only helpers shared by the notebooks: plain DOM elements, tables, messages and
 * downloads. They need `document` (a browser, or jsdom in tests); nothing else in `lib/` does.
 *
 * @example
 * ```ts ignore
 * import { htmlTable } from "./mod.ts";
 * document.body.append(htmlTable([{ x: 1.23456 }], [{ key: "x", label: "x", format: (v) => v.toFixed(2) }]));
 * ```
 * @module
 */
import { fmt, fmtCI, fmtP, fmtPct, fmtPEq, MISSING } from "../format.ts";

export { fmt, fmtCI, fmtP, fmtPct, fmtPEq, MISSING };

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
  const th = (c: Column<Row>) =>
    el("th", {
      style: `text-align: ${
        c.align ?? "right"
      }; padding: 2px 10px; border-bottom: 1px solid #999; vertical-align: bottom;`,
    }, c.label);
  const td = (c: Column<Row>, row: Row) =>
    el(
      "td",
      {
        style: `text-align: ${c.align ?? "right"}; padding: 2px 10px; border-bottom: 1px solid #eee; ${
          c.wrap ? "white-space: normal; max-width: 32em;" : "white-space: nowrap;"
        }`,
      },
      (c.format ?? defaultFormat)(row[c.key], row),
    );
  return el(
    "div",
    { style: "overflow-x: auto; max-width: 100%;" },
    el(
      "table",
      {
        className: options.className ?? "",
        style: "border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0.5em 0 1em;",
      },
      options.caption ? el("caption", { style: "text-align: left; font-weight: 600;" }, options.caption) : null,
      el("thead", {}, el("tr", {}, columns.map(th))),
      el(
        "tbody",
        {},
        rows.map((row) =>
          el(
            "tr",
            { style: options.highlight?.(row) ? "background: #fdf1d6; font-weight: 600;" : "" },
            columns.map((c) => td(c, row)),
          )
        ),
      ),
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

/** Turn rows into CSV text (RFC 4180 quoting; missing values as empty cells). */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown): string => {
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "";
    const s = typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

/** A button that downloads `content()` as a file named `filename` (content made when clicked). */
export function downloadButton(
  label: string,
  filename: string,
  content: () => string | Blob,
  type = "text/plain",
): HTMLElement {
  const button = el("button", { type: "button", className: "download", "data-filename": filename }, label);
  button.addEventListener("click", () => {
    const c = content();
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

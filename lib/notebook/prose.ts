/**
 * A small Markdown subset for translated prose (a notebook's `text/markdown` cells cannot change
 * language, so bilingual text lives in the dictionary and is rendered with {@link prose}):
 * `#`/`##`/`###` headings, paragraphs (blank-line separated), `- ` lists, `**bold**`, `*italic*`,
 * `` `code` `` and `[text](url)`. Everything else is escaped, so dictionary text cannot inject HTML.
 * @module
 */

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inline Markdown (bold, italic, code, links) of one escaped line to HTML. */
function inline(s: string): string {
  return escapeHtml(s)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?![*\w])/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\(((?:\.{0,2}\/|https?:\/\/|#)[^)\s]*)\)/g, '<a href="$2">$1</a>');
}

/** Markdown text (the subset above) to HTML. */
export function proseHtml(text: string): string {
  const blocks = text.replace(/\r\n?/g, "\n").trim().split(/\n\s*\n/);
  return blocks.map((block) => {
    const lines = block.split("\n").map((l) => l.trim());
    const h = /^(#{1,3})\s+(.*)$/.exec(lines[0]);
    if (h && lines.length === 1) return `<h${h[1].length}>${inline(h[2])}</h${h[1].length}>`;
    if (lines.every((l, i) => i === 0 ? l.startsWith("- ") : true) && lines[0].startsWith("- ")) {
      const items: string[] = [];
      for (const l of lines) {
        if (l.startsWith("- ")) items.push(l.slice(2));
        else items[items.length - 1] += ` ${l}`;
      }
      return `<ul>${items.map((i) => `<li>${inline(i)}</li>`).join("")}</ul>`;
    }
    return `<p>${inline(lines.join(" "))}</p>`;
  }).join("\n");
}

/** Markdown text (the subset above) as a `<div class="prose">` element. */
export function prose(text: string): HTMLElement {
  const div = document.createElement("div");
  div.className = "prose";
  div.innerHTML = proseHtml(text);
  return div;
}

/**
 * A small static file server for the built notebooks, bound to 127.0.0.1 only.
 *
 *   deno task notebooks            # builds, then serves .site on http://127.0.0.1:8080/
 *   deno run -A tasks/serve.ts --dir .site --port 0
 *
 * Used by `deno task notebooks` and by the browser tests (tests/e2e/), which start it on a free
 * port. Nothing here talks to another host.
 * @module
 */
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".zip": "application/zip",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
};

/** A running static server. */
export interface StaticServer {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 (port 0 = any free port). */
export function serveStatic(dir: string, port = 0): StaticServer {
  const root = normalize(dir);
  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return new Response("forbidden", { status: 403 });
    try {
      const data = await Deno.readFile(file);
      return new Response(data, {
        headers: { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" },
      });
    } catch {
      return new Response(`not found: ${path}`, { status: 404 });
    }
  });
  const addr = server.addr as Deno.NetAddr;
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    port: addr.port,
    close: () => server.shutdown(),
  };
}

if (import.meta.main) {
  const args = Deno.args;
  const get = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const dir = get("--dir", fileURLToPath(new URL("../.site", import.meta.url)));
  const port = Number(get("--port", Deno.env.get("PORT") ?? "8080"));
  try {
    Deno.statSync(join(dir, "index.html"));
  } catch {
    console.error(`no built site in ${dir}: run \`deno task build\` first`);
    Deno.exit(1);
  }
  const server = serveStatic(dir, port);
  console.log(`evidence-lab notebooks: ${server.url}notebooks/index.html  (Ctrl-C to stop)`);
}

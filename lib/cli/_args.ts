/**
 * The one command-line layer shared by every CLI: a declarative option spec, a parser that rejects
 * unknown options (with a "did you mean" hint), generated `--help` text, a runner that prints
 * errors without stack traces, atomic file output and input reading with clear errors.
 *
 * @example
 * ```ts
 * import { parseCli, type CommandSpec } from "./_args.ts";
 * const spec: CommandSpec = {
 *   name: "demo", summary: "a demo", positional: { name: "file", description: "input", min: 1, max: 1 },
 *   options: { limit: { type: "integer", description: "minimum phase length", default: 3 } },
 * };
 * const { options, positional } = parseCli(spec, ["x.csv", "--limit", "2"]);
 * if (options.limit !== 2 || positional[0] !== "x.csv") throw new Error("parse");
 * let threw = false;
 * try { parseCli(spec, ["x.csv", "--limt", "2"]); } catch { threw = true; }
 * if (!threw) throw new Error("unknown options are errors");
 * ```
 * @module
 */
import { dirname, resolve } from "node:path";
import { ValidationError } from "../validate.ts";

/** One option of a command. */
export interface OptionSpec {
  /**
   * `string`, `number`, `integer` take one value; `boolean` is a flag; `list` takes a comma
   * separated list of strings, `numbers` of numbers; `repeat` may be given several times (strings).
   */
  type: "string" | "number" | "integer" | "boolean" | "list" | "numbers" | "repeat";
  /** One line (or a few) describing the option, shown by `--help`. */
  description: string;
  /** Default value (shown by `--help`). */
  default?: string | number | boolean | readonly string[] | readonly number[];
  /** Allowed values for `string` options. */
  choices?: readonly string[];
  /** The value's name in `--help` (default: the type). */
  valueName?: string;
  /** Inclusive lower bound for numeric options. */
  min?: number;
  /** Inclusive upper bound for numeric options. */
  max?: number;
}

/** A command: its name, what it does, its positional arguments and options. */
export interface CommandSpec {
  /** The tool name used in messages (`meta`, `sced`, …). */
  name: string;
  /** One paragraph shown at the top of `--help`. */
  summary: string;
  /** Positional arguments. */
  positional?: { name: string; description: string; min: number; max: number };
  /** Options by long name (without the leading dashes). */
  options: Record<string, OptionSpec>;
  /** Example invocations shown at the end of `--help`. */
  examples?: readonly string[];
  /** Extra text after the options (notes, sources). */
  notes?: string;
}

/** Parsed arguments. `options` holds every option with a value or a default. */
export interface ParsedCli {
  /** Option values by long name (defaults filled in). */
  options: Record<string, unknown>;
  /** Positional arguments in order. */
  positional: string[];
  /** True when `--help` or `-h` was given. */
  help: boolean;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length][b.length];
}

function suggest(name: string, names: string[]): string {
  let best = "";
  let bestD = Infinity;
  for (const n of names) {
    const d = editDistance(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean --${best}?)` : "";
}

function bad(spec: CommandSpec, path: string, rule: string, received?: unknown): never {
  const issue = received === undefined ? { path, rule } : { path, rule, received };
  throw new ValidationError(spec.name, [issue]);
}

function parseNumber(spec: CommandSpec, name: string, o: OptionSpec, raw: string): number {
  const s = raw.trim();
  const x = s === "" ? NaN : Number(s);
  if (!Number.isFinite(x)) bad(spec, `--${name}`, "must be a finite number", raw);
  if (o.type === "integer" && !Number.isInteger(x)) bad(spec, `--${name}`, "must be a whole number", raw);
  if (o.min !== undefined && x < o.min) bad(spec, `--${name}`, `must be >= ${o.min}`, x);
  if (o.max !== undefined && x > o.max) bad(spec, `--${name}`, `must be <= ${o.max}`, x);
  return x;
}

/**
 * Parse `args` against `spec`. Throws a `ValidationError` naming the tool and the option for an
 * unknown option, a missing or malformed value, a value outside `choices`, or a wrong number of
 * positional arguments (not checked when `--help` is given).
 */
export function parseCli(spec: CommandSpec, args: readonly string[]): ParsedCli {
  const options: Record<string, unknown> = {};
  const positional: string[] = [];
  let help = false;
  const names = Object.keys(spec.options);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg.length > 1 && Number.isNaN(Number(arg))) {
        bad(spec, arg, `is not an option of ${spec.name} (options start with --; see --help)`);
      }
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const o = spec.options[name];
    if (!o) bad(spec, `--${name}`, `is not an option of ${spec.name}${suggest(name, names)}; see --help`);
    if (o.type === "boolean") {
      if (eq > 0) {
        const v = arg.slice(eq + 1);
        if (v !== "true" && v !== "false") bad(spec, `--${name}`, "is a flag: give it alone or as =true / =false", v);
        options[name] = v === "true";
      } else options[name] = true;
      continue;
    }
    let raw: string;
    if (eq > 0) raw = arg.slice(eq + 1);
    else {
      if (i + 1 >= args.length || (args[i + 1].startsWith("--") && args[i + 1].length > 2)) {
        bad(spec, `--${name}`, `needs a value (${o.valueName ?? o.type})`);
      }
      raw = args[++i];
    }
    switch (o.type) {
      case "string":
        if (o.choices && !o.choices.includes(raw)) {
          bad(spec, `--${name}`, `must be one of ${o.choices.join(", ")}`, raw);
        }
        options[name] = raw;
        break;
      case "number":
      case "integer":
        options[name] = parseNumber(spec, name, o, raw);
        break;
      case "list":
        options[name] = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
        break;
      case "numbers":
        options[name] = raw.split(",").map((s) => parseNumber(spec, name, o, s));
        break;
      case "repeat":
        options[name] = [...((options[name] as string[] | undefined) ?? []), raw];
        break;
    }
  }
  for (const [name, o] of Object.entries(spec.options)) {
    if (!(name in options) && o.default !== undefined) {
      options[name] = Array.isArray(o.default) ? [...o.default] : o.default;
    }
  }
  if (!help) {
    const p = spec.positional ?? { name: "", description: "", min: 0, max: 0 };
    if (positional.length < p.min) {
      bad(spec, p.name || "arguments", `is required (${p.description}); see --help`);
    }
    if (positional.length > p.max) {
      bad(
        spec,
        "arguments",
        p.max === 0 ? "this command takes no positional arguments" : `takes at most ${p.max} ${p.name}`,
        positional.slice(p.max).join(" "),
      );
    }
  }
  return { options, positional, help };
}

/** The `--help` text generated from `spec`. */
export function helpText(spec: CommandSpec): string {
  const pos = spec.positional && spec.positional.max > 0
    ? ` ${spec.positional.min > 0 ? `<${spec.positional.name}>` : `[${spec.positional.name}]`}${
      spec.positional.max > 1 ? "..." : ""
    }`
    : "";
  const lines = [`Usage: deno task ${spec.name}${pos} [options]`, "", spec.summary, ""];
  if (spec.positional && spec.positional.max > 0) {
    lines.push("Arguments:", `  ${spec.positional.name.padEnd(22)} ${spec.positional.description}`, "");
  }
  lines.push("Options:");
  const entries = Object.entries(spec.options);
  for (const [name, o] of entries) {
    const value = o.type === "boolean" ? "" : ` ${o.valueName ?? (o.choices ? o.choices.join("|") : o.type)}`;
    const left = `  --${name}${value}`;
    const def = o.default !== undefined && o.type !== "boolean"
      ? ` (default ${Array.isArray(o.default) ? o.default.join(",") : o.default})`
      : "";
    const desc = (o.description + def).split("\n");
    lines.push(left.length > 24 ? `${left}\n${" ".repeat(25)}${desc[0]}` : `${left.padEnd(24)} ${desc[0]}`);
    for (const d of desc.slice(1)) lines.push(`${" ".repeat(25)}${d}`);
  }
  lines.push(`  ${"--help".padEnd(22)} show this text and exit`);
  if (spec.notes) lines.push("", spec.notes);
  if (spec.examples?.length) lines.push("", "Examples:", ...spec.examples.map((e) => `  ${e}`));
  return lines.join("\n");
}

/** Print a message for `error`: a `ValidationError` as it is, anything else prefixed by the tool. */
export function errorMessage(tool: string, error: unknown): string {
  if (error instanceof ValidationError) return error.message;
  if (error instanceof Deno.errors.NotFound) {
    return `${tool}: ${error.message.replace(/^No such file or directory \(os error 2\)(: )?/, "file not found: ")}`;
  }
  const msg = error instanceof Error ? error.message : String(error);
  return msg.startsWith(`${tool}:`) ? msg : `${tool}: ${msg}`;
}

/**
 * Run a CLI `main` with parsed arguments: `--help` prints the generated help and exits 0; a
 * `ValidationError` exits 2 and any other error exits 1, both printing one message and no stack
 * trace (set `EVIDENCE_LAB_DEBUG=1` to see the stack). `main` returns the exit code (default 0).
 */
export async function runCli(
  spec: CommandSpec,
  args: readonly string[],
  main: (parsed: ParsedCli) => Promise<number | void> | number | void,
): Promise<number> {
  try {
    const parsed = parseCli(spec, args);
    if (parsed.help) {
      console.log(helpText(spec));
      return 0;
    }
    return (await main(parsed)) ?? 0;
  } catch (error) {
    console.error(errorMessage(spec.name, error));
    if (Deno.env.get("EVIDENCE_LAB_DEBUG") && error instanceof Error) console.error(error.stack);
    return error instanceof ValidationError ? 2 : 1;
  }
}

/** Read an input file as text, with an error that names the tool, the option and the path. */
export async function readInput(tool: string, path: string, what = "input file"): Promise<string> {
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) {
      throw new ValidationError(tool, [{ path: what, rule: "is a folder, not a file", received: path }]);
    }
    return await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    if (e instanceof Deno.errors.NotFound) {
      throw new ValidationError(tool, [{ path: what, rule: "does not exist", received: path }]);
    }
    if (e instanceof Deno.errors.PermissionDenied) {
      throw new ValidationError(tool, [{ path: what, rule: "cannot be read (permission denied)", received: path }]);
    }
    if (e instanceof TypeError || (e instanceof Error && /invalid data|utf-8/i.test(e.message))) {
      throw new ValidationError(tool, [{ path: what, rule: "is not a UTF-8 text file", received: path }]);
    }
    throw e;
  }
}

/**
 * Check before a long run that `path` can be written: its folder exists and is a folder. Throws a
 * `ValidationError` naming the tool and the option otherwise.
 */
export function checkOutputPath(tool: string, option: string, path: string): void {
  const dir = dirname(resolve(path));
  let info: Deno.FileInfo;
  try {
    info = Deno.statSync(dir);
  } catch {
    throw new ValidationError(tool, [{
      path: option,
      rule: `cannot be written: folder ${dir} does not exist`,
      received: path,
    }]);
  }
  if (!info.isDirectory) {
    throw new ValidationError(tool, [{
      path: option,
      rule: `cannot be written: ${dir} is not a folder`,
      received: path,
    }]);
  }
  try {
    if (Deno.statSync(resolve(path)).isDirectory) {
      throw new ValidationError(tool, [{ path: option, rule: "is a folder, not a file name", received: path }]);
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
  }
}

const pendingTemps = new Set<string>();
let signalHandlerInstalled = false;

function removePendingTemps(): void {
  for (const t of pendingTemps) {
    try {
      Deno.removeSync(t);
    } catch { /* already gone */ }
  }
  pendingTemps.clear();
}

function installSignalCleanup(): void {
  if (signalHandlerInstalled) return;
  signalHandlerInstalled = true;
  try {
    Deno.addSignalListener("SIGINT", () => {
      removePendingTemps();
      Deno.exit(130);
    });
    Deno.addSignalListener("SIGTERM", () => {
      removePendingTemps();
      Deno.exit(143);
    });
  } catch { /* signals not available on this platform */ }
}

/**
 * Write `data` to `path` atomically: first to a temporary file in the same folder, then renamed
 * over `path`. An interrupted write (SIGINT, SIGTERM, a crash) leaves either no file or the
 * complete previous one under `path`, never a partial file.
 */
export async function writeAtomic(
  tool: string,
  option: string,
  path: string,
  data: string | Uint8Array,
): Promise<void> {
  checkOutputPath(tool, option, path);
  const target = resolve(path);
  const tmp = `${dirname(target)}/.${target.split("/").pop()}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  installSignalCleanup();
  pendingTemps.add(tmp);
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data);
    else await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, target);
  } catch (e) {
    try {
      await Deno.remove(tmp);
    } catch { /* not created */ }
    throw e;
  } finally {
    pendingTemps.delete(tmp);
  }
}

/**
 * An atomic file writer for streamed output (a long simulation writing rows as they finish):
 * `write` appends to a temporary file, `commit` renames it over the target, `abort` removes it.
 */
export async function openAtomic(
  tool: string,
  option: string,
  path: string,
): Promise<{ write: (text: string) => Promise<void>; commit: () => Promise<void>; abort: () => Promise<void> }> {
  checkOutputPath(tool, option, path);
  const target = resolve(path);
  const tmp = `${dirname(target)}/.${target.split("/").pop()}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  installSignalCleanup();
  pendingTemps.add(tmp);
  const file = await Deno.open(tmp, { write: true, create: true, truncate: true });
  const enc = new TextEncoder();
  let closed = false;
  const close = () => {
    if (!closed) {
      closed = true;
      file.close();
    }
  };
  return {
    write: async (text: string) => {
      const bytes = enc.encode(text);
      let off = 0;
      while (off < bytes.length) off += await file.write(bytes.subarray(off));
    },
    commit: async () => {
      close();
      await Deno.rename(tmp, target);
      pendingTemps.delete(tmp);
    },
    abort: async () => {
      close();
      try {
        await Deno.remove(tmp);
      } catch { /* gone */ }
      pendingTemps.delete(tmp);
    },
  };
}

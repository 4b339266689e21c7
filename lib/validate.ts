/**
 * Validation at the edge: every public entry point parses its input with a zod schema through
 * {@link parseInput}, which throws a {@link ValidationError} whose message names the field, the
 * row (array index) and the rule, e.g. `sd1i[3] must be > 0, got -2`.
 *
 * @example
 * import { z } from "zod";
 * const schema = z.object({ vi: z.array(z.number().nonnegative()) });
 * parseInput(schema, { vi: [0.1, -2] }, "rma"); // throws "rma: vi[1] must be >= 0, got -2"
 * @module
 */
import { z } from "zod";

/** One problem found in an input: where it is, what rule it broke, and the value found. */
export interface Issue {
  /** Dotted/indexed path to the field, e.g. `sd1i[3]` or `rows[2].pre`. */
  path: string;
  /** The rule in words, e.g. `must be > 0`. */
  rule: string;
  /** The offending value, when there is one. */
  received?: unknown;
  /** The 1-based row as in the file or table (data rows, header not counted), when there is one. */
  row?: number;
}

/**
 * The one error class of the toolkit: an input error that names the tool, and for every problem
 * found the field, the 1-based row (where there is one) and the rule, e.g.
 * `meta: row 4, column sd1i must be > 0, got -2`. Every engine and every CLI throws it for bad
 * input; CLIs print its message without a stack trace.
 */
export class ValidationError extends Error {
  /** The problems found, in input order. */
  readonly issues: Issue[];
  /** The tool or function that refused the input (`rma`, `meta`, `simulate`, …). */
  readonly tool: string;
  /** Create the error for `context` (the tool name, prefixed to the message) and its `issues`. */
  constructor(context: string, issues: Issue[]) {
    const lines = issues.map(formatIssue);
    const head = context ? `${context}: ` : "";
    super(head + (lines.length === 1 ? lines[0] : `${lines.length} problems:\n  - ${lines.join("\n  - ")}`));
    this.name = "ValidationError";
    this.issues = issues;
    this.tool = context;
  }
}

function formatValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === undefined) return "nothing";
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? s.slice(0, 57) + "..." : s;
  } catch {
    return String(v);
  }
}

function formatIssue(issue: Issue): string {
  const field = issue.path || "input";
  const where = issue.row !== undefined && !/^row \d/.test(field) ? `row ${issue.row}, ${field}` : field;
  const got = "received" in issue ? `, got ${formatValue(issue.received)}` : "";
  return `${where} ${issue.rule}${got}`;
}

/** Render a zod path as `a.b[3].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function getAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

// deno-lint-ignore no-explicit-any
function ruleOf(issue: any): string {
  // A message set in the schema ({ error: "must be ..." }) is the rule in the schema author's words.
  if (typeof issue.message === "string" && !/^(Invalid|Too (small|big)|Expected|Unrecognized)/.test(issue.message)) {
    return issue.message;
  }
  switch (issue.code) {
    case "too_small": {
      const op = issue.inclusive === false ? ">" : ">=";
      if (issue.origin === "array" || issue.origin === "string" || issue.origin === "set") {
        return `must have ${op} ${issue.minimum} ${issue.origin === "string" ? "characters" : "elements"}`;
      }
      return `must be ${op} ${issue.minimum}`;
    }
    case "too_big": {
      const op = issue.inclusive === false ? "<" : "<=";
      if (issue.origin === "array" || issue.origin === "string" || issue.origin === "set") {
        return `must have ${op} ${issue.maximum} ${issue.origin === "string" ? "characters" : "elements"}`;
      }
      return `must be ${op} ${issue.maximum}`;
    }
    case "invalid_type":
      return `must be ${
        issue.expected === "int"
          ? "a whole number"
          : `${/^[aeiou]/.test(String(issue.expected)) ? "an" : "a"} ${issue.expected}`
      }`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_value":
      return `must be one of ${(issue.values ?? []).map((v: unknown) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return `must be a valid ${issue.format}`;
    case "unrecognized_keys":
      return `has unknown field(s) ${(issue.keys ?? []).join(", ")}`;
    default:
      return issue.message ?? "is invalid";
  }
}

/** Convert zod issues into {@link Issue}s, reading the offending value from the input. */
export function zodIssues(error: z.ZodError, input: unknown): Issue[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    const out: Issue = { path: formatPath(path), rule: ruleOf(issue) };
    if (issue.code !== "unrecognized_keys") {
      const v = getAt(input, path);
      // a refine's message may already say what it got
      const saysGot = issue.code === "custom" && /\bgot\b/.test(String(issue.message));
      if (issue.code !== "custom" || (!saysGot && v !== undefined && typeof v !== "object")) out.received = v;
    }
    if (issue.code === "custom") {
      out.rule = issue.message;
    }
    return out;
  });
}

/**
 * Parse `input` with `schema`; on failure throw a {@link ValidationError} prefixed by `context`
 * (usually the function name) that lists every problem with its field, row and rule.
 * @example parseInput(z.number().positive(), -1, "sd") // throws "sd: input must be > 0, got -1"
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, context = ""): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(context, zodIssues(result.error, input));
}

/**
 * Throw a {@link ValidationError} for one problem found by hand (for rules zod cannot express
 * easily, e.g. arrays of equal length).
 * @example fail("rma", "vi", "must have the same length as yi (5)", 4)
 */
export function fail(context: string, path: string, rule: string, received?: unknown): never {
  const issue: Issue = { path, rule };
  if (arguments.length >= 4) issue.received = received;
  throw new ValidationError(context, [issue]);
}

/**
 * Throw a {@link ValidationError} for one problem in a given 1-based `row` (as in the file or
 * table), e.g. `failAt("meta", 4, "column sd1i", "must be > 0", -2)` →
 * `meta: row 4, column sd1i must be > 0, got -2`.
 */
export function failAt(context: string, row: number, path: string, rule: string, received?: unknown): never {
  const issue: Issue = { path, rule, row };
  if (arguments.length >= 5) issue.received = received;
  throw new ValidationError(context, [issue]);
}

/**
 * Require that every named array in `fields` has the same length as the first one.
 * @example sameLength("escalc", { m1i: [1, 2], sd1i: [1] }) // throws "sd1i must have 2 elements (like m1i), got 1"
 */
export function sameLength(context: string, fields: Record<string, readonly unknown[] | undefined>): void {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as [string, readonly unknown[]][];
  if (entries.length === 0) return;
  const [firstName, first] = entries[0];
  const issues: Issue[] = [];
  for (const [name, arr] of entries.slice(1)) {
    if (arr.length !== first.length) {
      issues.push({ path: name, rule: `must have ${first.length} elements (like ${firstName})`, received: arr.length });
    }
  }
  if (issues.length) throw new ValidationError(context, issues);
}

/**
 * Refuse a non-finite result: NaN or ±Infinity never leaves an engine silently. Use it on
 * computed quantities (overflow, underflow to a zero scale) with a rule that says what happened.
 * @example assertFinite("rma", "beta", Infinity, "overflowed: yi or vi are too large to represent")
 */
export function assertFinite(tool: string, field: string, value: number, rule = "is not a finite number"): number {
  if (!Number.isFinite(value)) fail(tool, field, rule, value);
  return value;
}

/** A finite number (zod's number already rejects NaN; this also rejects ±Infinity). */
export const finite = (): z.ZodNumber => z.number().finite();

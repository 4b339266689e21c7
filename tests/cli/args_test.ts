import assert from "node:assert/strict";
import { type CommandSpec, helpText, parseCli, runCli, writeAtomic } from "../../lib/cli/_args.ts";
import { ValidationError } from "../../lib/validate.ts";

const spec: CommandSpec = {
  name: "demo",
  summary: "A demo command.",
  positional: { name: "file", description: "the input file", min: 1, max: 1 },
  options: {
    limit: { type: "integer", description: "minimum phase length", default: 3, min: 1 },
    level: { type: "number", description: "confidence level" },
    test: { type: "string", description: "test", choices: ["z", "knha"], default: "z" },
    json: { type: "boolean", description: "JSON output" },
    mods: { type: "list", description: "moderators" },
    grid: { type: "numbers", description: "grid" },
    col: { type: "repeat", description: "column mapping" },
  },
};

Deno.test("parseCli: values, defaults, lists, flags, --name=value", () => {
  const p = parseCli(spec, [
    "x.csv",
    "--limit=2",
    "--json",
    "--mods",
    "a, b",
    "--grid",
    "0.3,0.5",
    "--col",
    "a=b",
    "--col",
    "c=d",
  ]);
  assert.deepEqual(p.positional, ["x.csv"]);
  assert.deepEqual(p.options, {
    limit: 2,
    json: true,
    mods: ["a", "b"],
    grid: [0.3, 0.5],
    col: ["a=b", "c=d"],
    test: "z",
  });
  assert.equal(parseCli(spec, ["x.csv", "--level", "-0.5"]).options.level, -0.5);
});

Deno.test("parseCli: unknown options, bad values and missing arguments are errors naming the option", () => {
  const cases: [string[], RegExp][] = [
    [["x.csv", "--limt", "2"], /^demo: --limt is not an option of demo \(did you mean --limit\?\); see --help$/],
    [["x.csv", "--limit", "2.5"], /demo: --limit must be a whole number, got "2.5"/],
    [["x.csv", "--limit", "0"], /demo: --limit must be >= 1, got 0/],
    [["x.csv", "--level", "abc"], /demo: --level must be a finite number, got "abc"/],
    [["x.csv", "--test", "t"], /demo: --test must be one of z, knha, got "t"/],
    [["x.csv", "--limit"], /demo: --limit needs a value/],
    [["x.csv", "--limit", "--json"], /demo: --limit needs a value/],
    [[], /demo: file is required \(the input file\)/],
    [["x.csv", "y.csv"], /demo: arguments takes at most 1 file, got "y.csv"/],
    [["x.csv", "-x"], /demo: -x is not an option of demo/],
    [["x.csv", "--json=maybe"], /demo: --json is a flag/],
  ];
  for (const [args, re] of cases) {
    assert.throws(
      () => parseCli(spec, args),
      (e: unknown) => e instanceof ValidationError && re.test(e.message),
      args.join(" "),
    );
  }
});

Deno.test("helpText describes every option with its default; --help exits 0 without positional arguments", async () => {
  const text = helpText(spec);
  for (const name of Object.keys(spec.options)) assert.match(text, new RegExp(`--${name}`));
  assert.match(text, /--limit integer\s+minimum phase length \(default 3\)/);
  assert.match(text, /Usage: deno task demo <file> \[options\]/);
  const log = console.log;
  let printed = "";
  console.log = (s: string) => (printed += s);
  try {
    assert.equal(await runCli(spec, ["--help"], () => 5), 0);
  } finally {
    console.log = log;
  }
  assert.match(printed, /A demo command/);
});

Deno.test("runCli: a ValidationError exits 2, another error exits 1, both as one line without a stack", async () => {
  const err = console.error;
  const lines: string[] = [];
  console.error = (s: string) => lines.push(s);
  try {
    assert.equal(await runCli(spec, ["x.csv", "--nope"], () => 0), 2);
    assert.equal(
      await runCli(spec, ["x.csv"], () => {
        throw new Error("disk on fire");
      }),
      1,
    );
    assert.equal(await runCli(spec, ["x.csv"], () => 7), 7);
  } finally {
    console.error = err;
  }
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^demo: --nope is not an option/);
  assert.equal(lines[1], "demo: disk on fire");
  assert.ok(!lines.join("\n").includes("    at "));
});

Deno.test("writeAtomic: writes the whole file, refuses a missing folder before writing, leaves no temp file", async () => {
  const dir = await Deno.makeTempDir();
  const target = `${dir}/out.csv`;
  await writeAtomic("demo", "--out", target, "a,b\n1,2\n");
  assert.equal(await Deno.readTextFile(target), "a,b\n1,2\n");
  await writeAtomic("demo", "--out", target, "new\n");
  assert.equal(await Deno.readTextFile(target), "new\n");
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["out.csv"]);
  await assert.rejects(
    () => writeAtomic("demo", "--emit-r", `${dir}/missing/a.R`, "x"),
    /demo: --emit-r cannot be written: folder .*missing does not exist/,
  );
  await Deno.remove(dir, { recursive: true });
});

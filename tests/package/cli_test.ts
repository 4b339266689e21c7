/**
 * Every command-line tool, as a new user meets it: `--help` exits 0 and describes the options, an
 * unknown option is an error naming it (exit 2, no stack trace).
 */
import assert from "node:assert/strict";
import { repoPath } from "../helpers.ts";

const TASKS = () => {
  const cfg = JSON.parse(Deno.readTextFileSync(repoPath("deno.json")));
  return Object.entries(cfg.tasks as Record<string, string>)
    .filter(([, cmd]) => /lib\/cli\/[a-z-]+\.ts/.test(cmd))
    .map(([name, cmd]) => ({ name, file: cmd.match(/lib\/cli\/[a-z-]+\.ts/)![0] }));
};

async function run(file: string, args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", repoPath(file), ...args],
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout), stderr: new TextDecoder().decode(out.stderr) };
}

for (const { name, file } of TASKS()) {
  Deno.test({
    name: `deno task ${name}: --help exits 0 with every option described; an unknown option exits 2 naming it`,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      const help = await run(file, ["--help"]);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, /^Usage: deno task /m);
      const options = [...help.stdout.matchAll(/^\s+--([a-z][a-z0-9-]*)/gm)].map((m) => m[1]);
      assert.ok(options.length >= 2, `${name} --help lists its options`);
      for (const line of help.stdout.split("\n").filter((l) => /^\s+--[a-z]/.test(l))) {
        assert.match(line, /--[a-z0-9-]+(\s+\S+)?\s{2,}\S|--[a-z0-9-]+\s+\S+$/, `option described: ${line}`);
      }
      const bad = await run(file, ["--definitely-not-an-option"]);
      assert.equal(bad.code, 2, `${name}: exit code for an unknown option\n${bad.stderr}`);
      assert.match(bad.stderr, new RegExp(`--definitely-not-an-option is not an option of`));
      assert.ok(!/\n\s+at |Stack backtrace/.test(bad.stderr), `no stack trace:\n${bad.stderr}`);
    },
  });
}

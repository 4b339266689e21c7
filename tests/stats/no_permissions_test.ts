/**
 * Importing an engine needs no permission flags: a script outside the repository that imports the
 * engine's mod.ts and calls it runs under `deno run --no-prompt` with no `-A`. (It used to need
 * `--allow-env`: stdlib's t/chi-square/F quantiles import the npm `debug` package, which reads
 * `process.env` at import time.)
 */
import assert from "node:assert/strict";
import { repoPath } from "../helpers.ts";

const scripts: [string, string][] = [
  [
    "stats",
    `import { pnorm, qt, qchisq, qf } from "${repoPath("lib/stats/mod.ts")}";
     console.log(pnorm(1.96).toFixed(6), qt(0.975, 4).toFixed(6), qchisq(0.95, 1).toFixed(6), qf(0.95, 1, 10).toFixed(6));`,
  ],
  [
    "responders",
    `import { propCI } from "${repoPath("lib/responders/mod.ts")}";
     console.log(propCI(17, 20).ci_lb.toFixed(4));`,
  ],
  [
    "evidence",
    `import { checkI2 } from "${repoPath("lib/evidence/mod.ts")}";
     console.log(checkI2({ id: "a", Q: 584.06, df: 43, I2: 92.64 }).length);`,
  ],
  [
    "io",
    `import { readCsv } from "${repoPath("lib/io/mod.ts")}";
     console.log(readCsv("a;b\\n1,5;2\\n").rows[0].a);`,
  ],
];

for (const [engine, code] of scripts) {
  Deno.test(`importing lib/${engine}/mod.ts needs no permission flags`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "evidence-lab-noperm-" });
    try {
      const file = `${dir}/script.ts`;
      await Deno.writeTextFile(file, code);
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--no-prompt", "--config", repoPath("deno.json"), file],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      assert.equal(out.code, 0, `deno run --no-prompt failed for ${engine}:\n${stderr}`);
      assert.doesNotMatch(stderr, /Requires .* access/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

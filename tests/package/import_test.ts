/**
 * The package as a researcher uses it: a script in a folder outside the repository imports the
 * engines through the documented line (README, "Use it from your own script") and runs with no
 * permission flags.
 */
import assert from "node:assert/strict";
import { repoPath } from "../helpers.ts";

Deno.test({
  name:
    "a script outside the repository imports rma through the documented line and reproduces Morris (2008) SMCR REML",
  // spawning deno takes a few seconds; sanitizers off because the child owns its resources
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "evidence-lab-outside-" });
    try {
      // the documented set-up: a deno.json that links the clone, then jsr: imports by package name
      await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify({ links: [repoPath("")] }, null, 2));
      await Deno.writeTextFile(
        `${dir}/analysis.ts`,
        `import { escalc } from "jsr:@evidence-lab/evidence-lab@^0.2.0/effects";
import { rma } from "jsr:@evidence-lab/evidence-lab@^0.2.0/meta";
const es = escalc("SMCR", {
  m1i: [38.5, 26.8, 0.7, 75.9, 36], m2i: [30.6, 23.5, 0.5, 53.4, 35.6],
  sd1i: [15, 3.1, 0.1, 14.5, 4.7], ni: [20, 50, 9, 10, 14], ri: [0.47, 0.64, 0.77, 0.89, 0.44],
});
const fit = rma({ yi: es.yi, vi: es.vi, method: "REML" });
console.log(JSON.stringify({ beta: fit.beta, ci_lb: fit.ci_lb, ci_ub: fit.ci_ub }));
`,
      );
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--no-prompt", "analysis.ts"],
        cwd: dir,
        env: { NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      assert.equal(out.code, 0, `the script needs no permission flags and must run:\n${stderr}`);
      const r = JSON.parse(new TextDecoder().decode(out.stdout));
      // metafor: rma(yi, vi, method = "REML") on escalc("SMCR", ...) of Morris (2008): 0.9121 [0.3512, 1.4730]
      assert.equal(r.beta.toFixed(4), "0.9121");
      assert.equal(r.ci_lb.toFixed(4), "0.3512");
      assert.equal(r.ci_ub.toFixed(4), "1.4730");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

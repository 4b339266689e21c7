/** Test helper: run the benchmark-centres CLI in-process through its exported `main`. */
import { main } from "../../lib/cli/practice.ts";
import { captureCli, type CliOutput } from "../helpers.ts";

/** Run the CLI in-process, capturing what it prints. */
export function runPractice(args: string[]): Promise<CliOutput> {
  return captureCli(main, args);
}

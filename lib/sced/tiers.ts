/**
 * Start sets of a multiple-baseline design under each randomisation scheme, from the number of
 * measurements, the minimum phase length and the number of participants — so that a power
 * analysis can use the same scheme as the test (Marascuilo–Busk: every admissible start for every
 * participant; Koehler–Levin: the admissible starts cut into one consecutive block per tier;
 * Wampold–Worsham: one fixed start per tier, the middle of its block).
 * @module
 */
import { fail } from "../validate.ts";
import { type MbdDesign, type MbdScheme, startsFromLimit } from "./designs.ts";

/** Input of {@link mbdDesignForScheme}. */
export interface MbdSchemeInput {
  /** The randomisation scheme. */
  scheme: MbdScheme;
  /** Measurements per participant. */
  n: number;
  /** Minimum measurements per phase. */
  limit: number;
  /** Number of participants (tiers). */
  participants: number;
}

/**
 * A multiple-baseline design under `scheme` (see the module documentation).
 *
 * @example
 * ```ts
 * import { mbdDesignForScheme } from "./tiers.ts";
 * const kl = mbdDesignForScheme({ scheme: "koehler-levin", n: 30, limit: 5, participants: 4 });
 * if (kl.starts.join("|") !== "6,7,8,9,10|11,12,13,14,15|16,17,18,19,20|21,22,23,24,25,26") throw new Error("tiers");
 * ```
 */
export function mbdDesignForScheme(input: MbdSchemeInput): MbdDesign {
  const { scheme, n, limit, participants } = input ?? ({} as MbdSchemeInput);
  if (!["marascuilo-busk", "koehler-levin", "wampold-worsham"].includes(scheme)) {
    fail("mbdDesignForScheme", "scheme", "must be marascuilo-busk, koehler-levin or wampold-worsham", scheme);
  }
  if (!Number.isInteger(participants) || participants < 2) {
    fail("mbdDesignForScheme", "participants", "must be a whole number >= 2", participants);
  }
  const all = startsFromLimit(n, limit);
  if (scheme === "marascuilo-busk") {
    return { type: "MBD", scheme, n, starts: Array.from({ length: participants }, () => all.slice()) };
  }
  if (all.length < participants) {
    fail(
      "mbdDesignForScheme",
      "n",
      `leaves ${all.length} admissible starts for ${participants} tiers (each tier needs its own)`,
      n,
    );
  }
  const size = Math.floor(all.length / participants);
  const blocks = Array.from(
    { length: participants },
    (_, t) => all.slice(t * size, t === participants - 1 ? all.length : (t + 1) * size),
  );
  const starts = scheme === "koehler-levin" ? blocks : blocks.map((b) => [b[Math.floor((b.length - 1) / 2)]]);
  return { type: "MBD", scheme, n, starts };
}

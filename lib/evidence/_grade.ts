/**
 * Internal helpers shared by `certainty.ts` and `sof.ts`: severity of a risk-of-bias level, the
 * normal quantiles of a sample-size formula, and checks. Not part of the public surface.
 * @module
 */
import { fail } from "../validate.ts";

/**
 * Severity of a level for the certainty rules: 0 low, 1 some concerns / moderate / no
 * information, 2 high / serious, 3 critical; `null` for "Not assessed" (an open judgement).
 */
export function severity(level: string): number | null {
  switch (level) {
    case "Low":
    case "Low (except for concerns about uncontrolled confounding)":
      return 0;
    case "Some concerns":
    case "Moderate":
    case "No information":
      return 1;
    case "High":
    case "Serious":
      return 2;
    case "Critical":
      return 3;
  }
  return null;
}

/**
 * The standard normal quantile by Wichura's algorithm AS 241 (PPND16, relative accuracy about
 * 1e-16). Kept here so that this engine's doc examples run without the permissions the stdlib
 * distributions need; a unit test checks it against `lib/stats` (R's qnorm).
 */
export function qnormStd(p: number): number {
  if (!(p > 0 && p < 1)) fail("qnorm", "p", "must be a probability in (0, 1)", p);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return q *
      (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
                        45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
            133.14166789178437745) * r + 3.387132872796366608) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
                        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
            42.313330701600911252) * r + 1);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
                      1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
          4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
                        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
            2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    val = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
                      0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
          5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
                        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
            0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -val : val;
}

/** z(1 - α/2) + z(power) for a two-sided α and a power (both proportions). */
export function zSum(alpha: number, power: number): number {
  return qnormStd(1 - alpha / 2) + qnormStd(power);
}

/** Require a finite number, else a ValidationError naming tool and field. */
export function finiteOr(tool: string, field: string, x: unknown): number {
  if (typeof x !== "number" || !Number.isFinite(x)) fail(tool, field, "must be a finite number", x);
  return x as number;
}

/** Round half away from zero (for "events per 1,000"). */
export function roundInt(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? 0 : r;
}

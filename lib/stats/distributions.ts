/**
 * Distribution functions the engines need: normal, Student t, chi-square, F and binomial
 * (cdf with an explicit tail, and quantile), named as in R (`pnorm`, `qt`, ...).
 *
 * Backends. jstat is the project's general distribution library, but measured against R it is
 * not accurate enough for p-values of the size meta-analyses report (see
 * tests/stats/distributions_test.ts, "jstat accuracy"): its `erfc` is off by 3e-3 relative at
 * z = 7.8 (so `pnorm` tails lose three digits), `studentt.inv(0.975, 4)` is off by 2.5e-9
 * relative, and the chi-square upper tail is computed as `1 - cdf`, which returns 0 below
 * 1e-16. The functions here therefore use stdlib's special functions (regularised incomplete
 * gamma and beta with an `upper` flag, `erfc`, and stdlib's quantile functions, which are ports of
 * Boost/Cephes), which agree with R to about 1e-14 relative. jstat is used for the binomial pmf and
 * normal density, where it agrees with R to 1e-15.
 *
 * Every function validates its arguments and throws a RangeError that names the argument and the
 * rule instead of returning NaN.
 *
 * @module
 */
import erfc from "@stdlib/math-base-special-erfc";
import gammainc from "@stdlib/math-base-special-gammainc";
import betainc from "@stdlib/math-base-special-betainc";
import gammaln from "@stdlib/math-base-special-gammaln";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import chisqQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import fQuantile from "@stdlib/stats-base-dists-f-quantile";
import jStatModule from "jstat";

// jstat's ESM build exposes the namespace as `jStat` on the default export.
// deno-lint-ignore no-explicit-any
const jStat: any = (jStatModule as any).jStat ?? jStatModule;

/** Which tail a cdf returns: `lower` = P(X <= x), `upper` = P(X > x). */
export interface TailOption {
  /** true (default) for P(X <= x); false for P(X > x), computed without cancellation. */
  lower?: boolean;
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new RangeError(message);
}

function checkNumber(name: string, x: number): void {
  check(typeof x === "number" && !Number.isNaN(x), `${name} must be a number, got ${x}`);
}

function checkProbability(name: string, p: number): void {
  check(typeof p === "number" && p >= 0 && p <= 1, `${name} must be in [0, 1], got ${p}`);
}

function checkPositive(name: string, x: number): void {
  check(typeof x === "number" && x > 0, `${name} must be > 0, got ${x}`);
}

/**
 * Standard normal (or N(mean, sd)) distribution function, as R's `pnorm`.
 * @example pnorm(1.959963984540054) // 0.975
 */
export function pnorm(x: number, mean = 0, sd = 1, { lower = true }: TailOption = {}): number {
  checkNumber("x", x);
  checkPositive("sd", sd);
  const z = (x - mean) / sd;
  return 0.5 * erfc((lower ? -z : z) / Math.SQRT2);
}

/**
 * Normal quantile function, as R's `qnorm`.
 * @example qnorm(0.975) // 1.959963984540054
 */
export function qnorm(p: number, mean = 0, sd = 1, { lower = true }: TailOption = {}): number {
  checkProbability("p", p);
  checkPositive("sd", sd);
  // Work in the smaller tail so that 1 - p never loses digits.
  const lowerP = lower ? p : 1 - p;
  const tailP = Math.min(p, 1 - p);
  const sign = lowerP < 0.5 ? -1 : 1;
  if (tailP === 0) return sign * Infinity;
  if (lowerP === 0.5) return mean;
  // stdlib's quantile is good to ~2e-9 relative in the far tail (qnorm(1e-10)); two Newton steps on
  // the accurate erfc-based tail probability bring it to full double precision.
  let z = -Math.abs(normalQuantile(tailP, 0, 1));
  for (let i = 0; i < 2; i++) {
    const f = 0.5 * erfc(-z / Math.SQRT2) - tailP;
    z -= f / (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
  }
  return mean + sd * sign * -z;
}

/** Normal density, as R's `dnorm`. @example dnorm(0) // 0.3989422804014327 */
export function dnorm(x: number, mean = 0, sd = 1): number {
  checkNumber("x", x);
  checkPositive("sd", sd);
  return jStat.normal.pdf(x, mean, sd);
}

/**
 * Student t distribution function, as R's `pt` (df may be fractional).
 * @example pt(-2.776445105197793, 4) // 0.025
 */
export function pt(x: number, df: number, { lower = true }: TailOption = {}): number {
  checkNumber("x", x);
  checkPositive("df", df);
  if (x === Infinity) return lower ? 1 : 0;
  if (x === -Infinity) return lower ? 0 : 1;
  // P(T > |x|) = I_{df/(df+x^2)}(df/2, 1/2) / 2
  const tail = 0.5 * betainc(df / (df + x * x), df / 2, 0.5, true, false);
  const below = x < 0 ? tail : 1 - tail; // P(T <= x)
  if (lower) return below;
  return x < 0 ? 1 - tail : tail;
}

/**
 * Student t quantile function, as R's `qt`.
 * @example qt(0.975, 4) // 2.776445105197793
 */
export function qt(p: number, df: number, { lower = true }: TailOption = {}): number {
  checkProbability("p", p);
  checkPositive("df", df);
  return tQuantile(lower ? p : 1 - p, df);
}

/**
 * Chi-square distribution function, as R's `pchisq`. The upper tail is computed directly
 * (regularised upper incomplete gamma), so p-values as small as 1e-300 are exact to ~1e-14.
 * @example pchisq(3.841458820694124, 1) // 0.95
 */
export function pchisq(x: number, df: number, { lower = true }: TailOption = {}): number {
  checkNumber("x", x);
  checkPositive("df", df);
  if (x <= 0) return lower ? 0 : 1;
  if (x === Infinity) return lower ? 1 : 0;
  return gammainc(x / 2, df / 2, true, !lower);
}

/**
 * Chi-square quantile function, as R's `qchisq`.
 * @example qchisq(0.95, 1) // 3.841458820694124
 */
export function qchisq(p: number, df: number, { lower = true }: TailOption = {}): number {
  checkProbability("p", p);
  checkPositive("df", df);
  return chisqQuantile(lower ? p : 1 - p, df);
}

/**
 * F distribution function, as R's `pf`.
 * @example pf(4.964602743730711, 1, 10) // 0.95
 */
export function pf(x: number, df1: number, df2: number, { lower = true }: TailOption = {}): number {
  checkNumber("x", x);
  checkPositive("df1", df1);
  checkPositive("df2", df2);
  if (x <= 0) return lower ? 0 : 1;
  if (x === Infinity) return lower ? 1 : 0;
  const u = (df1 * x) / (df1 * x + df2);
  return betainc(u, df1 / 2, df2 / 2, true, !lower);
}

/**
 * F quantile function, as R's `qf`.
 * @example qf(0.95, 1, 10) // 4.964602743730711
 */
export function qf(p: number, df1: number, df2: number, { lower = true }: TailOption = {}): number {
  checkProbability("p", p);
  checkPositive("df1", df1);
  checkPositive("df2", df2);
  return fQuantile(lower ? p : 1 - p, df1, df2);
}

function checkBinomial(size: number, prob: number): void {
  check(Number.isInteger(size) && size >= 0, `size must be a whole number >= 0, got ${size}`);
  checkProbability("prob", prob);
}

/** Binomial probability mass, as R's `dbinom`. @example dbinom(3, 10, 0.5) // 0.1171875 */
export function dbinom(x: number, size: number, prob: number): number {
  checkBinomial(size, prob);
  if (!Number.isInteger(x) || x < 0 || x > size) return 0;
  if (prob === 0) return x === 0 ? 1 : 0;
  if (prob === 1) return x === size ? 1 : 0;
  return Math.exp(
    gammaln(size + 1) - gammaln(x + 1) - gammaln(size - x + 1) + x * Math.log(prob) +
      (size - x) * Math.log1p(-prob),
  );
}

/**
 * Binomial distribution function, as R's `pbinom` (via the regularised incomplete beta).
 * @example pbinom(3, 10, 0.5) // 0.171875
 */
export function pbinom(q: number, size: number, prob: number, { lower = true }: TailOption = {}): number {
  checkNumber("q", q);
  checkBinomial(size, prob);
  const k = Math.floor(q + 1e-7);
  if (k < 0) return lower ? 0 : 1;
  if (k >= size) return lower ? 1 : 0;
  if (prob === 0) return lower ? 1 : 0;
  if (prob === 1) return lower ? 0 : 1;
  // P(X <= k) = I_{1-p}(size - k, k + 1)
  return betainc(1 - prob, size - k, k + 1, true, !lower);
}

/**
 * Binomial quantile function, as R's `qbinom`: the smallest x with P(X <= x) >= p.
 * @example qbinom(0.5, 10, 0.5) // 5
 */
export function qbinom(p: number, size: number, prob: number, { lower = true }: TailOption = {}): number {
  checkProbability("p", p);
  checkBinomial(size, prob);
  const target = lower ? p : 1 - p;
  // R applies a relative fuzz of 64 * DBL_EPSILON to the target.
  const fuzzed = target * (1 - 64 * Number.EPSILON);
  for (let x = 0; x < size; x++) {
    if (pbinom(x, size, prob) >= fuzzed) return x;
  }
  return size;
}

/** log Gamma function (stdlib). @example lgamma(5) // Math.log(24) */
export function lgamma(x: number): number {
  checkPositive("x", x);
  return gammaln(x);
}

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
 * Boost/Cephes), which agree with R to about 1e-14 relative.
 *
 * No permission flags: stdlib's t, chi-square and F quantile packages pull in the npm `debug`
 * package (through `gammaincinv`), which reads `process.env` when it is imported, so importing them
 * needed `--allow-env`. The t, chi-square and F quantiles are therefore computed here by a
 * safeguarded Newton iteration on the accurate distribution functions (bracketed, with bisection as
 * the fallback), which converges to full double precision; the normal density is one line.
 *
 * Every function validates its arguments and throws a `ValidationError` that names the function,
 * the argument and the rule instead of returning NaN.
 *
 * @module
 */
import erfc from "@stdlib/math-base-special-erfc";
import gammainc from "@stdlib/math-base-special-gammainc";
import betainc from "@stdlib/math-base-special-betainc";
import gammaln from "@stdlib/math-base-special-gammaln";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { ValidationError } from "../validate.ts";

/** Which tail a cdf returns: `lower` = P(X <= x), `upper` = P(X > x). */
export interface TailOption {
  /** true (default) for P(X <= x); false for P(X > x), computed without cancellation. */
  lower?: boolean;
}

function bad(fn: string, name: string, rule: string, received: unknown): never {
  throw new ValidationError(fn, [{ path: name, rule, received }]);
}

function checkNumber(fn: string, name: string, x: number): void {
  if (typeof x !== "number" || Number.isNaN(x)) bad(fn, name, "must be a number", x);
}

function checkProbability(fn: string, name: string, p: number): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) bad(fn, name, "must be in [0, 1]", p);
}

function checkPositive(fn: string, name: string, x: number): void {
  if (typeof x !== "number" || !(x > 0)) bad(fn, name, "must be > 0", x);
}

/**
 * Solve h(x) = 0 for x in (0, Infinity), h increasing, with derivative `dh`: Newton steps kept
 * inside a bracket that bisection shrinks whenever a step leaves it. Converges to full precision
 * because h is computed from tail probabilities without cancellation.
 */
function solvePositive(h: (x: number) => number, dh: (x: number) => number, x0: number): number {
  let lo = 0;
  let hi = Infinity;
  let x = x0 > 0 && Number.isFinite(x0) ? x0 : 1;
  for (let iter = 0; iter < 400; iter++) {
    const v = h(x);
    if (v === 0) return x;
    if (v < 0) lo = x;
    else hi = x;
    let next = x - v / dh(x);
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      if (hi === Infinity) next = Math.max(2 * x, 1);
      else if (lo === 0) next = hi / 8;
      else next = hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    }
    if (Math.abs(next - x) <= 2 * Number.EPSILON * next || (hi < Infinity && hi - lo <= 2 * Number.EPSILON * hi)) {
      return next;
    }
    x = next;
  }
  return x;
}

/** Small memo for quantiles: simulations ask for the same qt(0.975, df) many times. */
const quantileCache = new Map<string, number>();
function memo(key: string, compute: () => number): number {
  const hit = quantileCache.get(key);
  if (hit !== undefined) return hit;
  const v = compute();
  if (quantileCache.size > 4096) quantileCache.clear();
  quantileCache.set(key, v);
  return v;
}

/**
 * Standard normal (or N(mean, sd)) distribution function, as R's `pnorm`.
 * @example pnorm(1.959963984540054) // 0.975
 */
export function pnorm(x: number, mean = 0, sd = 1, { lower = true }: TailOption = {}): number {
  checkNumber("pnorm", "x", x);
  checkPositive("pnorm", "sd", sd);
  const z = (x - mean) / sd;
  return 0.5 * erfc((lower ? -z : z) / Math.SQRT2);
}

/**
 * Normal quantile function, as R's `qnorm`.
 * @example qnorm(0.975) // 1.959963984540054
 */
export function qnorm(p: number, mean = 0, sd = 1, { lower = true }: TailOption = {}): number {
  checkProbability("qnorm", "p", p);
  checkPositive("qnorm", "sd", sd);
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

/** 1 / sqrt(2π), as R's M_1_SQRT_2PI. */
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/** Normal density, as R's `dnorm`. @example dnorm(0) // 0.3989422804014327 */
export function dnorm(x: number, mean = 0, sd = 1): number {
  checkNumber("dnorm", "x", x);
  checkPositive("dnorm", "sd", sd);
  const z = (x - mean) / sd;
  return (INV_SQRT_2PI * Math.exp(-0.5 * z * z)) / sd;
}

/**
 * Student t distribution function, as R's `pt` (df may be fractional).
 * @example pt(-2.776445105197793, 4) // 0.025
 */
export function pt(x: number, df: number, { lower = true }: TailOption = {}): number {
  checkNumber("pt", "x", x);
  checkPositive("pt", "df", df);
  if (x === Infinity) return lower ? 1 : 0;
  if (x === -Infinity) return lower ? 0 : 1;
  // P(T > |x|) = I_{df/(df+x^2)}(df/2, 1/2) / 2
  const tail = 0.5 * betainc(df / (df + x * x), df / 2, 0.5, true, false);
  const below = x < 0 ? tail : 1 - tail; // P(T <= x)
  if (lower) return below;
  return x < 0 ? 1 - tail : tail;
}

function dt(x: number, df: number): number {
  return Math.exp(
    gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((x * x) / df),
  );
}

/**
 * Student t quantile function, as R's `qt`.
 * @example qt(0.975, 4) // 2.776445105197793
 */
export function qt(p: number, df: number, { lower = true }: TailOption = {}): number {
  checkProbability("qt", "p", p);
  checkPositive("qt", "df", df);
  const pl = lower ? p : 1 - p;
  const q = Math.min(p, 1 - p); // the smaller tail, exact as given
  const sign = pl < 0.5 ? -1 : 1;
  if (pl === 0.5) return 0;
  if (q === 0) return sign * Infinity;
  const x = memo(`t|${q}|${df}`, () => {
    if (df === 1) return 1 / Math.tan(Math.PI * q);
    if (df === 2) return Math.sqrt(2 / (4 * q * (1 - q)) - 2);
    // upper tail P(T > x) = q for x > 0; start from a Cornish-Fisher correction of the normal quantile
    const z = -qnorm(q);
    const x0 = z + (z ** 3 + z) / (4 * df);
    return solvePositive((x) => q - pt(x, df, { lower: false }), (x) => dt(x, df), x0);
  });
  return sign * x;
}

/**
 * Chi-square distribution function, as R's `pchisq`. The upper tail is computed directly
 * (regularised upper incomplete gamma), so p-values as small as 1e-300 are exact to ~1e-14.
 * @example pchisq(3.841458820694124, 1) // 0.95
 */
export function pchisq(x: number, df: number, { lower = true }: TailOption = {}): number {
  checkNumber("pchisq", "x", x);
  checkPositive("pchisq", "df", df);
  if (x <= 0) return lower ? 0 : 1;
  if (x === Infinity) return lower ? 1 : 0;
  return gammainc(x / 2, df / 2, true, !lower);
}

function dchisq(x: number, df: number): number {
  const k = df / 2;
  return Math.exp((k - 1) * Math.log(x) - x / 2 - k * Math.LN2 - gammaln(k));
}

/**
 * Chi-square quantile function, as R's `qchisq`.
 * @example qchisq(0.95, 1) // 3.841458820694124
 */
export function qchisq(p: number, df: number, { lower = true }: TailOption = {}): number {
  checkProbability("qchisq", "p", p);
  checkPositive("qchisq", "df", df);
  const pl = lower ? p : 1 - p;
  const pu = lower ? 1 - p : p;
  if (pl === 0) return 0;
  if (pu === 0) return Infinity;
  return memo(`c|${pl}|${pu}|${df}`, () => {
    // Wilson-Hilferty start
    const z = qnorm(pl);
    const c = 2 / (9 * df);
    const x0 = Math.max(df * (1 - c + z * Math.sqrt(c)) ** 3, 1e-3 * df);
    return pl <= 0.5
      ? solvePositive((x) => pchisq(x, df) - pl, (x) => dchisq(x, df), x0)
      : solvePositive((x) => pu - pchisq(x, df, { lower: false }), (x) => dchisq(x, df), x0);
  });
}

/**
 * F distribution function, as R's `pf`.
 * @example pf(4.964602743730711, 1, 10) // 0.95
 */
export function pf(x: number, df1: number, df2: number, { lower = true }: TailOption = {}): number {
  checkNumber("pf", "x", x);
  checkPositive("pf", "df1", df1);
  checkPositive("pf", "df2", df2);
  if (x <= 0) return lower ? 0 : 1;
  if (x === Infinity) return lower ? 1 : 0;
  const a = df1 / 2, b = df2 / 2;
  const u = (df1 * x) / (df1 * x + df2);
  // Far in the upper tail u is close to 1 and 1 - u loses digits: use v = 1 - u computed directly,
  // with the symmetry I_u(a, b) = 1 - I_v(b, a).
  if (u <= 0.5) return betainc(u, a, b, true, !lower);
  const v = df2 / (df1 * x + df2);
  return betainc(v, b, a, true, lower);
}

function df_(x: number, d1: number, d2: number): number {
  const a = d1 / 2, b = d2 / 2;
  return Math.exp(
    a * Math.log(d1) + b * Math.log(d2) + (a - 1) * Math.log(x) - (a + b) * Math.log(d1 * x + d2) -
      (gammaln(a) + gammaln(b) - gammaln(a + b)),
  );
}

/**
 * F quantile function, as R's `qf`.
 * @example qf(0.95, 1, 10) // 4.964602743730711
 */
export function qf(p: number, df1: number, df2: number, { lower = true }: TailOption = {}): number {
  checkProbability("qf", "p", p);
  checkPositive("qf", "df1", df1);
  checkPositive("qf", "df2", df2);
  const pl = lower ? p : 1 - p;
  const pu = lower ? 1 - p : p;
  if (pl === 0) return 0;
  if (pu === 0) return Infinity;
  return memo(`f|${pl}|${pu}|${df1}|${df2}`, () => {
    const x0 = df2 > 2 ? df2 / (df2 - 2) : 1;
    return pl <= 0.5
      ? solvePositive((x) => pf(x, df1, df2) - pl, (x) => df_(x, df1, df2), x0)
      : solvePositive((x) => pu - pf(x, df1, df2, { lower: false }), (x) => df_(x, df1, df2), x0);
  });
}

function checkBinomial(fn: string, size: number, prob: number): void {
  if (!Number.isInteger(size) || size < 0) bad(fn, "size", "must be a whole number >= 0", size);
  checkProbability(fn, "prob", prob);
}

/** Binomial probability mass, as R's `dbinom`. @example dbinom(3, 10, 0.5) // 0.1171875 */
export function dbinom(x: number, size: number, prob: number): number {
  checkBinomial("dbinom", size, prob);
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
  checkNumber("pbinom", "q", q);
  checkBinomial("pbinom", size, prob);
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
  checkProbability("qbinom", "p", p);
  checkBinomial("qbinom", size, prob);
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
  checkPositive("lgamma", "x", x);
  return gammaln(x);
}

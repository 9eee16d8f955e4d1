/**
 * Student's t distribution: cumulative distribution function and quantile, for the prediction
 * intervals and target probabilities of `forecast.ts`. Pure and dependency-free.
 *
 * CDF (Abramowitz & Stegun, "Handbook of Mathematical Functions", §26.7 with the
 * incomplete beta function of §26.5):
 *   for ν > 0 degrees of freedom and x = ν / (ν + t²),
 *   P(T ≤ t) = 1 − ½ · I_x(ν/2, ½)   for t ≥ 0,   and   ½ · I_x(ν/2, ½)   for t < 0,
 * where I_x(a, b) is the regularized incomplete beta function. I_x is evaluated with its continued
 * fraction by the modified Lentz method, switching to I_x(a, b) = 1 − I_{1−x}(b, a) when
 * x > (a + 1)/(a + b + 2) so the fraction converges fast (Press, Teukolsky, Vetterling & Flannery,
 * "Numerical Recipes", 3rd ed., §6.4). ln Γ uses the Lanczos approximation with g = 7 and nine
 * coefficients (Lanczos 1964; relative error below 1e-15 for positive arguments).
 *
 * Quantile: the t with P(T ≤ t) = p, found by bisection on the CDF above: bracket [0, 2^k] by
 * doubling, then halve until the bracket is below 1e-14 relative (or 200 steps). Closed-form
 * approximations such as Hill (1970, CACM Algorithm 396) are faster, but bisection on an accurate
 * CDF is exact to double precision, and the forecast needs a handful of quantiles, not millions.
 * By symmetry q(1 − p) = −q(p); q(½) = 0; q(0) = −∞ and q(1) = +∞.
 *
 * Reference values (any t table, e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2):
 * t_{0.9, ν} = 3.078, 1.886, 1.476, 1.372, 1.310 for ν = 1, 2, 5, 10, 30.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos); reflection Γ(x)Γ(1 − x) = π / sin(πx) below ½. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const MAX_ITERATIONS = 300;
const EPSILON = 1e-16;
const TINY = 1e-300;

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (not necessarily whole); NaN for bad input. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0) || !Number.isFinite(df)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p for Student's t with `df` > 0 degrees of freedom; NaN for bad input. */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0) || !Number.isFinite(df)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The state of an {@link rmaMv} fit that robust inference, predictions, profiles and diagnostics
 * need (the model blocks, the estimates, the data), kept out of the JSON-serialisable result in a
 * WeakMap keyed by the result object. Internal: not exported from `mod.ts`.
 * @module
 */
import { fail } from "../validate.ts";
import type { MvEval, MvModel } from "./_mv_core.ts";

/** Variance structure of a `~ inner | outer` term. */
export type MvStructKind = "CS" | "HCS" | "UN" | "DIAG";

/** Everything needed after the fit (robust inference, predictions, profiles); kept out of the JSON result. */
export interface MvState {
  model: MvModel;
  theta: Float64Array;
  reml: boolean;
  X: number[][];
  yi: number[];
  hasIntercept: boolean;
  /** Parameter layout: sigma2 count, struct kind, inner levels. */
  nSigma: number;
  struct: MvStructKind | null;
  /** For a struct term: parameter index of tau2[a] and of the covariance (a,b). */
  tauIdx: number[];
  covIdx: number[][];
  nInner: number;
  /** Full V (rows) for the saturated log-likelihood. */
  logdetV: number;
  ev: MvEval;
  /** Components fixed by the user (null: estimated). */
  fixed: (number | null)[];
}

const STATE = new WeakMap<object, MvState>();

/** Attach the state to a fit result. */
export function setMvState(fit: object, state: MvState): void {
  STATE.set(fit, state);
}

/** The internal state of a fit returned by rmaMv (for robust inference and diagnostics). */
export function mvState(fit: object, tool: string): MvState {
  const s = STATE.get(fit);
  if (!s) fail(tool, "fit", "must be a result returned by rmaMv() (not a copy or a JSON round trip)");
  return s;
}

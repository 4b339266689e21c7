/**
 * Deprecated location of the root finder, kept so that code written against it still compiles.
 * The root finder is internal (`_uniroot.ts`) and not part of the public surface (`mod.ts`).
 * @deprecated import from `./_uniroot.ts` inside lib/meta; remove after the multilevel merge.
 * @module
 */
export { uniroot, UNIROOT_TOL, type UnirootResult } from "./_uniroot.ts";

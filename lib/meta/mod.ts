/**
 * The meta engine's public surface (to be documented by its owner).
 * @module
 */
export * from "./bias.ts";
export * from "./influence.ts";
export * from "./metareg.ts";
export * from "./rma.ts";
export * from "./rsensitivity.ts";
export * from "./subgroup.ts";
export * from "./transf.ts";
export * from "./uniroot.ts";

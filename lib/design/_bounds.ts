/**
 * Resource bounds (internal): a simulation whose memory or time would be absurd is refused before
 * it starts, with an estimate of what it would need (a design with `data.n: 3000000000` used to run
 * until the machine ran out of memory).
 *
 * The estimates are deliberately rough (calibrated on the benchmarks in
 * `tests/bench/design_bench.ts`: ~200 ns per simulated patient and answer strategy, ~1.5 ns per
 * randomisation-test cell of an SCED), but the limits are far from any useful design.
 * @module
 */
import { fail } from "../validate.ts";
import type { Design } from "./types.ts";

/** Most memory one replication may need (bytes). */
export const MAX_REPLICATION_BYTES = 2 * 1024 ** 3;
/** Most memory the stored per-replication results of a run may need (bytes). */
export const MAX_RESULT_BYTES = 4 * 1024 ** 3;
/** Most single-thread CPU time a run may need (seconds): 30 days, however it is split. */
export const MAX_CPU_SECONDS = 30 * 24 * 3600;

/** Bytes per simulated patient (baseline, true score, potential outcomes, analysis copies). */
const BYTES_PER_PATIENT = 160;
const NS_PER_PATIENT_ANSWER = 200;
const NS_PER_RANDOMIZATION_CELL = 1.5;
/** The randomisation-test CI (two runs of lib/sced's general test): ~8 ns per draw and cell. */
const NS_PER_RTCI_CELL = 8 * 2;
/** One REML fit of the BC-SMD model: ~20 µs per measurement (8 cases × 30: ~5 ms). */
const NS_PER_BCSMD_CELL = 20_000;

/** What one replication of a design costs, and the field that drives it. */
export interface ReplicationCost {
  /** Memory of one replication (bytes). */
  bytes: number;
  /** CPU time of one replication (nanoseconds). */
  ns: number;
  /** The design field that makes it large (for the message). */
  field: string;
  /** Its value. */
  value: number;
}

/** The estimated cost of one replication of `design`. */
export function replicationCost(design: Design): ReplicationCost {
  const d = design.data, A = design.answers.length;
  switch (d.type) {
    case "rct":
    case "waitlist":
    case "cohort":
    case "twics":
    case "controlled-cohort":
      return { bytes: d.n * BYTES_PER_PATIENT, ns: d.n * A * NS_PER_PATIENT_ANSWER, field: "data.n", value: d.n };
    case "stepped-wedge": {
      const n = d.clusters * d.periods * d.perCluster;
      return {
        bytes: n * BYTES_PER_PATIENT,
        ns: n * A * NS_PER_PATIENT_ANSWER,
        field: "data.perCluster",
        value: d.perCluster,
      };
    }
    case "its": {
      const n = d.periods * d.perPeriod;
      return {
        bytes: n * BYTES_PER_PATIENT,
        ns: n * A * NS_PER_PATIENT_ANSWER,
        field: "data.perPeriod",
        value: d.perPeriod,
      };
    }
    case "meta":
      return {
        bytes: d.study.n * BYTES_PER_PATIENT + d.studies * 64,
        ns: d.studies * d.study.n * 4 * NS_PER_PATIENT_ANSWER,
        field: "data.study.n",
        value: d.study.n,
      };
    case "sced": {
      const cells = d.cases * d.measurements;
      return {
        bytes: cells * 64 + d.randomizations * 16,
        ns: cells * (NS_PER_PATIENT_ANSWER + d.randomizations * NS_PER_RANDOMIZATION_CELL) +
          (design.answers.includes("rt-ci") ? cells * d.randomizations * NS_PER_RTCI_CELL : 0) +
          (design.answers.includes("bc-smd") ? cells * NS_PER_BCSMD_CELL : 0),
        field: "data.randomizations",
        value: d.randomizations,
      };
    }
  }
}

/** "3.2 GB", "512 MB". */
export function fmtBytes(b: number): string {
  const p = (x: number) => (x >= 1e6 ? x.toExponential(1) : String(Number(x.toPrecision(3))));
  if (b >= 1024 ** 4) return `${p(b / 1024 ** 4)} TB`;
  if (b >= 1024 ** 3) return `${p(b / 1024 ** 3)} GB`;
  if (b >= 1024 ** 2) return `${p(b / 1024 ** 2)} MB`;
  return `${Math.ceil(b / 1024)} kB`;
}

/** "2.5 hours", "41 days", "3.1e+4 years". */
export function fmtSeconds(s: number): string {
  const p = (x: number) => (x >= 1e6 ? x.toExponential(1) : String(Number(x.toPrecision(2))));
  if (s < 120) return `${p(s)} s`;
  if (s < 7200) return `${p(s / 60)} minutes`;
  if (s < 2 * 86400) return `${p(s / 3600)} hours`;
  if (s < 2 * 365 * 86400) return `${p(s / 86400)} days`;
  return `${p(s / (365 * 86400))} years`;
}

/**
 * Refuse a simulation of `designs` (one per grid point) × `reps` replications whose memory or time
 * would be absurd, with a `ValidationError` that names the field and gives the estimate.
 */
export function checkResources(tool: string, designs: readonly Design[], reps: number): void {
  let resultBytes = 0, ns = 0;
  designs.forEach((design, g) => {
    const c = replicationCost(design);
    if (c.bytes > MAX_REPLICATION_BYTES) {
      fail(
        tool,
        designs.length > 1 ? `grid point ${g + 1}, ${c.field}` : c.field,
        `is too large: one replication would need about ${fmtBytes(c.bytes)} of memory (limit ${
          fmtBytes(MAX_REPLICATION_BYTES)
        }) and ${reps} replications about ${fmtSeconds((c.ns * reps) / 1e9)} of CPU time`,
        c.value,
      );
    }
    resultBytes += reps * design.answers.length * 5 * 8;
    ns += c.ns * reps;
  });
  if (resultBytes > MAX_RESULT_BYTES) {
    fail(
      tool,
      "reps",
      `is too large: the per-replication results would need about ${fmtBytes(resultBytes)} of memory (limit ${
        fmtBytes(MAX_RESULT_BYTES)
      }); use fewer replications or grid points, or --shard`,
      reps,
    );
  }
  if (ns / 1e9 > MAX_CPU_SECONDS) {
    fail(
      tool,
      "reps",
      `is too large: the run would need about ${fmtSeconds(ns / 1e9)} of CPU time (limit ${
        fmtSeconds(MAX_CPU_SECONDS)
      } however it is split); use fewer replications, grid points or patients`,
      reps,
    );
  }
}

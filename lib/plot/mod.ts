/**
 * Observable Plot builders for every engine. Each figure has a pure data function
 * (`forestData`, `funnelData`, `phasePlotData`, …) that tests check without a browser, and a thin
 * Plot layer that returns an SVG (or a figure element with a legend). Pass `document` to render
 * under jsdom.
 *
 * @example
 * ```ts
 * import { forestData } from "./mod.ts";
 * const d = forestData({ yi: [0.5, 0.1], vi: [0.04, 0.09], beta: 0.35, ci_lb: 0.05, ci_ub: 0.65, level: 95 });
 * if (d.rows.length !== 2) throw new Error("two study rows");
 * ```
 * @module
 */
// Forest plots (with strata by design and a risk-of-bias column)
export {
  type DiamondPoint,
  FOREST_ROB_COLOURS,
  FOREST_ROB_LEVELS,
  type ForestData,
  forestData,
  type ForestFit,
  type ForestGroup,
  type ForestGroupSummary,
  type ForestHeadings,
  type ForestOptions,
  forestPlot,
  type ForestPlotOptions,
  type ForestRobLevel,
  type ForestRow,
  type ForestSummary,
} from "./forest.ts";

// Funnel plots
export {
  type FunnelContour,
  type FunnelData,
  funnelData,
  type FunnelFit,
  type FunnelOptions,
  funnelPlot,
  type FunnelPlotOptions,
  type FunnelPoint,
} from "./funnel.ts";

// Meta-analysis diagnostics: Baujat, cumulative, bubble, dependence
export {
  baujatData,
  type BaujatInput,
  type BaujatOptions,
  baujatPlot,
  type BaujatPoint,
  type BubbleData,
  bubbleData,
  type BubbleFit,
  type BubbleOptions,
  bubblePlot,
  cumulData,
  type CumulInput,
  type CumulOptions,
  cumulPlot,
  type CumulRow,
  type DependenceComparisonRow,
  dependencePlot,
} from "./meta_diag.ts";

// Single-case phase plots, randomisation distributions, power curves
export {
  type DistributionBin,
  type DistributionData,
  type DistributionInput,
  labelSide,
  phasePlot,
  type PhasePlotData,
  phasePlotData,
  type PhasePlotOptions,
  type PhasePoint,
  type PhaseSeries,
  powerCurvePlot,
  randomizationDistributionData,
  randomizationDistributionPlot,
} from "./sced.ts";

// The evidence tables and the audit
export {
  auditCountsPlot,
  contrastPlot,
  type ContrastPlotOptions,
  type ContrastRow,
  directionPlot,
  type DirectionPlotRow,
  type EvidenceFigure,
  type EvidencePlotOptions,
  type FindingPlotRow,
  i2Plot,
  type I2PlotRow,
  type PostFollowRow,
  postFollowupPlot,
  rateIntervalPlot,
  type RateRow,
  type SmcPlotRow,
  smcRangePlot,
} from "./evidence.ts";

// Design diagnosands, dilution and tornado
export {
  type DesignPlotOptions,
  type Diagnosand,
  diagnosandCurve,
  diagnosandData,
  diagnosandPlot,
  type DiagnosandPoint,
  DIAGNOSANDS,
  type DiagnosandSpec,
  type Diagnosis,
  type DiagnosisRow,
  dilutionData,
  dilutionPlot,
  type DilutionPoint,
  type TornadoBar,
  tornadoData,
  type TornadoInputRow,
  tornadoPlot,
} from "./design.ts";

// Practice variation: funnel, caterpillar, ranks, CUSUM/VLAD, dose vs severity, label placement
export {
  type BenchmarkCentrePlotInput,
  type BenchmarkPlotInput,
  caterpillarData,
  type CaterpillarOptions,
  caterpillarPlot,
  type CaterpillarRow,
  type CentreFunnelCurvePoint,
  type CentreFunnelInput,
  type CentreFunnelOptions,
  centreFunnelPlot,
  type CentreFunnelUnit,
  cusumPlot,
  type DoseSeverityOptions,
  doseSeverityPlot,
  flagColours,
  type FunnelPlotData,
  funnelPlotData,
  type FunnelPlotDataOptions,
  type FunnelPlotLinePoint,
  type FunnelPlotPoint,
  type LabelSite,
  type MonitoringPlotInput,
  type MonitoringPlotOptions,
  type PlacedLabel,
  placeLabels,
  type PlotElement,
  rankPlot,
  type RankPlotOptions,
  type RankPlotRow,
  type ShrunkEstimate,
  vladPlot,
} from "./practice.ts";

// The shared theme and axis helpers
export {
  axisBackTransform,
  formatInterval,
  formatNumber,
  labelMargin,
  scalar,
  theme,
  type Transform,
  type TransformName,
  transformNames,
} from "./theme.ts";

export { ChorusMetricTile } from './metric-tile.js';
export { ChorusMetricsGrid, type MetricThresholds } from './metrics-grid.js';
export { ChorusMetricSelectEvent } from './events.js';
export { METRICS_TILES_MESSAGES } from './messages.js';
export {
  COMPARISONS,
  PERIODS,
  periodRange,
  type Period,
  type PeriodRange,
  type MetricInterval,
  type MetricComparison,
} from './period.js';
export {
  compareToPrevious,
  targetProgress,
  thresholdLevel,
  type ChangeKind,
  type Level,
  type MetricChange,
  type MetricData,
  type MetricDirection,
  type MetricName,
  type MetricUnit,
  type TargetProgress,
  type Tone,
  type Trend,
} from './metric-model.js';
export { formatChange, formatValue } from './metric-format.js';
export { metricSummary, type SummaryInput } from './summary.js';
export { sparklinePaths, type SparklinePaths } from './sparkline.js';

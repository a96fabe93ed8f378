/** An SVG path for a series: `line` through the points (broken where a value is missing), `area` under it. */
export interface SparklinePaths {
  readonly line: string;
  readonly area: string;
  /**
   * Dashed runs from the box's edges to the first and last points, where the series starts late or
   * ends early (no event in those buckets): the line does not just stop short, it says "nothing here".
   */
  readonly gaps: string;
  /** The last point drawn, for a dot at "now"; absent when nothing is drawn. */
  readonly last?: { readonly x: number; readonly y: number };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Scales `values` into a `width` × `height` box (y grows downwards, `pad` kept free at top and
 * bottom), each value at its own place in time. Missing values (`null`: no event in that bucket)
 * are stepped over, the line joining their neighbours, so a sparse series still reads as a trend.
 * A flat series is drawn at mid-height; a single point as a dot-sized segment.
 */
export function sparklinePaths(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): SparklinePaths {
  const points: { x: number; v: number }[] = [];
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) points.push({ x: values.length > 1 ? i * step : width / 2, v });
  });
  if (points.length === 0) return { line: '', area: '', gaps: '' };
  const min = Math.min(...points.map((p) => p.v));
  const max = Math.max(...points.map((p) => p.v));
  const scaled = points.map((p) => ({
    x: round(p.x),
    y: round(max === min ? height / 2 : pad + (1 - (p.v - min) / (max - min)) * (height - 2 * pad)),
  }));
  const last = scaled.at(-1)!;
  const first = scaled[0]!;
  const gaps =
    values.length > 1
      ? `${first.x > 0 ? `M0 ${first.y}H${first.x}` : ''}${last.x < width ? `M${last.x} ${last.y}H${width}` : ''}`
      : '';
  if (scaled.length === 1) return { line: `M${last.x} ${last.y}h0.01`, area: '', gaps, last };
  const through = scaled.map((p) => `L${p.x} ${p.y}`).join('');
  return {
    line: `M${through.slice(1)}`,
    area: `M${first.x} ${height}${through}L${last.x} ${height}Z`,
    gaps,
    last,
  };
}

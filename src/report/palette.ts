/**
 * Colours of the report: one categorical palette for series (after Tableau 10, extended by
 * three lighter tints), fixed roles for the comparison marks, and the utilisation ramp of the heatmap.
 * The same roles use the same colours in every chart and in the CSS.
 */

/** Categorical series colours, in assignment order. */
export const SERIES = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#8cd17d',
  '#a0cbe8',
  '#d4a6c8',
] as const;

/** Colour of aggregated "other" series. */
export const OTHER = '#d3cfcb';

/** Fixed roles. */
export const ROLE = {
  /** Ink of text and axes. */
  ink: '#1f2933',
  /** Secondary text (local times, captions). */
  muted: '#66768a',
  /** The naive direct-upload comparison. */
  direct: '#3d4852',
  /** Targets: demand, caps, limits. */
  target: '#8a96a3',
  /** Met dues and complete status. */
  good: '#2f855a',
  /** Missed dues, infeasible status. */
  bad: '#c53030',
  /** Partial status. */
  warn: '#b7791f',
  /** Ingress (into a provider). */
  ingress: '#4e79a7',
  /** Egress (out of a provider). */
  egress: '#f28e2b',
  /** Closed link windows. */
  closed: '#e4e7eb',
  /** Land on the map. */
  land: '#e9edf1',
  /** Borders on the map. */
  border: '#ffffff',
} as const;

/** Colour of series `i` (cycling). */
export function seriesColour(i: number): string {
  return SERIES[i % SERIES.length];
}

/**
 * Axis units: one unit per axis (every tick of a byte axis in TB, say), chosen from the largest
 * tick, so that labels line up and compare at a glance. Bytes use SI units like the rest of
 * wanplan; rates are printed in bits per second like link capacities in scenarios.
 */

/** A unit of an axis: its label and how many base units (bytes, bytes/s) one of it is. */
export interface AxisUnit {
  readonly label: string;
  /** Base units per one of this unit (for rates: bits per second per unit / 8). */
  readonly factor: number;
}

const BYTE_UNITS: readonly AxisUnit[] = [
  { label: 'B', factor: 1 },
  { label: 'kB', factor: 1e3 },
  { label: 'MB', factor: 1e6 },
  { label: 'GB', factor: 1e9 },
  { label: 'TB', factor: 1e12 },
  { label: 'PB', factor: 1e15 },
  { label: 'EB', factor: 1e18 },
];

// Rates arrive in bytes per second and are shown in bits per second.
const RATE_UNITS: readonly AxisUnit[] = [
  { label: 'bps', factor: 1 / 8 },
  { label: 'kbps', factor: 1e3 / 8 },
  { label: 'Mbps', factor: 1e6 / 8 },
  { label: 'Gbps', factor: 1e9 / 8 },
  { label: 'Tbps', factor: 1e12 / 8 },
];

function pick(units: readonly AxisUnit[], max: number): AxisUnit {
  let best = units[0];
  for (const u of units) if (max >= u.factor) best = u;
  return best;
}

/** The byte unit for an axis whose largest value is `max` bytes. */
export function byteUnit(max: number): AxisUnit {
  return pick(BYTE_UNITS, max);
}

/** The rate unit (bits per second) for an axis whose largest value is `max` bytes per second. */
export function rateUnit(max: number): AxisUnit {
  return pick(RATE_UNITS, max);
}

/** `value` in `unit` with at most 3 significant digits and no trailing zeros: `1.25 PB`, `0 PB`. */
export function inUnit(value: number, unit: AxisUnit): string {
  const v = value / unit.factor;
  if (v === 0) return `0 ${unit.label}`;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${Number(v.toFixed(digits))} ${unit.label}`;
}

/** Percent with no decimals above 10 %, one below: `87%`, `2.5%`. */
export function percent(share: number): string {
  const p = share * 100;
  return `${p >= 10 || p === 0 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

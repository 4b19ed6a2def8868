/**
 * Per-slot byte capacity of one link: `floor(capacity × ∫ share dt over the slot)`, exact.
 *
 * Model (SCENARIO.md "Capacities are exact"): capacity c is an exact rational in bytes per second,
 * the share function s(t) is piecewise constant (0 outside every window, else the largest active
 * share, see {@link openSegments}); slot i covers [start + iΔ, start + (i+1)Δ) and carries
 * `floor(c · ∫ s(t) dt)` bytes. Instants are whole seconds, so the integral is a finite sum of
 * `length × share` terms and the whole computation is exact rational arithmetic on bigint.
 *
 * Method: slots entirely inside one open segment all carry the same amount per share rank,
 * computed once (`floor(c · Δ · share)`); slots outside every segment carry 0 (the array starts
 * zeroed); only slots that contain a segment edge (at most two per segment) sum their pieces in
 * rationals. The result is an integer number of bytes per slot stored in a Float64Array, which is
 * exact because every value is checked to be below 2^53.
 *
 * Complexity: O(slots + segments · r) per link, bigint work only per rank and per edge slot.
 *
 * Reference: SCENARIO.md, "Capacities are exact" and "Windows".
 */
import { type Diagnostic, InputError } from '../errors.js';
import type { Horizon, ScenarioLink } from '../io/model.js';
import { add, floor, mul, type Rational, rational, ZERO } from '../io/rational.js';
import { openSegments } from './windows.js';
import { ZoneClocks } from './zone-clock.js';

/** 2^53: the first integer a Float64Array can no longer tell from its neighbour. */
export const SLOT_BYTES_LIMIT = 2n ** 53n;

/** Where a value came from, for error messages. */
export interface CapacityOrigin {
  /** File name for diagnostics (`<input>` when unknown). */
  readonly file: string;
  /** Field path of the rate, such as `links[3].capacity`. */
  readonly path: string;
  /** What the rate belongs to, such as `link "munich-wan"`. */
  readonly what: string;
  /** Line and column of the field in the file, when known. */
  readonly position?: { readonly line: number; readonly column: number } | null;
}

/** The error for a per-slot amount of `bytes` at or above {@link SLOT_BYTES_LIMIT}. */
export function slotLimitDiagnostic(bytes: bigint, slotSeconds: number, origin: CapacityOrigin): Diagnostic {
  return {
    file: origin.file,
    line: origin.position?.line ?? null,
    column: origin.position?.column ?? null,
    path: origin.path,
    message:
      `${origin.what} may carry ${bytes} bytes in one ${slotSeconds}-second slot, at or above 2^53 ` +
      'bytes, the largest amount wanplan counts exactly',
    hint: 'use a shorter horizon.slot or a lower rate',
    severity: 'error',
  };
}

/**
 * Converts a per-slot byte amount to a number.
 * @throws InputError when it reaches 2^53 bytes (it could no longer be represented exactly).
 */
export function slotBytes(bytes: bigint, slotSeconds: number, origin: CapacityOrigin): number {
  if (bytes >= SLOT_BYTES_LIMIT) throw new InputError([slotLimitDiagnostic(bytes, slotSeconds, origin)]);
  return Number(bytes);
}

/** `floor(rate × seconds)` in bytes, checked to be below 2^53. */
export function capPerSlot(rate: Rational, slotSeconds: number, origin: CapacityOrigin): number {
  return slotBytes(floor(mul(rate, rational(slotSeconds))), slotSeconds, origin);
}

/**
 * Exact bytes `link` may carry in each slot of `horizon`.
 * @param clocks - optional zone cache shared between links.
 * @param origin - names the link in errors (default: the link id, path `capacity`, file `<input>`).
 * @throws InputError when a slot's amount reaches 2^53 bytes; RangeError for an unknown zone.
 */
export function linkCalendar(
  link: ScenarioLink,
  horizon: Horizon,
  clocks: ZoneClocks = new ZoneClocks(),
  origin: CapacityOrigin = { file: '<input>', path: 'capacity', what: `link "${link.id}"` },
): Float64Array {
  const { slots, slotSeconds: dt, start: h0 } = horizon;
  const out = new Float64Array(slots);
  const cap = link.capacity;
  if (link.windows === null) {
    out.fill(capPerSlot(cap, dt, origin));
    return out;
  }
  const seg = openSegments(link.windows, horizon, clocks);
  // A full slot at share 1 bounds every other value: check it even if the link is never fully open.
  capPerSlot(cap, dt, origin);
  const full = seg.shares.map((s) => Number(floor(mul(cap, mul(s, rational(dt))))));

  // Slots that contain a segment edge collect their pieces here (in increasing slot order); they
  // never coincide with a slot filled whole, since segments are disjoint.
  const pieces: number[] = []; // triples: slot, seconds, rank
  for (let k = 0; k < seg.starts.length; k++) {
    const a = seg.starts[k] - h0;
    const b = seg.ends[k] - h0;
    const rank = seg.ranks[k];
    const i0 = Math.floor(a / dt);
    const i1 = Math.floor((b - 1) / dt); // last slot touched
    if (i0 === i1) {
      if (b - a === dt) out[i0] = full[rank];
      else pieces.push(i0, b - a, rank);
      continue;
    }
    let lo = i0;
    if (a !== i0 * dt) {
      pieces.push(i0, (i0 + 1) * dt - a, rank);
      lo = i0 + 1;
    }
    let hi = i1;
    if (b !== (i1 + 1) * dt) {
      pieces.push(i1, b - i1 * dt, rank);
      hi = i1 - 1;
    }
    if (lo <= hi) out.fill(full[rank], lo, hi + 1);
  }
  // Each edge slot: the exact sum of length × share over its pieces, floored once.
  for (let p = 0; p < pieces.length; ) {
    const slot = pieces[p];
    let sum: Rational = ZERO;
    for (; p < pieces.length && pieces[p] === slot; p += 3) {
      sum = add(sum, mul(rational(pieces[p + 1]), seg.shares[pieces[p + 2]]));
    }
    out[slot] = Number(floor(mul(cap, sum)));
  }
  return out;
}

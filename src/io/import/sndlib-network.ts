/**
 * The parts of an SNDlib network that wanplan uses, as read from either of SNDlib's formats
 * (native text: sndlib-native.ts; XML: sndlib-xml.ts), with the line of each item for messages.
 * Numbers stay exact rationals; units are those of the file (`unit` in META, usually MBITPERSEC).
 */
import type { Rational } from '../rational.js';

/** A node; coordinates are null when the file gives none (or gives pixel coordinates). */
export interface SndlibNode {
  readonly id: string;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly line: number;
}

/** A link with its pre-installed capacity (null when absent) and its module capacities. */
export interface SndlibLink {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly preInstalled: Rational | null;
  readonly modules: readonly Rational[];
  readonly line: number;
}

/** A demand: `value` in the file's unit, from `source` to `target`. */
export interface SndlibDemand {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly value: Rational;
  readonly line: number;
}

/** An SNDlib network. */
export interface SndlibNetwork {
  /** `META unit` (e.g. `MBITPERSEC`), or null when the file has no META unit. */
  readonly unit: string | null;
  /** Line of the `unit` entry, or null. */
  readonly unitLine: number | null;
  /** Network name from the file's comments (`# network abilene`), or null. */
  readonly name: string | null;
  readonly nodes: readonly SndlibNode[];
  readonly links: readonly SndlibLink[];
  readonly demands: readonly SndlibDemand[];
}

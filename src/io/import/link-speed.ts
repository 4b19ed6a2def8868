/**
 * Link speeds written by people: `OC-192c`, `STM-64`, `10GE`, `1GbE`, `10 Gbps`, `2.5 Gbit/s`,
 * `Lit Fibre (10 Gbps)`, `34/45 Mbit/s`.
 *
 * Rules (each a line rate in bit/s, SI prefixes; a lower-case prefix means the same as upper case,
 * since nobody means millibits):
 * - `OC-n` / `OC-nc` (SONET): n × 51.84 Mbit/s (OC-192 = 9953.28 Mbit/s), the line rate, not the
 *   payload; the `c` (concatenated) suffix does not change it.
 * - `STM-n` (SDH): n × 155.52 Mbit/s.
 * - Ethernet: `nGE`, `nGbE`, `nGigE`, `n Gigabit Ethernet` → n Gbit/s (`GE`, `GigE` alone: 1 Gbit/s);
 *   `FE`, `Fast Ethernet` → 100 Mbit/s.
 * - Carrier lines: `T1`/`DS1` 1.544, `E1` 2.048, `E3` 34.368, `T3`/`DS3` 44.736 Mbit/s.
 * - Rates: `<number> [k|M|G|T](bps|bit/s|b/s|bits/s)`.
 *
 * A label may contain several speed mentions: when they all give the same rate it is that rate
 * (`OC-3 / STM-1`); when they differ, or the label is a range (`2-34 Mbit/s`, `34/45 Mbit/s`) or a
 * bare number (`10`), it is **ambiguous** and the importer uses the default capacity and says why.
 * A label shaped like `<number> <unit>` whose unit is none of the above (`10 Xbps`) is **unknown**:
 * the importer refuses it rather than guess.
 */
import { mul, type Rational, rational } from '../rational.js';
import { parseSourceNumber } from './quantities.js';

/** What a speed label says. */
export type SpeedReading =
  | { readonly kind: 'speed'; readonly bitsPerSecond: Rational }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

const PREFIX: Record<string, bigint> = { '': 1n, k: 10n ** 3n, m: 10n ** 6n, g: 10n ** 9n, t: 10n ** 12n };

const MBIT = 10n ** 6n;

const CARRIER: Record<string, Rational> = {
  t1: rational(1_544_000n),
  ds1: rational(1_544_000n),
  e1: rational(2_048_000n),
  e3: rational(34_368_000n),
  t3: rational(44_736_000n),
  ds3: rational(44_736_000n),
};

const RANGE = /(\d+(?:\.\d+)?)\s*(?:-|\/|to)\s*(\d+(?:\.\d+)?)\s*[kmgt]?(?:bps|bit\/?s?|b\/s|bits\/s)\b/i;
const RATE = /(\d+(?:\.\d+)?)\s*([kmgt]?)(?:bps|bits?\/s|b\/s)(?![a-z])/gi;
const SONET = /\bOC-?(\d+)c?\b/gi;
const SDH = /\bSTM-?(\d+)\b/gi;
const GIG_ETHERNET = /(?:\b(\d+(?:\.\d+)?)\s*)?\b(?:G|Gb|Gig|Gigabit)\s*-?\s*(?:E|Ethernet)\b/gi;
const GIG_ETHERNET_GLUED = /\b(\d+(?:\.\d+)?)(?:G|Gb|Gig)E\b/gi;
const FAST_ETHERNET = /\b(?:FE|Fast\s+Ethernet)\b/gi;
const CARRIER_LINE = /\b(T1|DS1|E1|E3|T3|DS3)\b/gi;

function decimal(text: string): Rational {
  const value = parseSourceNumber(text);
  /* c8 ignore next */
  if (value === null) throw new RangeError(`link-speed: "${text}" is not a number`);
  return value;
}

/** Reads a speed label; see the module comment for the rules. */
export function parseSpeedLabel(label: string): SpeedReading {
  const text = label.trim();
  if (text === '') return { kind: 'none' };
  if (RANGE.test(text)) return { kind: 'ambiguous', reason: `"${text}" is a range, not one speed` };
  const found: Rational[] = [];
  for (const m of text.matchAll(RATE)) found.push(mul(decimal(m[1]), rational(PREFIX[m[2].toLowerCase()])));
  for (const m of text.matchAll(SONET)) found.push(mul(rational(BigInt(m[1])), rational(5184n * 10n ** 4n)));
  for (const m of text.matchAll(SDH)) found.push(mul(rational(BigInt(m[1])), rational(15552n * 10n ** 4n)));
  const ethernet = new Set<number>();
  for (const re of [GIG_ETHERNET_GLUED, GIG_ETHERNET]) {
    for (const m of text.matchAll(re)) {
      if (ethernet.has(m.index)) continue;
      ethernet.add(m.index);
      found.push(mul(m[1] ? decimal(m[1]) : rational(1n), rational(10n ** 9n)));
    }
  }
  for (const _ of text.matchAll(FAST_ETHERNET)) found.push(rational(100n * MBIT));
  for (const m of text.matchAll(CARRIER_LINE)) found.push(CARRIER[m[1].toLowerCase()]);

  if (found.length === 0) {
    if (/^\d+(\.\d+)?$/.test(text)) {
      return { kind: 'ambiguous', reason: `"${text}" is a bare number without a unit` };
    }
    if (/^\d+(\.\d+)?\s*[A-Za-z/]+$/.test(text)) {
      return {
        kind: 'unknown',
        reason: `unknown speed unit in "${text}": expected e.g. 10 Gbps, 2.5 Gbit/s, OC-192, STM-64 or 10GE`,
      };
    }
    return { kind: 'none' };
  }
  const first = found[0];
  if (found.every((r) => r.num === first.num && r.den === first.den)) {
    return { kind: 'speed', bitsPerSecond: first };
  }
  return { kind: 'ambiguous', reason: `"${text}" names several different speeds` };
}

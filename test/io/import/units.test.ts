import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { DEFAULT_START, resolveHorizon } from '../../../src/io/import/horizon.js';
import { ID_PATTERN, IdAllocator, sanitizeId } from '../../../src/io/import/ids.js';
import { parseSpeedLabel } from '../../../src/io/import/link-speed.js';
import {
  checkRateOption,
  formatBitRate,
  formatBytes,
  formatExactDecimal,
  parseSizeOption,
  parseSourceNumber,
} from '../../../src/io/import/quantities.js';
import { timezoneAt } from '../../../src/io/import/timezone.js';
import { rational } from '../../../src/io/rational.js';

describe('quantities', () => {
  it('parseSourceNumber reads decimals and float exponents exactly', () => {
    expect(parseSourceNumber('10000000000.0')).toEqual(rational(10_000_000_000));
    expect(parseSourceNumber('1e+10')).toEqual(rational(10_000_000_000));
    expect(parseSourceNumber('2.5E-3')).toEqual(rational(1, 400));
    expect(parseSourceNumber('-.5')).toEqual(rational(-1, 2));
    for (const bad of ['', '.', 'NaN', 'inf', '0x10', '1,5', '1.2.3'])
      expect(parseSourceNumber(bad)).toBeNull();
  });

  it('formatBitRate picks the largest unit and stays exact', () => {
    expect(formatBitRate(rational(9_953_280_000))).toBe('9.95328Gbps');
    expect(formatBitRate(rational(155_000_000))).toBe('155Mbps');
    expect(formatBitRate(rational(999))).toBe('999bps');
    expect(formatBitRate(rational(1, 8))).toBe('0.125bps');
  });

  it('formatBitRate ∘ parse is the identity on bit/s values (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        const v = rational(n, 10n ** BigInt(scale));
        const text = formatBitRate(v);
        const m = /^([\d.]+)(T|G|M|k|)bps$/.exec(text)!;
        const f = { T: 12, G: 9, M: 6, k: 3, '': 0 }[m[2] as 'T' | 'G' | 'M' | 'k' | ''];
        const back = parseSourceNumber(`${m[1]}e${f}`)!;
        expect(back).toEqual(v);
      }),
    );
  });

  it('sizes: formatBytes, parseSizeOption', () => {
    expect(formatBytes(3_580_000_000_000_000n)).toBe('3.58PB');
    expect(formatBytes(5n)).toBe('5B');
    expect(parseSizeOption('1TB', '--v')).toBe(10n ** 12n);
    expect(parseSizeOption('2 TiB', '--v')).toBe(2n << 40n);
    expect(() => parseSizeOption('1KB', '--v')).toThrow(/"KB" is ambiguous/);
    expect(() => parseSizeOption('1Tb', '--v')).toThrow(UsageError);
    expect(() => parseSizeOption('5', '--v')).toThrow(/did you mean 5GB/);
    expect(formatExactDecimal(rational(1, 3))).toBeNull();
  });

  it('checkRateOption accepts SCENARIO.md rates only', () => {
    for (const ok of ['10Gbps', '400 Mbit/s', '25TB/h', '1.25GBps', '10gbps'])
      expect(checkRateOption(ok, '--r')).toBe(ok);
    for (const bad of ['10', '10 Gb', '0Gbps', 'fast'])
      expect(() => checkRateOption(bad, '--r')).toThrow(UsageError);
  });
});

describe('parseSpeedLabel', () => {
  const bps = (label: string) => {
    const r = parseSpeedLabel(label);
    return r.kind === 'speed' ? formatBitRate(r.bitsPerSecond) : r.kind;
  };
  it.each([
    ['OC-192c', '9.95328Gbps'],
    ['OC-48', '2.48832Gbps'],
    ['OC-3 / STM-1', '155.52Mbps'],
    ['STM-64', '9.95328Gbps'],
    ['10GE', '10Gbps'],
    ['1GbE', '1Gbps'],
    ['10 GigE', '10Gbps'],
    ['GE', '1Gbps'],
    ['Fast Ethernet', '100Mbps'],
    ['10 Gbps', '10Gbps'],
    ['2.5 Gbit/s', '2.5Gbps'],
    ['155 mbps', '155Mbps'],
    ['Lit Fibre (10 Gbps)', '10Gbps'],
    ['DS3', '44.736Mbps'],
    ['E1', '2.048Mbps'],
    ['Lit Fibre', 'none'],
    ['', 'none'],
    ['34/45 Mbit/s', 'ambiguous'],
    ['2-34 Mbit/s', 'ambiguous'],
    ['10', 'ambiguous'],
    ['10 Gbps and 1 Gbps', 'ambiguous'],
    ['10 Xbps', 'unknown'],
  ])('%s → %s', (label, expected) => {
    expect(bps(label)).toBe(expected);
  });
});

describe('ids', () => {
  it('sanitizeId transliterates and replaces runs of other characters', () => {
    expect(sanitizeId('Washington DC')).toBe('Washington_DC');
    expect(sanitizeId('Zürich / Genève')).toBe('Zurich_Geneve');
    expect(sanitizeId('Tromsø & Kraków')).toBe('Tromso_Krakow');
    expect(sanitizeId('Straße')).toBe('Strasse');
    expect(sanitizeId('???')).toBe('');
  });

  it('IdAllocator always returns valid, unique ids, deterministically (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ maxLength: 12 }), { nil: null }), { maxLength: 40 }),
        (labels) => {
          const run = () => {
            const ids = new IdAllocator();
            return labels.map((l, i) => ids.allocate(l, `node-${i}`));
          };
          const a = run();
          expect(new Set(a).size).toBe(a.length);
          expect(a.every((id) => ID_PATTERN.test(id))).toBe(true);
          expect(run()).toEqual(a);
        },
      ),
    );
  });
});

describe('horizon and time zones', () => {
  it('defaults to the fixed start 2026-12-05T00:00:00Z (a Saturday), 7d, 1h, and names each assumption', () => {
    expect(DEFAULT_START).toBe('2026-12-05T00:00:00Z');
    expect(new Date(DEFAULT_START).getUTCDay()).toBe(6);
    const r = resolveHorizon();
    expect(r.horizon).toEqual({ start: '2026-12-05T00:00:00Z', length: '7d', slot: '1h' });
    expect(r.notes).toHaveLength(3);
    expect(r.notes[0]).toMatch(/^horizon\.start 2026-12-05T00:00:00Z: assumed .*fixed default.*--start/);
    expect(
      resolveHorizon({ start: '2026-12-05T00:00:00+01:00', length: '14d', slot: '15min' }).notes,
    ).toEqual([]);
    expect(() => resolveHorizon({ length: '7d', slot: '5h' })).toThrow(/not a whole number of slots/);
    expect(() => resolveHorizon({ start: '2026-12-05' })).toThrow(UsageError);
  });

  it('the default does not depend on the clock: the same call on other days gives the same horizon', () => {
    const today = resolveHorizon();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const day of ['2026-11-25T12:00:00Z', '2027-06-30T23:59:59Z', '2031-02-01T00:00:00Z']) {
        vi.setSystemTime(new Date(day));
        expect(resolveHorizon()).toEqual(today);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('timezoneAt works offline from the packaged data', () => {
    expect(timezoneAt(48.14, 11.58)).toBe('Europe/Berlin');
    expect(timezoneAt(-33.87, 151.21)).toBe('Australia/Sydney');
    expect(timezoneAt(0, -160)).toBe('Etc/GMT+11');
    expect(() => timezoneAt(91, 0)).toThrow(RangeError);
  });
});

/** buildCalendars: alignment with the scenario, caps per slot, storage, errors naming the field. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotLimitProblems } from '../../src/constraints/calendars.js';
import { buildCalendars, linkCalendar } from '../../src/constraints/index.js';
import { InputError } from '../../src/errors.js';
import { rational } from '../../src/io/rational.js';
import { Bps, bps, horizon, link, node, provider, scenario, win } from './fixtures.js';

describe('buildCalendars(scenario)', () => {
  const h = horizon('2026-12-05T00:00:00Z', 900, 8);
  const s = scenario({
    horizon: h,
    nodes: [
      node('munich', { timezone: 'Europe/Berlin', read: bps(40_000_000_000n), storage: 2n ** 60n }),
      node('aws-fra', { kind: 'cloud', provider: 'aws', write: bps(100_000_000_001n) }),
    ],
    providers: [provider('aws', { ingress: bps(400_000_000_000n), nodes: ['aws-fra'] })],
    links: [
      link('lan', Bps(1000)),
      link('wan', Bps(1000), [win({ zone: 'Europe/Berlin', from: '01:30', to: '02:00' })]),
    ],
  });

  it('keeps the horizon and aligns rows with links, nodes and providers', () => {
    const c = buildCalendars(s);
    expect([c.slots, c.slotSeconds, c.start]).toEqual([8, 900, h.start]);
    expect(c.links).toHaveLength(2);
    expect(Array.from(c.links[0])).toEqual(Array(8).fill(900_000));
    // 01:30–02:00 CET is 00:30Z–01:00Z: slots 2 and 3.
    expect(Array.from(c.links[1])).toEqual([0, 0, 900_000, 900_000, 0, 0, 0, 0]);
    expect(c.links[1]).toEqual(linkCalendar(s.links[1], h));
  });

  it('node and provider caps are floor(rate × slot seconds), null when uncapped', () => {
    const c = buildCalendars(s);
    expect(c.nodeRead).toEqual([4_500_000_000_000, null]);
    // 100 000 000 001 bit/s × 900 s / 8 = 11 250 000 000 112.5 → floored
    expect(c.nodeWrite).toEqual([null, 11_250_000_000_112]);
    expect(c.providerIngress).toEqual([45_000_000_000_000]);
    expect(c.providerEgress).toEqual([null]);
  });

  it('storage is the exact bigint level limit, even beyond 2^53', () => {
    expect(buildCalendars(s).storage).toEqual([2n ** 60n, 0n]);
  });

  it('names the node field and the file when a cap per slot reaches 2^53 bytes', () => {
    const big = scenario({
      horizon: h,
      nodes: [node('a', { write: Bps(2n ** 53n / 900n + 1n) })],
      links: [],
    });
    let err: unknown;
    try {
      buildCalendars(big, { file: 'big.yaml' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const d = (err as InputError).diagnostics[0];
    expect([d.file, d.path]).toEqual(['big.yaml', 'nodes[0].write']);
    expect(d.message).toMatch(/node "a" \(write\)/);
  });

  it('names the link index in the path when a link slot reaches 2^53 bytes', () => {
    const big = scenario({ horizon: h, links: [link('ok', Bps(1)), link('fat', Bps(2n ** 53n))] });
    expect(() => buildCalendars(big)).toThrow(/links\[1\]\.capacity: link "fat"/);
  });

  it('a zero link capacity gives 0 bytes in every slot, open window or not; zero caps give 0', () => {
    const zero = rational(0);
    const c = buildCalendars(
      scenario({
        horizon: h,
        nodes: [node('a', { read: zero, write: zero }), node('b', { kind: 'cloud', provider: 'p' })],
        providers: [provider('p', { ingress: zero, egress: zero, nodes: ['b'] })],
        links: [
          link('down', zero),
          link('down-at-night', zero, [win({ zone: 'UTC', from: '01:00', to: '02:00' })]),
          link('self', Bps(1000), null, { from: 'a', to: 'a' }),
        ],
      }),
    );
    expect(Array.from(c.links[0])).toEqual(Array(8).fill(0));
    expect(Array.from(c.links[1])).toEqual(Array(8).fill(0));
    expect(Array.from(c.links[2])).toEqual(Array(8).fill(900_000));
    expect([c.nodeRead, c.nodeWrite, c.providerIngress, c.providerEgress]).toEqual([
      [0, null],
      [0, null],
      [0],
      [0],
    ]);
  });

  it('reports every field at 2^53 bytes per slot at once, a reverse link at its declared link', () => {
    const fat = Bps(2n ** 53n / 900n + 1n);
    const forward = link('wan', fat);
    const big = scenario({
      horizon: h,
      nodes: [node('a', { read: fat }), node('b', { kind: 'cloud', provider: 'aws.eu' })],
      providers: [provider('aws.eu', { egress: fat, nodes: ['b'] })],
      links: [
        link('ok', Bps(1)),
        link('slim', Bps(1)),
        { ...link('slim:reverse', fat), from: 'b', to: 'a', reverseOf: 'slim' },
        forward,
        { ...forward, id: 'wan:reverse', from: 'b', to: 'a', reverseOf: 'wan' },
        link('fat', fat),
      ],
    });
    const asked: string[] = [];
    const locate = (path: string) => {
      asked.push(path);
      return { line: 10 + asked.length, column: 3 };
    };
    const problems = slotLimitProblems(big, { file: 'big.yaml', locate });
    // A hand-built reverse may differ from its link; the reader's never does (one message per field).
    expect(problems.map((d) => [d.file, d.path, d.line, d.column, d.severity])).toEqual([
      ['big.yaml', 'links[1].capacity', 11, 3, 'error'],
      ['big.yaml', 'links[2].capacity', 12, 3, 'error'],
      ['big.yaml', 'links[3].capacity', 13, 3, 'error'],
      ['big.yaml', 'nodes[0].read', 14, 3, 'error'],
      ['big.yaml', 'providers["aws.eu"].egress', 15, 3, 'error'],
    ]);
    expect(problems[0].message).toMatch(/^link "slim:reverse" \(the reverse of "slim"\) may carry \d+ bytes/);
    expect(problems[1].message).toMatch(/^link "wan" may carry/);
    expect(problems[4].message).toContain('provider "aws.eu" (egress)');
    expect(problems.every((d) => d.hint === 'use a shorter horizon.slot or a lower rate')).toBe(true);
    expect(slotLimitProblems(s)).toEqual([]);

    let err: unknown;
    try {
      buildCalendars(big, { file: 'big.yaml', locate: () => ({ line: 7, column: 5 }) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).total).toBe(5);
    expect((err as InputError).message).toMatch(/^big\.yaml:7:5: links\[1\]\.capacity: link "slim:reverse"/);
  });

  it('property: every cap is floor(rate × slot) exactly, or an InputError from 2^53 bytes on', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 14n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.constantFrom(1, 60, 300, 900, 3600, 86_400),
        (num, den, slot) => {
          const rate = rational(num, den);
          const sc = scenario({
            horizon: horizon('2026-12-05T00:00:00Z', slot, 1),
            nodes: [node('a', { read: rate, write: rate })],
            providers: [provider('p', { ingress: rate, egress: rate })],
            links: [],
          });
          if ((rate.num * BigInt(slot)) / rate.den >= 2n ** 53n) {
            expect(() => buildCalendars(sc)).toThrow(InputError);
            return;
          }
          const c = buildCalendars(sc);
          for (const v of [c.nodeRead[0], c.nodeWrite[0], c.providerIngress[0], c.providerEgress[0]]) {
            const b = BigInt(v!);
            // b ≤ rate × slot < b + 1, in integers
            expect(b * rate.den <= rate.num * BigInt(slot)).toBe(true);
            expect((b + 1n) * rate.den > rate.num * BigInt(slot)).toBe(true);
          }
        },
      ),
    );
  });
});

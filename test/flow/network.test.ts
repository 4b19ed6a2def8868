import { describe, expect, it } from 'vitest';
import { buildFlowNetwork, headOf, networkBytes, tailOf } from '../../src/flow/network.js';
import { netOf } from './helpers.js';

describe('buildFlowNetwork', () => {
  it('lays out paired residual arcs in CSR form, input order kept per node', () => {
    const net = netOf(3, [
      { from: 0, to: 1, cap: 5 },
      { from: 1, to: 2, cap: 7 },
      { from: 0, to: 2, cap: 0 },
    ]);
    expect(net.n).toBe(3);
    expect(net.arcCount).toBe(3);
    expect(Array.from(net.start)).toEqual([0, 2, 4, 6]);
    for (let a = 0; a < 6; a++) {
      expect(net.rev[net.rev[a]]).toBe(a);
      expect(net.rev[a]).not.toBe(a);
    }
    expect([0, 1, 2].map((i) => [tailOf(net, i), headOf(net, i), net.capacity[net.arcOf[i]]])).toEqual([
      [0, 1, 5],
      [1, 2, 7],
      [0, 2, 0],
    ]);
    for (let i = 0; i < 3; i++) expect(net.capacity[net.rev[net.arcOf[i]]]).toBe(0);
    expect(networkBytes(net)).toBe(4 * 4 + 6 * (4 + 4 + 8) + 3 * 4);
  });

  it('keeps self-loops and parallel arcs as separate arcs', () => {
    const net = netOf(2, [
      { from: 0, to: 0, cap: 3 },
      { from: 0, to: 1, cap: 1 },
      { from: 0, to: 1, cap: 2 },
    ]);
    expect(net.start[1] - net.start[0]).toBe(4);
    expect(headOf(net, 0)).toBe(0);
    expect(tailOf(net, 0)).toBe(0);
  });

  it('rejects node ids out of range, naming the arc', () => {
    expect(() => netOf(2, [{ from: 0, to: 2, cap: 1 }])).toThrow(/arc 0 \(0 → 2\).*outside 0…1/);
    expect(() => netOf(2, [{ from: -1, to: 1, cap: 1 }])).toThrow(RangeError);
  });

  it('rejects capacities that are negative, fractional or not exact in float64', () => {
    expect(() => netOf(2, [{ from: 0, to: 1, cap: -1 }])).toThrow(
      /capacity -1; expected an integer in \[0, 2\^53\)/,
    );
    expect(() => netOf(2, [{ from: 0, to: 1, cap: 1.5 }])).toThrow(/capacity 1.5/);
    expect(() => netOf(2, [{ from: 0, to: 1, cap: 2 ** 53 }])).toThrow(RangeError);
    expect(() => netOf(2, [{ from: 0, to: 1, cap: Number.NaN }])).toThrow(RangeError);
    expect(() => netOf(2, [{ from: 0, to: 1, cap: 2 ** 53 - 1 }])).not.toThrow();
  });

  it('rejects a bad node count and short arrays', () => {
    expect(() => buildFlowNetwork(0, new Int32Array(0), new Int32Array(0), new Float64Array(0))).toThrow(
      /node count/,
    );
    expect(() => buildFlowNetwork(2, new Int32Array(2), new Int32Array(1), new Float64Array(2))).toThrow(
      /arrays hold 1 arcs, 2 expected/,
    );
  });

  it('uses only the first arcCount entries', () => {
    const net = buildFlowNetwork(2, Int32Array.of(0, 1), Int32Array.of(1, 5), Float64Array.of(4, -3), 1);
    expect(net.arcCount).toBe(1);
    expect(net.head.length).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { checkMaxFlow } from '../../src/flow/check.js';
import { netOf } from './helpers.js';

// 0 → 1 → 3 and 0 → 2 → 3, each arc capacity 2; max flow 4.
const net = netOf(4, [
  { from: 0, to: 1, cap: 2 },
  { from: 1, to: 3, cap: 2 },
  { from: 0, to: 2, cap: 2 },
  { from: 2, to: 3, cap: 2 },
]);

describe('checkMaxFlow', () => {
  it('accepts a maximum flow and reports its value', () => {
    expect(checkMaxFlow(net, 0, 3, Float64Array.of(2, 2, 2, 2))).toEqual({ ok: true, errors: [], value: 4 });
  });

  it('rejects a flow above capacity or negative or fractional', () => {
    const r = checkMaxFlow(net, 0, 3, Float64Array.of(3, 3, 2, 2));
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatch(/arc 0 \(0 → 1\): flow 3 is not an integer in \[0, 2\]/);
    expect(checkMaxFlow(net, 0, 3, Float64Array.of(-1, -1, 2, 2)).ok).toBe(false);
    expect(checkMaxFlow(net, 0, 3, Float64Array.of(1.5, 1.5, 2, 2)).ok).toBe(false);
  });

  it('rejects a flow that is not conserved', () => {
    const r = checkMaxFlow(net, 0, 3, Float64Array.of(2, 1, 2, 2));
    expect(r.errors).toContain('node 1: inflow − outflow = 1, expected 0');
  });

  it('rejects a feasible flow that is not maximum (augmenting path left)', () => {
    const r = checkMaxFlow(net, 0, 3, Float64Array.of(2, 2, 1, 1));
    expect(r.ok).toBe(false);
    expect(r.value).toBe(3);
    expect(r.errors[0]).toMatch(/augmenting path/);
  });

  it('checks against given capacities instead of the network’s', () => {
    expect(checkMaxFlow(net, 0, 3, Float64Array.of(1, 1, 2, 2), Float64Array.of(1, 2, 2, 2)).ok).toBe(true);
    expect(checkMaxFlow(net, 0, 3, Float64Array.of(2, 2, 2, 2), Float64Array.of(1, 2, 2, 2)).ok).toBe(false);
  });

  it('rejects wrong lengths and bad terminals', () => {
    expect(checkMaxFlow(net, 0, 3, new Float64Array(3)).ok).toBe(false);
    expect(checkMaxFlow(net, 3, 3, new Float64Array(4)).errors[0]).toMatch(/distinct nodes/);
  });
});

/**
 * Independent check of a maximum flow: it trusts nothing but the network and the per-arc flows.
 *
 * Checks, for flows f given per input arc (antisymmetry is built into that representation):
 * 1. capacity: every f(e) is an integer with 0 ≤ f(e) ≤ u(e);
 * 2. conservation: inflow = outflow at every node but s and t;
 * 3. value: the net outflow of s equals the net inflow of t;
 * 4. maximality: t is not reachable from s in the residual network (BFS), so no augmenting path
 *    is left, and the capacity of the cut around the reachable set equals the value.
 * O(n + m); the sums are exact while they stay below 2^53.
 *
 * Reference: the max-flow min-cut theorem (Ford & Fulkerson, 1956); the checks follow OR-Tools'
 * `GenericMaxFlow::CheckResult`.
 */
import type { FlowNetwork } from './network.js';

/** Most error messages kept by {@link checkMaxFlow} (the count goes on). */
const MAX_ERRORS = 20;

/**
 * Checks that `flow` (per input arc) is a maximum s–t flow of `net`.
 * @param capacities - per input arc capacities to check against, when they differ from
 *   `net.capacity` (for example after `MaxFlowSolver.setCapacity`)
 * @returns `ok`, the error messages (at most 20, then a count) and the flow value (net inflow of t)
 */
export function checkMaxFlow(
  net: FlowNetwork,
  s: number,
  t: number,
  flow: Float64Array,
  capacities?: Float64Array,
): { ok: boolean; errors: string[]; value: number } {
  const errors: string[] = [];
  let total = 0;
  const fail = (msg: string) => {
    total++;
    if (errors.length < MAX_ERRORS) errors.push(msg);
  };
  const { n, arcCount, start, head, rev, arcOf } = net;
  if (s < 0 || s >= n || t < 0 || t >= n || s === t) {
    return {
      ok: false,
      errors: [`source ${s} and sink ${t} must be distinct nodes of 0…${n - 1}`],
      value: 0,
    };
  }
  if (flow.length !== arcCount || (capacities !== undefined && capacities.length !== arcCount)) {
    return { ok: false, errors: [`expected ${arcCount} flows and capacities, got ${flow.length}`], value: 0 };
  }
  const cap = (i: number) => (capacities === undefined ? net.capacity[arcOf[i]] : capacities[i]);
  const balance = new Float64Array(n);
  for (let i = 0; i < arcCount; i++) {
    const f = flow[i];
    const c = cap(i);
    const v = head[rev[arcOf[i]]];
    const w = head[arcOf[i]];
    if (!Number.isInteger(f) || f < 0 || f > c) {
      fail(`arc ${i} (${v} → ${w}): flow ${f} is not an integer in [0, ${c}]`);
      continue;
    }
    balance[v] -= f;
    balance[w] += f;
  }
  for (let v = 0; v < n; v++) {
    if (v !== s && v !== t && balance[v] !== 0) {
      fail(`node ${v}: inflow − outflow = ${balance[v]}, expected 0`);
    }
  }
  const value = balance[t];
  if (-balance[s] !== value) fail(`source sends ${-balance[s]} but sink receives ${value}`);
  // Residual BFS from s: forward arcs with f < u, reverse arcs with f > 0.
  const reached = new Uint8Array(n);
  const queue = new Int32Array(n);
  reached[s] = 1;
  queue[0] = s;
  let qh = 0;
  let qt = 1;
  const inputOf = new Int32Array(2 * arcCount);
  for (let i = 0; i < arcCount; i++) {
    inputOf[arcOf[i]] = i + 1;
    inputOf[rev[arcOf[i]]] = -(i + 1);
  }
  while (qh < qt) {
    const v = queue[qh++];
    for (let a = start[v]; a < start[v + 1]; a++) {
      const w = head[a];
      if (reached[w] === 1) continue;
      const k = inputOf[a];
      const i = k > 0 ? k - 1 : -k - 1;
      const open = k > 0 ? flow[i] < cap(i) : flow[i] > 0;
      if (open) {
        reached[w] = 1;
        queue[qt++] = w;
      }
    }
  }
  if (reached[t] === 1) {
    fail('the sink is reachable from the source in the residual network: an augmenting path is left');
  } else {
    let cut = 0;
    for (let i = 0; i < arcCount; i++) {
      if (reached[head[rev[arcOf[i]]]] === 1 && reached[head[arcOf[i]]] === 0) cut += cap(i);
    }
    if (cut !== value) fail(`cut capacity ${cut} differs from the flow value ${value}`);
  }
  if (total > errors.length) errors.push(`… and ${total - errors.length} more errors`);
  return { ok: total === 0, errors, value };
}

/**
 * Repairs a deficit (outflow > inflow) at a node after the flow on an arc into it was lowered,
 * so that the state is a preflow again and push-relabel can continue from it.
 *
 * Model: a flow state in residual form (`res` of a reverse arc = flow of its input arc) with
 * excess e(x) = inflow − outflow, where e(v) < 0 at the repaired node v. Let R be the nodes that v
 * reaches along arcs carrying flow. If R held neither s, t nor a node with positive excess, every
 * node of R would have outflow ≥ inflow and v strictly more, so flow would leave R, yet no arc
 * carrying flow leaves R — a contradiction. Hence a path of positive flow from v to such a node w
 * always exists; lowering the flow along it by δ = min(−e(v), the path's smallest flow, e(w) if w
 * is not a terminal) keeps every other node's excess and never makes a flow negative.
 *
 * Each path search is a depth-first search over arcs carrying flow (O(n + m)); each round either
 * clears the deficit, empties the flow on an arc, or clears w's excess.
 *
 * Reference: the same decomposition argument as in R. K. Ahuja, T. L. Magnanti, J. B. Orlin,
 * Network Flows, Prentice Hall, 1993, section 3.5 (flow decomposition).
 */

/** The arrays the repair reads and updates (owned by the solver). */
export interface RepairState {
  readonly s: number;
  readonly t: number;
  readonly start: Int32Array;
  readonly head: Int32Array;
  readonly rev: Int32Array;
  readonly res: Float64Array;
  readonly forward: Uint8Array;
  readonly excess: Float64Array;
  /** Scratch, length n: visit stamps (compared with `stampBase`). */
  readonly seen: Int32Array;
  /** Scratch, length n: node stack. */
  readonly stack: Int32Array;
  /** Scratch, length n: per node on the stack, the arc it is scanning. */
  readonly arcStack: Int32Array;
}

/**
 * Clears the deficit at `v` by cancelling flow paths (see the module header).
 * @param stamp - a counter, one more than any stamp used before in `seen`; the next free value is returned
 * @returns the next free stamp and the number of paths cancelled
 */
export function repairDeficit(st: RepairState, v: number, stamp: number): { stamp: number; paths: number } {
  const { s, t, start, head, rev, res, forward, excess, seen, stack, arcStack } = st;
  let paths = 0;
  while (excess[v] < 0) {
    const mark = stamp++;
    seen[v] = mark;
    stack[0] = v;
    arcStack[0] = start[v];
    let sp = 1;
    let found = -1;
    while (sp > 0 && found < 0) {
      const x = stack[sp - 1];
      const end = start[x + 1];
      let a = arcStack[sp - 1];
      let pushed = false;
      for (; a < end; a++) {
        if (forward[a] === 0 || res[rev[a]] <= 0) continue;
        const w = head[a];
        if (seen[w] === mark) continue;
        seen[w] = mark;
        arcStack[sp - 1] = a;
        if (w === s || w === t || excess[w] > 0) {
          found = w;
        } else {
          stack[sp] = w;
          arcStack[sp] = start[w];
          sp++;
        }
        pushed = true;
        break;
      }
      if (!pushed) sp--;
    }
    if (found < 0) {
      throw new Error('repairDeficit: no flow path from a node with a deficit (flow state corrupted)');
    }
    let delta = -excess[v];
    if (found !== s && found !== t && excess[found] < delta) delta = excess[found];
    for (let k = 0; k < sp; k++) {
      const f = res[rev[arcStack[k]]];
      if (f < delta) delta = f;
    }
    for (let k = 0; k < sp; k++) {
      const a = arcStack[k];
      res[rev[a]] -= delta;
      res[a] += delta;
    }
    excess[v] += delta;
    excess[found] -= delta;
    paths++;
  }
  return { stamp, paths };
}

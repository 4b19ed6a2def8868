/**
 * Phase 2 of push-relabel: turn a maximum preflow into a maximum flow by sending every excess
 * left at a node back to the source.
 *
 * Model: a preflow f (inflow ≥ outflow at every node but s and t) whose excess nodes cannot reach
 * t in the residual network. Let G' have an edge v→u for every input arc u→v with f > 0 (the
 * direction in which excess can be returned). Every excess node reaches s in G' (decompose f into
 * paths from s and cycles).
 *
 * Algorithm (as in Cherkassky & Goldberg's hi_pr "stage two"): a depth-first search of G' from
 * every excess node, stopping at s and t, cancels each cycle it closes (lowering the flow around it
 * by its smallest flow, which keeps every excess unchanged) and records the nodes in post-order.
 * G' is then acyclic, and in reverse post-order every edge v→u has v before u, so one pass in that
 * order pushes each node's excess back along its incoming flow arcs; a node's excess never exceeds
 * its inflow, so each pass empties it.
 *
 * Invariants: `res[a]` on a reverse residual arc is the flow of its input arc; the DFS keeps a
 * current-arc pointer per node that only moves past arcs with no flow, to finished (black) nodes,
 * or to s/t, so the search is O(n·m) in the worst case (one cancellation per cycle) and linear in
 * practice. The pass is O(m).
 *
 * Reference: B. V. Cherkassky, A. V. Goldberg, "On implementing the push-relabel method for the
 * maximum flow problem", Algorithmica 19(4), 1997 (section 4, the flow conversion of hi_pr).
 */

/** The arrays phase 2 reads and updates (owned by the solver). */
export interface ReturnExcessState {
  readonly n: number;
  readonly s: number;
  readonly t: number;
  readonly start: Int32Array;
  readonly head: Int32Array;
  readonly rev: Int32Array;
  /** Residual capacity per residual arc (updated). */
  readonly res: Float64Array;
  /** 1 on forward residual arcs, 0 on reverse arcs. */
  readonly forward: Uint8Array;
  /** Excess per node (updated: 0 at every node but s and t on return). */
  readonly excess: Float64Array;
  /** Scratch, length n: current arc. */
  readonly cur: Int32Array;
  /** Scratch, length n: DFS colour (the solver lends its label array). */
  readonly color: Int32Array;
  /** Scratch, length n: DFS stack. */
  readonly stack: Int32Array;
  /** Scratch, length n: post-order. */
  readonly order: Int32Array;
}

const WHITE = 0;
const GREY = 1;
const BLACK = 2;

/**
 * Returns all excess at nodes other than s and t to the source (see the module header).
 * @returns the number of cycles cancelled and of return pushes
 */
export function returnExcess(st: ReturnExcessState): { cycles: number; pushes: number } {
  const { n, s, t, start, head, rev, res, forward, excess, cur, color, stack, order } = st;
  let cycles = 0;
  let pushes = 0;
  let any = false;
  for (let v = 0; v < n; v++) {
    if (excess[v] > 0 && v !== s && v !== t) {
      any = true;
      break;
    }
  }
  if (!any) return { cycles, pushes };
  color.fill(WHITE);
  cur.set(start.subarray(0, n));
  let orderLen = 0;
  for (let root = 0; root < n; root++) {
    if (root === s || root === t || excess[root] <= 0 || color[root] !== WHITE) continue;
    stack[0] = root;
    let sp = 1;
    color[root] = GREY;
    while (sp > 0) {
      const v = stack[sp - 1];
      const end = start[v + 1];
      let a = cur[v];
      let descended = false;
      for (; a < end; a++) {
        if (forward[a] === 1 || res[a] <= 0) continue;
        const u = head[a];
        if (u === s || u === t) continue;
        const c = color[u];
        if (c === BLACK) continue;
        cur[v] = a;
        if (c === WHITE) {
          color[u] = GREY;
          stack[sp++] = u;
        } else {
          // u is on the stack: the arcs cur[x] from u up to v close a cycle of positive flow.
          let delta = res[a];
          let k = sp - 1;
          for (;;) {
            const x = stack[k];
            const r = res[cur[x]];
            if (r < delta) delta = r;
            if (x === u) break;
            k--;
          }
          for (let j = k; j < sp; j++) {
            const b = cur[stack[j]];
            res[b] -= delta;
            res[rev[b]] += delta;
          }
          cycles++;
          // Resume the search at u; the nodes above it are searched again from their current arcs.
          while (stack[sp - 1] !== u) color[stack[--sp]] = WHITE;
        }
        descended = true;
        break;
      }
      if (!descended) {
        cur[v] = end;
        color[v] = BLACK;
        sp--;
        order[orderLen++] = v;
      }
    }
  }
  // Reverse post-order is a topological order of the (now acyclic) return graph.
  for (let k = orderLen - 1; k >= 0; k--) {
    const v = order[k];
    let ex = excess[v];
    if (ex <= 0) continue;
    const end = start[v + 1];
    for (let a = start[v]; a < end && ex > 0; a++) {
      if (forward[a] === 1) continue;
      const r = res[a];
      if (r <= 0) continue;
      const u = head[a];
      if (u === t) continue;
      const delta = Math.min(ex, r);
      res[a] = r - delta;
      res[rev[a]] += delta;
      excess[u] += delta;
      ex -= delta;
      pushes++;
    }
    excess[v] = ex;
  }
  return { cycles, pushes };
}

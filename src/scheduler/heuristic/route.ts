/**
 * The heuristic's feasible plan: commodity classes routed one after another by max-flow on what
 * the classes before them left (`residual.ts`), each at its earliest completion.
 *
 * Model. Classes in order of due (earliest first, no due last), ties by first dataset index. For
 * a class with copies 1: its datasets' ceil(wire/q) quanta from their own source arcs to its
 * allowed destinations, on the sub-network of the residual (`subnet.ts`); the search
 * (`search.ts`) finds the smallest horizon T that carries all of it — a class with a due then
 * meets it exactly when T ≤ its last meeting slot + 1, else T − that is its smallest lateness on
 * the residual. For copies k > 1, one failure domain at a time: for copy j, each allowed domain
 * not used yet is tried with ceil(wire/q) quanta to its destinations only, the one with the
 * earliest completion is kept (ties by domain order; a later domain is probed only below the best
 * so far), committed, and the next copy follows. A class (or copy) that no horizon carries whole
 * gets the maximum flow over the whole horizon (for a copy, the domain taking most). Each
 * committed flow is subtracted from the residual before the next class.
 *
 * Invariants: the sum of the committed flows is an integral multi-commodity flow that satisfies
 * every capacity and shared row of the LP (residual invariant), each class's flow uses only its
 * own source arcs and allowed deliveries, and a replicated class puts at most ceil(wire/q) quanta
 * in each failure domain — so the decoded plan is valid (not necessarily optimal). Deterministic:
 * every choice is by index order.
 *
 * Complexity: per class one sub-network build (O(n + m)) and O(log S) warm max-flow probes; per
 * copy of a replicated class one build and search per candidate domain.
 *
 * Reference: greedy sequential routing of commodities on residual capacities — e.g. Ahuja,
 * Magnanti, Orlin, "Network Flows" (1993), §17.5 (heuristics for multicommodity flows).
 */
import type { LpContext } from '../lp/context.js';
import type { Residual } from './residual.js';
import { searchSubnet } from './search.js';
import { buildSubnet, type Subnet, type SubnetScratch } from './subnet.js';

/** A piece of a class's flow: `values[i]` quanta on TEN arc `arcs[i]`. */
export interface FlowPiece {
  readonly arcs: Int32Array;
  readonly values: Float64Array;
}

/** What routing a class gave. */
export interface RoutedClass {
  /** Pieces of its flow (one per copy for a replicated class). */
  readonly pieces: FlowPiece[];
  /** Quanta routed (Σ source flow). */
  readonly routed: number;
  /** Slots enabled for its last piece (its completion horizon), or null when it is partial. */
  readonly end: number | null;
  /** Failure domains used (replicated classes), in copy order. */
  readonly domains: number[];
}

/** Hooks of {@link routeClasses}. */
export interface RouteHooks {
  /** Per class: a lower bound on its completion horizon (a relaxation's), or null when unknown. */
  readonly lowerT: readonly (number | null)[];
  /** Called after each class with the count of max-flow probes so far. */
  readonly onClass?: (done: number, solves: number) => void;
}

/** The order classes are routed in (module header). */
export function classOrder(ctx: LpContext): number[] {
  const key = (c: number) => ctx.classes[c].due ?? Number.POSITIVE_INFINITY;
  return ctx.classes.map((_, c) => c).sort((a, b) => key(a) - key(b) || a - b);
}

/** Sparse TEN flow of a sub-network flow. */
function pieceOf(sub: Subnet, flow: Float64Array): FlowPiece {
  let count = 0;
  for (let i = 0; i < sub.m; i++) if (sub.tenArc[i] >= 0 && flow[i] > 0) count++;
  const arcs = new Int32Array(count);
  const values = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < sub.m; i++) {
    if (sub.tenArc[i] < 0 || !(flow[i] > 0)) continue;
    arcs[j] = sub.tenArc[i];
    values[j++] = flow[i];
  }
  return { arcs, values };
}

/** Routes every class (module header); returns per class what was routed and the probes run. */
export function routeClasses(
  ctx: LpContext,
  res: Residual,
  sc: SubnetScratch,
  hooks: RouteHooks,
): { classes: RoutedClass[]; solves: number; largestSubnet: number } {
  const S = ctx.ten.slots;
  const out: RoutedClass[] = new Array(ctx.classes.length);
  let solves = 0;
  let largest = 0;
  const order = classOrder(ctx);
  order.forEach((c, done) => {
    const cls = ctx.classes[c];
    const low = hooks.lowerT[c];
    if (cls.copies === 1) {
      const sub = buildSubnet(
        ctx,
        res,
        {
          datasets: cls.datasets,
          sourceCap: cls.demand,
          allowed: ctx.allowed[c],
          until: S,
          mode: 'route',
          domainCap: 0,
        },
        sc,
      );
      largest = Math.max(largest, sub.m);
      const lo = low ?? S;
      const r = searchSubnet(sub, { lowKnown: lo, maxT: S, guess: lo });
      solves += r.solves;
      const piece = pieceOf(sub, r.flow);
      res.commit(piece.arcs, piece.values);
      out[c] = { pieces: [piece], routed: r.value, end: r.T, domains: [] };
    } else {
      const k = cls.datasets[0];
      const W = cls.perDomain;
      const domains = [...new Set(cls.destinations.map((d) => ctx.domainOf[d]))].sort((a, b) => a - b);
      const used = new Set<number>();
      const pieces: FlowPiece[] = [];
      const chosen: number[] = [];
      let routed = 0;
      let end: number | null = 0;
      for (let j = 0; j < cls.copies; j++) {
        let best: { g: number; T: number | null; value: number; piece: FlowPiece } | null = null;
        for (const g of domains) {
          if (used.has(g)) continue;
          const complete = best !== null && best.T !== null;
          const maxT = complete && best !== null && best.T !== null ? best.T - 1 : S;
          if (maxT < 1) continue;
          const mask = new Uint8Array(ctx.allowed[c].length);
          for (const d of cls.destinations) if (ctx.domainOf[d] === g) mask[d] = 1;
          const sub = buildSubnet(
            ctx,
            res,
            { datasets: [k], sourceCap: [W], allowed: mask, until: maxT, mode: 'route', domainCap: 0 },
            sc,
          );
          largest = Math.max(largest, sub.m);
          const guess = complete ? maxT : (low ?? S);
          const r = searchSubnet(sub, { lowKnown: 1, maxT, guess });
          solves += r.solves;
          const better =
            best === null ||
            (r.T !== null && (best.T === null || r.T < best.T)) ||
            (r.T === null && best.T === null && r.value > best.value);
          if (better) best = { g, T: r.T, value: r.value, piece: pieceOf(sub, r.flow) };
        }
        if (best === null || best.value === 0) {
          end = null;
          break;
        }
        res.commit(best.piece.arcs, best.piece.values);
        used.add(best.g);
        chosen.push(best.g);
        pieces.push(best.piece);
        routed += best.value;
        end = best.T === null || end === null ? null : Math.max(end, best.T);
      }
      out[c] = { pieces, routed, end: routed >= cls.totalDemand ? end : null, domains: chosen };
    }
    hooks.onClass?.(done + 1, solves);
  });
  return { classes: out, solves, largestSubnet: largest };
}

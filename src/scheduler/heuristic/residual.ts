/**
 * What the classes routed so far leave of the shared network: a residual capacity per arc of the
 * time-expanded network (LP mode, `lp/context.ts`) and residual budgets of the rows that span
 * several arcs — provider egress per (provider, slot), provider ingress per (provider, slot) and
 * appliance capacity over the horizon.
 *
 * Model. Start: residual = the context's capacities (`Infinity` for unbounded arcs), budgets =
 * the caps in quanta (−1 where there is no cap). {@link Residual.commit} subtracts one class's
 * integral flow (per TEN arc): from the arc (source arcs excepted: each is one dataset's own, and
 * a replicated dataset's k copies all pass it), from the egress budget of a link leaving a capped
 * provider, and from the ingress and appliance budgets of a delivery.
 *
 * Invariants: every committed flow fits what was left (the sub-networks never offer more, see
 * `subnet.ts`), so residuals and budgets stay ≥ 0 and the sum of all committed flows satisfies
 * every capacity and shared row of the multi-commodity LP; all values are integers in quanta
 * (< 2^53) or `Infinity`.
 *
 * Complexity: O(m + P·S + N) memory; a commit is O(arcs with flow).
 *
 * Reference: docs/policies.md (the LP's rows); Ahuja, Magnanti, Orlin, "Network Flows" (1993),
 * §17.2 (residual capacities of a multicommodity flow).
 */

import type { LpContext } from '../lp/context.js';
import { ArcKind } from '../network.js';

/** Residual capacities and budgets (module header). */
export class Residual {
  /** Per TEN arc: capacity left (quanta, or `Infinity`). */
  readonly arc: Float64Array;
  /** Per (provider p, slot t) at p·S + t: egress left, or −1 without a cap. */
  readonly egress: Float64Array;
  /** Per (provider p, slot t) at p·S + t: ingress left, or −1 without a cap. */
  readonly ingress: Float64Array;
  /** Per node: appliance capacity left, or −1 when unlimited. */
  readonly appliance: Float64Array;
  private readonly ctx: LpContext;

  constructor(ctx: LpContext) {
    this.ctx = ctx;
    const S = ctx.ten.slots;
    const P = ctx.scenario.providers.length;
    this.arc = ctx.cap.slice();
    for (let a = 0; a < ctx.ten.arcCount; a++) if (ctx.ten.open[a] === 0) this.arc[a] = 0;
    this.egress = new Float64Array(P * S);
    this.ingress = new Float64Array(P * S);
    for (let p = 0; p < P; p++) {
      this.egress.fill(ctx.egressCap[p], p * S, (p + 1) * S);
      this.ingress.fill(ctx.ingressCap[p], p * S, (p + 1) * S);
    }
    this.appliance = ctx.applianceCap.slice();
  }

  /** Subtracts a class's flow: `values[i]` quanta on TEN arc `arcs[i]` (distinct arcs). */
  commit(arcs: Int32Array, values: Float64Array): void {
    const { ten, egressProvider, ingressProvider } = this.ctx;
    const S = ten.slots;
    for (let i = 0; i < arcs.length; i++) {
      const a = arcs[i];
      const f = values[i];
      const k = ten.kind[a];
      // A source arc is its dataset's own (k copies pass it): not a shared capacity.
      if (f <= 0 || k === ArcKind.SOURCE) continue;
      this.arc[a] -= f;
      if (k === ArcKind.LINK) {
        const p = egressProvider[a];
        if (p >= 0) this.egress[p * S + ten.slot[a]] -= f;
      } else if (k === ArcKind.DELIVER) {
        const d = ten.elem[a];
        const p = ingressProvider[d];
        if (p >= 0) this.ingress[p * S + ten.slot[a]] -= f;
        if (this.appliance[d] >= 0) this.appliance[d] -= f;
      }
      if (this.arc[a] < 0) throw new Error(`heuristic: arc ${a} over capacity after a commit`);
    }
  }
}

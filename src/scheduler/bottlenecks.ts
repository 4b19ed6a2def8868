/**
 * Bottlenecks: what stops a plan from finishing sooner (or, for a partial plan, from delivering
 * more), read off a minimum cut of the time-expanded network, and the "what if" re-solve.
 *
 * Model. By max-flow/min-cut duality, when the network with the slots < T*−1 enabled carries less
 * than the demand D, every minimum cut has capacity < D: its arcs are the capacities that, all at
 * once, hold the plan back. Each cut arc maps back to a scenario element through the network's
 * arc map: a link in a slot, a node's read or write cap, a provider's ingress or egress cap, a
 * node's staging space (holdover), an appliance's capacity. Arcs of one element are grouped (their
 * slots listed) and ranked by the exact bytes the element carries across the cut (the calendar's
 * exact per-slot amounts, not the quantised ones), largest first.
 *
 * What if: the top element gets twice its capacity in every slot (quantised: 2·⌊c/q⌋) and the
 * earliest completion is searched again, warm: capacities only rise, so the plan's flow at T*
 * stays a feasible point; the doubled network's origin-cut bound is probed first, from that flow
 * truncated to its slots (search.ts) — one solve where the bound is exact, none when it equals T*.
 *
 * Reference: L. R. Ford, D. R. Fulkerson, "Maximal flow through a network", Canad. J. Math. 8
 * (1956) — max-flow/min-cut.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { MaxFlowSolver } from '../flow/maxflow.js';
import type { Scenario } from '../io/model.js';
import { formatBytes } from '../io/units.js';
import type { Bottleneck } from '../plan/types.js';
import { ArcKind, type TimeExpandedNetwork } from './network.js';

/** A scenario element that arcs of the network stand for. */
export interface ElementRef {
  /** {@link ArcKind} of its arcs. */
  readonly arcKind: number;
  /** Link, node or provider index. */
  readonly index: number;
}

/** Bottlenecks ranked, with the elements they stand for (same order). */
export interface RankedBottlenecks {
  readonly bottlenecks: Bottleneck[];
  readonly elements: ElementRef[];
}

const KIND_NAME: Record<number, string> = {
  [ArcKind.LINK]: 'link',
  [ArcKind.READ]: 'node-read',
  [ArcKind.WRITE]: 'node-write',
  [ArcKind.EGRESS]: 'provider-egress',
  [ArcKind.INGRESS]: 'provider-ingress',
  [ArcKind.HOLD]: 'storage',
  [ArcKind.APPCAP]: 'appliance-capacity',
};

const BIG = Number.MAX_SAFE_INTEGER;

function exactBytes(scenario: Scenario, cal: Calendars, kind: number, index: number, slot: number): number {
  switch (kind) {
    case ArcKind.LINK:
      return cal.links[index][slot];
    case ArcKind.READ:
      return cal.nodeRead[index] ?? 0;
    case ArcKind.WRITE:
      return cal.nodeWrite[index] ?? 0;
    case ArcKind.EGRESS:
      return cal.providerEgress[index] ?? 0;
    case ArcKind.INGRESS:
      return cal.providerIngress[index] ?? 0;
    case ArcKind.HOLD:
      return cal.storage[index] > BigInt(BIG) ? BIG : Number(cal.storage[index]);
    default: {
      const c = scenario.nodes[index].capacity ?? 0n;
      return c > BigInt(BIG) ? BIG : Number(c);
    }
  }
}

function idOf(scenario: Scenario, kind: number, index: number): string {
  if (kind === ArcKind.LINK) return scenario.links[index].id;
  if (kind === ArcKind.EGRESS || kind === ArcKind.INGRESS) return scenario.providers[index].id;
  return scenario.nodes[index].id;
}

function slotText(slots: readonly number[]): string {
  const n = slots.length;
  if (n === 1) return `slot ${slots[0]}`;
  const contiguous = slots[n - 1] - slots[0] === n - 1;
  return `${n} slots (${slots[0]}${contiguous ? '–' : ' … '}${slots[n - 1]})`;
}

function noteFor(
  scenario: Scenario,
  kind: number,
  index: number,
  slots: readonly number[],
  bytes: number,
): string {
  const where = slots.length > 0 && slots[0] >= 0 ? ` in ${slotText(slots)}` : '';
  switch (kind) {
    case ArcKind.LINK:
      return scenario.links[index].windows !== null
        ? `saturated inside its window${where}, ${formatBytes(bytes)}`
        : `saturated${where}, ${formatBytes(bytes)}`;
    case ArcKind.READ:
      return `node read cap saturated${where}`;
    case ArcKind.WRITE:
      return `node write cap saturated${where}`;
    case ArcKind.EGRESS:
      return `provider egress cap saturated${where}`;
    case ArcKind.INGRESS:
      return `provider ingress cap saturated${where}`;
    case ArcKind.HOLD:
      return `staging space full at the end of ${slotText(slots)}`;
    default:
      return `backup store capacity (${formatBytes(bytes)}) full`;
  }
}

/**
 * Groups and ranks the arcs of a minimum cut (input arcs of `ten`) by scenario element.
 * Source, delivery and unbounded arcs are not elements and are skipped.
 */
export function rankCut(
  scenario: Scenario,
  cal: Calendars,
  ten: TimeExpandedNetwork,
  cutArcs: Int32Array,
): RankedBottlenecks {
  const groups = new Map<number, { kind: number; index: number; slots: number[]; bytes: number }>();
  const kinds = Object.keys(KIND_NAME).length + 16;
  for (const a of cutArcs) {
    const kind = ten.kind[a];
    if (KIND_NAME[kind] === undefined) continue;
    const index = ten.elem[a];
    const key = index * kinds + kind;
    let g = groups.get(key);
    if (g === undefined) {
      g = { kind, index, slots: [], bytes: 0 };
      groups.set(key, g);
    }
    if (ten.slot[a] >= 0) g.slots.push(ten.slot[a]);
    g.bytes = Math.min(BIG, g.bytes + exactBytes(scenario, cal, kind, index, Math.max(0, ten.slot[a])));
  }
  const ranked = [...groups.values()].map((g) => {
    g.slots.sort((x, y) => x - y);
    return { g, name: KIND_NAME[g.kind], id: idOf(scenario, g.kind, g.index) };
  });
  ranked.sort(
    (x, y) =>
      y.g.bytes - x.g.bytes ||
      (x.name < y.name ? -1 : x.name > y.name ? 1 : 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  return {
    bottlenecks: ranked.map(({ g, name, id }) => ({
      kind: name,
      id,
      slots: g.slots,
      note: noteFor(scenario, g.kind, g.index, g.slots, g.bytes),
      bytes: g.bytes,
    })),
    elements: ranked.map(({ g }) => ({ arcKind: g.kind, index: g.index })),
  };
}

/**
 * Gives `element` twice its capacity on the solver (non-switch arcs) and returns a copy of the
 * network with the doubled capacities (`caps`, switches disabled as always) and switch capacities
 * (provider ingress), for the search and its bound. Only the element's arcs change: capacities
 * only rise, so the solver's flow stays feasible and the next solve is warm.
 */
export function doubleElement(
  solver: MaxFlowSolver,
  ten: TimeExpandedNetwork,
  element: ElementRef,
): TimeExpandedNetwork {
  const isSwitch = new Uint8Array(ten.arcCount);
  for (const a of ten.switchArcs) isSwitch[a] = 1;
  const inf = Math.max(ten.totalDemand, 1);
  const caps = ten.caps.slice();
  for (let a = 0; a < ten.arcCount; a++) {
    if (ten.kind[a] === element.arcKind && ten.elem[a] === element.index && isSwitch[a] === 0) {
      caps[a] = Math.min(inf, 2 * ten.caps[a]);
      solver.setCapacity(a, caps[a]);
    }
  }
  const switchCap = ten.switchCap.slice();
  for (let i = 0; i < ten.switchArcs.length; i++) {
    const a = ten.switchArcs[i];
    if (ten.kind[a] === element.arcKind && ten.elem[a] === element.index) {
      switchCap[i] = Math.min(inf, 2 * switchCap[i]);
      if (solver.capacityOf(a) > 0) solver.setCapacity(a, switchCap[i]);
    }
  }
  return { ...ten, caps, switchCap };
}

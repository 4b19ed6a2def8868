/**
 * Hand-made scenarios for the verifier tests, built as `Scenario` objects directly (independent of
 * the scenario reader), and hand-written valid plans for them.
 *
 * Capacities are given in bytes per slot: a link of `n` bytes per slot gets the exact rate
 * n / slotSeconds, so its calendar holds exactly `n` in every open slot. Windows are UTC hours.
 */
import type {
  Dataset,
  NodeKind,
  Provider,
  Scenario,
  ScenarioLink,
  ScenarioNode,
  Window,
} from '../../src/io/model.js';
import { ONE, rational } from '../../src/io/rational.js';

/** Slot length of every fixture: one hour. */
export const SLOT = 3600;
/** Horizon start of every fixture. */
export const START_ISO = '2026-12-05T00:00:00Z';
const START = Date.parse(START_ISO) / 1000;

/** ISO instant at the start of slot `k` (= the end of slot k − 1). */
export function slotStart(k: number): string {
  return new Date((START + k * SLOT) * 1000).toISOString().replace('.000Z', 'Z');
}

const perSlot = (bytes: number) => rational(BigInt(bytes), BigInt(SLOT));

/** A node; caps in bytes per slot. */
export function node(
  id: string,
  kind: NodeKind,
  opts: { storage?: number; read?: number; write?: number; capacity?: number; provider?: string } = {},
): ScenarioNode {
  return {
    id,
    kind,
    timezone: 'UTC',
    location: null,
    storage: BigInt(opts.storage ?? 0),
    read: opts.read === undefined ? null : perSlot(opts.read),
    write: opts.write === undefined ? null : perSlot(opts.write),
    capacity: opts.capacity === undefined ? null : BigInt(opts.capacity),
    provider: opts.provider ?? null,
    domain: kind === 'site' || kind === 'exchange' ? null : (opts.provider ?? id),
    region: null,
  };
}

/** A directed link `from->to` carrying `bytes` per slot, open in UTC hours [fromHour, toHour) daily. */
export function link(from: string, to: string, bytes: number, hours?: [number, number]): ScenarioLink {
  const windows: Window[] | null = hours
    ? [
        {
          days: [0, 1, 2, 3, 4, 5, 6],
          fromMinute: hours[0] * 60,
          toMinute: hours[1] * 60,
          timezone: 'UTC',
          share: ONE,
        },
      ]
    : null;
  return {
    id: `${from}->${to}`,
    from,
    to,
    capacity: perSlot(bytes),
    latencyMs: null,
    costPerByte: null,
    windows,
    reverseOf: null,
  };
}

/** Dataset options: ready slot, due instant (slot index k means the start of slot k), `to`, copies. */
export interface DatasetOpts {
  readonly ready?: number;
  readonly due?: number;
  readonly to?: readonly string[];
  readonly copies?: number;
}

interface Draft {
  readonly id: string;
  readonly at: string;
  readonly wire: number;
  readonly opts: DatasetOpts;
}

/** A dataset draft, resolved against the nodes by {@link scenario}. */
export function dataset(id: string, at: string, wire: number, opts: DatasetOpts = {}): Draft {
  return { id, at, wire, opts };
}

function resolve(d: Draft, nodes: readonly ScenarioNode[]): Dataset {
  const names = d.opts.to ?? [];
  const dest = nodes.filter(
    (n) =>
      n.id !== d.at &&
      (names.length === 0
        ? n.kind === 'cloud'
        : (n.kind === 'cloud' || n.kind === 'appliance') &&
          (names.includes(n.id) || (n.provider !== null && names.includes(n.provider)))),
  );
  const ready = START + (d.opts.ready ?? 0) * SLOT;
  return {
    id: d.id,
    at: d.at,
    size: BigInt(d.wire),
    reduction: ONE,
    wire: d.wire,
    ready,
    readySlot: d.opts.ready ?? 0,
    due: d.opts.due === undefined ? null : START + d.opts.due * SLOT,
    to: names,
    destinations: dest.map((n) => n.id).sort(),
    domains: [...new Set(dest.map((n) => n.domain!))].sort(),
    copies: d.opts.copies ?? 1,
  };
}

/** Provider caps in bytes per slot. */
export interface ProviderCaps {
  readonly ingress?: number;
  readonly egress?: number;
}

/** A scenario with `slots` one-hour slots from {@link START_ISO}. */
export function scenario(parts: {
  slots: number;
  nodes: readonly ScenarioNode[];
  links: readonly ScenarioLink[];
  datasets: readonly Draft[];
  providers?: Readonly<Record<string, ProviderCaps>>;
  name?: string | null;
}): Scenario {
  const names = new Set<string>(Object.keys(parts.providers ?? {}));
  for (const n of parts.nodes) if (n.provider !== null) names.add(n.provider);
  const providers: Provider[] = [...names].sort().map((id) => {
    const caps = parts.providers?.[id] ?? {};
    return {
      id,
      ingress: caps.ingress === undefined ? null : perSlot(caps.ingress),
      egress: caps.egress === undefined ? null : perSlot(caps.egress),
      source: null,
      nodes: parts.nodes.filter((n) => n.provider === id).map((n) => n.id),
    };
  });
  return {
    wanplan: 1,
    name: parts.name === undefined ? 'fixture' : parts.name,
    horizon: { start: START, startIso: START_ISO, slotSeconds: SLOT, slots: parts.slots },
    providers,
    nodes: parts.nodes,
    links: parts.links,
    datasets: parts.datasets.map((d) => resolve(d, parts.nodes)),
  };
}

/** Deep copy of a JSON value (plans are mutated by corruption tests). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Common head of the fixture plans. */
function head(name: string | null, slots: number, status: string) {
  return {
    wanplan: 1,
    scenario: name,
    status,
    objective: 'earliest-completion',
    horizon: { start: START_ISO, slotSeconds: SLOT, slots },
    quantumBytes: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// A: store-and-forward through an appliance whose uplink window opens two hours later; an
// exchange on the way; a provider ingress cap; a due that is met.

/** Scenario A; `over` tweaks caps for the corruption tests. */
export function scenarioA(over: { dedupStorage?: number; awsIngress?: number } = {}): Scenario {
  return scenario({
    slots: 6,
    nodes: [
      node('munich', 'site'),
      node('dedup', 'appliance', { storage: over.dedupStorage ?? 1000 }),
      node('ix', 'exchange'),
      node('aws-eu', 'cloud', { provider: 'aws' }),
      node('gcp-eu', 'cloud', { provider: 'gcp' }),
    ],
    links: [
      link('munich', 'dedup', 600),
      link('dedup', 'ix', 400, [2, 6]),
      link('ix', 'aws-eu', 500),
      link('munich', 'gcp-eu', 100),
    ],
    providers: { aws: { ingress: over.awsIngress ?? 450 } },
    datasets: [dataset('vms', 'munich', 1000, { ready: 1, due: 5, to: ['aws'] })],
  });
}

/** A valid, complete plan for scenario A. */
export function planA() {
  const t = (slot: number, from: string, to: string, bytes: number) => ({
    slot,
    link: `${from}->${to}`,
    from,
    to,
    dataset: 'vms',
    bytes,
  });
  return {
    ...head('fixture', 6, 'complete'),
    makespan: { slot: 4, end: slotStart(5) },
    lowerBound: { slot: 4, method: 'hand-made' },
    datasets: [
      {
        id: 'vms',
        wireBytes: 1000,
        delivered: { 'aws-eu': 1000 },
        completed: slotStart(5),
        due: slotStart(5),
        met: true,
        lateSlots: 0,
      },
    ],
    transfers: [
      t(1, 'munich', 'dedup', 600),
      t(2, 'dedup', 'ix', 400),
      t(2, 'ix', 'aws-eu', 400),
      t(2, 'munich', 'dedup', 400),
      t(3, 'dedup', 'ix', 400),
      t(3, 'ix', 'aws-eu', 400),
      t(4, 'dedup', 'ix', 200),
      t(4, 'ix', 'aws-eu', 200),
    ],
    deliveries: [
      { slot: 2, node: 'aws-eu', dataset: 'vms', bytes: 400 },
      { slot: 3, node: 'aws-eu', dataset: 'vms', bytes: 400 },
      { slot: 4, node: 'aws-eu', dataset: 'vms', bytes: 200 },
    ],
    storage: [
      { slot: 1, node: 'dedup', bytes: 600 },
      { slot: 2, node: 'dedup', bytes: 600 },
      { slot: 3, node: 'dedup', bytes: 200 },
    ],
    bottlenecks: [{ kind: 'link', id: 'dedup->ix', slots: [2, 3], note: 'saturated' }],
    notes: [],
  };
}

// ---------------------------------------------------------------------------------------------
// B: two copies in two failure domains (a cloud provider split over two regions, and an
// on-premises appliance), a second dataset relayed out of a provider under an egress cap, a
// node read cap that binds, a zero-byte dataset, and a missed due.

/** Scenario B; `over` tweaks caps for the corruption tests. */
export function scenarioB(
  over: { vaultCapacity?: number; awsEgress?: number; spRead?: number } = {},
): Scenario {
  return scenario({
    slots: 4,
    nodes: [
      node('sp', 'site', { read: over.spRead ?? 900 }),
      node('aws-1', 'cloud', { provider: 'aws' }),
      node('aws-2', 'cloud', { provider: 'aws' }),
      node('gcp-1', 'cloud', { provider: 'gcp' }),
      node('vault', 'appliance', { capacity: over.vaultCapacity ?? 900 }),
    ],
    links: [
      link('sp', 'aws-1', 300),
      link('sp', 'aws-2', 300),
      link('sp', 'vault', 400),
      link('sp', 'gcp-1', 200),
      link('aws-1', 'gcp-1', 100),
    ],
    providers: { aws: { egress: over.awsEgress ?? 50 } },
    datasets: [
      dataset('db', 'sp', 500, { copies: 2, to: ['aws', 'vault'], due: 1.5 }),
      dataset('logs', 'sp', 300, { to: ['gcp'] }),
      dataset('empty', 'sp', 0, { ready: 2 }),
    ],
    name: null,
  });
}

/** A valid, complete plan for scenario B. */
export function planB() {
  const t = (slot: number, from: string, to: string, dataset: string, bytes: number) => ({
    slot,
    link: `${from}->${to}`,
    from,
    to,
    dataset,
    bytes,
  });
  const d = (slot: number, node: string, dataset: string, bytes: number) => ({ slot, node, dataset, bytes });
  return {
    ...head(null, 4, 'complete'),
    makespan: { slot: 1, end: slotStart(2) },
    lowerBound: { slot: 1, method: 'hand-made' },
    datasets: [
      {
        id: 'db',
        wireBytes: 500,
        delivered: { 'aws-1': 300, 'aws-2': 200, vault: 500 },
        completed: slotStart(2),
        due: '2026-12-05T01:30:00Z',
        met: false,
        lateSlots: 1,
      },
      {
        id: 'empty',
        wireBytes: 0,
        delivered: {},
        completed: slotStart(2),
        due: null,
        met: null,
        lateSlots: null,
      },
      {
        id: 'logs',
        wireBytes: 300,
        delivered: { 'gcp-1': 300 },
        completed: slotStart(2),
        due: null,
        met: null,
        lateSlots: null,
      },
    ],
    transfers: [
      t(0, 'sp', 'aws-1', 'db', 300),
      t(0, 'sp', 'gcp-1', 'logs', 200),
      t(0, 'sp', 'vault', 'db', 400),
      t(1, 'aws-1', 'gcp-1', 'logs', 50),
      t(1, 'sp', 'aws-1', 'logs', 50),
      t(1, 'sp', 'aws-2', 'db', 200),
      t(1, 'sp', 'gcp-1', 'logs', 50),
      t(1, 'sp', 'vault', 'db', 100),
    ],
    deliveries: [
      d(0, 'aws-1', 'db', 300),
      d(0, 'gcp-1', 'logs', 200),
      d(0, 'vault', 'db', 400),
      d(1, 'aws-2', 'db', 200),
      d(1, 'gcp-1', 'logs', 100),
      d(1, 'vault', 'db', 100),
    ],
    storage: [],
    bottlenecks: [],
    notes: ['db misses its due by 1 slot'],
  };
}

// ---------------------------------------------------------------------------------------------
// C: a source whose only route crosses an exchange in two windows that never line up (no staging
// possible: infeasible), or through a staging appliance (partial: the horizon is too short).

/** Scenario C: `relay` is an exchange (infeasible) or an appliance with storage (partial). */
export function scenarioC(relay: 'exchange' | 'appliance'): Scenario {
  return scenario({
    slots: 3,
    nodes: [
      node('a', 'site'),
      node('x', relay, relay === 'appliance' ? { storage: 50 } : {}),
      node('c', 'cloud', { provider: 'p' }),
    ],
    links: [link('a', 'x', 40, [0, 1]), link('x', 'c', 40, [1, 2])],
    datasets: [dataset('d', 'a', 100, { due: 2 })],
  });
}

/** A valid plan for scenario C: infeasible (nothing moves) or partial (40 bytes staged and delivered). */
export function planC(relay: 'exchange' | 'appliance') {
  const moved = relay === 'appliance';
  return {
    ...head('fixture', 3, moved ? 'partial' : 'infeasible'),
    makespan: moved ? { slot: 1, end: slotStart(2) } : null,
    lowerBound: { slot: null, method: 'hand-made' },
    datasets: [
      {
        id: 'd',
        wireBytes: 100,
        delivered: moved ? { c: 40 } : {},
        completed: null,
        due: slotStart(2),
        met: false,
        lateSlots: null,
      },
    ],
    transfers: moved
      ? [
          { slot: 0, link: 'a->x', from: 'a', to: 'x', dataset: 'd', bytes: 40 },
          { slot: 1, link: 'x->c', from: 'x', to: 'c', dataset: 'd', bytes: 40 },
        ]
      : [],
    deliveries: moved ? [{ slot: 1, node: 'c', dataset: 'd', bytes: 40 }] : [],
    storage: moved ? [{ slot: 0, node: 'x', bytes: 40 }] : [],
    bottlenecks: [],
    notes: moved ? ['d is not complete within the horizon'] : ['d cannot reach any allowed destination'],
  };
}

/**
 * Hand-built scenarios for topology tests: small builders that fill every field of the model with
 * the defaults SCENARIO.md gives, so tests state only what matters to them.
 */
import type { Dataset, Provider, Scenario, ScenarioLink, ScenarioNode } from '../../src/io/model.js';
import { rational } from '../../src/io/rational.js';

/** A node; `provider` on a cloud or appliance also sets its failure domain. */
export function node(
  id: string,
  kind: ScenarioNode['kind'] = 'site',
  extra: Partial<ScenarioNode> = {},
): ScenarioNode {
  const provider = extra.provider ?? null;
  const domain = kind === 'cloud' ? provider : kind === 'appliance' ? (provider ?? id) : null;
  return {
    id,
    kind,
    timezone: null,
    location: null,
    storage: 0n,
    read: null,
    write: null,
    capacity: null,
    provider,
    domain,
    region: null,
    ...extra,
  };
}

/** A cloud node of `provider`. */
export function cloud(id: string, provider: string, extra: Partial<ScenarioNode> = {}): ScenarioNode {
  return node(id, 'cloud', { provider, ...extra });
}

/** A directed link of 10 Gbps, always open; id defaults to `<from>-><to>`. */
export function link(from: string, to: string, extra: Partial<ScenarioLink> = {}): ScenarioLink {
  return {
    id: `${from}->${to}`,
    from,
    to,
    capacity: rational(1_250_000_000n),
    latencyMs: null,
    costPerByte: null,
    windows: null,
    reverseOf: null,
    ...extra,
  };
}

/** A dataset of 1 TB (wire 1 TB), one copy, ready at the horizon start, to `destinations`. */
export function dataset(
  id: string,
  at: string,
  destinations: readonly string[],
  extra: Partial<Dataset> = {},
): Dataset {
  return {
    id,
    at,
    size: 10n ** 12n,
    reduction: rational(1n),
    wire: 1e12,
    ready: START,
    readySlot: 0,
    due: null,
    to: [...destinations],
    destinations: [...destinations].sort(),
    domains: [],
    copies: 1,
    ...extra,
  };
}

/** 2026-12-05T00:00:00Z. */
export const START = 1796428800;

/**
 * A scenario with a 7-day, 1-hour-slot horizon; providers derived from the nodes (plus `providers`
 * given explicitly), datasets' `domains` derived from their destinations.
 */
export function scenario(parts: {
  nodes: readonly ScenarioNode[];
  links?: readonly ScenarioLink[];
  datasets?: readonly Dataset[];
  providers?: readonly Partial<Provider>[];
  name?: string | null;
}): Scenario {
  const byId = new Map(parts.nodes.map((v) => [v.id, v]));
  const providers = new Map<string, Provider>();
  for (const p of parts.providers ?? []) {
    providers.set(p.id!, { id: p.id!, ingress: null, egress: null, source: null, nodes: [], ...p });
  }
  for (const v of parts.nodes) {
    if (v.provider === null) continue;
    const p = providers.get(v.provider) ?? {
      id: v.provider,
      ingress: null,
      egress: null,
      source: null,
      nodes: [],
    };
    providers.set(v.provider, { ...p, nodes: [...p.nodes, v.id] });
  }
  const datasets = (parts.datasets ?? []).map((d) => ({
    ...d,
    domains: [...new Set(d.destinations.map((id) => byId.get(id)?.domain ?? id))].sort(),
  }));
  return {
    wanplan: 1,
    name: parts.name ?? null,
    horizon: { start: START, startIso: '2026-12-05T00:00:00Z', slotSeconds: 3600, slots: 168 },
    providers: [...providers.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    nodes: parts.nodes,
    links: parts.links ?? [],
    datasets,
  };
}

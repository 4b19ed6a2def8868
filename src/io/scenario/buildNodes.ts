/**
 * Model builders for the horizon, providers and nodes (SCENARIO.md "Time", "Caps",
 * "Destinations and replication").
 */
import type { z } from 'zod';
import type { Horizon, NodeKind, Provider, ScenarioNode } from '../model.js';
import { div, isInteger, type Rational, toNumber } from '../rational.js';
import { formatInstant, parseDuration, parseInstant, parseSize } from '../units.js';
import { type BuildContext, checkZone, claimId, scenarioRate, unitValue } from './context.js';
import { checkFields } from './fields.js';
import type { Path } from './path.js';
import {
  horizonSchema,
  NODE_VARIANTS,
  type NodeDocument,
  type ProviderDocument,
  providerSchema,
} from './schema.js';

/**
 * Builds the horizon: `slot` must be whole seconds and `length` a whole number of slots.
 * Sets `ctx.horizon` (null when the horizon has errors).
 */
export function buildHorizon(ctx: BuildContext, raw: unknown): void {
  ctx.horizon = null;
  const { fields: h, complete } = checkFields(horizonSchema, raw);
  const { sink } = ctx;
  const start = unitValue(sink, ['horizon', 'start'], h.start, parseInstant);
  const length = unitValue(sink, ['horizon', 'length'], h.length, parseDuration);
  const slot = unitValue(sink, ['horizon', 'slot'], h.slot, parseDuration);
  if (slot !== null && !isInteger(slot)) {
    sink.error(['horizon', 'slot'], `found ${toNumber(slot)} s, expected a whole number of seconds`);
    return;
  }
  if (!complete || start === null || length === null || slot === null) return;
  const slots = div(length, slot);
  if (!isInteger(slots)) {
    const lower = Number(slots.num / slots.den);
    sink.error(
      ['horizon', 'length'],
      `found ${h.length}, which is ${toNumber(slots).toFixed(3)} slots of ${h.slot}, expected a whole number of slots`,
      {
        hint: lower > 0 ? `use ${lower} or ${lower + 1} slots` : `make it at least one slot (${h.slot})`,
      },
    );
    return;
  }
  const slotSeconds = Number(slot.num);
  const count = Number(slots.num);
  const horizon: Horizon = { start, startIso: formatInstant(start), slotSeconds, slots: count };
  ctx.horizon = { ...horizon, end: start + slotSeconds * count };
}

/** Whether a rate field is set: its parsed value, or null when absent or bad (reported). */
function rateAt(ctx: BuildContext, path: Path, raw: string | undefined): Rational | null {
  return unitValue(ctx.sink, path, raw, scenarioRate);
}

/**
 * Builds the nodes; fills `ctx.nodes`, `ctx.writtenNodeIds` and the provider name sets. Checks
 * duplicate ids, zones, units, and an appliance without provider whose id is a provider name.
 */
export function buildNodes(ctx: BuildContext, raw: unknown, providerKeys: readonly string[]): ScenarioNode[] {
  const { sink } = ctx;
  const list = Array.isArray(raw) ? raw : [];
  for (const key of providerKeys) {
    ctx.providerNames.add(key);
    ctx.writtenProviders.add(key);
  }
  // Provider names from every node first: the ambiguity check below needs all of them.
  for (const item of list) {
    const p = (item as { provider?: unknown } | null)?.provider;
    if (typeof p === 'string') {
      ctx.writtenProviders.add(p);
      ctx.nodeProviders.add(p);
    }
  }
  const seen = new Map<string, Path>();
  const out: ScenarioNode[] = [];
  list.forEach((item, i) => {
    const path: Path = ['nodes', i];
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      ctx.writtenNodeIds.add(id);
      if (!claimId(sink, seen, id, [...path, 'id'], 'node')) return;
    }
    const kind = (item as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !Object.hasOwn(NODE_VARIANTS, kind)) return;
    const { fields: n, complete } = checkFields(NODE_VARIANTS[kind as NodeKind] as z.ZodObject, item) as {
      fields: Partial<NodeDocument>;
      complete: boolean;
    };
    const errorsBefore = sink.errorCount;
    if (n.timezone !== undefined) checkZone(sink, [...path, 'timezone'], n.timezone);
    const storage = 'storage' in n ? unitValue(sink, [...path, 'storage'], n.storage, parseSize) : null;
    const read = rateAt(ctx, [...path, 'read'], n.read);
    const write = rateAt(ctx, [...path, 'write'], n.write);
    const capacity =
      n.kind === 'appliance' ? unitValue(sink, [...path, 'capacity'], n.capacity, parseSize) : null;
    const provider = n.kind === 'appliance' || n.kind === 'cloud' ? (n.provider ?? null) : null;
    if (n.kind === 'appliance' && provider === null && n.id !== undefined && ctx.writtenProviders.has(n.id)) {
      sink.error(
        [...path, 'id'],
        `appliance "${n.id}" has no provider and its id is also a provider name, so its failure domain is ambiguous`,
        {
          hint: 'give it a `provider:` or rename it',
        },
      );
    }
    if (!complete || sink.errorCount > errorsBefore || n.id === undefined || n.kind === undefined) return;
    const node: ScenarioNode = {
      id: n.id,
      kind: n.kind,
      timezone: n.timezone ?? null,
      location: n.location ? [n.location[0], n.location[1]] : null,
      storage: storage ?? 0n,
      read,
      write,
      capacity,
      provider,
      domain: n.kind === 'cloud' ? provider : n.kind === 'appliance' ? (provider ?? n.id) : null,
      region: n.kind === 'cloud' ? (n.region ?? null) : null,
    };
    if (provider !== null) ctx.providerNames.add(provider);
    ctx.nodes.set(node.id, node);
    out.push(node);
  });
  return out;
}

/**
 * Builds the provider list: every key of `providers` and every provider a node names, sorted by
 * name, each with its nodes in declaration order. Warns about a declared provider no node names.
 */
export function buildProviders(ctx: BuildContext, raw: unknown, nodes: readonly ScenarioNode[]): Provider[] {
  const { sink } = ctx;
  const declared = new Map<string, Partial<ProviderDocument>>();
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      declared.set(name, checkFields(providerSchema, value).fields);
    }
  }
  const members = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.provider === null) continue;
    const list = members.get(n.provider);
    if (list) list.push(n.id);
    else members.set(n.provider, [n.id]);
  }
  const names = [...new Set([...declared.keys(), ...members.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return names.map((id) => {
    const p = declared.get(id);
    const path: Path = ['providers', id];
    const ingress = p ? unitValue(sink, [...path, 'ingress'], p.ingress, scenarioRate) : null;
    const egress = p ? unitValue(sink, [...path, 'egress'], p.egress, scenarioRate) : null;
    if (p && !ctx.nodeProviders.has(id)) {
      sink.warning(path, `provider "${id}" has no nodes, so its caps have no effect`, { at: 'key' });
    }
    return { id, ingress, egress, source: p?.source ?? null, nodes: members.get(id) ?? [] };
  });
}

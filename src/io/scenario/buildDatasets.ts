/**
 * Model builder for datasets (SCENARIO.md "Time", "Volumes", "Destinations and replication").
 *
 * Decisions on what SCENARIO.md leaves open:
 * - `reduction` defaults to 1 (no reduction).
 * - `to` resolving to no node once the origin is excluded is an error (nothing could be delivered).
 * - A dataset of size 0 is allowed, with a warning.
 */
import type { Dataset, ScenarioNode } from '../model.js';
import { ceil, compare, div, ONE, rational } from '../rational.js';
import { formatInstant, parseInstant, parseRatio, parseSize } from '../units.js';
import { nodeRef } from './buildLinks.js';
import { type BuildContext, claimId, unitValue } from './context.js';
import { didYouMean } from './didYouMean.js';
import { checkFields } from './fields.js';
import type { Path } from './path.js';
import { datasetSchema } from './schema.js';

const WIRE_LIMIT = 2n ** 53n;

/** Destination candidates, computed once per scenario (not per dataset). */
interface Destinations {
  /** Cloud node ids in declaration order: the default destinations. */
  readonly clouds: string[];
  /** Cloud and appliance ids: what `to` may name besides providers. */
  readonly stores: string[];
  /** Node ids by provider name, in declaration order. */
  readonly members: Map<string, string[]>;
}

function destinations(ctx: BuildContext): Destinations {
  const clouds: string[] = [];
  const stores: string[] = [];
  const members = new Map<string, string[]>();
  for (const n of ctx.nodes.values()) {
    if (n.kind === 'cloud') clouds.push(n.id);
    if (n.kind === 'cloud' || n.kind === 'appliance') stores.push(n.id);
    if (n.provider !== null) {
      const list = members.get(n.provider);
      if (list) list.push(n.id);
      else members.set(n.provider, [n.id]);
    }
  }
  return { clouds, stores, members };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Resolves `to` names to destination node ids (unsorted, may include the origin); null when a
 * name has an error (reported) or names a node with its own errors.
 */
function resolveTo(
  ctx: BuildContext,
  dests: Destinations,
  path: Path,
  names: readonly string[] | undefined,
): string[] | null {
  const { sink } = ctx;
  if (names === undefined) return dests.clouds;
  const members = dests.members;
  const out: string[] = [];
  let complete = true;
  names.forEach((name, j) => {
    const at: Path = [...path, j];
    const node = ctx.nodes.get(name);
    const isNodeId = ctx.writtenNodeIds.has(name);
    const isProvider = ctx.providerNames.has(name) || ctx.writtenProviders.has(name);
    if (isProvider && isNodeId) {
      sink.error(at, `"${name}" is both a provider name and a node id, expected an unambiguous name`, {
        hint: 'rename the node or the provider',
      });
      complete = false;
    } else if (node) {
      if (node.kind === 'cloud' || node.kind === 'appliance') out.push(node.id);
      else {
        sink.error(
          at,
          `"${name}" is ${node.kind === 'exchange' ? 'an' : 'a'} ${node.kind}, expected a provider name or the id of a cloud or appliance`,
        );
        complete = false;
      }
    } else if (isNodeId) {
      complete = false; // a node with its own errors
    } else if (ctx.providerNames.has(name)) {
      const ids = members.get(name) ?? [];
      if (ids.length === 0) {
        sink.error(
          at,
          `provider "${name}" has no nodes, expected a provider with at least one cloud or appliance`,
        );
        complete = false;
      }
      out.push(...ids);
    } else if (ctx.writtenProviders.has(name)) {
      complete = false; // named only by nodes with errors
    } else {
      const candidates = [...ctx.providerNames, ...dests.stores];
      const guess = didYouMean(name, candidates);
      sink.error(
        at,
        `unknown destination "${name}", expected a provider name or the id of a cloud or appliance`,
        {
          hint: guess ? `did you mean ${guess}?` : undefined,
        },
      );
      complete = false;
    }
  });
  return complete ? out : null;
}

/** Builds the datasets (needs the horizon, nodes and providers built first). */
export function buildDatasets(ctx: BuildContext, raw: unknown): Dataset[] {
  const { sink, horizon } = ctx;
  const list = Array.isArray(raw) ? raw : [];
  const seen = new Map<string, Path>();
  const out: Dataset[] = [];
  const dests = destinations(ctx);
  list.forEach((item, i) => {
    const path: Path = ['datasets', i];
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !claimId(sink, seen, id, [...path, 'id'], 'dataset')) return;
    const { fields: d, complete } = checkFields(datasetSchema, item);
    const errorsBefore = sink.errorCount;

    const origin: ScenarioNode | null = d.at === undefined ? null : nodeRef(ctx, [...path, 'at'], d.at);
    if (origin?.kind === 'exchange') {
      sink.error(
        [...path, 'at'],
        `"${d.at}" is an exchange, expected a site, appliance or cloud (exchanges hold no data)`,
      );
    }

    const size = unitValue(sink, [...path, 'size'], d.size, parseSize);
    let reduction = ONE;
    if (d.reduction !== undefined) {
      const r = unitValue(sink, [...path, 'reduction'], d.reduction, parseRatio);
      if (r !== null && compare(r, ONE) < 0) {
        sink.error([...path, 'reduction'], `found ${d.reduction}, expected a reduction ratio ≥ 1`, {
          hint: 'the ratio is logical size / stored size, e.g. 12 for 12:1 dedup',
        });
      } else if (r !== null) reduction = r;
    }
    let wire: number | null = null;
    if (size !== null && sink.errorCount === errorsBefore) {
      const w = ceil(div(rational(size), reduction));
      if (w >= WIRE_LIMIT) {
        sink.error(
          [...path, 'size'],
          `wire size ceil(size / reduction) = ${w} bytes, expected below 2^53 bytes (about 9 PB)`,
          {
            hint: 'split the dataset into smaller ones',
          },
        );
      } else wire = Number(w);
      if (size === 0n) sink.warning([...path, 'size'], 'dataset is empty (size 0)');
    }

    const readyRaw = unitValue(sink, [...path, 'ready'], d.ready, parseInstant);
    const due = unitValue(sink, [...path, 'due'], d.due, parseInstant);
    const ready = readyRaw ?? horizon?.start ?? null;
    let readySlot = 0;
    if (horizon !== null && ready !== null) {
      if (ready >= horizon.end) {
        sink.error(
          [...path, 'ready'],
          `ready is at or after the horizon end (${formatInstant(horizon.end)}), expected an instant inside the horizon`,
        );
      }
      const diff = ready - horizon.start;
      const rem = diff % horizon.slotSeconds;
      readySlot = diff <= 0 ? 0 : (diff - rem) / horizon.slotSeconds + (rem > 0 ? 1 : 0);
    }
    if (due !== null && ready !== null && due <= ready) {
      sink.error(
        [...path, 'due'],
        `due is not after ready${d.ready === undefined ? ' (the horizon start)' : ''}, expected a later instant`,
      );
    }

    // A `to` with a bad item is left out by the field check: don't fall back to "any cloud".
    const toWritten = item !== null && typeof item === 'object' && Object.hasOwn(item, 'to');
    const resolved = toWritten && d.to === undefined ? null : resolveTo(ctx, dests, [...path, 'to'], d.to);
    let destinations: string[] = [];
    let domains: string[] = [];
    const copies = d.copies ?? 1;
    if (resolved !== null && origin !== null) {
      destinations = [...new Set(resolved)].filter((x) => x !== origin.id).sort(byCodeUnits);
      domains = [...new Set(destinations.map((x) => ctx.nodes.get(x)?.domain ?? x))].sort(byCodeUnits);
      if (destinations.length === 0) {
        sink.error(
          d.to ? [...path, 'to'] : path,
          `dataset has no destination besides its origin "${origin.id}"`,
          {
            hint: d.to
              ? 'name a provider or a cloud or appliance other than the origin'
              : 'add a cloud node or a `to:` list',
          },
        );
      } else if (copies > domains.length) {
        sink.error(
          [...path, 'copies'],
          `found copies: ${copies}, but the destinations span ${domains.length} failure domain${domains.length === 1 ? '' : 's'} (${domains.join(', ')}), expected at most ${domains.length}`,
          {
            hint: 'add destinations in other providers or lower copies',
          },
        );
      }
    }
    if (!complete || sink.errorCount > errorsBefore || d.id === undefined || d.at === undefined) return;
    if (origin === null || size === null || wire === null || ready === null) return;
    if (resolved === null || destinations.length === 0) return;
    out.push({
      id: d.id,
      at: d.at,
      size,
      reduction,
      wire,
      ready,
      readySlot,
      due,
      to: d.to ? [...d.to] : [],
      destinations,
      domains,
      copies,
    });
  });
  return out;
}

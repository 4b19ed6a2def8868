/**
 * Internet Topology Zoo GraphML → scenario.
 *
 * Rules (also in docs/import.md):
 * - `<key>`s are looked up by `attr.name` (their ids differ per file); a `<data>` naming an
 *   undeclared key is an error.
 * - Nodes become `site`s with `location` and the IANA `timezone` of their coordinates (geo-tz).
 *   Nodes without coordinates get neither, and a comment says so (windows on their links then need
 *   an explicit `timezone`).
 * - External nodes (`Internal` = 0: another network's point of presence) become `exchange` nodes
 *   (transit, no storage, no datasets); `dropExternal` removes them and their edges instead.
 * - `hyperedge` nodes (a shared segment the Zoo drew as a node) become `exchange` nodes, so that
 *   traffic can cross the segment but nothing is stored or originates there.
 * - Undirected edges become `bidirectional: true` links (full duplex: each direction gets the
 *   capacity); edges of a directed graph, or with `directed="true"`, become one-way links.
 * - Capacity: `LinkSpeedRaw` (bit/s), else `LinkSpeed` × `LinkSpeedUnits`, else the text of
 *   `LinkLabel`/`LinkType` by the rules of link-speed.ts; otherwise the required default capacity,
 *   and each such link carries a comment. Parallel edges are kept, with ids `<from>-><to>:2`, ….
 *   Self-loops carry nothing between sites and are dropped (counted in a note).
 * - Ids are the sanitised labels (ids.ts); `node-<graphml id>` / `hyperedge-<graphml id>` when a
 *   node has no usable label (the Zoo writes the text `None` for unlabelled nodes).
 */
import { UsageError } from '../../errors.js';
import { mul, type Rational, rational } from '../rational.js';
import type { DraftLink, DraftNode, ScenarioDraft } from './draft.js';
import { type HorizonOptions, resolveHorizon } from './horizon.js';
import { IdAllocator } from './ids.js';
import { parseSpeedLabel } from './link-speed.js';
import { checkRateOption, formatBitRate, parseSourceNumber } from './quantities.js';
import { fail } from './text.js';
import { timezoneAt } from './timezone.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml.js';

/** Options of {@link importZoo}. */
export interface ZooImportOptions extends HorizonOptions {
  /** File name for messages and the header comment. */
  readonly file: string;
  /** Rate for links whose speed the file does not give (`10Gbps`); required when any lacks one. */
  readonly defaultCapacity?: string;
  /** Drop external nodes (`Internal` = 0) and their edges instead of keeping them as exchanges. @defaultValue false */
  readonly dropExternal?: boolean;
  /** Scenario `name`. @defaultValue the Zoo's `Network` (or graph `label`) */
  readonly name?: string;
}

const UNIT_FACTOR: Record<string, bigint> = {
  '': 1n,
  k: 10n ** 3n,
  K: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
};

interface KeyInfo {
  readonly name: string;
  readonly for: string;
}

type DataMap = Map<string, { value: string; el: XmlElement }>;

function readData(el: XmlElement, keys: Map<string, KeyInfo>, file: string, where: string): DataMap {
  const out: DataMap = new Map();
  for (const d of childrenNamed(el, 'data')) {
    const keyId = d.attrs.key;
    if (keyId === undefined)
      fail(file, d.line, d.column, where, '<data> has no key attribute: expected key="dNN"');
    const key = keys.get(keyId);
    if (!key) {
      fail(file, d.line, d.column, where, `<data key="${keyId}"> names a key that no <key> element declares`);
    }
    out.set(key.name, { value: d.text, el: d });
  }
  return out;
}

function numberData(data: DataMap, name: string, file: string, where: string): number | null {
  const entry = data.get(name);
  if (!entry || entry.value === '') return null;
  const value = Number(entry.value);
  if (parseSourceNumber(entry.value) === null || !Number.isFinite(value)) {
    fail(
      file,
      entry.el.line,
      entry.el.column,
      `${where}.${name}`,
      `"${entry.value}" is not a number: expected degrees`,
    );
  }
  return value;
}

interface Speed {
  readonly bps: Rational | null;
  /** Why the default applies, or how the speed was read, for the link's comment. */
  readonly note: string | null;
}

function edgeSpeed(data: DataMap, file: string, where: string): Speed {
  const raw = data.get('LinkSpeedRaw');
  if (raw && raw.value !== '') {
    const v = parseSourceNumber(raw.value);
    if (v === null || v.num < 0n) {
      fail(
        file,
        raw.el.line,
        raw.el.column,
        `${where}.LinkSpeedRaw`,
        `"${raw.value}" is not a speed in bit/s`,
      );
    }
    if (v.num > 0n) return { bps: v, note: null };
  }
  const speed = data.get('LinkSpeed');
  if (speed && speed.value !== '') {
    const v = parseSourceNumber(speed.value);
    if (v === null || v.num < 0n) {
      fail(file, speed.el.line, speed.el.column, `${where}.LinkSpeed`, `"${speed.value}" is not a number`);
    }
    const units = data.get('LinkSpeedUnits');
    const unit = units?.value ?? '';
    const factor = UNIT_FACTOR[unit];
    if (factor === undefined) {
      const el = units?.el ?? speed.el;
      fail(
        file,
        el.line,
        el.column,
        `${where}.LinkSpeedUnits`,
        `unknown speed unit "${unit}": expected k, M, G or T`,
      );
    }
    if (v.num > 0n) return { bps: mul(v, rational(factor)), note: null };
  }
  const readings: { field: string; text: string; bps: Rational }[] = [];
  const problems: string[] = [];
  for (const field of ['LinkLabel', 'LinkType']) {
    const entry = data.get(field);
    if (!entry || entry.value === '') continue;
    const r = parseSpeedLabel(entry.value);
    if (r.kind === 'unknown') fail(file, entry.el.line, entry.el.column, `${where}.${field}`, r.reason);
    if (r.kind === 'ambiguous') problems.push(`${field} ${r.reason}`);
    if (r.kind === 'speed') readings.push({ field, text: entry.value, bps: r.bitsPerSecond });
  }
  const first = readings[0];
  if (
    first &&
    problems.length === 0 &&
    readings.every((r) => r.bps.num === first.bps.num && r.bps.den === first.bps.den)
  ) {
    return { bps: first.bps, note: `capacity read from ${first.field} "${first.text}"` };
  }
  if (readings.length > 1) problems.push('LinkLabel and LinkType give different speeds');
  return { bps: null, note: problems.length > 0 ? problems.join('; ') : 'no speed in the source' };
}

/**
 * Imports a Topology Zoo GraphML document.
 * @throws InputError (file, line, column) for malformed XML or GraphML, undeclared keys,
 *   non-numeric coordinates or speeds, unknown speed units; UsageError when some link has no speed
 *   and no `defaultCapacity` was given, or for a malformed option.
 */
export function importZoo(text: string, options: ZooImportOptions): ScenarioDraft {
  const { file } = options;
  const defaultCapacity =
    options.defaultCapacity === undefined
      ? undefined
      : checkRateOption(options.defaultCapacity, '--default-capacity');
  const { horizon, notes: horizonNotes } = resolveHorizon(options);
  const root = parseXml(text, file, 'GraphML');
  if (root.name !== 'graphml') {
    fail(
      file,
      root.line,
      root.column,
      '',
      `root element is <${root.name}>: expected <graphml> (Topology Zoo GraphML)`,
    );
  }
  const keys = new Map<string, KeyInfo>();
  for (const k of childrenNamed(root, 'key')) {
    const id = k.attrs.id;
    const name = k.attrs['attr.name'];
    if (id === undefined || name === undefined) {
      fail(file, k.line, k.column, 'key', '<key> needs both id and attr.name attributes');
    }
    keys.set(id, { name, for: k.attrs.for ?? 'all' });
  }
  const graph = childNamed(root, 'graph');
  if (!graph) fail(file, root.line, root.column, '', 'no <graph> element: expected one inside <graphml>');
  const graphData = readData(graph, keys, file, 'graph');
  const directedGraph = graph.attrs.edgedefault === 'directed';

  const ids = new IdAllocator();
  const nodeIds = new Map<string, string | null>(); // graphml id → scenario id (null: dropped)
  const nodes: DraftNode[] = [];
  let noCoordinates = 0;
  let external = 0;
  let hyper = 0;
  let droppedNodes = 0;
  for (const n of childrenNamed(graph, 'node')) {
    const gid = n.attrs.id;
    if (gid === undefined) fail(file, n.line, n.column, 'node', '<node> has no id attribute');
    if (nodeIds.has(gid)) fail(file, n.line, n.column, `node[${gid}]`, `duplicate node id "${gid}"`);
    const where = `node[${gid}]`;
    const data = readData(n, keys, file, where);
    const isExternal = data.get('Internal')?.value === '0';
    const isHyper = data.get('hyperedge')?.value === '1';
    if (isExternal && options.dropExternal && !isHyper) {
      nodeIds.set(gid, null);
      droppedNodes++;
      continue;
    }
    const rawLabel = data.get('label')?.value ?? '';
    const label = rawLabel === 'None' ? '' : rawLabel;
    const fallback = `${isHyper ? 'hyperedge' : 'node'}-${gid.replace(/[^A-Za-z0-9._:-]/g, '_') || 'x'}`;
    const id = ids.allocate(isHyper ? null : label, fallback);
    nodeIds.set(gid, id);
    const lat = numberData(data, 'Latitude', file, where);
    const lon = numberData(data, 'Longitude', file, where);
    const comments: string[] = [];
    if (label !== '' && id !== label.replace(/ /g, '_')) comments.push(`label "${label}"`);
    if (isHyper) {
      hyper++;
      comments.push('hyperedge node (a shared segment in the source): imported as an exchange');
    } else if (isExternal) {
      external++;
      comments.push('external node (Internal = 0): kept as an exchange; --drop-external removes it');
    }
    let location: [number, number] | undefined;
    let timezone: string | undefined;
    if (lat !== null && lon !== null) {
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        const el = data.get('Latitude')!.el;
        fail(
          file,
          el.line,
          el.column,
          where,
          `coordinates (${lat}, ${lon}) are out of range: expected latitude in [-90, 90] and longitude in [-180, 180]`,
        );
      }
      location = [lat, lon];
      timezone = timezoneAt(lat, lon) ?? undefined;
      if (timezone === undefined) comments.push('no time zone found at these coordinates');
    } else if (!isHyper) {
      noCoordinates++;
      comments.push(
        'no coordinates in the source: no location and no timezone (windows need their own timezone)',
      );
    }
    nodes.push({
      id,
      kind: isHyper || isExternal ? 'exchange' : 'site',
      ...(timezone ? { timezone } : {}),
      ...(location ? { location } : {}),
      ...(comments.length ? { comment: comments.join('; ') } : {}),
    });
  }

  const linkIds = new IdAllocator();
  const links: DraftLink[] = [];
  const needDefault: { where: string; line: number; note: string }[] = [];
  let droppedEdges = 0;
  let selfLoops = 0;
  let parallel = 0;
  const seenPairs = new Set<string>();
  const edges = childrenNamed(graph, 'edge');
  for (const [i, e] of edges.entries()) {
    const { source, target } = e.attrs;
    const where = `edge[${i}]`;
    if (source === undefined || target === undefined) {
      fail(file, e.line, e.column, where, '<edge> needs source and target attributes');
    }
    for (const end of [source, target]) {
      if (!nodeIds.has(end))
        fail(file, e.line, e.column, where, `edge end "${end}" is not a node id of this graph`);
    }
    const from = nodeIds.get(source);
    const to = nodeIds.get(target);
    if (from === null || to === null || from === undefined || to === undefined) {
      droppedEdges++;
      continue;
    }
    if (from === to) {
      selfLoops++;
      continue;
    }
    const data = readData(e, keys, file, where);
    const speed = edgeSpeed(data, file, where);
    const pair = [from, to].sort().join('\u0000');
    if (seenPairs.has(pair)) parallel++;
    seenPairs.add(pair);
    const base = `${from}->${to}`;
    const id = linkIds.has(base)
      ? linkIds.allocate(null, nextParallelId(linkIds, base))
      : linkIds.allocate(null, base);
    const directed = e.attrs.directed === undefined ? directedGraph : e.attrs.directed === 'true';
    let capacity: string;
    let comment: string | undefined;
    if (speed.bps) {
      capacity = formatBitRate(speed.bps);
      comment = speed.note ?? undefined;
    } else {
      needDefault.push({ where: `${where} (${from} – ${to})`, line: e.line, note: speed.note ?? '' });
      capacity = defaultCapacity ?? '';
      comment = `capacity: --default-capacity (${speed.note})`;
    }
    links.push({
      id,
      from,
      to,
      capacity,
      ...(directed ? {} : { bidirectional: true }),
      ...(comment ? { comment } : {}),
    });
  }
  if (needDefault.length > 0 && defaultCapacity === undefined) {
    const first = needDefault[0];
    throw new UsageError(
      `${file}: ${needDefault.length} of ${links.length} links have no usable speed (first: ${first.where} at line ${first.line}: ${first.note}); pass --default-capacity RATE (e.g. --default-capacity 10Gbps)`,
    );
  }

  const network = graphData.get('Network')?.value || graphData.get('label')?.value || undefined;
  const name = options.name ?? network;
  const notes = [
    `Imported by \`wanplan import zoo\` from ${file} (The Internet Topology Zoo, CC BY 4.0).`,
    `Source: ${childrenNamed(graph, 'node').length} nodes, ${edges.length} edges (${directedGraph ? 'directed' : 'undirected'}); here: ${nodes.length} nodes, ${links.length} links.`,
    directedGraph
      ? 'Links are one-way, as in the source.'
      : 'Links are bidirectional: each undirected edge gives its full capacity in both directions (full duplex).',
    'Capacities: LinkSpeedRaw (bit/s), else LinkSpeed × LinkSpeedUnits, else the LinkLabel/LinkType text (OC-n = n × 51.84 Mbit/s, STM-n = n × 155.52 Mbit/s, nGE = n Gbit/s).',
    ...(needDefault.length > 0
      ? [
          `${needDefault.length} links have no usable speed and take --default-capacity ${defaultCapacity} (each marked below).`,
        ]
      : []),
    'Time zones come from the coordinates (geo-tz).',
    ...(noCoordinates > 0
      ? [`${noCoordinates} nodes have no coordinates, hence no timezone (marked below).`]
      : []),
    ...(external > 0
      ? [`${external} external nodes (Internal = 0) are exchanges (use --drop-external to remove them).`]
      : []),
    ...(droppedNodes > 0
      ? [`${droppedNodes} external nodes and ${droppedEdges} of their edges were dropped (--drop-external).`]
      : []),
    ...(hyper > 0 ? [`${hyper} hyperedge nodes (shared segments) are exchanges.`] : []),
    ...(parallel > 0 ? [`${parallel} parallel edges are kept as separate links.`] : []),
    ...(selfLoops > 0 ? [`${selfLoops} self-loop edges were dropped.`] : []),
    'Node storage is not set (0B: no store-and-forward); datasets: none yet — add the data to back up.',
    ...horizonNotes,
  ];
  return { ...(name ? { name } : {}), horizon, nodes, links, datasets: [], notes };
}

function nextParallelId(ids: IdAllocator, base: string): string {
  let n = 2;
  while (ids.has(`${base}:${n}`)) n++;
  return `${base}:${n}`;
}

/**
 * Adds Skyplane's measured cloud-to-cloud links (and missing region nodes) to an existing scenario
 * without touching the rest of it.
 *
 * The scenario is edited as a `yaml` Document, so its comments, key order and formatting survive;
 * only items are appended to `nodes` and `links` (a `links` key is created if absent). Rules:
 * - Regions: those named by `regions`; without it, the Skyplane regions that the scenario's cloud
 *   nodes already stand for.
 * - A region is the scenario's cloud node with the same provider and the same region (a GCP zone
 *   `europe-west3-a` also matches a node whose region is `europe-west3`), or the node whose id is the
 *   region id; otherwise a cloud node `<provider>:<region>` is added.
 * - A measured pair is skipped when the scenario already has a link in that direction (declared,
 *   or the reverse of a bidirectional link): the user's own numbers win.
 * - Link ids are `<from>-><to>`, made unique against every id the scenario already uses.
 * JSON input gives JSON output (comments cannot be kept in JSON).
 */
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type YAMLMap,
  YAMLSeq,
} from 'yaml';
import { InputError, UsageError } from '../../errors.js';
import { IdAllocator } from './ids.js';
import {
  loadSkyplaneGrid,
  measuredLinks,
  measurementNotes,
  resolveRegions,
  type SkyplaneFiles,
  splitRegion,
} from './skyplane.js';
import { diag, fail } from './text.js';

/** Options of {@link mergeSkyplaneInto}. */
export interface SkyplaneIntoOptions {
  /** Name of the scenario file, for messages. */
  readonly scenarioFile: string;
  /** Comma-separated regions to add (and link); default: the clouds already in the scenario. */
  readonly regions?: string;
  /** Write JSON even when the scenario is YAML. @defaultValue false */
  readonly json?: boolean;
}

/** What {@link mergeSkyplaneInto} did. */
export interface SkyplaneIntoResult {
  /** The updated scenario text. */
  readonly text: string;
  readonly addedNodes: readonly string[];
  readonly addedLinks: number;
  /** Measured pairs skipped because the scenario already links them. */
  readonly keptExisting: number;
}

function str(map: YAMLMap, key: string): string | undefined {
  const v = map.get(key);
  return typeof v === 'string' ? v : undefined;
}

function comment(lines: string[]): string {
  return lines.map((l) => ` ${l}`).join('\n');
}

/**
 * Merges measured links into the scenario text.
 * @throws InputError for YAML/JSON syntax errors or a scenario without a `nodes` list (with file
 *   and line), or malformed CSV; UsageError for unknown regions or fewer than two regions to link.
 */
export function mergeSkyplaneInto(
  scenarioText: string,
  files: SkyplaneFiles,
  options: SkyplaneIntoOptions,
): SkyplaneIntoResult {
  const file = options.scenarioFile;
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(scenarioText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return diag(file, pos.line, pos.col, '', e.message.split('\n')[0]);
      }),
    );
  }
  if (!isMap(doc.contents))
    fail(file, 1, 1, '', 'the scenario is not a mapping: expected `wanplan: 1`, `nodes:`, …');
  const nodesSeq = doc.get('nodes', true);
  if (!isSeq(nodesSeq)) fail(file, 1, 1, 'nodes', 'the scenario has no `nodes` list to add cloud regions to');
  let linksSeq = doc.get('links', true);
  if (linksSeq !== undefined && !isSeq(linksSeq)) {
    const at = isScalar(linksSeq) && linksSeq.range ? lineCounter.linePos(linksSeq.range[0]) : undefined;
    fail(file, at?.line ?? null, at?.col ?? null, 'links', '`links` is not a list');
  }

  const grid = loadSkyplaneGrid(files);
  const nodeIds = new IdAllocator();
  const clouds: { id: string; provider?: string; region?: string }[] = [];
  for (const item of nodesSeq.items) {
    if (!isMap(item)) continue;
    const id = str(item, 'id');
    if (id === undefined) continue;
    nodeIds.reserve([id]);
    if (str(item, 'kind') === 'cloud')
      clouds.push({ id, provider: str(item, 'provider'), region: str(item, 'region') });
  }
  const existingFor = (regionId: string): string | undefined => {
    const { provider, region } = splitRegion(regionId);
    const hit = clouds.find(
      (c) =>
        c.provider === provider &&
        c.region !== undefined &&
        (c.region === region || (region.startsWith(`${c.region}-`) && region.length === c.region.length + 2)),
    );
    return hit?.id ?? clouds.find((c) => c.id === regionId)?.id;
  };
  const regions =
    options.regions === undefined
      ? grid.regions.filter((r) => existingFor(r) !== undefined)
      : resolveRegions(grid, options.regions);
  if (regions.length < 2) {
    throw new UsageError(
      `${file}: ${regions.length} cloud region${regions.length === 1 ? '' : 's'} to link (the scenario's clouds matching Skyplane regions, or --regions); name at least two with --regions`,
    );
  }

  const idOf = new Map<string, string>();
  const addedNodes: string[] = [];
  for (const r of regions) {
    const existing = existingFor(r);
    if (existing !== undefined) {
      idOf.set(r, existing);
      continue;
    }
    const id = nodeIds.allocate(r, 'cloud');
    idOf.set(r, id);
    const node = doc.createNode({ id, kind: 'cloud', ...splitRegion(r) }) as YAMLMap;
    if (addedNodes.length === 0) {
      node.commentBefore = comment([
        `cloud regions added by \`wanplan import skyplane --into\` (Skyplane grid)`,
      ]);
    }
    nodesSeq.add(node);
    addedNodes.push(id);
  }

  // Every link id in use (declared, defaulted and generated reverse ids) and every directed pair.
  const linkIds = new IdAllocator();
  const pairs = new Set<string>();
  for (const item of isSeq(linksSeq) ? linksSeq.items : []) {
    if (!isMap(item)) continue;
    const from = str(item, 'from');
    const to = str(item, 'to');
    const id = str(item, 'id');
    const bidirectional = item.get('bidirectional') === true;
    if (from === undefined || to === undefined) continue;
    linkIds.reserve([id ?? `${from}->${to}`]);
    pairs.add(`${from}\u0000${to}`);
    if (bidirectional) {
      linkIds.reserve([id ? `${id}:reverse` : `${to}->${from}`]);
      pairs.add(`${to}\u0000${from}`);
    }
  }
  const result = measuredLinks(
    grid,
    regions,
    (r) => idOf.get(r)!,
    linkIds,
    (from, to) => pairs.has(`${from}\u0000${to}`),
  );
  if (result.links.length > 0) {
    if (!isSeq(linksSeq)) {
      linksSeq = new YAMLSeq();
      doc.set('links', linksSeq);
    }
    const seq = linksSeq as YAMLSeq;
    seq.flow = false;
    result.links.forEach((link, i) => {
      const node = doc.createNode(link) as YAMLMap;
      if (i === 0) {
        node.commentBefore = comment([
          `${result.links.length} cloud-to-cloud links added by \`wanplan import skyplane --into\` between ${regions.join(', ')}.`,
          ...measurementNotes(grid, result),
          ...(result.skipped > 0
            ? [`${result.skipped} measured pairs already linked in this scenario were kept as they are.`]
            : []),
        ]);
      }
      seq.add(node);
    });
  }
  const asJson = options.json || /^\s*[{[]/.test(scenarioText);
  const text = asJson ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : doc.toString({ lineWidth: 0 });
  return { text, addedNodes, addedLinks: result.links.length, keptExisting: result.skipped };
}

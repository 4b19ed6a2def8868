/**
 * SNDlib network (native text or XML) → scenario.
 *
 * Rules (also in docs/import.md):
 * - Format: XML when the text starts with `<`, native text otherwise.
 * - Units: the file's `META unit` (`MBITPERSEC`, also `KBITPERSEC`, `GBITPERSEC`, `BITPERSEC`).
 *   Files without one (germany50, nobel-eu) are refused unless `capacityUnit` says what their
 *   numbers mean: a wrong guess would be off by a factor of 1000.
 * - Nodes become `site`s with `location` (native files list longitude first) and the IANA zone of
 *   their coordinates.
 * - Links become `bidirectional: true` links (full duplex, SNDlib's BIDIRECTED reading; the
 *   network file does not say whether capacity is shared by both directions). Capacity: the
 *   pre-installed capacity when above zero; else the largest additional module (as if one module
 *   of the largest size were installed: the capacity the network was designed to offer); else
 *   the required default capacity.
 * - Demands are ignored unless `demandsAsDatasets`: then each demand of value v (in the file's unit)
 *   becomes a dataset at its source of size v (in Mbit/s) × `volumePerMbps`, sent to its target,
 *   and every demand target becomes an `appliance` (SCENARIO.md only lets datasets go to clouds
 *   and appliances). Zero demands and demands from a node to itself are skipped; a dataset above
 *   8 PB is split into equal parts (`<id>.1`, `<id>.2`, …) because one dataset must stay below
 *   2^53 bytes.
 */
import { UsageError } from '../../errors.js';
import { ceil, compare, div, mul, type Rational, rational } from '../rational.js';
import type { DraftDataset, DraftLink, DraftNode, ScenarioDraft } from './draft.js';
import { type HorizonOptions, resolveHorizon } from './horizon.js';
import { IdAllocator } from './ids.js';
import { checkRateOption, formatBitRate, formatBytes, parseSizeOption } from './quantities.js';
import { parseSndlibNative } from './sndlib-native.js';
import type { SndlibNetwork } from './sndlib-network.js';
import { parseSndlibXml } from './sndlib-xml.js';
import { fail } from './text.js';
import { timezoneAt } from './timezone.js';

/** Options of {@link importSndlib}. */
export interface SndlibImportOptions extends HorizonOptions {
  /** File name for messages and the header comment. */
  readonly file: string;
  /** Unit of capacities and demands for files without `META unit`: `bps`, `kbps`, `Mbps`, `Gbps` or `Tbps`. */
  readonly capacityUnit?: string;
  /** Rate for links with neither pre-installed capacity nor modules. */
  readonly defaultCapacity?: string;
  /** Turn demands into datasets (needs `volumePerMbps`). @defaultValue false */
  readonly demandsAsDatasets?: boolean;
  /** Data volume per Mbit/s of demand, e.g. `1TB`. */
  readonly volumePerMbps?: string;
  /** Scenario `name`. @defaultValue the network name in the file, else the file name */
  readonly name?: string;
}

const META_UNITS: Record<string, bigint> = {
  BITPERSEC: 1n,
  KBITPERSEC: 10n ** 3n,
  MBITPERSEC: 10n ** 6n,
  GBITPERSEC: 10n ** 9n,
  TBITPERSEC: 10n ** 12n,
};

const OPTION_UNITS: Record<string, bigint> = {
  bps: 1n,
  kbps: 10n ** 3n,
  mbps: 10n ** 6n,
  gbps: 10n ** 9n,
  tbps: 10n ** 12n,
};

/** Largest part a split dataset gets: 8 PB, safely below 2^53 bytes. */
export const MAX_DATASET_BYTES = 8n * 10n ** 15n;

/** Parses SNDlib text in either format (detected from the first character). */
export function parseSndlib(text: string, file: string): SndlibNetwork {
  return /^\s*</.test(text) ? parseSndlibXml(text, file) : parseSndlibNative(text, file);
}

function unitFactor(net: SndlibNetwork, options: SndlibImportOptions): { factor: bigint; note: string } {
  const { file } = options;
  const optionFactor =
    options.capacityUnit === undefined ? undefined : OPTION_UNITS[options.capacityUnit.trim().toLowerCase()];
  if (options.capacityUnit !== undefined && optionFactor === undefined) {
    throw new UsageError(
      `--capacity-unit: "${options.capacityUnit}" is not one of bps, kbps, Mbps, Gbps, Tbps`,
    );
  }
  if (net.unit !== null) {
    const factor = META_UNITS[net.unit];
    if (factor === undefined) {
      fail(
        file,
        net.unitLine,
        null,
        'META.unit',
        `unknown unit "${net.unit}": expected MBITPERSEC (or BITPERSEC, KBITPERSEC, GBITPERSEC, TBITPERSEC)`,
      );
    }
    if (optionFactor !== undefined && optionFactor !== factor) {
      throw new UsageError(
        `--capacity-unit ${options.capacityUnit} contradicts the file's META unit ${net.unit} (${file})`,
      );
    }
    return { factor, note: `Capacities and demands are in the file's unit, ${net.unit}.` };
  }
  if (optionFactor === undefined) {
    throw new UsageError(
      `${file} does not say in which unit its capacities and demands are (no META unit): pass --capacity-unit Mbps (or Gbps, …) to say what its numbers mean`,
    );
  }
  return {
    factor: optionFactor,
    note: `The file has no META unit: capacities and demands read in ${options.capacityUnit} (--capacity-unit).`,
  };
}

/**
 * Imports an SNDlib network file (native or XML).
 * @throws InputError (file, line, column) for malformed files and unknown node references;
 *   UsageError for a missing unit, default capacity or volume, or a malformed option.
 */
export function importSndlib(text: string, options: SndlibImportOptions): ScenarioDraft {
  const { file } = options;
  const defaultCapacity =
    options.defaultCapacity === undefined
      ? undefined
      : checkRateOption(options.defaultCapacity, '--default-capacity');
  if (options.demandsAsDatasets && options.volumePerMbps === undefined) {
    throw new UsageError(
      '--demands-as-datasets needs --volume-per-mbps SIZE (the data volume per Mbit/s of demand, e.g. 1TB)',
    );
  }
  const volume =
    options.volumePerMbps === undefined ? null : parseSizeOption(options.volumePerMbps, '--volume-per-mbps');
  const { horizon, notes: horizonNotes } = resolveHorizon(options);
  const net = parseSndlib(text, file);
  const { factor, note: unitNote } = unitFactor(net, options);
  const bps = (v: Rational): Rational => mul(v, rational(factor));

  const demandTargets = new Set(options.demandsAsDatasets ? net.demands.map((d) => d.target) : []);
  const nodeIds = new IdAllocator();
  const idOf = new Map<string, string>();
  const nodes: DraftNode[] = [];
  let noCoordinates = 0;
  for (const n of net.nodes) {
    if (idOf.has(n.id)) fail(file, n.line, null, `nodes.${n.id}`, `duplicate node id "${n.id}"`);
    const id = nodeIds.allocate(n.id, `node-${nodes.length + 1}`);
    idOf.set(n.id, id);
    const comments: string[] = [];
    if (id !== n.id) comments.push(`SNDlib id "${n.id}"`);
    let location: [number, number] | undefined;
    let timezone: string | undefined;
    if (n.lat !== null && n.lon !== null) {
      if (!(n.lat >= -90 && n.lat <= 90 && n.lon >= -180 && n.lon <= 180)) {
        fail(
          file,
          n.line,
          null,
          `nodes.${n.id}`,
          `coordinates (lon ${n.lon}, lat ${n.lat}) are out of range: expected longitude in [-180, 180], latitude in [-90, 90]`,
        );
      }
      location = [n.lat, n.lon];
      timezone = timezoneAt(n.lat, n.lon) ?? undefined;
    } else {
      noCoordinates++;
      comments.push('no coordinates in the source: no location and no timezone');
    }
    const appliance = demandTargets.has(n.id);
    nodes.push({
      id,
      kind: appliance ? 'appliance' : 'site',
      ...(timezone ? { timezone } : {}),
      ...(location ? { location } : {}),
      ...(comments.length ? { comment: comments.join('; ') } : {}),
    });
  }
  const endpoint = (name: string, line: number, path: string): string => {
    const id = idOf.get(name);
    if (id === undefined) fail(file, line, null, path, `"${name}" is not a node of this network`);
    return id;
  };

  const linkIds = new IdAllocator();
  const links: DraftLink[] = [];
  let byModule = 0;
  const byDefault: string[] = [];
  for (const l of net.links) {
    const from = endpoint(l.source, l.line, `links.${l.id}.source`);
    const to = endpoint(l.target, l.line, `links.${l.id}.target`);
    const id = linkIds.allocate(l.id, `${from}->${to}`);
    let capacity: string;
    let comment: string | undefined;
    if (l.preInstalled) capacity = formatBitRate(bps(l.preInstalled));
    else {
      const largest = l.modules.reduce<Rational | null>(
        (m, c) => (m === null || compare(c, m) > 0 ? c : m),
        null,
      );
      if (largest && largest.num > 0n) {
        capacity = formatBitRate(bps(largest));
        byModule++;
      } else {
        byDefault.push(`${l.id} (line ${l.line})`);
        capacity = defaultCapacity ?? '';
        comment = 'capacity: --default-capacity (no pre-installed capacity and no modules in the source)';
      }
    }
    links.push({ id, from, to, capacity, bidirectional: true, ...(comment ? { comment } : {}) });
  }
  if (byDefault.length > 0 && defaultCapacity === undefined) {
    throw new UsageError(
      `${file}: ${byDefault.length} links have neither pre-installed capacity nor modules (first: ${byDefault[0]}); pass --default-capacity RATE (e.g. --default-capacity 10Gbps)`,
    );
  }

  const datasets: DraftDataset[] = [];
  let skipped = 0;
  let split = 0;
  if (options.demandsAsDatasets && volume !== null) {
    const datasetIds = new IdAllocator();
    for (const d of net.demands) {
      const at = endpoint(d.source, d.line, `demands.${d.id}.source`);
      const target = endpoint(d.target, d.line, `demands.${d.id}.target`);
      const mbps = div(bps(d.value), rational(10n ** 6n));
      const bytes = ceil(mul(mbps, rational(volume)));
      if (bytes <= 0n || at === target) {
        skipped++;
        continue;
      }
      const comment = `demand ${d.id}: ${formatBitRate(bps(d.value))} × ${options.volumePerMbps} per Mbit/s`;
      const parts = (bytes + MAX_DATASET_BYTES - 1n) / MAX_DATASET_BYTES;
      if (parts === 1n) {
        datasets.push({
          id: datasetIds.allocate(d.id, `demand-${datasets.length + 1}`),
          at,
          size: formatBytes(bytes),
          to: [target],
          comment,
        });
        continue;
      }
      split++;
      const base = datasetIds.allocate(d.id, `demand-${datasets.length + 1}`);
      for (let p = 0n; p < parts; p++) {
        const size = bytes / parts + (p < bytes % parts ? 1n : 0n);
        datasets.push({
          id: datasetIds.allocate(`${base}.${p + 1n}`, `${base}.${p + 1n}`),
          at,
          size: formatBytes(size),
          to: [target],
          comment: `${comment}; part ${p + 1n} of ${parts} (one dataset must stay below 2^53 bytes)`,
        });
      }
    }
  }

  const name = options.name ?? net.name ?? file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const notes = [
    `Imported by \`wanplan import sndlib\` from ${file} (SNDlib, ZIB).`,
    `Source: ${net.nodes.length} nodes, ${net.links.length} links, ${net.demands.length} demands.`,
    unitNote,
    'Links are bidirectional: full capacity in each direction (SNDlib network files do not say whether both directions share it).',
    ...(byModule > 0
      ? [
          `${byModule} links have no pre-installed capacity: each gets its largest module's capacity (one module of the largest size installed).`,
        ]
      : []),
    ...(byDefault.length > 0
      ? [`${byDefault.length} links take --default-capacity ${defaultCapacity} (marked below).`]
      : []),
    'Time zones come from the coordinates (geo-tz).',
    ...(noCoordinates > 0
      ? [`${noCoordinates} nodes have no coordinates, hence no timezone (marked below).`]
      : []),
    options.demandsAsDatasets
      ? `Datasets: one per demand, size = demand in Mbit/s × ${options.volumePerMbps} (--volume-per-mbps), sent to the demand's target; demand targets are appliances (on-premises stores: SCENARIO.md sends datasets only to clouds and appliances); reduction 1, no due.${skipped > 0 ? ` ${skipped} zero or self demands skipped.` : ''}${split > 0 ? ` ${split} demands above 8 PB split into parts.` : ''}`
      : `Demands are not imported (use --demands-as-datasets --volume-per-mbps SIZE); datasets: none yet.`,
    'Node storage is not set (0B: no store-and-forward).',
    ...horizonNotes,
  ];
  return { name, horizon, nodes, links, datasets, notes };
}

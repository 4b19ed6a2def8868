/**
 * Skyplane's measured cloud grids → cloud nodes and cloud-to-cloud links.
 *
 * Rules (also in docs/import.md):
 * - Regions are those measured in `throughput.csv` (`aws:eu-central-1`, `azure:westeurope`,
 *   `gcp:europe-west3-a`); the region id is the node id, the part before `:` the provider, the
 *   part after it the `region`. A requested name matches a region exactly, or a GCP zone when it
 *   names the zone's region (`gcp:europe-west3` → `gcp:europe-west3-a`) and only one zone matches.
 * - Capacity of `src → dst`: iperf3's `throughput_received` (bits that arrived, not bits pushed into
 *   the socket), the lower median over repeated measurements (a real measurement, robust to one
 *   outlier, never an average of two), floored to whole Mbit/s. Rows with `success` other than
 *   `True` and pairs of a region with itself are ignored. Links are one-way: each direction was
 *   measured on its own.
 * - Latency: `avg_rtt` of the PREMIUM-to-PREMIUM tier rows (lower median), in ms.
 * - Cost: `cost.csv` (`src,dest,cost` in USD/GB), else for AWS-to-AWS pairs
 *   `aws_transfer_costs.csv` (`src,dst,cost` with bare AWS region names); otherwise no cost.
 * - The grids have no coordinates: cloud nodes get no location and no timezone.
 */
import { UsageError } from '../../errors.js';
import { type CsvTable, parseCsv } from './csv.js';
import type { DraftLink, DraftNode, ScenarioDraft } from './draft.js';
import { type HorizonOptions, resolveHorizon } from './horizon.js';
import { IdAllocator } from './ids.js';
import { formatExactDecimal, parseSourceNumber } from './quantities.js';
import { fail } from './text.js';

/** One CSV file's name and text. */
export interface NamedText {
  readonly file: string;
  readonly text: string;
}

/** The Skyplane files: `throughput.csv` is required, the others add latency and cost. */
export interface SkyplaneFiles {
  readonly throughput: NamedText;
  readonly latency?: NamedText;
  readonly cost?: NamedText;
  readonly awsCost?: NamedText;
}

/** What the grids say about one ordered pair of regions. */
export interface PairMeasurement {
  /** Capacity text, whole Mbit/s (`4737Mbps`), or null when the measured rate floors to 0. */
  readonly capacity: string | null;
  /** Number of successful throughput measurements of the pair. */
  readonly samples: number;
  /** RTT text (`105.976ms`), or null. */
  readonly latency: string | null;
  /** Cost text (`0.02USD/GB`), or null. */
  readonly cost: string | null;
}

/** The loaded grids. */
export interface SkyplaneGrid {
  /** Measured region ids, sorted. */
  readonly regions: readonly string[];
  /** File names, for comments. */
  readonly files: readonly string[];
  /** The measurement of `src → dst`, or undefined when the pair was not measured. */
  measurement(src: string, dst: string): PairMeasurement | undefined;
}

const PAIR = (a: string, b: string): string => `${a}\u0000${b}`;

function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
}

function positiveNumber(
  table: CsvTable,
  row: { values: Readonly<Record<string, string>>; line: number },
  column: string,
  what: string,
): number {
  const text = row.values[column];
  const v = Number(text);
  if (text === '' || parseSourceNumber(text) === null || !Number.isFinite(v) || v < 0) {
    fail(table.file, row.line, null, column, `"${text}" found: expected ${what}`);
  }
  return v;
}

function regionOf(table: CsvTable, line: number, id: string): string {
  if (!/^(aws|azure|gcp):[A-Za-z0-9._-]+$/.test(id)) {
    fail(table.file, line, null, '', `region "${id}" found: expected <aws|azure|gcp>:<region>`);
  }
  return id;
}

/**
 * Reads the Skyplane CSV files.
 * @throws InputError naming file and line for a missing column or a non-numeric measurement.
 */
export function loadSkyplaneGrid(files: SkyplaneFiles): SkyplaneGrid {
  const tp = parseCsv(files.throughput.text, files.throughput.file, [
    'src_region',
    'dst_region',
    'throughput_received',
  ]);
  const samples = new Map<string, number[]>();
  const regions = new Set<string>();
  for (const row of tp.rows) {
    const src = regionOf(tp, row.line, row.values.src_region);
    const dst = regionOf(tp, row.line, row.values.dst_region);
    regions.add(src);
    regions.add(dst);
    if (src === dst) continue;
    if (row.values.success !== undefined && row.values.success !== 'True') continue;
    const bps = positiveNumber(tp, row, 'throughput_received', 'a throughput in bit/s');
    const key = PAIR(src, dst);
    const list = samples.get(key);
    if (list) list.push(bps);
    else samples.set(key, [bps]);
  }
  const latency = new Map<string, number[]>();
  if (files.latency) {
    const lt = parseCsv(files.latency.text, files.latency.file, ['src_region', 'dst_region', 'avg_rtt']);
    for (const row of lt.rows) {
      const v = row.values;
      if ((v.src_tier ?? 'PREMIUM') !== 'PREMIUM' || (v.dst_tier ?? 'PREMIUM') !== 'PREMIUM') continue;
      const ms = positiveNumber(lt, row, 'avg_rtt', 'a round-trip time in ms');
      const key = PAIR(v.src_region, v.dst_region);
      const list = latency.get(key);
      if (list) list.push(ms);
      else latency.set(key, [ms]);
    }
  }
  const cost = new Map<string, string>();
  if (files.cost) {
    const ct = parseCsv(files.cost.text, files.cost.file, ['src', 'dest', 'cost']);
    for (const row of ct.rows) {
      positiveNumber(ct, row, 'cost', 'a price in USD/GB');
      cost.set(PAIR(row.values.src, row.values.dest), row.values.cost);
    }
  }
  const awsCost = new Map<string, string>();
  if (files.awsCost) {
    const at = parseCsv(files.awsCost.text, files.awsCost.file, ['src', 'dst', 'cost']);
    for (const row of at.rows) {
      positiveNumber(at, row, 'cost', 'a price in USD/GB');
      awsCost.set(PAIR(`aws:${row.values.src}`, `aws:${row.values.dst}`), row.values.cost);
    }
  }
  const costText = (text: string | undefined): string | null => {
    if (text === undefined) return null;
    const v = parseSourceNumber(text);
    return v === null ? null : `${formatExactDecimal(v)}USD/GB`;
  };
  const msText = (ms: number): string => `${formatExactDecimal(parseSourceNumber(ms.toFixed(3))!)}ms`;
  return {
    regions: [...regions].sort(),
    files: [files.throughput, files.latency, files.cost, files.awsCost]
      .filter((f) => f !== undefined)
      .map((f) => f.file),
    measurement(src, dst) {
      const key = PAIR(src, dst);
      const tps = samples.get(key);
      if (!tps) return undefined;
      const mbps = Math.floor(lowerMedian(tps) / 1e6);
      const rtts = latency.get(key);
      return {
        capacity: mbps > 0 ? `${mbps}Mbps` : null,
        samples: tps.length,
        latency: rtts ? msText(lowerMedian(rtts)) : null,
        cost: costText(
          cost.get(key) ?? (src.startsWith('aws:') && dst.startsWith('aws:') ? awsCost.get(key) : undefined),
        ),
      };
    },
  };
}

/**
 * Resolves a `--regions` list (`aws:eu-central-1,azure:westeurope,gcp:europe-west3`) against the
 * measured regions, in the order given, without duplicates.
 * @throws UsageError for a name that matches no region, or several GCP zones.
 */
export function resolveRegions(grid: SkyplaneGrid, list: string): string[] {
  const out: string[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    let match = grid.regions.includes(name) ? name : undefined;
    if (!match) {
      const zones = grid.regions.filter(
        (r) => r.startsWith(`${name}-`) && /-[a-z]$/.test(r) && r.length === name.length + 2,
      );
      if (zones.length === 1) match = zones[0];
      else if (zones.length > 1) {
        throw new UsageError(`--regions: "${name}" matches several zones (${zones.join(', ')}): name one`);
      }
    }
    if (!match) {
      const provider = name.split(':')[0];
      const near = grid.regions.filter((r) => r.startsWith(`${provider}:`)).slice(0, 8);
      throw new UsageError(
        `--regions: "${name}" is not a measured region${near.length ? ` (${provider} regions: ${near.join(', ')}, …)` : '; expected <aws|azure|gcp>:<region>'}`,
      );
    }
    if (!out.includes(match)) out.push(match);
  }
  if (out.length === 0) throw new UsageError('--regions: no region named');
  return out;
}

/** Provider and region of a Skyplane region id. */
export function splitRegion(id: string): { provider: string; region: string } {
  const colon = id.indexOf(':');
  return { provider: id.slice(0, colon), region: id.slice(colon + 1) };
}

/** The directed links measured between `regions` (in the given order), with summary counts. */
export function measuredLinks(
  grid: SkyplaneGrid,
  regions: readonly string[],
  nodeIdOf: (region: string) => string,
  linkIds: IdAllocator,
  skip: (from: string, to: string) => boolean = () => false,
): { links: DraftLink[]; unmeasured: number; noLatency: number; noCost: number; skipped: number } {
  const links: DraftLink[] = [];
  let unmeasured = 0;
  let noLatency = 0;
  let noCost = 0;
  let skipped = 0;
  for (const src of regions) {
    for (const dst of regions) {
      if (src === dst) continue;
      const m = grid.measurement(src, dst);
      if (!m || m.capacity === null) {
        unmeasured++;
        continue;
      }
      const from = nodeIdOf(src);
      const to = nodeIdOf(dst);
      if (skip(from, to)) {
        skipped++;
        continue;
      }
      if (m.latency === null) noLatency++;
      if (m.cost === null) noCost++;
      links.push({
        id: linkIds.allocate(null, `${from}->${to}`),
        from,
        to,
        capacity: m.capacity,
        ...(m.latency ? { latency: m.latency } : {}),
        ...(m.cost ? { cost: m.cost } : {}),
      });
    }
  }
  return { links, unmeasured, noLatency, noCost, skipped };
}

/** The comment lines that explain where measured links come from. */
export function measurementNotes(
  grid: SkyplaneGrid,
  counts: { unmeasured: number; noLatency: number; noCost: number },
): string[] {
  return [
    `Measured by Skyplane (skyplane-project/skyplane, Apache-2.0; iperf3, January 2022; prices 2022–2023): ${grid.files.join(', ')}.`,
    'Capacity: throughput_received (bit/s arrived), lower median of repeated measurements, floored to whole Mbit/s; links are one-way (each direction measured on its own).',
    'Latency: avg_rtt of PREMIUM-tier rows (lower median). Cost: cost.csv, else aws_transfer_costs.csv for AWS-to-AWS pairs.',
    ...(counts.unmeasured > 0
      ? [`${counts.unmeasured} ordered region pairs have no throughput measurement: no link.`]
      : []),
    ...(counts.noLatency > 0 ? [`${counts.noLatency} links have no latency measurement.`] : []),
    ...(counts.noCost > 0 ? [`${counts.noCost} links have no price in the grids: no cost.`] : []),
  ];
}

/** Options of {@link importSkyplane}. */
export interface SkyplaneImportOptions extends HorizonOptions {
  /** Comma-separated regions; all measured regions when omitted. */
  readonly regions?: string;
  /** Scenario `name`. @defaultValue `skyplane-grid` */
  readonly name?: string;
}

/**
 * A scenario of cloud nodes and the measured links between them.
 * @throws InputError for malformed CSV; UsageError for unknown regions or malformed options.
 */
export function importSkyplane(files: SkyplaneFiles, options: SkyplaneImportOptions = {}): ScenarioDraft {
  const { horizon, notes: horizonNotes } = resolveHorizon(options);
  const grid = loadSkyplaneGrid(files);
  const regions = options.regions === undefined ? [...grid.regions] : resolveRegions(grid, options.regions);
  const nodeIds = new IdAllocator();
  const idOf = new Map<string, string>();
  const nodes: DraftNode[] = regions.map((r) => {
    const id = nodeIds.allocate(r, 'cloud');
    idOf.set(r, id);
    return { id, kind: 'cloud', ...splitRegion(r) };
  });
  const result = measuredLinks(grid, regions, (r) => idOf.get(r)!, new IdAllocator());
  const notes = [
    `Imported by \`wanplan import skyplane\`: ${regions.length} cloud regions${options.regions === undefined ? ' (all measured)' : ''}, ${result.links.length} links.`,
    ...measurementNotes(grid, result),
    'Cloud nodes have no location or timezone (the grids have no coordinates); provider caps (providers:) are not set.',
    'Datasets: none yet — add the data to back up.',
    ...horizonNotes,
  ];
  return { name: options.name ?? 'skyplane-grid', horizon, nodes, links: result.links, datasets: [], notes };
}

/**
 * The zod schema of a scenario document as written (SCENARIO.md, version 1): strings and numbers
 * exactly as in the file, every object strict so that unknown fields are errors. Units, time
 * zones and cross-references are checked later by the model builder; this schema fixes shape and
 * types only, and is the single source of the published JSON Schema (`wanplan schema`).
 *
 * Each field carries a `description` (shown by editors through the JSON Schema) and, in
 * {@link fieldInfo}, what a valid value looks like (used in "found …, expected …" messages) and
 * its unit family, so that a bare number gets the units helper's hint (`did you mean 10Gbps?`).
 */
import { z } from 'zod';

/** Unit families of SCENARIO.md's table, as parsed by `src/io/units.ts`. */
export type UnitKind = 'size' | 'rate' | 'duration' | 'latency' | 'share' | 'cost' | 'timeOfDay' | 'instant';

/** Per-field facts for error messages (not part of the JSON Schema). */
export interface FieldInfo {
  /** What a valid value looks like, completing "expected …". */
  readonly expected: string;
  /** Unit family, for fields holding a quantity. */
  readonly unit?: UnitKind;
}

/** Registry of {@link FieldInfo} by schema instance. */
export const fieldInfo = z.registry<FieldInfo>();

/** Pattern of node ids and provider names. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
/** Pattern of link and dataset ids: any text without whitespace. */
export const LABEL_PATTERN = /^\S+$/;

/** Day names in ISO order (Monday first), as written in `days`. */
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function unit(kind: UnitKind, expected: string, description: string) {
  return z.string().describe(description).register(fieldInfo, { expected, unit: kind });
}

const size = (description: string) => unit('size', 'a data size such as 1.2PB or 500GiB', description);
const rate = (description: string) => unit('rate', 'a rate such as 10Gbps, 1.25GBps or 25TB/h', description);
const duration = (description: string) => unit('duration', 'a duration such as 15min, 1h or 7d', description);
const instant = (description: string) =>
  unit('instant', 'an ISO 8601 instant with Z or ±hh:mm, such as 2026-12-05T00:00:00Z', description);

const nodeId = (description: string) =>
  z
    .string()
    .regex(ID_PATTERN)
    .describe(description)
    .register(fieldInfo, { expected: 'an id of letters, digits and . _ : - (no spaces)' });
const label = (description: string) =>
  z
    .string()
    .regex(LABEL_PATTERN)
    .describe(description)
    .register(fieldInfo, { expected: 'an id without spaces' });
const providerName = (description: string) =>
  z
    .string()
    .regex(ID_PATTERN)
    .describe(description)
    .register(fieldInfo, { expected: 'a provider name of letters, digits and . _ : -' });
const timezone = (description: string) =>
  z
    .string()
    .describe(description)
    .register(fieldInfo, { expected: 'an IANA time zone such as Europe/Berlin' });

/** Horizon: start instant, length and slot. */
export const horizonSchema = z
  .object({
    start: instant('Start of the planning horizon: ISO 8601 with Z or ±hh:mm, whole seconds.'),
    length: duration('Length of the horizon (s, min, h, d = 86400 s, w); a whole number of slots.'),
    slot: duration('Time step of the time-expanded network, a whole number of seconds (e.g. 15min, 1h).'),
  })
  .strict()
  .describe('The planning horizon, cut into slots.')
  .register(fieldInfo, { expected: 'a mapping with start, length and slot' });

/** One provider's aggregate caps. */
export const providerSchema = z
  .object({
    ingress: rate('Cap on the total rate stored at this provider’s nodes.').optional(),
    egress: rate('Cap on the total rate leaving this provider’s nodes to outside nodes.').optional(),
    source: z.string().describe('Citation for the caps (a URL), shown in reports.').optional(),
  })
  .strict()
  .describe('Aggregate caps over all cloud nodes (and appliances) of a provider.')
  .register(fieldInfo, { expected: 'a mapping with ingress, egress and source' });

const location = z
  .tuple([
    z.number().min(-90).max(90).describe('Latitude in degrees.'),
    z.number().min(-180).max(180).describe('Longitude in degrees.'),
  ])
  .describe('Coordinates [lat, lon] in degrees.')
  .register(fieldInfo, { expected: '[latitude, longitude] in degrees' });

const nodeCommon = {
  id: nodeId('Unique node id: letters, digits and . _ : -'),
  timezone: timezone('IANA time zone; windows of links declared from this node default to it.').optional(),
  location: location.optional(),
  read: rate('Cap on the node’s total link outflow.').optional(),
  write: rate('Cap on the node’s total link inflow.').optional(),
};
const storage = size('Staging space for store-and-forward of data in transit (default 0: no holdover).');

const siteNode = z
  .object({
    ...nodeCommon,
    kind: z.literal('site').describe('A site holding data to back up.'),
    storage: storage.optional(),
  })
  .strict();
const applianceNode = z
  .object({
    ...nodeCommon,
    kind: z
      .literal('appliance')
      .describe('A dedup/backup appliance: staging storage, rate caps, optional backup store.'),
    storage: storage.optional(),
    capacity: size('Backup store for data delivered here (default unlimited).').optional(),
    provider: providerName('Failure domain for copies (default: the appliance’s own id).').optional(),
  })
  .strict();
const cloudNode = z
  .object({
    ...nodeCommon,
    kind: z.literal('cloud').describe('A cloud region: data stored here counts as delivered.'),
    storage: storage.optional(),
    provider: providerName('Provider of this cloud region (required); its failure domain.'),
    region: z.string().describe('Region label, e.g. eu-central-1.').optional(),
  })
  .strict();
const exchangeNode = z
  .object({
    ...nodeCommon,
    kind: z.literal('exchange').describe('A transit/peering point: no storage, no datasets.'),
  })
  .strict();

/** Node variants by kind, in the order of SCENARIO.md. */
export const NODE_VARIANTS = {
  site: siteNode,
  appliance: applianceNode,
  cloud: cloudNode,
  exchange: exchangeNode,
};

/** A node: site, appliance, cloud or exchange. */
export const nodeSchema = z
  .discriminatedUnion('kind', [siteNode, applianceNode, cloudNode, exchangeNode])
  .describe('A node of the network.')
  .register(fieldInfo, { expected: 'a node mapping with id and kind' });

const timeOfDay = (description: string) =>
  unit('timeOfDay', 'a quoted time of day "HH:MM" from "00:00" to "24:00"', description);

/** A transfer window of a link. */
export const windowSchema = z
  .object({
    days: z
      .array(
        z
          .enum(DAY_NAMES)
          .register(fieldInfo, { expected: 'a day name: mon, tue, wed, thu, fri, sat or sun' }),
      )
      .min(1)
      .describe('Days on which the window starts (default: every day).')
      .register(fieldInfo, { expected: 'a non-empty list of day names (mon … sun)' })
      .optional(),
    from: timeOfDay('Local start time "HH:MM" (default "00:00").').optional(),
    to: timeOfDay(
      'Local end time "HH:MM" (default "24:00"); at or before `from`: ends the next day.',
    ).optional(),
    timezone: timezone('Zone of the local times (default: the declared `from` node’s).').optional(),
    share: z
      .union([z.string(), z.number()])
      .describe('Part of the capacity for backups: "80%" or a number in (0, 1] (default 100%).')
      .register(fieldInfo, { expected: 'a share such as 80% or 0.8, in (0, 100%]', unit: 'share' })
      .optional(),
  })
  .strict()
  .describe('An interval of local time starting on each listed day.')
  .register(fieldInfo, { expected: 'a window mapping (days, from, to, timezone, share)' });

/** A link between two nodes. */
export const linkSchema = z
  .object({
    id: label('Link id (default "<from>-><to>").').optional(),
    from: nodeId('Node the link starts at.'),
    to: nodeId('Node the link ends at.'),
    capacity: rate('Capacity in wire bytes or bits per unit of time.'),
    bidirectional: z
      .boolean()
      .describe('true adds an independent reverse link with the same capacity and windows.')
      .register(fieldInfo, { expected: 'true or false' })
      .optional(),
    latency: unit(
      'latency',
      'a round-trip time such as 8ms',
      'Round-trip time, for path queries and reports.',
    ).optional(),
    cost: unit('cost', 'a cost such as 0.02USD/GB', 'Cost per byte carried, e.g. 0.02USD/GB.').optional(),
    windows: z
      .array(windowSchema)
      .min(1)
      .describe('When the link may carry backups (default: always, at full capacity).')
      .register(fieldInfo, { expected: 'a non-empty list of windows (omit the field for "always open")' })
      .optional(),
  })
  .strict()
  .describe('A directed link (or two, with bidirectional: true).')
  .register(fieldInfo, { expected: 'a link mapping with from, to and capacity' });

/** A dataset to back up. */
export const datasetSchema = z
  .object({
    id: label('Unique dataset id.'),
    at: nodeId('Node where the data is (not an exchange).'),
    size: size('Logical size.'),
    reduction: z
      .number()
      .describe('Dedup × compression ratio, ≥ 1 (default 1): wire bytes are ceil(size / reduction).')
      .register(fieldInfo, { expected: 'a number ≥ 1 such as 12' })
      .optional(),
    ready: instant('Release time (default: the horizon start).').optional(),
    due: instant('Deadline (optional); must be after ready.').optional(),
    to: z
      .array(z.string().register(fieldInfo, { expected: 'a provider name or a cloud or appliance id' }))
      .min(1)
      .describe(
        'Acceptable destinations: provider names, cloud or appliance node ids (default: any cloud node).',
      )
      .register(fieldInfo, {
        expected: 'a non-empty list of provider names or node ids (omit it for any cloud)',
      })
      .optional(),
    copies: z
      .number()
      .int()
      .min(1)
      .describe('Copies in distinct failure domains (default 1).')
      .register(fieldInfo, { expected: 'a whole number ≥ 1' })
      .optional(),
  })
  .strict()
  .describe('A dataset to back up.')
  .register(fieldInfo, { expected: 'a dataset mapping with id, at and size' });

/** The whole scenario document. */
export const scenarioSchema = z
  .object({
    $schema: z.string().describe('Optional JSON Schema reference for editors; ignored.').optional(),
    wanplan: z
      .literal(1)
      .describe('Format version; must be 1.')
      .register(fieldInfo, { expected: 'format version 1 (wanplan: 1)' }),
    name: z.string().describe('Scenario name, echoed in the plan.').optional(),
    horizon: horizonSchema,
    providers: z
      .record(providerName('Provider name.'), providerSchema)
      .describe('Providers with aggregate caps, by name.')
      .register(fieldInfo, { expected: 'a mapping from provider names to caps' })
      .optional(),
    nodes: z
      .array(nodeSchema)
      .min(1)
      .describe('Sites, appliances, clouds and exchanges.')
      .register(fieldInfo, { expected: 'a non-empty list of nodes' }),
    links: z
      .array(linkSchema)
      .describe('Links between nodes.')
      .register(fieldInfo, { expected: 'a list of links' })
      .optional(),
    datasets: z
      .array(datasetSchema)
      .describe('Datasets to back up.')
      .register(fieldInfo, { expected: 'a list of datasets' })
      .optional(),
  })
  .strict()
  .describe('A wanplan scenario, format version 1.')
  .register(fieldInfo, { expected: 'a scenario mapping starting with wanplan: 1' });

/** A scenario document as written, after the schema check. */
export type ScenarioDocument = z.output<typeof scenarioSchema>;
/** A node as written. */
export type NodeDocument = z.output<typeof nodeSchema>;
/** A link as written. */
export type LinkDocument = z.output<typeof linkSchema>;
/** A window as written. */
export type WindowDocument = z.output<typeof windowSchema>;
/** A dataset as written. */
export type DatasetDocument = z.output<typeof datasetSchema>;
/** A provider's caps as written. */
export type ProviderDocument = z.output<typeof providerSchema>;
/** The horizon as written. */
export type HorizonDocument = z.output<typeof horizonSchema>;

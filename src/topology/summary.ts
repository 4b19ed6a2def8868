/**
 * A compact, JSON-friendly summary of a scenario for `wanplan validate` and reports: counts by
 * kind, totals of bytes, the horizon. Byte totals are bigints (tens of petabytes exceed 2^53).
 */
import type { NodeKind, Scenario } from '../io/model.js';
import { formatInstant } from '../io/units/civil.js';

/** What {@link summarize} returns. */
export interface ScenarioSummary {
  readonly name: string | null;
  readonly nodes: {
    readonly total: number;
    /** Count per kind, every kind present (0 when none). */
    readonly byKind: Readonly<Record<NodeKind, number>>;
  };
  /** Directed links (a bidirectional link in the file counts twice). */
  readonly links: number;
  readonly providers: number;
  readonly datasets: number;
  /** Sum of datasets' logical sizes in bytes. */
  readonly logicalBytes: bigint;
  /** Sum of datasets' wire bytes (`ceil(size / reduction)`). */
  readonly wireBytes: bigint;
  /** Bytes released at the origins: Σ copies × wire. */
  readonly releasedBytes: bigint;
  readonly horizon: {
    /** Start, seconds since the epoch, and as ISO 8601 UTC. */
    readonly start: number;
    readonly startIso: string;
    /** End (start + slots × slot seconds), seconds since the epoch, and as ISO 8601 UTC. */
    readonly end: number;
    readonly endIso: string;
    readonly slots: number;
    readonly slotSeconds: number;
    /** Length in seconds (slots × slot seconds). */
    readonly lengthSeconds: number;
  };
}

/** Summarizes a validated scenario. O(nodes + links + datasets). */
export function summarize(scenario: Scenario): ScenarioSummary {
  const byKind: Record<NodeKind, number> = { site: 0, appliance: 0, cloud: 0, exchange: 0 };
  for (const v of scenario.nodes) byKind[v.kind]++;
  let logicalBytes = 0n;
  let wireBytes = 0n;
  let releasedBytes = 0n;
  for (const d of scenario.datasets) {
    logicalBytes += d.size;
    wireBytes += BigInt(d.wire);
    releasedBytes += BigInt(d.wire) * BigInt(d.copies);
  }
  const { start, slots, slotSeconds, startIso } = scenario.horizon;
  const lengthSeconds = slots * slotSeconds;
  return {
    name: scenario.name,
    nodes: { total: scenario.nodes.length, byKind },
    links: scenario.links.length,
    providers: scenario.providers.length,
    datasets: scenario.datasets.length,
    logicalBytes,
    wireBytes,
    releasedBytes,
    horizon: {
      start,
      startIso,
      end: start + lengthSeconds,
      endIso: formatInstant(start + lengthSeconds),
      slots,
      slotSeconds,
      lengthSeconds,
    },
  };
}

/**
 * Row checks of the verifier and the typed-array index every later check reads.
 *
 * Each row of `transfers`, `deliveries` and `storage` is resolved once: ids to scenario indices
 * (one Map lookup per id), slot and bytes into typed arrays. Checked here, per row: ids exist
 * (`unknown-id`), the slot lies in the horizon (`horizon`), bytes > 0 (`positive`), a transfer's
 * `from`/`to` echo its link (`link-ends`), nothing moves or is stored before the dataset's ready
 * slot (`before-ready`), deliveries only at allowed destinations (`destination`) and never at the
 * dataset's origin (`origin-delivery`), and the sort order of PLAN.md with one row per key
 * (`sort-order`). A row is *counted* (its `ok` flag) when its shape, ids, slot and bytes are
 * sound; rules about where or when it moves do not uncount it, so the flow checks still see it.
 *
 * Complexity: O(rows) time, 4–5 typed-array entries per row.
 */
import type { Scenario } from '../io/model.js';
import type { ViolationSink } from './report.js';
import type { ShapeResult } from './shape.js';

/** Id → index maps of a scenario. */
export interface ScenarioIds {
  readonly node: ReadonlyMap<string, number>;
  readonly link: ReadonlyMap<string, number>;
  readonly dataset: ReadonlyMap<string, number>;
}

/** The plan's row tables as typed arrays (index = row index in the plan). */
export interface PlanRows {
  readonly transfers: readonly unknown[];
  readonly deliveries: readonly unknown[];
  readonly storage: readonly unknown[];
  readonly tSlot: Int32Array;
  readonly tLink: Int32Array;
  readonly tDs: Int32Array;
  readonly tBytes: Float64Array;
  /** 1 when the transfer row is counted by the capacity and flow checks. */
  readonly tOk: Uint8Array;
  readonly dSlot: Int32Array;
  readonly dNode: Int32Array;
  readonly dDs: Int32Array;
  readonly dBytes: Float64Array;
  readonly dOk: Uint8Array;
  readonly sSlot: Int32Array;
  readonly sNode: Int32Array;
  readonly sBytes: Float64Array;
  readonly sOk: Uint8Array;
}

/** Builds the id maps of a scenario. */
export function scenarioIds(scenario: Scenario): ScenarioIds {
  return {
    node: new Map(scenario.nodes.map((n, i) => [n.id, i])),
    link: new Map(scenario.links.map((l, i) => [l.id, i])),
    dataset: new Map(scenario.datasets.map((d, i) => [d.id, i])),
  };
}

type Row = Record<string, unknown>;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shared per-row checks of slot and bytes; returns true when the row can be counted. */
function slotAndBytes(
  sink: ViolationSink,
  table: 'transfers' | 'deliveries' | 'storage',
  i: number,
  r: Row,
  slots: number,
): boolean {
  let ok = true;
  const slot = r.slot as number;
  if (slot < 0 || slot >= slots) {
    sink.add('horizon', `slot ${slot} is outside the horizon (slots 0–${slots - 1})`, table, i, r);
    ok = false;
  }
  const bytes = r.bytes as number;
  if (bytes <= 0) {
    sink.add('positive', `bytes is ${bytes}; the plan lists rows with bytes > 0 only`, table, i, r);
    ok = false;
  }
  return ok;
}

function unknown(
  sink: ViolationSink,
  table: 'transfers' | 'deliveries' | 'storage',
  i: number,
  r: Row,
  what: string,
  id: unknown,
): void {
  sink.add('unknown-id', `${what} "${String(id)}" is not a ${what} of the scenario`, table, i, r);
}

function outOfOrder(
  sink: ViolationSink,
  table: 'transfers' | 'deliveries' | 'storage',
  i: number,
  r: Row,
  prev: number,
  c: number,
  keys: string,
): void {
  if (c === 0) {
    sink.add('sort-order', `duplicate of ${table}[${prev}]: one row per (${keys})`, table, i, r);
  } else {
    sink.add(
      'sort-order',
      `out of order: ${table} are sorted by ${keys}, but it follows ${table}[${prev}], which sorts after it`,
      table,
      i,
      r,
    );
  }
}

function readTransfers(
  s: Scenario,
  ids: ScenarioIds,
  rows: readonly unknown[],
  bad: Uint8Array,
  sink: ViolationSink,
) {
  const n = rows.length;
  const tSlot = new Int32Array(n);
  const tLink = new Int32Array(n).fill(-1);
  const tDs = new Int32Array(n).fill(-1);
  const tBytes = new Float64Array(n);
  const tOk = new Uint8Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (bad[i]) continue;
    const r = rows[i] as Row;
    const slot = r.slot as number;
    const linkId = r.link as string;
    const dsId = r.dataset as string;
    if (prev >= 0) {
      const p = rows[prev] as Row;
      const c = (p.slot as number) - slot || cmp(p.link as string, linkId) || cmp(p.dataset as string, dsId);
      if (c >= 0) outOfOrder(sink, 'transfers', i, r, prev, c, 'slot, link, dataset');
    }
    prev = i;
    let ok = slotAndBytes(sink, 'transfers', i, r, s.horizon.slots);
    const l = ids.link.get(linkId);
    const d = ids.dataset.get(dsId);
    if (l === undefined) {
      unknown(sink, 'transfers', i, r, 'link', linkId);
      ok = false;
    } else {
      const link = s.links[l];
      if (link.from !== r.from || link.to !== r.to) {
        sink.add(
          'link-ends',
          `from/to are ${String(r.from)} → ${String(r.to)}, but link ${link.id} goes from ${link.from} to ${link.to}`,
          'transfers',
          i,
          r,
        );
      }
      tLink[i] = l;
    }
    if (d === undefined) {
      unknown(sink, 'transfers', i, r, 'dataset', dsId);
      ok = false;
    } else {
      tDs[i] = d;
      const ready = s.datasets[d].readySlot;
      if (slot < ready) {
        sink.add(
          'before-ready',
          `dataset ${dsId} moves in slot ${slot}, before its ready slot ${ready}`,
          'transfers',
          i,
          r,
        );
      }
    }
    tSlot[i] = slot;
    tBytes[i] = r.bytes as number;
    tOk[i] = ok ? 1 : 0;
  }
  return { tSlot, tLink, tDs, tBytes, tOk };
}

function readDeliveries(
  s: Scenario,
  ids: ScenarioIds,
  rows: readonly unknown[],
  bad: Uint8Array,
  sink: ViolationSink,
) {
  const n = rows.length;
  const dSlot = new Int32Array(n);
  const dNode = new Int32Array(n).fill(-1);
  const dDs = new Int32Array(n).fill(-1);
  const dBytes = new Float64Array(n);
  const dOk = new Uint8Array(n);
  const allowed = s.datasets.map((d) => new Set(d.destinations));
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (bad[i]) continue;
    const r = rows[i] as Row;
    const slot = r.slot as number;
    const nodeId = r.node as string;
    const dsId = r.dataset as string;
    if (prev >= 0) {
      const p = rows[prev] as Row;
      const c = (p.slot as number) - slot || cmp(p.node as string, nodeId) || cmp(p.dataset as string, dsId);
      if (c >= 0) outOfOrder(sink, 'deliveries', i, r, prev, c, 'slot, node, dataset');
    }
    prev = i;
    let ok = slotAndBytes(sink, 'deliveries', i, r, s.horizon.slots);
    const v = ids.node.get(nodeId);
    const d = ids.dataset.get(dsId);
    if (v === undefined) {
      unknown(sink, 'deliveries', i, r, 'node', nodeId);
      ok = false;
    }
    if (d === undefined) {
      unknown(sink, 'deliveries', i, r, 'dataset', dsId);
      ok = false;
    }
    if (v !== undefined && d !== undefined) {
      const ds = s.datasets[d];
      if (nodeId === ds.at) {
        sink.add(
          'origin-delivery',
          `dataset ${dsId} is delivered at its own origin ${nodeId}`,
          'deliveries',
          i,
          r,
        );
      } else if (!allowed[d].has(nodeId)) {
        const list = ds.destinations.length === 0 ? 'none' : ds.destinations.join(', ');
        sink.add(
          'destination',
          `node ${nodeId} is not an allowed destination of dataset ${dsId} (allowed: ${list})`,
          'deliveries',
          i,
          r,
        );
      }
      if (slot < ds.readySlot) {
        sink.add(
          'before-ready',
          `dataset ${dsId} is stored in slot ${slot}, before its ready slot ${ds.readySlot}`,
          'deliveries',
          i,
          r,
        );
      }
    }
    dSlot[i] = slot;
    dNode[i] = v ?? -1;
    dDs[i] = d ?? -1;
    dBytes[i] = r.bytes as number;
    dOk[i] = ok ? 1 : 0;
  }
  return { dSlot, dNode, dDs, dBytes, dOk };
}

function readStorage(
  s: Scenario,
  ids: ScenarioIds,
  rows: readonly unknown[],
  bad: Uint8Array,
  sink: ViolationSink,
) {
  const n = rows.length;
  const sSlot = new Int32Array(n);
  const sNode = new Int32Array(n).fill(-1);
  const sBytes = new Float64Array(n);
  const sOk = new Uint8Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (bad[i]) continue;
    const r = rows[i] as Row;
    const slot = r.slot as number;
    const nodeId = r.node as string;
    if (prev >= 0) {
      const p = rows[prev] as Row;
      const c = (p.slot as number) - slot || cmp(p.node as string, nodeId);
      if (c >= 0) outOfOrder(sink, 'storage', i, r, prev, c, 'slot, node');
    }
    prev = i;
    let ok = slotAndBytes(sink, 'storage', i, r, s.horizon.slots);
    const v = ids.node.get(nodeId);
    if (v === undefined) {
      unknown(sink, 'storage', i, r, 'node', nodeId);
      ok = false;
    }
    sSlot[i] = slot;
    sNode[i] = v ?? -1;
    sBytes[i] = r.bytes as number;
    sOk[i] = ok ? 1 : 0;
  }
  return { sSlot, sNode, sBytes, sOk };
}

/** Reads and checks the three row tables of a shape-checked plan. */
export function readRows(
  scenario: Scenario,
  ids: ScenarioIds,
  doc: Record<string, unknown>,
  shape: ShapeResult,
  sink: ViolationSink,
): PlanRows {
  const transfers = doc.transfers as readonly unknown[];
  const deliveries = doc.deliveries as readonly unknown[];
  const storage = doc.storage as readonly unknown[];
  return {
    transfers,
    deliveries,
    storage,
    ...readTransfers(scenario, ids, transfers, shape.badRows.transfers, sink),
    ...readDeliveries(scenario, ids, deliveries, shape.badRows.deliveries, sink),
    ...readStorage(scenario, ids, storage, shape.badRows.storage, sink),
  };
}

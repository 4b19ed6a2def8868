/**
 * Outcome checks of the verifier (PLAN.md "Valid", third and fourth rules; "Fields"): what the
 * deliveries add up to, and the summary fields a plan states about them.
 *
 * From the counted deliveries alone it derives, exactly ({@link ExactSums} per (dataset, node)
 * pair, per (dataset, failure domain) and per appliance, resolved once per pair, not per row):
 *   - delivered(d, v) = Σ deliveries; `datasets[].delivered` must equal it (`delivered-sum`);
 *   - per failure domain, at most `wire` bytes of a dataset (`domain-copy`);
 *   - per appliance, at most `capacity` bytes delivered over all datasets (`appliance-capacity`);
 *   - d is complete when wire = 0, or when its bytes at allowed destinations total copies × wire
 *     in at least `copies` domains, no domain over `wire` (the byte-level reading of SCENARIO.md:
 *     such amounts can always be assigned so that every byte lands in `copies` domains);
 *   - completing slot c(d): its last delivery slot; for wire = 0, readySlot − 1 (complete "at the
 *     start of its ready slot"); `completed` = start + (c + 1) × slotSeconds;
 *   - the last slot meeting the due: s_due = floor((due − start) / slotSeconds) − 1; `met` =
 *     c ≤ s_due, `lateSlots` = max(0, c − s_due);
 *   - `status`: complete when every dataset is; otherwise infeasible when some incomplete dataset
 *     cannot reach `copies` allowed domains ({@link reachableDomains}), else partial;
 *   - `makespan.slot` = last slot of any delivery (null without one), `end` = start + (slot + 1) ×
 *     slotSeconds; `lowerBound.slot` is null unless complete, and never above the makespan.
 * A plan that says a dataset is complete when it is not gets `copies` (what is missing), not a
 * second `completed` violation.
 *
 * Complexity: O(deliveries + datasets + destinations) plus the reachability sweep when some dataset
 * is incomplete.
 */
import type { Calendars } from '../constraints/index.js';
import type { Scenario } from '../io/model.js';
import type { Pairs } from './pairs.js';
import { reachableDomains } from './reach.js';
import type { ViolationSink } from './report.js';
import type { PlanRows, ScenarioIds } from './rows.js';
import type { ShapeResult } from './shape.js';
import { ExactSums } from './sums.js';

/** ISO 8601 UTC text of epoch seconds, without fractional seconds. */
export function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** What the deliveries say about one dataset. */
interface Derived {
  /** Bytes delivered per node index (all counted deliveries). */
  readonly atNode: Map<number, bigint>;
  /** Bytes at allowed destinations per failure domain. */
  readonly atDomain: Map<string, bigint>;
  /** Bytes at allowed destinations. */
  readonly allowed: bigint;
  /** Last delivery slot, −1 without any. */
  readonly last: number;
  complete: boolean;
}

type Row = Record<string, unknown>;

function q(v: unknown): string {
  return v === null ? 'null' : typeof v === 'string' ? `"${v}"` : String(v);
}

/** Checks deliveries and summary fields; appends violations to `sink`. */
export function checkOutcome(
  s: Scenario,
  ids: ScenarioIds,
  cal: Calendars,
  doc: Record<string, unknown>,
  shape: ShapeResult,
  rows: PlanRows,
  pairs: Pairs,
  sink: ViolationSink,
): void {
  const D = s.datasets.length;
  const allowed = s.datasets.map((d) => new Set(d.destinations.map((id) => ids.node.get(id)!)));
  // Per (dataset, node) pair: bytes stored, and the (dataset, domain) cell it counts in (−1: the
  // node is not an allowed destination of the dataset), resolved once per pair, not per row.
  const stored = new ExactSums(pairs.count);
  const pairCell = new Int32Array(pairs.count).fill(-2);
  const cellIndex = new Map<string, number>();
  const cellDs: number[] = [];
  const cellDomain: string[] = [];
  const cellOf = (p: number): number => {
    const d = pairs.ds[p];
    const v = pairs.node[p];
    if (!allowed[d].has(v)) return -1;
    const key = `${d}/${s.nodes[v].domain}`;
    let c = cellIndex.get(key);
    if (c === undefined) {
      c = cellDs.length;
      cellIndex.set(key, c);
      cellDs.push(d);
      cellDomain.push(s.nodes[v].domain!);
    }
    return c;
  };
  const domainSum = new ExactSums(pairs.count);
  const domainOver = new Uint8Array(pairs.count);
  const allowedSum = new ExactSums(D);
  const last = new Int32Array(D).fill(-1);
  const applianceSum = new ExactSums(s.nodes.length);
  const applianceOver = new Uint8Array(s.nodes.length);
  const capacity = s.nodes.map((n) =>
    n.capacity === null
      ? null
      : n.capacity <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(n.capacity)
        : n.capacity,
  );
  let makespan = -1;

  // Deliveries in plan order: sums, domains, appliances.
  for (let j = 0; j < rows.dSlot.length; j++) {
    if (!rows.dOk[j]) continue;
    const d = rows.dDs[j];
    const v = rows.dNode[j];
    const slot = rows.dSlot[j];
    const b = rows.dBytes[j];
    const p = pairs.del[j];
    stored.add(p, b);
    if (slot > last[d]) last[d] = slot;
    if (slot > makespan) makespan = slot;
    if (pairCell[p] === -2) pairCell[p] = cellOf(p);
    const c = pairCell[p];
    if (c >= 0) {
      domainSum.add(c, b);
      allowedSum.add(d, b);
      const wire = s.datasets[d].wire;
      if (!domainOver[c] && domainSum.compare(c, wire) > 0) {
        domainOver[c] = 1;
        sink.add(
          'domain-copy',
          `failure domain ${cellDomain[c]} now holds ${domainSum.get(c)} bytes of dataset ${s.datasets[d].id}, more than its ${wire} wire bytes (one copy per domain)`,
          'deliveries',
          j,
          rows.deliveries[j],
        );
      }
    }
    const cap = capacity[v];
    if (cap !== null) {
      applianceSum.add(v, b);
      if (!applianceOver[v] && applianceSum.compare(v, cap) > 0) {
        applianceOver[v] = 1;
        sink.add(
          'appliance-capacity',
          `appliance ${s.nodes[v].id} now holds ${applianceSum.get(v)} delivered bytes, over its capacity ${cap}`,
          'deliveries',
          j,
          rows.deliveries[j],
        );
      }
    }
  }

  const derived: Derived[] = s.datasets.map((_, d) => ({
    atNode: new Map(),
    atDomain: new Map(),
    allowed: allowedSum.bigint(d),
    last: last[d],
    complete: false,
  }));
  for (let p = 0; p < pairs.count; p++) {
    if (stored.sign(p) !== 0) derived[pairs.ds[p]].atNode.set(pairs.node[p], stored.bigint(p));
  }
  const over = new Uint8Array(D);
  for (let c = 0; c < cellDs.length; c++) {
    derived[cellDs[c]].atDomain.set(cellDomain[c], domainSum.bigint(c));
    if (domainOver[c]) over[cellDs[c]] = 1;
  }
  s.datasets.forEach((ds, d) => {
    const x = derived[d];
    x.complete =
      ds.wire === 0 ||
      (x.allowed === BigInt(ds.copies) * BigInt(ds.wire) &&
        !over[d] &&
        [...x.atDomain.values()].filter((v) => v > 0n).length >= ds.copies);
  });

  checkDatasets(s, ids, doc, shape, derived, sink);
  checkSummary(s, ids, cal, doc, shape, derived, makespan, sink);
}

/** Slot in which dataset d completes (see the file header), for a complete dataset. */
function completingSlot(s: Scenario, d: number, x: Derived): number {
  const ds = s.datasets[d];
  return ds.wire === 0 ? ds.readySlot - 1 : x.last;
}

function checkDatasets(
  s: Scenario,
  ids: ScenarioIds,
  doc: Record<string, unknown>,
  shape: ShapeResult,
  derived: readonly Derived[],
  sink: ViolationSink,
): void {
  const h = s.horizon;
  const table = doc.datasets as readonly unknown[];
  const seen = new Int32Array(s.datasets.length).fill(-1);
  let prevId: string | null = null;
  let prev = -1;
  for (let i = 0; i < table.length; i++) {
    const r = table[i] as Row;
    const id = typeof r === 'object' && r !== null && typeof r.id === 'string' ? r.id : null;
    const add = (rule: Parameters<ViolationSink['add']>[0], message: string) =>
      sink.add(rule, message, 'datasets', i, r);
    if (id === null) continue;
    if (prevId !== null && prevId >= id) {
      add(
        'sort-order',
        prevId === id
          ? `duplicate of datasets[${prev}]: one entry per dataset`
          : `out of order: datasets are sorted by id, but it follows datasets[${prev}] (${prevId})`,
      );
    }
    prevId = id;
    prev = i;
    const d = ids.dataset.get(id);
    if (d === undefined) {
      add('unknown-id', `dataset "${id}" is not a dataset of the scenario`);
      continue;
    }
    if (seen[d] >= 0) continue;
    seen[d] = i;
    if (shape.badRows.datasets[i]) continue;
    const ds = s.datasets[d];
    const x = derived[d];
    if (r.wireBytes !== ds.wire)
      add('wire-bytes', `wireBytes is ${r.wireBytes}, but the dataset puts ${ds.wire} bytes on the wire`);

    const delivered = r.delivered as Record<string, number>;
    for (const key of Object.keys(delivered)) {
      const v = ids.node.get(key);
      if (v === undefined) {
        add('unknown-id', `delivered names node "${key}", which is not a node of the scenario`);
        continue;
      }
      const want = x.atNode.get(v) ?? 0n;
      if (BigInt(delivered[key]) !== want) {
        add(
          'delivered-sum',
          `delivered says ${delivered[key]} bytes at ${key}, but its deliveries there sum to ${want}`,
        );
      }
    }
    const missing = [...x.atNode.entries()]
      .filter(([v, b]) => b > 0n && !Object.hasOwn(delivered, s.nodes[v].id))
      .sort((a, b) => a[0] - b[0]);
    for (const [v, b] of missing) {
      add(
        'delivered-sum',
        `delivered has no entry for ${s.nodes[v].id}, where its deliveries sum to ${b} bytes`,
      );
    }

    const dueIso = ds.due === null ? null : isoSeconds(ds.due);
    if (r.due !== dueIso) add('due', `due is ${q(r.due)}, expected ${q(dueIso)}`);

    const c = x.complete ? completingSlot(s, d, x) : null;
    const completed = c === null ? null : isoSeconds(h.start + (c + 1) * h.slotSeconds);
    if (r.completed !== null && c === null) {
      const need = BigInt(ds.copies) * BigInt(ds.wire);
      const doms = [...x.atDomain.entries()]
        .filter(([, b]) => b > 0n)
        .map(([k]) => k)
        .sort();
      add(
        'copies',
        `completed is ${q(r.completed)}, but the dataset is not complete: ${x.allowed} of ${need} bytes ` +
          `(${ds.copies} × ${ds.wire}) delivered at allowed destinations, in ${doms.length} of ${ds.copies} ` +
          `failure domains${doms.length > 0 ? ` (${doms.join(', ')})` : ''}`,
      );
    } else if (r.completed !== completed) {
      add('completed', `completed is ${q(r.completed)}, expected ${q(completed)}`);
    }

    let met: boolean | null = null;
    let late: number | null = null;
    if (ds.due !== null) {
      const lastMeeting = Math.floor((ds.due - h.start) / h.slotSeconds) - 1;
      met = c !== null && c <= lastMeeting;
      late = c === null ? null : Math.max(0, c - lastMeeting);
    }
    if (r.met !== met) add('met', `met is ${q(r.met)}, expected ${q(met)}`);
    if (r.lateSlots !== late) add('late-slots', `lateSlots is ${q(r.lateSlots)}, expected ${q(late)}`);
  }
  const missing = s.datasets.filter((_, d) => seen[d] < 0).map((ds) => ds.id);
  if (missing.length > 0) {
    sink.add(
      'dataset-list',
      `datasets has no entry for ${missing.join(', ')} (one entry per scenario dataset)`,
    );
  }
}

function checkSummary(
  s: Scenario,
  ids: ScenarioIds,
  cal: Calendars,
  doc: Record<string, unknown>,
  shape: ShapeResult,
  derived: readonly Derived[],
  makespan: number,
  sink: ViolationSink,
): void {
  const h = s.horizon;
  const bad = shape.badFields;
  if (!bad.has('scenario') && doc.scenario !== s.name) {
    sink.add('scenario', `scenario is ${q(doc.scenario)}, expected the scenario's name ${q(s.name)}`);
  }
  if (!bad.has('horizon')) {
    const hz = doc.horizon as Row;
    if (hz.start !== h.startIso || hz.slotSeconds !== h.slotSeconds || hz.slots !== h.slots) {
      sink.add(
        'horizon',
        `horizon is ${JSON.stringify({ start: hz.start, slotSeconds: hz.slotSeconds, slots: hz.slots })}, expected ` +
          JSON.stringify({ start: h.startIso, slotSeconds: h.slotSeconds, slots: h.slots }),
      );
    }
  }

  // Status.
  const incomplete = s.datasets.map((_, d) => d).filter((d) => !derived[d].complete);
  let status: 'complete' | 'partial' | 'infeasible' = 'complete';
  let why = 'every dataset is delivered with all its copies';
  if (incomplete.length > 0 && !bad.has('status')) {
    const reach = reachableDomains(s, cal, ids, incomplete);
    const stuck = incomplete.find((d) => reach.get(d)!.length < s.datasets[d].copies);
    if (stuck === undefined) {
      status = 'partial';
      why = `${s.datasets[incomplete[0]].id} is not complete, and every dataset can reach its copies' failure domains`;
    } else {
      const ds = s.datasets[stuck];
      const got = reach.get(stuck)!;
      status = 'infeasible';
      why =
        `dataset ${ds.id} cannot reach ${ds.copies} distinct allowed failure domain${ds.copies === 1 ? '' : 's'} ` +
        `within the horizon (reachable: ${got.length === 0 ? 'none' : got.join(', ')})`;
    }
  }
  if (!bad.has('status') && doc.status !== status) {
    sink.add('status', `status is ${q(doc.status)}, expected ${q(status)}: ${why}`);
  }

  // Makespan and lower bound.
  if (!bad.has('makespan')) {
    const m = doc.makespan as Row | null;
    const want =
      makespan < 0 ? null : { slot: makespan, end: isoSeconds(h.start + (makespan + 1) * h.slotSeconds) };
    const got = m === null ? null : { slot: m.slot, end: m.end };
    if (want === null ? got !== null : got === null || got.slot !== want.slot || got.end !== want.end) {
      sink.add(
        'makespan',
        `makespan is ${JSON.stringify(got)}, expected ${JSON.stringify(want)} (the last slot in which any byte is stored)`,
      );
    }
  }
  if (!bad.has('lowerBound')) {
    const lb = (doc.lowerBound as Row).slot as number | null;
    if (lb !== null && status !== 'complete' && !bad.has('status')) {
      sink.add('lower-bound', `lowerBound.slot is ${lb}, but it is null for a ${status} plan`);
    } else if (lb !== null && makespan >= 0 && lb > makespan) {
      sink.add('lower-bound', `lowerBound.slot ${lb} is above the plan's own makespan slot ${makespan}`);
    }
  }
}

/**
 * Capacity checks of the verifier (PLAN.md "Valid", first rule; SCENARIO.md "Caps"): per slot,
 * - a link carries at most its calendar capacity (`link-capacity`);
 * - a node sends at most `read` and receives at most `write` bytes over links (`node-read`,
 *   `node-write`);
 * - a provider stores at most `ingress` bytes at its nodes (`provider-ingress`) and sends at most
 *   `egress` bytes over links from its nodes to nodes outside it (`provider-egress`).
 *
 * Method: each counted row is mapped to one cell (element × slots + slot) of a dense
 * {@link ExactSums}; loads are summed exactly, then the rows are walked once more in plan order
 * and each cell is compared with its cap at its first row, so a violation names the first row of
 * the overloaded (element, slot) and how many rows share it.
 *
 * Complexity: O(rows + elements × slots) time and memory, for elements that have a cap.
 */
import type { Calendars } from '../constraints/index.js';
import type { Scenario } from '../io/model.js';
import type { PlanTable, ViolationSink } from './report.js';
import type { PlanRows, ScenarioIds } from './rows.js';
import { ExactSums } from './sums.js';

/** Reports one overloaded cell: its first row, its row count and its exact load. */
type Report = (cell: number, row: number, count: number, load: number | bigint, cap: number) => void;

/** Sums `bytes` per cell and reports cells whose load exceeds `capOf(cell)`. */
function overCells(
  cellOf: Int32Array,
  bytes: Float64Array,
  nCells: number,
  capOf: (cell: number) => number,
  report: Report,
): void {
  const load = new ExactSums(nCells);
  const count = new Int32Array(nCells);
  for (let i = 0; i < cellOf.length; i++) {
    const c = cellOf[i];
    if (c < 0) continue;
    load.add(c, bytes[i]);
    count[c]++;
  }
  for (let i = 0; i < cellOf.length; i++) {
    const c = cellOf[i];
    if (c < 0 || count[c] < 0) continue;
    const cap = capOf(c);
    if (load.compare(c, cap) > 0) report(c, i, count[c], load.get(c), cap);
    count[c] = -1;
  }
}

function rowsText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Checks link, node and provider capacities; appends violations to `sink`. */
export function checkCaps(
  s: Scenario,
  ids: ScenarioIds,
  cal: Calendars,
  rows: PlanRows,
  sink: ViolationSink,
): void {
  const S = s.horizon.slots;
  const nT = rows.tSlot.length;
  const nD = rows.dSlot.length;
  const add = (table: PlanTable, rule: Parameters<ViolationSink['add']>[0], i: number, message: string) =>
    sink.add(rule, message, table, i, table === 'transfers' ? rows.transfers[i] : rows.deliveries[i]);

  // Links.
  const linkCell = new Int32Array(nT).fill(-1);
  for (let i = 0; i < nT; i++) if (rows.tOk[i]) linkCell[i] = rows.tLink[i] * S + rows.tSlot[i];
  overCells(
    linkCell,
    rows.tBytes,
    s.links.length * S,
    (c) => cal.links[(c / S) | 0][c % S],
    (c, i, count, load, cap) => {
      const t = c % S;
      const link = s.links[(c / S) | 0].id;
      add(
        'transfers',
        'link-capacity',
        i,
        count === 1
          ? `${load} bytes exceed the link's capacity ${cap} in slot ${t}`
          : `link ${link} carries ${load} bytes in slot ${t} (${rowsText(count, 'row', 'rows')}), over its capacity ${cap} in slot ${t}`,
      );
    },
  );

  const nodeOf = (id: string) => ids.node.get(id)!;
  const tFrom = new Int32Array(nT);
  const tTo = new Int32Array(nT);
  const linkFrom = s.links.map((l) => nodeOf(l.from));
  const linkTo = s.links.map((l) => nodeOf(l.to));
  for (let i = 0; i < nT; i++) {
    const l = rows.tLink[i];
    tFrom[i] = l < 0 ? -1 : linkFrom[l];
    tTo[i] = l < 0 ? -1 : linkTo[l];
  }

  // Node read / write.
  const nodeCheck = (
    caps: readonly (number | null)[],
    ends: Int32Array,
    rule: 'node-read' | 'node-write',
  ) => {
    if (caps.every((c) => c === null)) return;
    const cell = new Int32Array(nT).fill(-1);
    for (let i = 0; i < nT; i++)
      if (rows.tOk[i] && caps[ends[i]] !== null) cell[i] = ends[i] * S + rows.tSlot[i];
    overCells(
      cell,
      rows.tBytes,
      s.nodes.length * S,
      (c) => caps[(c / S) | 0]!,
      (c, i, count, load, cap) => {
        const node = s.nodes[(c / S) | 0].id;
        const verb = rule === 'node-read' ? 'sends' : 'receives';
        const which = rule === 'node-read' ? 'read' : 'write';
        add(
          'transfers',
          rule,
          i,
          `node ${node} ${verb} ${load} bytes over links in slot ${c % S} (${rowsText(count, 'transfer', 'transfers')}), over its ${which} cap ${cap} bytes per slot`,
        );
      },
    );
  };
  nodeCheck(cal.nodeRead, tFrom, 'node-read');
  nodeCheck(cal.nodeWrite, tTo, 'node-write');

  // Providers.
  const providerIndex = new Map(s.providers.map((p, i) => [p.id, i]));
  const nodeProvider = s.nodes.map((n) => (n.provider === null ? -1 : (providerIndex.get(n.provider) ?? -1)));
  const nP = s.providers.length;
  if (cal.providerEgress.some((c) => c !== null)) {
    const cell = new Int32Array(nT).fill(-1);
    for (let i = 0; i < nT; i++) {
      if (!rows.tOk[i]) continue;
      const p = nodeProvider[tFrom[i]];
      if (p >= 0 && nodeProvider[tTo[i]] !== p && cal.providerEgress[p] !== null)
        cell[i] = p * S + rows.tSlot[i];
    }
    overCells(
      cell,
      rows.tBytes,
      nP * S,
      (c) => cal.providerEgress[(c / S) | 0]!,
      (c, i, count, load, cap) =>
        add(
          'transfers',
          'provider-egress',
          i,
          `provider ${s.providers[(c / S) | 0].id} sends ${load} bytes from its nodes to outside nodes in slot ${c % S} (${rowsText(count, 'transfer', 'transfers')}), over its egress cap ${cap} bytes per slot`,
        ),
    );
  }
  if (cal.providerIngress.some((c) => c !== null)) {
    const cell = new Int32Array(nD).fill(-1);
    for (let i = 0; i < nD; i++) {
      if (!rows.dOk[i]) continue;
      const p = nodeProvider[rows.dNode[i]];
      if (p >= 0 && cal.providerIngress[p] !== null) cell[i] = p * S + rows.dSlot[i];
    }
    overCells(
      cell,
      rows.dBytes,
      nP * S,
      (c) => cal.providerIngress[(c / S) | 0]!,
      (c, i, count, load, cap) =>
        add(
          'deliveries',
          'provider-ingress',
          i,
          `provider ${s.providers[(c / S) | 0].id} stores ${load} bytes at its nodes in slot ${c % S} (${rowsText(count, 'delivery', 'deliveries')}), over its ingress cap ${cap} bytes per slot`,
        ),
    );
  }
}

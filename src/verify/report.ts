/**
 * What the plan verifier reports: violations with a stable rule id, a sentence, and the plan row
 * they concern (PLAN.md "Valid"). A plan is valid exactly when the list is empty.
 */

/**
 * Stable ids of the rules the verifier checks (PLAN.md "Valid"); tools may match on them.
 *
 * - rows: `schema` (shape), `integer` (a non-integer or unsafe byte/slot value), `positive` (a row
 *   with bytes ≤ 0), `unknown-id`, `horizon` (slot outside the horizon, or the `horizon` field),
 *   `sort-order` (also duplicate rows), `link-ends` (`from`/`to` not the link's), `before-ready`;
 * - capacities: `link-capacity`, `node-read`, `node-write`, `provider-ingress`, `provider-egress`;
 * - flow: `conservation` (a held balance below zero), `hold-exchange`, `hold-no-storage`,
 *   `storage-row`, `storage-limit`;
 * - deliveries: `destination`, `origin-delivery`, `delivered-sum`, `domain-copy`, `copies`,
 *   `appliance-capacity`;
 * - outcome fields: `dataset-list`, `wire-bytes`, `due`, `completed`, `met`, `late-slots`,
 *   `status`, `makespan`, `lower-bound`, `scenario`.
 */
export type VerifyRule =
  | 'schema'
  | 'integer'
  | 'positive'
  | 'unknown-id'
  | 'horizon'
  | 'sort-order'
  | 'link-ends'
  | 'before-ready'
  | 'link-capacity'
  | 'node-read'
  | 'node-write'
  | 'provider-ingress'
  | 'provider-egress'
  | 'conservation'
  | 'hold-exchange'
  | 'hold-no-storage'
  | 'storage-row'
  | 'storage-limit'
  | 'destination'
  | 'origin-delivery'
  | 'delivered-sum'
  | 'domain-copy'
  | 'copies'
  | 'appliance-capacity'
  | 'dataset-list'
  | 'wire-bytes'
  | 'due'
  | 'completed'
  | 'met'
  | 'late-slots'
  | 'status'
  | 'makespan'
  | 'lower-bound'
  | 'scenario';

/** The plan table a violation points into. */
export type PlanTable = 'transfers' | 'deliveries' | 'storage' | 'datasets';

/** The plan row a violation concerns. */
export interface ViolationRow {
  readonly table: PlanTable;
  /** 0-based index in the table. */
  readonly index: number;
  /** The row as found in the plan (not copied). */
  readonly value: unknown;
}

/** One broken rule. */
export interface Violation {
  /** Stable rule id. */
  readonly rule: VerifyRule;
  /** What is wrong, naming what was found and what was expected; without the row prefix. */
  message: string;
  /** The row concerned, when the rule is about one. */
  readonly row?: ViolationRow;
}

/** Result of {@link verifyPlan}: `ok` exactly when `violations` is empty. */
export interface VerifyReport {
  readonly ok: boolean;
  /** Every violation found, in a deterministic order (shape, rows, capacities, flow, outcome). */
  readonly violations: readonly Violation[];
}

function field(row: unknown, key: string): string {
  if (typeof row !== 'object' || row === null) return '?';
  const v = (row as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '?';
}

/** `slot 72, link munich-wan, dataset munich-vms`: the key fields of a row, for messages. */
export function describeRow(table: PlanTable, row: unknown): string {
  switch (table) {
    case 'transfers':
      return `slot ${field(row, 'slot')}, link ${field(row, 'link')}, dataset ${field(row, 'dataset')}`;
    case 'deliveries':
      return `slot ${field(row, 'slot')}, node ${field(row, 'node')}, dataset ${field(row, 'dataset')}`;
    case 'storage':
      return `slot ${field(row, 'slot')}, node ${field(row, 'node')}`;
    case 'datasets':
      return `dataset ${field(row, 'id')}`;
  }
}

/**
 * Formats a violation as one line: `transfers[12] (slot 72, link munich-wan, dataset munich-vms):
 * 5000000000 bytes exceed the link's capacity 4500000000 in slot 72`.
 */
export function formatViolation(v: Violation): string {
  if (!v.row) return v.message;
  return `${v.row.table}[${v.row.index}] (${describeRow(v.row.table, v.row.value)}): ${v.message}`;
}

/** Collects violations; the checkers only append. */
export class ViolationSink {
  readonly list: Violation[] = [];

  /** Appends a violation and returns its index (runs extend their message later). */
  add(rule: VerifyRule, message: string, table?: PlanTable, index?: number, value?: unknown): number {
    const v: Violation =
      table === undefined || index === undefined
        ? { rule, message }
        : { rule, message, row: { table, index, value } };
    this.list.push(v);
    return this.list.length - 1;
  }
}

/**
 * Shape check of a plan document (PLAN.md "Fields") before any arithmetic: a zod schema of the
 * version-1 document, with unknown extra fields allowed (the project may add fields, PLAN.md).
 *
 * Problems become violations, never exceptions: `integer` when a number that must be a safe
 * integer is not, `schema` otherwise. Rows with a problem are marked so that later checks skip
 * them; a document that is not an object, or whose row tables are not arrays, is fatal (nothing
 * else can be checked meaningfully).
 *
 * Speed: the row tables can hold millions of rows, and zod builds an output object per row, so
 * rows are first checked by a hand-written predicate equivalent to their zod schema (no
 * allocation); only rows that fail it go through zod, for its messages. Everything else is
 * checked by zod directly.
 *
 * Complexity: O(size of the document), allocation-free for well-formed rows.
 */
import { z } from 'zod';
import type { PlanTable, ViolationSink } from './report.js';

const iso = z.string();
const slotBytes = { slot: z.int(), bytes: z.int() };

/** Zod schema of a `transfers` row. */
const TransferRow = z.looseObject({
  ...slotBytes,
  link: z.string(),
  from: z.string(),
  to: z.string(),
  dataset: z.string(),
});
/** Zod schema of a `deliveries` row. */
const DeliveryRow = z.looseObject({ ...slotBytes, node: z.string(), dataset: z.string() });
/** Zod schema of a `storage` row. */
const StorageRowSchema = z.looseObject({ ...slotBytes, node: z.string() });

/** Zod schema of a plan document, version 1 (PLAN.md). Extra fields are allowed everywhere. */
export const PlanSchema = z.looseObject({
  wanplan: z.literal(1),
  scenario: z.string().nullable(),
  status: z.enum(['complete', 'partial', 'infeasible']),
  objective: z.enum(['earliest-completion', 'min-cost']),
  horizon: z.looseObject({ start: iso, slotSeconds: z.int().positive(), slots: z.int().positive() }),
  quantumBytes: z.int().positive(),
  makespan: z.looseObject({ slot: z.int().nonnegative(), end: iso }).nullable(),
  lowerBound: z.looseObject({ slot: z.int().nonnegative().nullable(), method: z.string() }),
  datasets: z.array(
    z.looseObject({
      id: z.string(),
      wireBytes: z.int().nonnegative(),
      delivered: z.record(z.string(), z.int().nonnegative()),
      completed: iso.nullable(),
      due: iso.nullable(),
      met: z.boolean().nullable(),
      lateSlots: z.int().nonnegative().nullable(),
    }),
  ),
  transfers: z.array(TransferRow),
  deliveries: z.array(DeliveryRow),
  storage: z.array(StorageRowSchema),
  bottlenecks: z.array(
    z.looseObject({
      kind: z.string(),
      id: z.string(),
      slots: z.array(z.int().nonnegative()),
      note: z.string(),
    }),
  ),
  notes: z.array(z.string()),
});

/** The document without its row tables' rows (checked row by row below). */
const HeadSchema = PlanSchema.extend({
  transfers: z.array(z.unknown()),
  deliveries: z.array(z.unknown()),
  storage: z.array(z.unknown()),
});

type Row = Record<string, unknown>;

function isRow(r: unknown): r is Row {
  return typeof r === 'object' && r !== null && !Array.isArray(r);
}

/** Allocation-free equivalents of the row schemas (z.int() is Number.isSafeInteger). */
const FAST: Record<'transfers' | 'deliveries' | 'storage', (r: unknown) => boolean> = {
  transfers: (r) =>
    isRow(r) &&
    Number.isSafeInteger(r.slot) &&
    Number.isSafeInteger(r.bytes) &&
    typeof r.link === 'string' &&
    typeof r.from === 'string' &&
    typeof r.to === 'string' &&
    typeof r.dataset === 'string',
  deliveries: (r) =>
    isRow(r) &&
    Number.isSafeInteger(r.slot) &&
    Number.isSafeInteger(r.bytes) &&
    typeof r.node === 'string' &&
    typeof r.dataset === 'string',
  storage: (r) =>
    isRow(r) && Number.isSafeInteger(r.slot) && Number.isSafeInteger(r.bytes) && typeof r.node === 'string',
};
const ROW_SCHEMA = { transfers: TransferRow, deliveries: DeliveryRow, storage: StorageRowSchema };

const TABLES: readonly PlanTable[] = ['transfers', 'deliveries', 'storage', 'datasets'];

/** What the shape check found, for the checks that follow. */
export interface ShapeResult {
  /** True when nothing beyond the shape can be checked. */
  readonly fatal: boolean;
  /** Top-level fields with a problem (their own checks are skipped). */
  readonly badFields: ReadonlySet<string>;
  /** Per table, 1 for each row with a shape problem. */
  readonly badRows: Readonly<Record<PlanTable, Uint8Array>>;
}

function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s;
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v = doc;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function tableLength(doc: unknown, table: PlanTable): number {
  const t = (doc as Record<string, unknown>)[table];
  return Array.isArray(t) ? t.length : 0;
}

const ARTICLE: Record<string, string> = { int: 'an integer', array: 'a list', object: 'an object' };

/** A zod issue in plain words: what was expected and what was found (never "undefined"). */
function plainIssue(issue: z.core.$ZodIssue, found: unknown): string {
  if (issue.code === 'invalid_type') {
    const expected = ARTICLE[issue.expected] ?? `a ${issue.expected}`;
    return found === undefined
      ? `missing required field, expected ${expected}`
      : `expected ${expected}, found ${shown(found)}`;
  }
  const said = issue.message.replace(/^Invalid (input|option): /, '');
  return found === undefined ? `missing required field, ${said}` : `${said} (found ${shown(found)})`;
}

/** Checks the shape of `doc` and appends `schema` / `integer` violations to `sink`. */
export function checkShape(doc: unknown, sink: ViolationSink): ShapeResult {
  const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  const badRows = {
    transfers: new Uint8Array(isObject ? tableLength(doc, 'transfers') : 0),
    deliveries: new Uint8Array(isObject ? tableLength(doc, 'deliveries') : 0),
    storage: new Uint8Array(isObject ? tableLength(doc, 'storage') : 0),
    datasets: new Uint8Array(isObject ? tableLength(doc, 'datasets') : 0),
  };
  const badFields = new Set<string>();
  const issues: z.core.$ZodIssue[] = [];
  const head = HeadSchema.safeParse(doc);
  if (!head.success) issues.push(...head.error.issues);
  if (isObject) {
    for (const table of ['transfers', 'deliveries', 'storage'] as const) {
      const rows = (doc as Row)[table];
      if (!Array.isArray(rows)) continue;
      const fast = FAST[table];
      for (let i = 0; i < rows.length; i++) {
        if (fast(rows[i])) continue;
        const r = ROW_SCHEMA[table].safeParse(rows[i]);
        if (!r.success)
          for (const issue of r.error.issues) issues.push({ ...issue, path: [table, i, ...issue.path] });
      }
    }
  }
  if (issues.length === 0) return { fatal: false, badFields, badRows };
  let fatal = !isObject;
  for (const issue of issues) {
    const path = issue.path;
    const found = valueAt(doc, path);
    const integer =
      typeof found === 'number' && !Number.isSafeInteger(found) && issue.code !== 'invalid_value';
    const rule = integer ? 'integer' : 'schema';
    const first = path[0];
    const table = TABLES.find((t) => t === first);
    if (table !== undefined && typeof path[1] === 'number' && path.length >= 2) {
      badRows[table][path[1]] = 1;
      const rowDoc = valueAt(doc, path.slice(0, 2));
      const rel = pathText(path.slice(2));
      const what = integer
        ? `${rel} is ${shown(found)}, not an integer below 2^53`
        : `${rel === '' ? 'row' : rel}: ${plainIssue(issue, found)}`;
      sink.add(rule, what, table, path[1], rowDoc);
      continue;
    }
    if (table !== undefined || path.length === 0) fatal = true;
    if (typeof first === 'string') badFields.add(first);
    const where = path.length === 0 ? 'the plan' : pathText(path);
    sink.add(
      rule,
      integer
        ? `${where} is ${shown(found)}, not an integer below 2^53`
        : `${where}: ${plainIssue(issue, found)}`,
    );
  }
  return { fatal, badFields, badRows };
}

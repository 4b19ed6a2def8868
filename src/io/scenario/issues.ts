/**
 * Turns zod issues into diagnostics a person can act on: "found …, expected …" with the field
 * path, unknown fields with a did-you-mean, a field that belongs to another node kind named as
 * such, and a bare number in a unit field passed to the units helper for its hint.
 */
import type { z } from 'zod';
import {
  parseCost,
  parseDuration,
  parseInstant,
  parseLatency,
  parseRate,
  parseShare,
  parseSize,
  parseTimeOfDay,
  type UnitResult,
} from '../units.js';
import type { DiagnosticSink } from './diagnostics.js';
import { didYouMean } from './didYouMean.js';
import type { Path, PathSegment } from './path.js';
import { type FieldInfo, fieldInfo, NODE_VARIANTS, type UnitKind } from './schema.js';

type AnySchema = z.core.$ZodType;

const UNIT_PARSERS: Record<UnitKind, (raw: string | number) => UnitResult<unknown>> = {
  size: parseSize,
  rate: parseRate,
  duration: parseDuration,
  latency: parseLatency,
  share: parseShare,
  cost: parseCost,
  timeOfDay: parseTimeOfDay,
  instant: parseInstant,
};

/** Human description of a found value, for "found …". */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value (null)';
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return v === '' ? 'an empty string' : JSON.stringify(shown);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? `the number ${v}` : `the non-finite number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length}`;
  return 'a mapping';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  tuple: 'a list',
  record: 'a mapping',
};

/** The raw value at `path`, or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, seg) ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  return v;
}

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (def(s).type === 'optional' || def(s).type === 'default' || def(s).type === 'nullable') {
    s = def(s).innerType as AnySchema;
  }
  return s;
}

/** The node variant a raw node selects by its `kind`, or null. */
function variantOf(raw: unknown): AnySchema | null {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && Object.hasOwn(NODE_VARIANTS, kind)
    ? (NODE_VARIANTS[kind as keyof typeof NODE_VARIANTS] as AnySchema)
    : null;
}

/** Walks the schema along `path` (using the raw data to pick a node variant); null when lost. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[], data: unknown): AnySchema | null {
  let s: AnySchema | null = root;
  let v = data;
  for (const seg of path) {
    if (s === null) return null;
    s = unwrap(s);
    const d = def(s);
    if (d.type === 'union' && d.discriminator !== undefined) {
      const variant = variantOf(v);
      if (!variant) return null;
      s = variant;
    }
    const d2 = def(s);
    if (d2.type === 'object')
      s = ((d2.shape as Record<string, AnySchema>)[String(seg)] ?? null) as AnySchema | null;
    else if (d2.type === 'array') s = d2.element as AnySchema;
    else if (d2.type === 'tuple') s = ((d2.items as AnySchema[])[Number(seg)] ?? null) as AnySchema | null;
    else if (d2.type === 'record') s = d2.valueType as AnySchema;
    else return null;
    v = valueAt(v, [seg]);
  }
  return s;
}

function infoAt(root: AnySchema, path: readonly PropertyKey[], data: unknown): FieldInfo | undefined {
  const s = schemaAt(root, path, data);
  return s ? fieldInfo.get(unwrap(s)) : undefined;
}

/** Keys an object schema (or the node variant selected by the data) allows at `path`. */
function allowedKeys(root: AnySchema, path: readonly PropertyKey[], data: unknown): string[] {
  const s = schemaAt(root, path, data);
  if (!s) return [];
  let obj = unwrap(s);
  if (def(obj).type === 'union') obj = variantOf(valueAt(data, path)) ?? obj;
  const shape = def(obj).shape as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : [];
}

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((p) => (typeof p === 'number' ? p : String(p))) as PathSegment[];
}

function reportUnknownKey(
  sink: DiagnosticSink,
  root: AnySchema,
  data: unknown,
  issuePath: Path,
  key: string,
): void {
  const path = [...issuePath, key];
  const owner = valueAt(data, issuePath) as { kind?: unknown } | undefined;
  const variant = variantOf(owner);
  if (variant) {
    // A field of another node kind: say which kinds take it, rather than "unknown".
    const kinds = Object.entries(NODE_VARIANTS)
      .filter(([, schema]) => Object.hasOwn(def(schema).shape as object, key))
      .map(([k]) => k);
    if (kinds.length > 0) {
      const kind = String(owner?.kind);
      sink.error(
        path,
        `field "${key}" is not allowed on ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} node`,
        {
          at: 'key',
          hint: `only ${kinds.join(', ')} nodes have it`,
        },
      );
      return;
    }
  }
  const allowed = allowedKeys(root, issuePath, data);
  const guess = didYouMean(key, allowed);
  sink.error(path, `unknown field "${key}"`, {
    at: 'key',
    hint: guess
      ? `did you mean ${guess}?`
      : allowed.length > 0
        ? `expected one of ${allowed.join(', ')}`
        : undefined,
  });
}

/** Reports every zod issue of a failed `safeParse` of the scenario document. */
export function reportIssues(
  sink: DiagnosticSink,
  root: AnySchema,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): void {
  for (const issue of issues) {
    const path = toPath(issue.path);
    const found = valueAt(data, issue.path);
    const info = infoAt(root, issue.path, data);
    const last = path[path.length - 1];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) reportUnknownKey(sink, root, data, path, key);
      continue;
    }
    if (found === undefined && path.length > 0 && issue.code !== 'invalid_key') {
      const owner = valueAt(data, issue.path.slice(0, -1));
      if (owner !== null && typeof owner === 'object' && !Array.isArray(owner)) {
        sink.error(path, `missing required field "${String(last)}"`, {
          hint: info ? `expected ${info.expected}` : undefined,
        });
        continue;
      }
    }
    switch (issue.code) {
      case 'invalid_type': {
        const kind = info?.unit;
        if (kind && typeof found === 'number') {
          const r = UNIT_PARSERS[kind](found);
          if (!r.ok) {
            sink.error(path, r.message, { hint: r.hint });
            continue;
          }
        }
        const expected = info?.expected ?? TYPE_WORDS[issue.expected] ?? issue.expected;
        const hint = kind && typeof found === 'number' ? 'write it as a string with its unit' : undefined;
        sink.error(path, `found ${describeValue(found)}, expected ${expected}`, { hint });
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map((v) => String(v));
        const guess = typeof found === 'string' ? didYouMean(found, options) : null;
        sink.error(
          path,
          `found ${describeValue(found)}, expected ${info?.expected ?? `one of ${options.join(', ')}`}`,
          {
            hint: guess ? `did you mean ${guess}?` : undefined,
          },
        );
        break;
      }
      case 'invalid_union': {
        if (issue.discriminator !== undefined) {
          const options = ((issue as { options?: unknown[] }).options ?? []).map((o) => String(o));
          const guess = typeof found === 'string' ? didYouMean(found, options) : null;
          sink.error(path, `found ${describeValue(found)}, expected a node kind: ${options.join(', ')}`, {
            hint: guess ? `did you mean ${guess}?` : undefined,
          });
          break;
        }
        if (info?.unit && (typeof found === 'number' || typeof found === 'string')) {
          const r = UNIT_PARSERS[info.unit](found);
          if (!r.ok) {
            sink.error(path, r.message, { hint: r.hint });
            break;
          }
        }
        sink.error(path, `found ${describeValue(found)}, expected ${info?.expected ?? 'another type'}`);
        break;
      }
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const word = issue.code === 'too_small' ? 'at least' : 'at most';
        const expected =
          info?.expected ??
          (issue.origin === 'array' ? `${word} ${bound} item${bound === 1 ? '' : 's'}` : `${word} ${bound}`);
        sink.error(path, `found ${describeValue(found)}, expected ${expected}`);
        break;
      }
      case 'invalid_key':
        // Only `providers` is a record: its keys are provider names.
        sink.error(
          path,
          `found the name ${JSON.stringify(String(last))}, expected a name of letters, digits and . _ : -`,
          {
            at: 'key',
          },
        );
        break;
      default:
        sink.error(path, `found ${describeValue(found)}, expected ${info?.expected ?? issue.message}`);
    }
  }
}

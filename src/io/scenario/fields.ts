/**
 * Field-by-field schema check of one element, so that a builder can still check the good fields
 * of an element that has a bad one (a typo in a window must not hide a bad capacity). The
 * element-level issues themselves are reported once, from the whole-document check.
 */
import type { z } from 'zod';

/** The fields of `raw` that pass their own schema, and whether the whole element passed. */
export interface CheckedFields<T> {
  /** Valid fields only; a field with an error is absent. */
  readonly fields: Partial<T>;
  /** True when the element as a whole passed (every field valid, no unknown field). */
  readonly complete: boolean;
}

/** Checks `raw` against a strict object schema field by field. */
export function checkFields<S extends z.ZodObject>(schema: S, raw: unknown): CheckedFields<z.output<S>> {
  const whole = schema.safeParse(raw);
  if (whole.success) return { fields: whole.data as Partial<z.output<S>>, complete: true };
  const fields: Record<string, unknown> = {};
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (!Object.hasOwn(raw, key)) continue;
      const r = field.safeParse((raw as Record<string, unknown>)[key]);
      if (r.success && r.data !== undefined) fields[key] = r.data;
    }
  }
  return { fields: fields as Partial<z.output<S>>, complete: false };
}

/**
 * A scenario file's text as plain data plus a map back to positions.
 *
 * Reading is split in two so that every later diagnostic can name `file:line:column`: the
 * format readers (`jsonSource.ts`, `yamlSource.ts`) turn text into plain JS values (objects,
 * arrays, strings, numbers, booleans, null) and a {@link SourceMap}; nothing downstream sees the
 * YAML or JSON syntax again.
 */

import type { Position } from './lineIndex.js';
import type { Path, PathSegment } from './path.js';

/** Finds where a field is written. */
export interface SourceMap {
  /**
   * Position of the value at `path` (`target: 'value'`) or of its key (`'key'`); the nearest
   * written ancestor when the path does not exist in the file (a missing field), or null when not
   * even the root is there.
   */
  locate(path: Path, target?: 'key' | 'value'): Position | null;
}

/** A parsed scenario file before validation. */
export interface SourceDocument {
  readonly format: 'yaml' | 'json';
  /** The document as plain JS data. */
  readonly value: unknown;
  readonly map: SourceMap;
  /**
   * Numbers written in a form other than a plain decimal (`1e3`, `0x10`, `.inf`): the plain data
   * holds their value, which no longer shows the form, so the readers check the source text.
   */
  readonly numberForms: readonly SyntaxProblem[];
}

/** A problem found while reading the syntax, with its offset and, where known, its field path. */
export interface SyntaxProblem {
  readonly offset: number | null;
  readonly path: Path;
  readonly message: string;
  readonly hint?: string;
}

/** Outcome of a format reader: a document, or the syntax problems that stop validation. */
export type SourceResult =
  | { readonly ok: true; readonly doc: SourceDocument }
  | { readonly ok: false; readonly problems: readonly SyntaxProblem[] };

/** Deepest nesting of mappings and lists a scenario may use (SCENARIO.md needs 4). */
export const MAX_DEPTH = 64;

function kindOf(value: unknown): string {
  if (value instanceof Date) return 'a timestamp (!!timestamp)';
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  if (value instanceof Map) return 'an ordered map (!!omap)';
  if (value instanceof Set) return 'a set (!!set)';
  return `a ${typeof value}`;
}

/**
 * Checks that a document is plain data: mappings, lists, strings, numbers, booleans and null,
 * nested at most {@link MAX_DEPTH} deep. YAML tags such as `!!binary` or `!!set` produce other
 * values; they are rejected here with their path. Walks at most `MAX_DEPTH` levels, so shared
 * (aliased) subtrees cannot make it loop.
 */
export function plainDataProblems(value: unknown): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  // One path stack for the whole walk, copied only into a problem.
  const path: PathSegment[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return;
    const isArray = Array.isArray(v);
    if (!isArray && (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype)) {
      problems.push({
        offset: null,
        path: [...path],
        message: `found ${kindOf(v)}, expected plain YAML data`,
        hint: 'remove the tag',
      });
      return;
    }
    if (depth >= MAX_DEPTH) {
      problems.push({ offset: null, path: [...path], message: `nesting deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (isArray) {
      const items = v as unknown[];
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        walk(items[i], depth + 1);
        path.pop();
      }
      return;
    }
    for (const k in v as object) {
      path.push(k);
      walk((v as Record<string, unknown>)[k], depth + 1);
      path.pop();
    }
  };
  walk(value, 0);
  return problems;
}

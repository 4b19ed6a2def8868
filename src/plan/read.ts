/**
 * Reading a plan file (PLAN.md): bytes → UTF-8 text → JSON value. Only file-level problems are
 * errors here (unreadable, too large, not UTF-8, empty, not JSON), reported as an `InputError`
 * with the line and column of a syntax error; what the JSON says is judged by `verifyPlan`, which
 * reports shape problems as violations.
 */
import { type Diagnostic, InputError } from '../errors.js';
import { readTextFile } from '../io/read-text.js';

/** Largest plan file read: 512 MiB (about four million transfer rows; V8's string limit is near). */
export const MAX_PLAN_FILE_BYTES = 512 * 1024 * 1024;

function fail(
  file: string,
  message: string,
  line: number | null = null,
  column: number | null = null,
  hint?: string,
): never {
  const d: Diagnostic = {
    file,
    line,
    column,
    path: '',
    message,
    severity: 'error',
    ...(hint ? { hint } : {}),
  };
  throw new InputError([d]);
}

/** 1-based line and column of a UTF-16 offset in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function shownChar(text: string, i: number): string {
  return i >= text.length ? 'the end of the file' : `'${text[i]}'`;
}

/** End of the JSON string starting at `i` (on its quote), or −1 when it is malformed. */
function stringEnd(text: string, i: number): number {
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) return k + 1;
    if (c < 32) return -1;
    if (c === 92) {
      const e = text[k + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) return -1;
        k += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) k++;
      else return -1;
    }
  }
  return -1;
}

/**
 * Offset and description of the first JSON syntax error in `text`, or null when there is none.
 * Runs only after `JSON.parse` failed, to position the error the same way on every Node version
 * (V8's messages differ between versions and do not always carry a position). Iterative, so a
 * deeply nested document cannot overflow the stack.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  const VALUE = 0;
  const AFTER = 1;
  const KEY = 2;
  const stack: string[] = [];
  let state = VALUE;
  let i = 0;
  const n = text.length;
  const err = (message: string) => ({ offset: i, message: `${message}, found ${shownChar(text, i)}` });
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    const c = text[i];
    if (state === VALUE) {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        while (i < n && ' \t\n\r'.includes(text[i])) i++;
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = AFTER;
        } else state = c === '{' ? KEY : VALUE;
        continue;
      }
      if (c === '"') {
        const end = stringEnd(text, i);
        if (end < 0) return err('expected a well-formed string');
        i = end;
        state = AFTER;
        continue;
      }
      NUMBER.lastIndex = i;
      const num = NUMBER.exec(text);
      const lit = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (num !== null || lit !== undefined) {
        i += num !== null ? num[0].length : lit!.length;
        state = AFTER;
        continue;
      }
      return err('expected a value');
    }
    if (state === KEY) {
      if (c !== '"') return err('expected a property name in double quotes');
      const end = stringEnd(text, i);
      if (end < 0) return err('expected a well-formed string');
      i = end;
      while (i < n && ' \t\n\r'.includes(text[i])) i++;
      if (text[i] !== ':') return err("expected ':'");
      i++;
      state = VALUE;
      continue;
    }
    const top = stack.at(-1);
    if (top === undefined) return i < n ? err('expected the end of the document') : null;
    const close = top === '{' ? '}' : ']';
    if (c === ',') {
      i++;
      state = top === '{' ? KEY : VALUE;
    } else if (c === close) {
      stack.pop();
      i++;
    } else return err(`expected ',' or '${close}'`);
  }
}

/**
 * Parses plan text as JSON.
 * @param file - name used in diagnostics.
 * @throws InputError for empty text or a JSON syntax error (with its line and column).
 */
export function parsePlanText(text: string, file = '<input>'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') fail(file, 'file is empty, expected a plan (a JSON document)');
  try {
    return JSON.parse(body);
  } catch (err) {
    const found = jsonSyntaxError(body);
    const offset = found?.offset ?? body.length;
    const what = found?.message ?? (err instanceof Error ? err.message : String(err));
    const { line, column } = position(body, offset);
    return fail(
      file,
      `not valid JSON: ${what}`,
      line,
      column,
      'a plan is the JSON document `wanplan plan --json` writes',
    );
  }
}

/**
 * Reads a plan file and parses it as JSON (at most {@link MAX_PLAN_FILE_BYTES}, UTF-8).
 * @throws InputError for an unreadable, oversized, non-UTF-8, empty or non-JSON file.
 */
export async function readPlanFile(file: string): Promise<unknown> {
  const text = await readTextFile(file, {
    maxBytes: MAX_PLAN_FILE_BYTES,
    maxLabel: '512 MiB',
    expected: 'a JSON plan',
  });
  return parsePlanText(text, file);
}

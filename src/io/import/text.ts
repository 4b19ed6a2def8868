/**
 * Turning the bytes of an import file into text, and text offsets into lines, with the errors a
 * user can act on: a binary file, text that is neither UTF-8 nor declared Latin-1, a file too large.
 */
import { type Diagnostic, InputError } from '../../errors.js';

/** Largest import file read (the same bound as for scenario files). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** Builds an error diagnostic. */
export function diag(
  file: string,
  line: number | null,
  column: number | null,
  path: string,
  message: string,
  hint?: string,
): Diagnostic {
  return { file, line, column, path, message, severity: 'error', ...(hint ? { hint } : {}) };
}

/** Throws an {@link InputError} with one diagnostic. */
export function fail(
  file: string,
  line: number | null,
  column: number | null,
  path: string,
  message: string,
  hint?: string,
): never {
  throw new InputError([diag(file, line, column, path, message, hint)]);
}

/** Maps string offsets to 1-based line and column. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }

  /** 1-based `{ line, column }` of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.#starts[lo] + 1 };
  }
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 10) line++;
  return line;
}

/**
 * Decodes an import file. Rejects binary data (a NUL byte, or control characters other than tab,
 * newline and carriage return), files over {@link MAX_IMPORT_BYTES}, and bytes that are not UTF-8
 * unless the file declares `encoding="ISO-8859-1"` (SNDlib's XML does), which is then honoured.
 * A UTF-8 byte order mark is dropped.
 * @param what what the file should be, for messages (`GraphML`, `SNDlib network`, `CSV`).
 */
export function decodeImportBytes(bytes: Uint8Array, file: string, what: string): string {
  if (bytes.length > MAX_IMPORT_BYTES) {
    fail(file, null, null, '', `file is ${bytes.length} bytes, over the ${MAX_IMPORT_BYTES}-byte limit`);
  }
  if (bytes.length === 0) fail(file, null, null, '', `file is empty: expected ${what}`);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) {
      const line = lineOfByte(bytes, i);
      fail(
        file,
        line,
        null,
        '',
        `binary data (byte 0x${b.toString(16).padStart(2, '0')} at offset ${i}): expected ${what} text`,
      );
    }
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  if (/^<\?xml[^>]*encoding=["'](ISO-8859-1|latin-?1)["']/i.test(head)) {
    return new TextDecoder('latin1').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    fail(
      file,
      lineOfByte(bytes, bad),
      null,
      '',
      `text is not UTF-8 (invalid byte at offset ${bad}): expected ${what}`,
    );
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0 || (n > 0 && i + n >= bytes.length)) return i;
    for (let k = 1; k <= n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

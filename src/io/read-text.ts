/**
 * Reads a user-named input file as UTF-8 text with a size bound, turning every way it can fail
 * (missing, a directory, unreadable, too large, not UTF-8) into one positioned `InputError`.
 * Shared by the scenario reader and the plan reader, so both refuse bad files the same way.
 */
import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** What the file should be, for messages: `a scenario file`, `a JSON plan`. */
export interface ReadTextOptions {
  /** Largest accepted size in bytes (checked before reading, and again after). */
  readonly maxBytes: number;
  /** Human size of the limit, e.g. `32 MiB`. */
  readonly maxLabel: string;
  /** Noun phrase for the expected content, e.g. `a scenario file`. */
  readonly expected: string;
  /** Hint when the file is too large. */
  readonly tooLargeHint?: string;
}

/** A file-system error in words (`no such file`, `permission denied`, …). */
export function fileErrorText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function fail(file: string, message: string, hint?: string): never {
  throw new InputError([
    { file, line: null, column: null, path: '', message, severity: 'error', ...(hint ? { hint } : {}) },
  ]);
}

/**
 * Reads `file` as UTF-8 text (invalid byte sequences are an error; a byte order mark is kept for
 * the caller's parser to skip).
 * @throws InputError naming the file when it cannot be read, is too large or is not UTF-8.
 */
export async function readTextFile(file: string, options: ReadTextOptions): Promise<string> {
  const { maxBytes, maxLabel, expected } = options;
  let bytes: Uint8Array;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) fail(file, `is not a regular file, expected ${expected}`);
    if (stat.size > maxBytes) {
      fail(
        file,
        `file is ${stat.size} bytes, expected at most ${maxLabel} (${maxBytes} bytes)`,
        options.tooLargeHint,
      );
    }
    bytes = await handle.readFile();
  } catch (err) {
    if (err instanceof InputError) throw err;
    return fail(file, `cannot read the file: ${fileErrorText(err)}`);
  } finally {
    await handle?.close();
  }
  // The file may have grown between stat and read.
  if (bytes.byteLength > maxBytes)
    fail(file, `file is larger than ${maxLabel}, expected at most ${maxBytes} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail(file, `file is not UTF-8 text, expected ${expected}`, 'save the file as UTF-8');
  }
}

/**
 * Writing the files a command was asked to write (`--out`, `--report`, `--export-lp`, `-o`).
 *
 * A file that cannot be written (missing folder, a directory, no permission, disk full) is the
 * user's input, not a bug: it becomes a {@link WanplanError} naming the option and the file, so
 * the CLI exits 1 with one readable line instead of reporting an internal error (exit 3).
 */
import { writeFile } from 'node:fs/promises';
import { WanplanError } from '../errors.js';

/** A plain-words reason for a failed write, from Node's error code. */
function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a directory, expected a file name';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** True for the errors Node's file system functions throw (they carry an errno `code`). */
function isSystemError(err: unknown): boolean {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
}

/**
 * Runs `write` (which writes `file`, the value of `option`) and turns a file-system failure into
 * a {@link WanplanError} such as `--out plan/p.json: cannot write the file: its folder does not
 * exist`. Other errors pass through unchanged.
 */
export async function guardWrite<T>(option: string, file: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isSystemError(err)) throw err;
    throw new WanplanError(`${option} ${file}: cannot write the file: ${reason(err)}`);
  }
}

/** Writes `data` to `file` (the value of `option`); see {@link guardWrite} for failures. */
export function writeOutputFile(option: string, file: string, data: string | Uint8Array): Promise<void> {
  return guardWrite(option, file, () => writeFile(file, data));
}

/**
 * Where CLI commands write. Commands never call `console` or `process.exit`: they write through a
 * {@link CliIo} so that tests can run the program in-process and read what it printed.
 */

/** Output sinks of a CLI run. */
export interface CliIo {
  /** Standard output (results). */
  out(text: string): void;
  /** Standard error (diagnostics, progress). */
  err(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  readonly errIsTTY: boolean;
  /** True when stdout is a terminal. */
  readonly outIsTTY: boolean;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (t) => {
    process.stdout.write(t);
  },
  err: (t) => {
    process.stderr.write(t);
  },
  get errIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
  get outIsTTY() {
    return Boolean(process.stdout.isTTY);
  },
};

/** An in-memory sink for tests: collects what a run printed. */
export function memoryIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    errIsTTY: false,
    outIsTTY: false,
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}

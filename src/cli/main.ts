#!/usr/bin/env node
/**
 * The `wanplan` executable: runs the commander program and maps errors to exit codes.
 * Everything else lives in the library; this file is the only place that touches `process.exit`.
 */
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { runCli } from './program.js';

let stdoutClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // Piped into `head`: the reader left. Stop writing but let the run finish, so that the exit
  // code is still the command's own (`wanplan verify … | head` on a bad plan must exit 1, not 0).
  if (err.code === 'EPIPE' || (stdoutClosed && err.code === 'ERR_STREAM_DESTROYED')) {
    stdoutClosed = true;
    return;
  }
  throw err;
});

const io: CliIo = {
  out: (t) => {
    if (!stdoutClosed) processIo.out(t);
  },
  err: (t) => processIo.err(t),
  get errIsTTY() {
    return processIo.errIsTTY;
  },
  get outIsTTY() {
    return processIo.outIsTTY;
  },
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`wanplan: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.WANPLAN_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 3;
  },
);

#!/usr/bin/env node
/**
 * The `wanplan` executable: runs the commander program and maps errors to exit codes.
 * Everything else lives in the library; this file is the only place that touches `process.exit`.
 */
import { runCli } from './program.js';

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // Piped into `head`: the reader left; stop quietly.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`wanplan: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.WANPLAN_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 3;
  },
);

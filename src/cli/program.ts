/**
 * The commander program: wires one subcommand per file and maps errors to exit codes.
 *
 * Exit codes: 0 success; 1 invalid input or a failed check (diagnostics on stderr); 2 usage
 * error (unknown option, missing argument); 3 internal error (a bug: please report it).
 * Actions set the exit code through their return value; nothing here calls `process.exit`.
 */
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, InputError, UsageError, WanplanError } from '../errors.js';
import { plural } from '../plan/words.js';
import { VERSION } from '../version.js';
import { calendarCommand } from './calendar.js';
import { importCommand } from './import.js';
import { type CliIo, processIo } from './io.js';
import { maxflowCommand } from './maxflow.js';
import { planCommand } from './plan.js';
import { reportCommand } from './report.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';
import { verifyCommand } from './verify.js';

/** A subcommand factory: builds the command; its action resolves to an exit code. */
export type CommandFactory = (io: CliIo, setExit: (code: number) => void) => Command;

/** Most diagnostics printed for one failed input before a "… and N more" line. */
export const MAX_PRINTED_DIAGNOSTICS = 50;

const COMMANDS: CommandFactory[] = [
  maxflowCommand,
  importCommand,
  planCommand,
  validateCommand,
  schemaCommand,
  verifyCommand,
  calendarCommand,
  reportCommand,
];

/** Prints an error the way users should see it and returns the exit code. */
export function reportError(io: CliIo, err: unknown): number {
  if (err instanceof InputError) {
    const shown = err.diagnostics.slice(0, MAX_PRINTED_DIAGNOSTICS);
    for (const d of shown) io.err(`${formatDiagnostic(d)}\n`);
    const more = err.total - shown.filter((d) => d.severity === 'error').length;
    if (more > 0) io.err(`… and ${plural(more, 'more error')}\n`);
    io.err(`${plural(err.total, 'error')}\n`);
    return 1;
  }
  if (err instanceof UsageError) {
    io.err(`wanplan: ${err.message}\n`);
    return 2;
  }
  if (err instanceof WanplanError) {
    io.err(`wanplan: ${err.message}\n`);
    return 1;
  }
  io.err(`wanplan: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.WANPLAN_DEBUG && err instanceof Error) io.err(`${err.stack}\n`);
  return 3;
}

/** Builds the program. Exported for tests, which call it with a {@link memoryIo}. */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('wanplan')
    .description('Plan worldwide backup transfers over WAN links, clouds and dedup appliances.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Examples:
  wanplan validate examples/worldwide.yaml
  wanplan plan examples/single-policy.yaml --check
  wanplan plan examples/worldwide.yaml --json --out plan.json
  wanplan verify examples/worldwide.yaml plan.json
  wanplan calendar examples/worldwide.yaml --link munich-frankfurt-wan --json
  wanplan maxflow instance.max --json`,
  );
  for (const make of COMMANDS) {
    program.addCommand(
      make(io, setExit)
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }),
    );
  }
  return program;
}

/** Runs the CLI on `argv` (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = Math.max(code, c);
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0; unknown options and missing args with 2.
      return err.exitCode === 0 ? 0 : 2;
    }
    return reportError(io, err);
  }
}

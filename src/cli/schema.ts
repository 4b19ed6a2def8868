/**
 * `wanplan schema`: prints the JSON Schema of scenario files (format version 1), generated from
 * the reader's own zod schema. `wanplan schema > schema/scenario.schema.json` regenerates the
 * committed copy.
 */
import { Command } from 'commander';
import { scenarioJsonSchemaText } from '../io/scenario/index.js';
import type { CommandFactory } from './program.js';

/** The `schema` subcommand. */
export const schemaCommand: CommandFactory = (io, setExit) =>
  new Command('schema')
    .description('Print the JSON Schema of scenario files (for editors: yaml-language-server, VS Code).')
    .addHelpText(
      'after',
      `
Examples:
  wanplan schema > scenario.schema.json
  # then, first line of a scenario file:  # yaml-language-server: $schema=./scenario.schema.json`,
    )
    .action(() => {
      io.out(scenarioJsonSchemaText());
      setExit(0);
    });

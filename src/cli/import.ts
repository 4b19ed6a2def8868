/**
 * `wanplan import zoo|sndlib|skyplane`: turns real network data into a scenario (YAML with comments
 * naming every assumption, or `--json`). Thin adapter over `src/io/import`; see docs/import.md.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import type { ScenarioDraft } from '../io/import/draft.js';
import { emitScenarioJson, emitScenarioYaml, SCENARIO_SCHEMA_URL } from '../io/import/emit.js';
import { DEFAULT_START, type HorizonOptions } from '../io/import/horizon.js';
import { importSkyplane, type NamedText, type SkyplaneFiles } from '../io/import/skyplane.js';
import { mergeSkyplaneInto } from '../io/import/skyplane-into.js';
import { importSndlib } from '../io/import/sndlib.js';
import { decodeImportBytes, diag } from '../io/import/text.js';
import { importZoo } from '../io/import/zoo.js';
import type { CliIo } from './io.js';
import { writeOutputFile } from './output.js';
import type { CommandFactory } from './program.js';

interface CommonFlags {
  start?: string;
  length?: string;
  slot?: string;
  name?: string;
  json?: boolean;
  out?: string;
  schema?: string;
}

/**
 * The Skyplane grids shipped in the package (`data/skyplane/`, beside `dist/` once installed and
 * beside `src/` in the repository), read when `--data` is not given.
 */
export const BUNDLED_SKYPLANE_DIR = fileURLToPath(new URL('../../data/skyplane/', import.meta.url));
/** How the shipped grid's files are named in comments and messages (the same on every machine). */
const BUNDLED_SKYPLANE_LABEL = 'wanplan/data/skyplane';

async function readBytes(file: string, hint?: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a folder'
            : code === 'EACCES'
              ? 'permission denied'
              : String(code ?? err);
    throw new InputError([diag(file, null, null, '', `cannot read the file: ${why}`, hint)]);
  }
}

async function readText(file: string, what: string, hint?: string): Promise<string> {
  return decodeImportBytes(await readBytes(file, hint), file, what);
}

async function readOptional(file: string, what: string): Promise<NamedText | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { file, text: await readText(file, what) };
  }
  return { file, text: decodeImportBytes(bytes, file, what) };
}

/**
 * The Skyplane files of folder `dir`, or of the grid shipped with the package when `dir` is
 * undefined (named `wanplan/data/skyplane/…` in comments, so the output does not depend on where
 * the package is installed).
 */
async function readSkyplaneFiles(dir: string | undefined): Promise<SkyplaneFiles> {
  const root = dir ?? BUNDLED_SKYPLANE_DIR;
  const label = (name: string) => (dir === undefined ? `${BUNDLED_SKYPLANE_LABEL}/${name}` : join(dir, name));
  const optional = async (name: string): Promise<NamedText | undefined> => {
    const found = await readOptional(join(root, name), 'CSV');
    return found && { file: label(name), text: found.text };
  };
  return {
    throughput: {
      file: label('throughput.csv'),
      text: await readText(
        join(root, 'throughput.csv'),
        'CSV',
        dir === undefined
          ? undefined
          : `--data ${dir} must be a folder holding Skyplane's throughput.csv; leave --data out to use the grid shipped with wanplan`,
      ),
    },
    latency: await optional('latency.csv'),
    cost: await optional('cost.csv'),
    awsCost: await optional('aws_transfer_costs.csv'),
  };
}

function horizonOf(flags: CommonFlags): HorizonOptions {
  return {
    ...(flags.start !== undefined ? { start: flags.start } : {}),
    ...(flags.length !== undefined ? { length: flags.length } : {}),
    ...(flags.slot !== undefined ? { slot: flags.slot } : {}),
  };
}

async function output(io: CliIo, text: string, flags: CommonFlags): Promise<void> {
  if (flags.out === undefined) io.out(text);
  else await writeOutputFile('--out', flags.out, text);
}

function schemaOf(flags: CommonFlags): string {
  if (flags.schema === undefined) return SCENARIO_SCHEMA_URL;
  if (flags.json) {
    throw new UsageError(
      '--schema: JSON output has no schema line; use it with YAML output (leave out --json)',
    );
  }
  if (flags.schema === '' || /\s/.test(flags.schema)) {
    throw new UsageError(
      `--schema: "${flags.schema}" is not usable in the schema line: expected a path relative to the scenario file or a URL, without spaces`,
    );
  }
  return flags.schema;
}

async function emit(io: CliIo, draft: ScenarioDraft, flags: CommonFlags): Promise<void> {
  const schemaUrl = schemaOf(flags);
  if (flags.json) {
    // JSON cannot carry comments: the assumptions go to stderr instead.
    for (const note of draft.notes) io.err(`note: ${note}\n`);
    await output(io, emitScenarioJson(draft), flags);
  } else {
    await output(io, emitScenarioYaml(draft, { schemaUrl }), flags);
  }
}

function withCommon(cmd: Command, io: CliIo): Command {
  return cmd
    .option(
      '--start <instant>',
      `horizon start, ISO 8601 (default: ${DEFAULT_START}, fixed so that the same import gives the same file)`,
    )
    .option('--length <duration>', 'horizon length (default: 7d)')
    .option('--slot <duration>', 'slot length (default: 1h)')
    .option('--name <name>', 'scenario name')
    .option('--json', 'write JSON instead of YAML (assumptions go to stderr)')
    .option(
      '--schema <path-or-url>',
      `schema reference in the YAML's first line, relative to the scenario file (default: ${SCENARIO_SCHEMA_URL})`,
    )
    .option('-o, --out <file>', 'write the scenario to a file instead of stdout')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
}

/** `wanplan import`: Topology Zoo GraphML, SNDlib networks and Skyplane grids → scenario. */
export const importCommand: CommandFactory = (io, setExit) => {
  const zoo = withCommon(new Command('zoo'), io)
    .description('Import a Topology Zoo GraphML file.')
    .argument('<file>', 'GraphML file')
    .option('--default-capacity <rate>', 'capacity of links without a speed in the file (required if any)')
    .option('--drop-external', 'drop external nodes (Internal = 0) instead of keeping them as exchanges')
    .action(
      async (file: string, flags: CommonFlags & { defaultCapacity?: string; dropExternal?: boolean }) => {
        const draft = importZoo(await readText(file, 'GraphML'), {
          file,
          ...horizonOf(flags),
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...(flags.defaultCapacity !== undefined ? { defaultCapacity: flags.defaultCapacity } : {}),
          dropExternal: Boolean(flags.dropExternal),
        });
        await emit(io, draft, flags);
        setExit(0);
      },
    );

  const sndlib = withCommon(new Command('sndlib'), io)
    .description('Import an SNDlib network (native text or XML).')
    .argument('<file>', 'SNDlib network file')
    .option(
      '--capacity-unit <unit>',
      'unit of capacities for files without META unit (bps, kbps, Mbps, Gbps)',
    )
    .option('--default-capacity <rate>', 'capacity of links with neither installed capacity nor modules')
    .option('--demands-as-datasets', 'turn each demand into a dataset (needs --volume-per-mbps)')
    .option('--volume-per-mbps <size>', 'data volume per Mbit/s of demand, e.g. 1TB')
    .action(
      async (
        file: string,
        flags: CommonFlags & {
          capacityUnit?: string;
          defaultCapacity?: string;
          demandsAsDatasets?: boolean;
          volumePerMbps?: string;
        },
      ) => {
        const draft = importSndlib(await readText(file, 'SNDlib network'), {
          file,
          ...horizonOf(flags),
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...(flags.capacityUnit !== undefined ? { capacityUnit: flags.capacityUnit } : {}),
          ...(flags.defaultCapacity !== undefined ? { defaultCapacity: flags.defaultCapacity } : {}),
          ...(flags.volumePerMbps !== undefined ? { volumePerMbps: flags.volumePerMbps } : {}),
          demandsAsDatasets: Boolean(flags.demandsAsDatasets),
        });
        await emit(io, draft, flags);
        setExit(0);
      },
    );

  const skyplane = withCommon(new Command('skyplane'), io)
    .description("Import Skyplane's measured cloud grids (cloud regions and the links between them).")
    .option(
      '--data <dir>',
      'folder of a newer grid: throughput.csv (and latency.csv, cost.csv, aws_transfer_costs.csv) (default: the January 2022 grid shipped with wanplan)',
    )
    .option(
      '--regions <list>',
      'comma-separated regions, e.g. aws:eu-central-1,azure:westeurope (default: all)',
    )
    .option('--into <scenario>', 'add the measured links (and missing regions) to this scenario instead')
    .action(async (flags: CommonFlags & { data?: string; regions?: string; into?: string }) => {
      const files = await readSkyplaneFiles(flags.data);
      if (flags.into !== undefined) {
        if (flags.schema !== undefined) {
          throw new UsageError(
            '--schema: not used with --into (the merged scenario keeps its own first lines)',
          );
        }
        const scenario = await readText(flags.into, 'scenario YAML or JSON');
        const result = mergeSkyplaneInto(scenario, files, {
          scenarioFile: flags.into,
          ...(flags.regions !== undefined ? { regions: flags.regions } : {}),
          json: Boolean(flags.json),
        });
        io.err(
          `added ${result.addedNodes.length} cloud nodes and ${result.addedLinks} links; kept ${result.keptExisting} existing links\n`,
        );
        await output(io, result.text, flags);
      } else {
        const draft = importSkyplane(files, {
          ...horizonOf(flags),
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...(flags.regions !== undefined ? { regions: flags.regions } : {}),
        });
        await emit(io, draft, flags);
      }
      setExit(0);
    });

  return new Command('import')
    .description('Turn Topology Zoo, SNDlib or Skyplane data into a scenario.')
    .addCommand(zoo)
    .addCommand(sndlib)
    .addCommand(skyplane)
    .addHelpText(
      'after',
      `
Examples:
  wanplan import zoo Geant2012.graphml --default-capacity 10Gbps > geant.yaml
  wanplan import sndlib abilene.txt --demands-as-datasets --volume-per-mbps 100GB
  wanplan import skyplane --regions aws:eu-central-1,azure:westeurope,gcp:europe-west3
  wanplan import skyplane --regions aws:eu-central-1,azure:westeurope --into geant.yaml
  wanplan import skyplane --data my-grid/ --regions aws:eu-central-1,gcp:europe-west3

The same command on the same file writes the same scenario: the horizon starts at ${DEFAULT_START}
unless --start says otherwise, and the YAML's first line points at
${SCENARIO_SCHEMA_URL} (right for a scenario in the folder where wanplan is installed; see --schema).
Skyplane grids: the January 2022 measurements (Skyplane, Apache-2.0) ship with wanplan; --data reads a newer one.`,
    );
};

/**
 * The scenario reader: file → text → plain data → schema check → {@link Scenario} model.
 *
 * Every stage reports into one {@link DiagnosticSink}, and the later stages still run on the
 * parts that passed the earlier ones (a node with a bad `kind` does not hide a bad link
 * elsewhere), so one run shows all of a file's errors. References to an element that has its
 * own errors are not reported again. Syntax problems (YAML/JSON) stop before the schema check,
 * since the data after a syntax error is guesswork.
 */
import type { Diagnostic } from '../../errors.js';
import type { Scenario } from '../model.js';
import { readTextFile } from '../read-text.js';
import { buildDatasets } from './buildDatasets.js';
import { buildLinks } from './buildLinks.js';
import { buildHorizon, buildNodes, buildProviders } from './buildNodes.js';
import type { BuildContext } from './context.js';
import { DiagnosticSink } from './diagnostics.js';
import { reportIssues } from './issues.js';
import { readJson } from './jsonSource.js';
import { LineIndex, type Position } from './lineIndex.js';
import { parsePath } from './path.js';
import { scenarioSchema } from './schema.js';
import { plainDataProblems, type SourceResult } from './source.js';
import { readYaml } from './yamlSource.js';

/** Largest scenario file accepted, checked before reading it: 32 MiB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A valid scenario and the warnings found while reading it. */
export interface ScenarioReadResult {
  readonly scenario: Scenario;
  /** Warnings in file order (they do not make the file invalid). */
  readonly warnings: readonly Diagnostic[];
  /**
   * Where a field is written in the file, by field path (`datasets[2]`, `links[0].windows[1]`),
   * so that later checks (topology warnings) can point into the file; null for a path that is
   * not in it.
   */
  locate(path: string): Position | null;
}

/**
 * JSON for a `.json` file, YAML for `.yaml`/`.yml` (flow-style YAML may start with `{` too), and
 * for any other name JSON when the text starts with `{`.
 */
function isJson(text: string, fileName: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.ya?ml$/i.test(fileName)) return false;
  return /^\s*\{/.test(text);
}

/**
 * Parses and validates scenario text, returning the model and the warnings.
 * @param source - the file's text: JSON when `fileName` ends in `.json` (or, unless it ends in
 *   `.yaml`/`.yml`, when the text starts with `{`), else YAML 1.2 with the core schema
 * @param fileName - used in diagnostics and to pick the format
 * @throws InputError with every error of the file (errors first, then warnings, each in file
 *   order; at most 50 listed, `total` counting all errors)
 */
export function parseScenarioWithWarnings(source: string, fileName: string): ScenarioReadResult {
  // A byte order mark is not content (loadScenario's decoder drops it already).
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const sink = new DiagnosticSink(fileName);
  const lines = new LineIndex(text);
  if (text.trim() === '') {
    sink.error([], 'the file is empty, expected a scenario starting with wanplan: 1', { position: null });
    sink.throwIfErrors();
  }
  const read: SourceResult = isJson(text, fileName) ? readJson(text, lines) : readYaml(text, lines);
  if (!read.ok) {
    for (const p of read.problems) {
      sink.error(p.path, p.message, {
        hint: p.hint,
        position: p.offset === null ? null : lines.position(p.offset),
      });
    }
    sink.throwIfErrors();
    throw new Error('unreachable: syntax problems without errors');
  }
  const { doc } = read;
  sink.map = doc.map;
  const data = doc.value;
  if (data === null || data === undefined) {
    sink.error([], 'the file has no content (only comments?), expected a scenario starting with wanplan: 1', {
      position: null,
    });
  }
  for (const p of plainDataProblems(data)) sink.error(p.path, p.message, { hint: p.hint });
  sink.throwIfErrors();
  // Numbers like `1e3` are errors, but the rest of the file is still checked.
  for (const p of doc.numberForms) {
    sink.settle(p.path, p.message, {
      hint: p.hint,
      position: p.offset === null ? null : lines.position(p.offset),
    });
  }

  const checked = scenarioSchema.safeParse(data);
  if (!checked.success) reportIssues(sink, scenarioSchema, data, checked.error.issues);
  const root = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<
    string,
    unknown
  >;

  const ctx: BuildContext = {
    sink,
    horizon: null,
    nodes: new Map(),
    writtenNodeIds: new Set(),
    providerNames: new Set(),
    writtenProviders: new Set(),
    nodeProviders: new Set(),
  };
  buildHorizon(ctx, root.horizon);
  const providersRaw = root.providers;
  const providerKeys =
    providersRaw !== null && typeof providersRaw === 'object' && !Array.isArray(providersRaw)
      ? Object.keys(providersRaw)
      : [];
  const nodes = buildNodes(ctx, root.nodes, providerKeys);
  const providers = buildProviders(ctx, providersRaw, nodes);
  const links = buildLinks(ctx, root.links);
  const datasets = buildDatasets(ctx, root.datasets);
  sink.throwIfErrors();
  if (!checked.success || ctx.horizon === null) {
    // Every schema failure is reported above; reaching here would be a bug in the reporting.
    throw new Error('scenario failed the schema check without a reported error');
  }
  const { end: _end, ...horizon } = ctx.horizon;
  const scenario: Scenario = {
    wanplan: 1,
    name: checked.data.name ?? null,
    horizon,
    providers,
    nodes,
    links,
    datasets,
  };
  const map = doc.map;
  const locate = (path: string): Position | null => {
    const segments = parsePath(path);
    return segments === null ? null : map.locate(segments);
  };
  return { scenario, warnings: sink.warnings(), locate };
}

/**
 * Parses and validates scenario text into the {@link Scenario} model (warnings are dropped; use
 * {@link parseScenarioWithWarnings} to get them).
 * @throws InputError with every error of the file.
 */
export function parseScenario(text: string, fileName: string): Scenario {
  return parseScenarioWithWarnings(text, fileName).scenario;
}

/**
 * Reads a scenario file: at most {@link MAX_FILE_BYTES} (checked before reading), UTF-8 (a byte
 * order mark is skipped; invalid sequences are an error), then {@link parseScenarioWithWarnings}.
 * @throws InputError for an unreadable, oversized or non-UTF-8 file and for every error in it.
 */
export async function loadScenarioWithWarnings(path: string): Promise<ScenarioReadResult> {
  const text = await readTextFile(path, {
    maxBytes: MAX_FILE_BYTES,
    maxLabel: '32 MiB',
    expected: 'a YAML or JSON scenario',
    tooLargeHint: 'is this really a scenario file?',
  });
  return parseScenarioWithWarnings(text, path);
}

/**
 * Reads and validates a scenario file into the {@link Scenario} model.
 * @throws InputError for an unreadable, oversized or non-UTF-8 file and for every error in it.
 */
export async function loadScenario(path: string): Promise<Scenario> {
  return (await loadScenarioWithWarnings(path)).scenario;
}

/**
 * `wanplan validate FILE [--json]`: reads a scenario, and on success prints a one-screen summary
 * (nodes by kind, links, datasets, logical and wire bytes, horizon, warnings) or, with `--json`,
 * the same as JSON. An invalid file throws the reader's `InputError`, which `runCli` prints with
 * every diagnostic and exit code 1; so does a rate whose amount per slot reaches 2^53 bytes (the
 * limit the capacity calendars of `plan`, `verify` and `report` need), at the rate's line.
 */
import { Command } from 'commander';
import { slotLimitProblems } from '../constraints/calendars.js';
import type { Diagnostic } from '../errors.js';
import { formatDiagnostic, InputError } from '../errors.js';
import type { Scenario } from '../io/model.js';
import { loadScenarioWithWarnings, type ScenarioReadResult } from '../io/scenario/index.js';
import { formatBytes, formatDuration } from '../io/units.js';
import { plural } from '../plan/words.js';
import { buildTopology, type ScenarioSummary, summarize } from '../topology/index.js';
import type { CommandFactory } from './program.js';

/** Most warnings printed in the text summary; `--json` lists all of them. */
const MAX_PRINTED_WARNINGS = 20;

/** More slots than this get a warning: the planners' work and memory grow with the slot count. */
const MANY_SLOTS = 20_000;

/** Reader warnings and topology warnings (no path to a destination, unused nodes), in file order. */
function allWarnings(file: string, read: ScenarioReadResult): Diagnostic[] {
  const topology = buildTopology(read.scenario)
    .warnings()
    .map((w): Diagnostic => {
      const pos = read.locate(w.path);
      return {
        file,
        line: pos?.line ?? null,
        column: pos?.column ?? null,
        path: w.path,
        message: w.message,
        severity: 'warning',
      };
    });
  const h = read.scenario.horizon;
  if (h.slots > MANY_SLOTS) {
    const pos = read.locate('horizon.slot');
    topology.push({
      file,
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      path: 'horizon.slot',
      message:
        `${h.slots} slots: the time-expanded network grows with the slot count (one copy of the ` +
        `network per slot), so planning may need minutes and gigabytes`,
      hint: 'a longer slot (15min or 1h) is usually fine for backup windows',
      severity: 'warning',
    });
  }
  return [...read.warnings, ...topology].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** The text summary. */
function formatSummary(
  file: string,
  scenario: Scenario,
  s: ScenarioSummary,
  warnings: readonly Diagnostic[],
): string {
  const k = s.nodes.byKind;
  const declared = scenario.links.filter((l) => l.reverseOf === null).length;
  const h = s.horizon;
  const lines = [
    `${file}: valid${s.name ? ` scenario "${s.name}"` : ''}`,
    `  horizon    ${h.startIso} to ${h.endIso} (${formatDuration(h.lengthSeconds)}), ${plural(h.slots, 'slot')} of ${formatDuration(h.slotSeconds)}`,
    `  nodes      ${s.nodes.total}: ${plural(k.site, 'site')}, ${plural(k.appliance, 'appliance')}, ${plural(k.cloud, 'cloud')}, ${plural(k.exchange, 'exchange')}`,
    `  links      ${s.links} directed (${declared} declared)`,
    `  providers  ${s.providers}${s.providers > 0 ? `: ${scenario.providers.map((p) => p.id).join(', ')}` : ''}`,
    `  datasets   ${s.datasets}: ${formatBytes(s.logicalBytes)} logical, ${formatBytes(s.wireBytes)} on the wire` +
      (s.releasedBytes !== s.wireBytes ? `, ${formatBytes(s.releasedBytes)} with copies` : ''),
    `  warnings   ${warnings.length}`,
  ];
  for (const w of warnings.slice(0, MAX_PRINTED_WARNINGS)) lines.push(formatDiagnostic(w));
  if (warnings.length > MAX_PRINTED_WARNINGS) {
    lines.push(`… and ${warnings.length - MAX_PRINTED_WARNINGS} more warnings (--json lists all)`);
  }
  return `${lines.join('\n')}\n`;
}

/** The summary as JSON: byte totals as decimal strings (they exceed 2^53). */
function jsonSummary(file: string, scenario: Scenario, s: ScenarioSummary, warnings: readonly Diagnostic[]) {
  return {
    file,
    valid: true,
    name: s.name,
    horizon: s.horizon,
    nodes: { total: s.nodes.total, ...s.nodes.byKind },
    links: { directed: s.links, declared: scenario.links.filter((l) => l.reverseOf === null).length },
    providers: scenario.providers.map((p) => p.id),
    datasets: s.datasets,
    logicalBytes: s.logicalBytes.toString(),
    wireBytes: s.wireBytes.toString(),
    releasedBytes: s.releasedBytes.toString(),
    warnings,
  };
}

/** The `validate` subcommand. */
export const validateCommand: CommandFactory = (io, setExit) =>
  new Command('validate')
    .description('Check a scenario file; print a summary (exit 0) or every error (exit 1).')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Examples:
  wanplan validate examples/worldwide.yaml
  wanplan validate scenario.json --json`,
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      const read = await loadScenarioWithWarnings(file);
      const warnings = allWarnings(file, read);
      // The per-slot 2^53 limit that plan/verify/report enforce, checked without the calendars.
      const tooLarge = slotLimitProblems(read.scenario, { file, locate: read.locate });
      if (tooLarge.length > 0) throw new InputError([...tooLarge, ...warnings], tooLarge.length);
      const summary = summarize(read.scenario);
      io.out(
        opts.json
          ? `${JSON.stringify(jsonSummary(file, read.scenario, summary, warnings), null, 2)}\n`
          : formatSummary(file, read.scenario, summary, warnings),
      );
      setExit(0);
    });

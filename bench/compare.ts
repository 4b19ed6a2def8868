/**
 * `npm run bench:compare -- [RESULT [BASELINE]] [--only-changes]`: compares a benchmark result
 * (default bench/results/latest.json) with a baseline (default bench/baseline.json), prints the
 * table (case, metric, baseline, now, change, status) and exits 1 when a deterministic counter
 * grew by more than 10 % or a gating same-run ratio to a reference worsened by more than 25 %
 * (bench/lib/compare.ts). Absolute times are shown, never failed; cases on one side only are
 * listed, not failed. Exit 2 for a usage error or an unreadable file.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareResults, formatComparison } from './lib/compare.js';
import { type BenchResult, readResult } from './lib/result.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run bench:compare -- [RESULT [BASELINE]] [--only-changes]
  RESULT          default bench/results/latest.json
  BASELINE        default bench/baseline.json
  --only-changes  leave out counter and output rows that did not change`;

function describe(label: string, r: BenchResult): string {
  const m = r.machine;
  const commit = r.git.commit ? `${r.git.commit.slice(0, 10)}${r.git.dirty ? ' (dirty)' : ''}` : 'no commit';
  return `${label}: ${r.startedAt}, ${commit}, ${r.quick ? 'quick' : 'full'}, ${m.cpuModel} × ${m.cores}, ${m.node}, load ${m.loadAvg.before[0]} → ${m.loadAvg.after[0]}`;
}

function main(argv: string[]): number {
  let values: { 'only-changes'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { 'only-changes': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    }));
  } catch (err) {
    process.stderr.write(`bench:compare: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help || positionals.length > 2) {
    process.stderr.write(`${values.help ? '' : 'bench:compare: too many arguments\n'}${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const resultPath = resolve(positionals[0] ?? join(ROOT, 'bench/results/latest.json'));
  const baselinePath = resolve(positionals[1] ?? join(ROOT, 'bench/baseline.json'));
  let now: BenchResult;
  let base: BenchResult;
  try {
    now = readResult(resultPath);
    base = readResult(baselinePath);
  } catch (err) {
    process.stderr.write(`bench:compare: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const c = compareResults(base, now);
  process.stdout.write(`${describe('baseline', base)}\n${describe('result  ', now)}\n`);
  if (base.quick !== now.quick) {
    process.stdout.write(
      'note: one run is --quick and the other is not; only cases present in both are compared\n',
    );
  }
  for (const e of now.errors)
    process.stdout.write(`note: suite ${e.suite} failed in the result: ${e.message}\n`);
  process.stdout.write(`\n${formatComparison(c, { onlyChanges: values['only-changes'] ?? false })}`);
  return c.failures.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  files: string[];
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; import: string }>;
};

/** Sorted value names a specifier exports, imported by name in a fresh Node process. */
function exportNames(specifier: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import * as w from '${specifier}'; console.log(JSON.stringify(Object.keys(w).sort()))`,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

/**
 * The public API, value by value (types are not listed: they vanish at run time). A change here
 * is a change of the package's contract: say so in the commit.
 */
const ROOT = [
  'DEFAULT_QUANTUM',
  'InputError',
  'LpSolveError',
  'LpTooLargeError',
  'PlannerLimitError',
  'Topology',
  'UsageError',
  'VERSION',
  'WanplanError',
  'buildCalendars',
  'buildTopology',
  'formatBytes',
  'formatDiagnostic',
  'formatDuration',
  'formatRate',
  'formatViolation',
  'loadScenario',
  'loadScenarioWithWarnings',
  'parseDuration',
  'parsePlanText',
  'parseRate',
  'parseScenario',
  'parseScenarioWithWarnings',
  'parseSize',
  'plan',
  'planSync',
  'readPlanFile',
  'renderReport',
  'verifyPlan',
  'writeReport',
];

const SUBPATHS: Record<string, string[]> = {
  calendars: ['ZoneClock', 'ZoneClocks', 'buildCalendars', 'linkCalendar', 'linkWindows'],
  flow: [
    'CAPACITY_LIMIT',
    'MaxFlowSolver',
    'buildFlowNetwork',
    'checkMaxFlow',
    'formatDimacsFlowSolution',
    'formatDimacsMaxFlow',
    'headOf',
    'maxFlow',
    'parseDimacsFlowSolution',
    'parseDimacsMaxFlow',
    'readDimacsMaxFlowFile',
    'tailOf',
  ],
  import: [
    'SCENARIO_SCHEMA_URL',
    'decodeImportBytes',
    'emitScenarioJson',
    'emitScenarioYaml',
    'importSkyplane',
    'importSndlib',
    'importZoo',
    'loadSkyplaneGrid',
    'mergeSkyplaneInto',
  ],
  lp: ['LpSolveError', 'LpTooLargeError', 'commodityClasses', 'exportLpModel', 'planLp'],
  report: ['renderReport', 'summarizePlan', 'writeReport'],
  scenario: [
    'SCENARIO_SCHEMA_ID',
    'loadScenario',
    'loadScenarioWithWarnings',
    'parseScenario',
    'parseScenarioWithWarnings',
    'scenarioJsonSchema',
    'scenarioJsonSchemaText',
  ],
  topology: ['Topology', 'buildTopology', 'summarize'],
  units: [
    'formatBytes',
    'formatCost',
    'formatDuration',
    'formatDurationExact',
    'formatInstant',
    'formatRate',
    'formatRateExact',
    'formatShare',
    'formatSizeExact',
    'parseCost',
    'parseDuration',
    'parseInstant',
    'parseLatency',
    'parseRate',
    'parseRatio',
    'parseShare',
    'parseSize',
    'parseTimeOfDay',
    'rational',
  ],
  verify: ['MAX_PLAN_FILE_BYTES', 'formatViolation', 'parsePlanText', 'readPlanFile', 'verifyPlan'],
};

/** Internals that must stay out of every entry point (HiGHS sessions, benchmark helpers, zod). */
const INTERNAL = [
  'LpSession',
  'LpSolver',
  'loadLp',
  'LP_COLUMN_LIMIT',
  'networkBytes',
  'residualMinCut',
  'PlanSchema',
];

describe('package', () => {
  it('VERSION matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('imports by its own name from the built dist, as a consumer would', () => {
    // Node resolves a package's own name through its `exports` map (self-reference).
    const names = exportNames('wanplan');
    expect(names).toEqual(ROOT);
    expect(names.length).toBeLessThanOrEqual(30);
  });

  it('every subpath of the exports map imports by name and exports exactly its list', () => {
    const subpaths = Object.keys(pkg.exports)
      .filter((k) => k !== '.' && !k.endsWith('.json'))
      .map((k) => k.slice(2))
      .sort();
    expect(subpaths).toEqual(Object.keys(SUBPATHS).sort());
    for (const [name, expected] of Object.entries(SUBPATHS)) {
      const entry = pkg.exports[`./${name}`];
      expect(entry).toEqual({ types: `./dist/api/${name}.d.ts`, import: `./dist/api/${name}.js` });
      expect({ name, values: exportNames(`wanplan/${name}`) }).toEqual({ name, values: expected });
    }
  });

  it('no entry point exports solver-session internals, benchmark helpers or a zod schema', () => {
    for (const specifier of ['wanplan', ...Object.keys(SUBPATHS).map((n) => `wanplan/${n}`)]) {
      const names = exportNames(specifier);
      expect({ specifier, leaked: INTERNAL.filter((n) => names.includes(n)) }).toEqual({
        specifier,
        leaked: [],
      });
    }
    // No public type reaches zod: walk the declaration files the entry points import.
    const queue = ['dist/index.d.ts', ...Object.keys(SUBPATHS).map((n) => `dist/api/${n}.d.ts`)];
    const seen = new Set<string>();
    const zod: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        if (m[1].startsWith('.')) queue.push(join(dirname(file), m[1].replace(/\.js$/, '.d.ts')));
        else if (m[1] === 'zod' || m[1].startsWith('zod/')) zod.push(file);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(zod).toEqual([]);
  });

  it('examples/library.mjs (the README example) plans and verifies through the package name', () => {
    const out = execFileSync(process.execPath, ['examples/library.mjs'], { encoding: 'utf8' });
    expect(out).toMatch(/^complete, last byte stored 2026-12-08T02:00:00Z/);
    expect(out).toContain('verified: true (0 violations)');
  });

  it('the bin prints the version and exits 0', () => {
    const out = execFileSync(process.execPath, [pkg.bin.wanplan, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
  });

  it('npm pack ships only dist, schema, the Skyplane grids, README and LICENSE', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      encoding: 'utf8',
    });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const f of files) {
      expect(f).toMatch(/^(dist\/|schema\/|data\/skyplane\/|README\.md$|LICENSE$|package\.json$)/);
    }
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/cli/main.js');
    for (const name of Object.keys(SUBPATHS)) {
      expect(files).toContain(`dist/api/${name}.js`);
      expect(files).toContain(`dist/api/${name}.d.ts`);
    }
    // The path the importers' schema line points at (./node_modules/wanplan/schema/scenario.schema.json).
    expect(files).toContain('schema/scenario.schema.json');
    // `wanplan import skyplane` without --data reads these; the licence and credit travel with them.
    for (const name of [
      'throughput.csv',
      'latency.csv',
      'cost.csv',
      'aws_transfer_costs.csv',
      'LICENSE',
      'README.md',
    ]) {
      expect(files).toContain(`data/skyplane/${name}`);
    }
    // The test copies of real data stay in the repository.
    expect(files.some((f) => f.startsWith('test/'))).toBe(false);
  });

  it('the bin imports the shipped Skyplane grid without --data, from any working folder', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wanplan-pkg-'));
    const out = execFileSync(
      process.execPath,
      [resolve(pkg.bin.wanplan), 'import', 'skyplane', '--regions', 'aws:eu-central-1,gcp:europe-west3-a'],
      { encoding: 'utf8', cwd },
    );
    expect(out.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/wanplan/schema/scenario.schema.json',
    );
    expect(out).toContain('wanplan/data/skyplane/throughput.csv');
    expect(out).toContain('id: aws:eu-central-1');
    expect(out).toContain('id: gcp:europe-west3-a');
    expect(out).toContain('start: 2026-12-05T00:00:00Z');
  });
});

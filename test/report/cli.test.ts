import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { writeReport } from '../../src/report/index.js';
import { small, smallYaml } from './fixtures.js';

let dir: string;
let scenarioFile: string;
let planFile: string;
const SMALL = small();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wanplan-report-'));
  scenarioFile = join(dir, 'small.yaml');
  planFile = join(dir, 'plan.json');
  await writeFile(scenarioFile, smallYaml());
  await writeFile(planFile, JSON.stringify(SMALL.plan, null, 2));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('wanplan report', () => {
  it('wanplan report SCENARIO PLAN -o FILE writes the page and exits 0', async () => {
    const io = memoryIo();
    const out = join(dir, 'report.html');
    expect(await runCli(['report', scenarioFile, planFile, '-o', out], io)).toBe(0);
    expect(io.stdout).toMatch(/^report written to .*report\.html \(\d+ kB\)\n$/);
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('class="banner warning"');
  });

  it('wanplan report without -o prints the page on stdout', async () => {
    const io = memoryIo();
    expect(await runCli(['report', scenarioFile, planFile, '--timezone', 'Europe/London'], io)).toBe(0);
    expect(io.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(io.stdout).toContain('local time: Europe/London');
  });

  it('wanplan report of a plan that does not verify draws it with a warning and exits 1', async () => {
    const bad = structuredClone(SMALL.plan) as unknown as { transfers: { bytes: number }[] };
    bad.transfers[0].bytes += 10 * 1e9;
    const badFile = join(dir, 'bad.json');
    await writeFile(badFile, JSON.stringify(bad));
    const io = memoryIo();
    expect(await runCli(['report', scenarioFile, badFile], io)).toBe(1);
    expect(io.stdout).toContain(
      '<div class="banner warning" role="alert"><h2>Warning</h2><p>This plan does not verify',
    );
    expect(io.stderr).toContain('the report says so at the top');
  });

  it('wanplan report of a JSON file that is not a plan is an input error (exit 1)', async () => {
    const notPlan = join(dir, 'not-plan.json');
    await writeFile(notPlan, '{"hello": 1}');
    const io = memoryIo();
    expect(await runCli(['report', scenarioFile, notPlan], io)).toBe(1);
    expect(io.stderr).toContain('not a plan document (PLAN.md)');
    expect(io.stdout).toBe('');
  });

  it('wanplan report --timezone with an unknown zone is a usage error (exit 2)', async () => {
    const io = memoryIo();
    expect(await runCli(['report', scenarioFile, planFile, '--timezone', 'Mars/Olympus'], io)).toBe(2);
    expect(io.stderr).toContain('--timezone Mars/Olympus');
  });

  it('writeReport(file, scenario, plan) writes the same page renderReport returns', async () => {
    const out = join(dir, 'lib.html');
    const bytes = await writeReport(out, SMALL.scenario, SMALL.plan);
    const html = await readFile(out, 'utf8');
    expect(Buffer.byteLength(html)).toBe(bytes);
    expect(html).toContain('<h1>report &lt;test&gt; &amp; &quot;quotes&quot;');
  });
});

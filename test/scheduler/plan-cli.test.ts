import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { loadScenario } from '../../src/io/scenario/index.js';
import { renderReport } from '../../src/report/index.js';
import { HEADER } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wanplan-plan-'));
const file = join(dir, 'relay.yaml');
writeFileSync(
  file,
  `${HEADER}
nodes:
  - { id: site, kind: site, timezone: Europe/Berlin }
  - { id: hub, kind: site, timezone: UTC }
  - { id: cloud, kind: cloud, provider: gcp }
links:
  - { from: site, to: cloud, capacity: 1GB/h }
  - { from: site, to: hub, capacity: 3GB/h }
  - { from: hub, to: cloud, capacity: 3GB/h }
datasets:
  - { id: d, at: site, size: 16GB }
`,
);

describe('wanplan plan', () => {
  it('wanplan plan FILE --check prints a summary with status, makespan, bottlenecks and the gain', async () => {
    const io = memoryIo();
    const code = await runCli(['plan', file, '--check'], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain('complete (earliest-completion)');
    expect(io.stdout).toContain(
      'makespan: slot 3, ends 2026-12-05T04:00:00Z (2026-12-05 05:00 Europe/Berlin)',
    );
    expect(io.stdout).toContain('vs direct upload: 4× sooner (direct: slot 15, 2026-12-05 16:00 UTC)');
    // Sizes for people: SI units, never raw byte counts.
    expect(io.stdout).toContain('d: 16 GB, complete');
    expect(io.stdout).toContain('quantum 1 MB');
    expect(io.stdout).not.toMatch(/\d{7,} bytes/);
    expect(io.stdout).toContain('check: the plan verifies');
  });

  it('wanplan plan FILE --json --out F writes the same PLAN.md document to stdout and F', async () => {
    const io = memoryIo();
    const out = join(dir, 'plan.json');
    const code = await runCli(['plan', file, '--json', '--out', out], io);
    expect(code).toBe(0);
    const doc = JSON.parse(io.stdout);
    expect(doc).toMatchObject({ wanplan: 1, status: 'complete', makespan: { slot: 3 } });
    expect(readFileSync(out, 'utf8')).toBe(io.stdout);
  });

  it('wanplan plan FILE --quantum 1B plans byte-exact; a bad quantum is a usage error', async () => {
    const io = memoryIo();
    expect(await runCli(['plan', file, '--json', '--quantum', '1B'], io)).toBe(0);
    expect(JSON.parse(io.stdout).quantumBytes).toBe(1);
    const bad = memoryIo();
    expect(await runCli(['plan', file, '--quantum', '10'], bad)).toBe(2);
    expect(bad.stderr).toContain('--quantum 10');
  });

  it('wanplan plan on a copies-2 scenario with one reachable domain reports infeasible with the reason', async () => {
    const multi = join(dir, 'multi.yaml');
    writeFileSync(
      multi,
      `${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: c1, kind: cloud, provider: aws }
  - { id: c2, kind: cloud, provider: gcp }
links:
  - { from: site, to: c1, capacity: 1GB/h }
datasets:
  - { id: two, at: site, size: 1GB, copies: 2 }
`,
    );
    const io = memoryIo();
    expect(await runCli(['plan', multi], io)).toBe(0);
    expect(io.stdout).toContain('infeasible');
    expect(io.stdout).toContain('can reach 1 of the 2 distinct allowed failure domain(s)');
  });

  it('wanplan plan FILE --report F also writes the HTML report of the plan', async () => {
    const io = memoryIo();
    const html = join(dir, 'plan.html');
    expect(await runCli(['plan', file, '--json', '--report', html], io)).toBe(0);
    expect(JSON.parse(io.stdout).status).toBe('complete');
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    // The same page `wanplan report` renders for this scenario and plan.
    expect(page).toBe(renderReport(await loadScenario(file), JSON.parse(io.stdout)));
    const summary = memoryIo();
    expect(await runCli(['plan', file, '--report', html], summary)).toBe(0);
    expect(summary.stdout).toContain(`report written to ${html}`);
  });

  it('wanplan plan with an LP solve over its time limit exits 1 with the LP size and what to change', async () => {
    const io = memoryIo();
    const code = await runCli(['plan', file, '--objective', 'min-cost', '--lp-time-limit', '0.000001'], io);
    expect(code).toBe(1);
    expect(io.stderr).not.toContain('internal error');
    expect(io.stderr).toMatch(/columns, \d+ rows\) was not solved within its time limit of 0\.000001 s/);
    expect(io.stderr).toContain('coarser slot');
    const bad = memoryIo();
    expect(await runCli(['plan', file, '--lp-time-limit', 'soon'], bad)).toBe(2);
  });
});

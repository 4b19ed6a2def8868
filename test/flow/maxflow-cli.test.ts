import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

const EXAMPLE = 'test/fixtures/data/dimacs/boost-example.max';

describe('wanplan maxflow', () => {
  it('prints the DIMACS solution line', async () => {
    const io = memoryIo();
    expect(await runCli(['maxflow', EXAMPLE], io)).toBe(0);
    expect(io.stdout).toBe('s 4\n');
  });

  it('--flows prints one f line per arc in input order, --check and --cut add comment lines', async () => {
    const io = memoryIo();
    expect(await runCli(['maxflow', EXAMPLE, '--flows', '--check', '--cut'], io)).toBe(0);
    const lines = io.stdout.trim().split('\n');
    expect(lines).toContain('c check: ok');
    expect(lines).toContain('c min cut: capacity 4, 4 source-side nodes, 2 arcs');
    expect(lines).toContain('s 4');
    const f = lines.filter((l) => l.startsWith('f '));
    expect(f).toHaveLength(11);
    expect(f[0]).toMatch(/^f 1 2 \d+$/);
    expect(f[10]).toMatch(/^f 6 8 \d+$/);
  });

  it('--json prints exactly one JSON line with value, sizes, times and counters', async () => {
    const io = memoryIo();
    expect(await runCli(['maxflow', EXAMPLE, '--json', '--check', '--cut', '--flows'], io)).toBe(0);
    expect(io.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(io.stdout);
    expect(doc).toMatchObject({ flow: 4, nodes: 8, arcs: 11, check: { ok: true, errors: [] } });
    expect(doc.solve_s).toBe(doc.solveSeconds);
    expect(doc.readSeconds).toBeGreaterThanOrEqual(0);
    expect(doc.counters.pushes).toBeGreaterThan(0);
    expect(doc.cut.capacity).toBe(4);
    expect(doc.cut.sourceSide).toEqual([1, 2, 3, 4]);
    expect(doc.flows).toHaveLength(11);
  });

  it('exits 1 with the line of a malformed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mf-'));
    const file = join(dir, 'bad.max');
    writeFileSync(file, 'p max 2 1\nn 1 s\nn 2 t\na 1 3 5\n');
    const io = memoryIo();
    expect(await runCli(['maxflow', file], io)).toBe(1);
    expect(io.stderr).toContain(`${file}:4:5: a[0].head: node id 3 is outside 1…2`);
    expect(io.stdout).toBe('');
  });

  it('exits 2 without a file argument', async () => {
    const io = memoryIo();
    expect(await runCli(['maxflow'], io)).toBe(2);
  });
});

/**
 * Acceptance checks of the CLI as an operator meets it: files that cannot be written, help
 * examples that must run, partial replicated datasets, plan shape errors, and `| head`.
 * Every case asserts the exit code and that no internal error or stack trace reaches the user.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

const SCENARIO = 'test/fixtures/plans/relay.yaml';
const PLAN = 'test/fixtures/plans/relay.plan.json';
const STACK_LINE = /\n\s{4}at /;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wanplan-acceptance-'));
  mkdirSync(join(dir, 'a-directory'));
});

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

function expectClean(err: string): void {
  expect(err).not.toContain('internal error');
  expect(err).not.toMatch(STACK_LINE);
}

describe('files that cannot be written are input errors (exit 1), not internal errors (exit 3)', () => {
  it('plan --out into a folder that does not exist', async () => {
    const r = await run('plan', SCENARIO, '--out', join(dir, 'missing', 'plan.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('--out ');
    expect(r.err).toContain('cannot write the file: its folder does not exist');
    expectClean(r.err);
  });

  it('plan --report and --export-lp onto a directory', async () => {
    const report = await run('plan', SCENARIO, '--report', join(dir, 'a-directory'));
    expect(report.code).toBe(1);
    expect(report.err).toContain('--report ');
    expect(report.err).toContain('it is a directory');
    expectClean(report.err);
    const lp = await run('plan', SCENARIO, '--export-lp', join(dir, 'missing', 'model.mps'));
    expect(lp.code).toBe(1);
    expect(lp.err).toContain('--export-lp ');
    expectClean(lp.err);
  });

  it('report -o onto a directory', async () => {
    const r = await run('report', SCENARIO, PLAN, '-o', join(dir, 'a-directory'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot write the file: it is a directory');
    expectClean(r.err);
  });
});

describe('help examples', () => {
  it('every `wanplan calendar` example in the help runs (the links it names exist)', async () => {
    const root = await run('--help');
    const calendar = await run('calendar', '--help');
    const examples = `${root.out}\n${calendar.out}`
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('wanplan calendar ') && l.includes('--link'));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const line of examples) {
      const args = line.split(/\s+/).slice(1);
      const r = await run(...args, '--from', '2026-12-07', '--to', '2026-12-08');
      expect({ line, code: r.code, err: r.err }).toEqual({ line, code: 0, err: '' });
      expect(r.out.length).toBeGreaterThan(0);
    }
  });
});

describe('plan summary of a replicated dataset that is not complete', () => {
  it('says how many bytes all copies need, not one copy', async () => {
    // Two copies (aws and gcp); the gcp link carries 100 B/h, so only one copy completes.
    const yaml = readFileSync(SCENARIO, 'utf8').replace('to: [aws]', 'to: [aws, gcp]\n    copies: 2');
    const file = join(dir, 'two-copies.yaml');
    writeFileSync(file, yaml);
    const r = await run('plan', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/vms: 1 kB, [\d.]+ k?B of 2 kB \(2 copies\) delivered/);
    expectClean(r.err);
  });
});

describe('report on a plan whose shape is wrong', () => {
  it('names the field with the same path syntax as every other message', async () => {
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    plan.transfers[1].bytes = 1.5;
    const file = join(dir, 'fractional.json');
    writeFileSync(file, JSON.stringify(plan));
    const r = await run('report', SCENARIO, file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('transfers[1].bytes:');
    expect(r.err).not.toContain('transfers.1.bytes');
    expectClean(r.err);
  });
});

describe('the executable piped into head', () => {
  it('keeps the exit code of a failed verify when the reader leaves early (EPIPE)', () => {
    // Thousands of violations: far more than a pipe buffer, so head leaves while wanplan writes.
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    for (let i = 0; i < 4000; i++)
      plan.transfers.push({ slot: 5, link: `nope-${i}`, from: 'a', to: 'b', dataset: 'vms', bytes: 1 });
    const file = join(dir, 'many-violations.json');
    writeFileSync(file, JSON.stringify(plan));
    const out = execFileSync(
      'bash',
      [
        '-c',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash array index, not a template
        'node_modules/.bin/tsx src/cli/main.ts verify "$1" "$2" | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}"',
        'bash',
        SCENARIO,
        file,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.trim()).toBe('1');
  });
});

describe('plan never overwrites its own scenario', () => {
  it('plan FILE --out FILE is a usage error (exit 2) and leaves the scenario as it was', async () => {
    const copy = join(dir, 'own.yaml');
    writeFileSync(copy, readFileSync(SCENARIO));
    for (const option of ['--out', '--report', '--export-lp']) {
      const r = await run('plan', copy, option, copy);
      expect(r.code).toBe(2);
      expect(r.err).toContain('that is the scenario file itself');
      expectClean(r.err);
    }
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(SCENARIO, 'utf8'));
  });
});

describe('validate warns about very fine slots', () => {
  it('a 1-second slot over two days (172,800 slots) is valid, with a positioned warning', async () => {
    const fine = join(dir, 'fine.yaml');
    writeFileSync(fine, readFileSync('examples/small.yaml', 'utf8').replace('slot: 1h', 'slot: 1s'));
    const r = await run('validate', fine);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/fine\.yaml:\d+:\d+: warning: horizon\.slot: 172800 slots/);
    expectClean(r.err);
  });
});

describe('calendar refuses amounts per slot beyond 2^53 bytes at the field as written', () => {
  it('names links[2].capacity (the third link in the file), with its line', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(
      big,
      readFileSync('examples/small.yaml', 'utf8').replaceAll('capacity: 20Gbps', 'capacity: 10EB/s'),
    );
    const r = await run('calendar', big);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /big\.yaml:\d+:\d+: links\[2\]\.capacity: link "dedup-frankfurt->ix-frankfurt" may carry/,
    );
    expectClean(r.err);
  });
});

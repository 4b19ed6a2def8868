import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { InputError } from '../../src/errors.js';
import { jsonSyntaxError, parsePlanText, readPlanFile } from '../../src/plan/read.js';

const DIR = 'test/fixtures/plans';
const SCENARIO = `${DIR}/relay.yaml`;

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await runCli(['verify', ...argv], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('wanplan verify SCENARIO PLAN', () => {
  test('a valid plan: "plan is valid" and exit 0', async () => {
    const r = await run(SCENARIO, `${DIR}/relay.plan.json`);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `plan is valid (${DIR}/relay.plan.json against ${SCENARIO}: 8 transfers, 3 deliveries, 3 storage rows)\n`,
    );
  });

  test('a corrupted plan: every violation on its own line with its row, a count, exit 1', async () => {
    const r = await run(SCENARIO, `${DIR}/relay.corrupt.json`);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(
      "transfers[0] (slot 1, link munich->dedup, dataset vms): 700 bytes exceed the link's capacity 600 in slot 1",
    );
    expect(lines).toContain('datasets[0] (dataset vms): met is false, expected true');
    expect(lines).toContain(
      'storage[1] (slot 2, node dedup): the row says 500 bytes, but the transfers and deliveries leave 700 staging bytes at dedup at the end of slot 2',
    );
    expect(lines.at(-1)).toBe(
      `${DIR}/relay.corrupt.json: 7 violations (link-capacity 1, storage-row 4, conservation 1, met 1)`,
    );
  });

  test('--json prints the report as JSON', async () => {
    const r = await run(SCENARIO, `${DIR}/relay.corrupt.json`, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(false);
    expect(report.violations).toHaveLength(7);
    expect(report.violations[0]).toEqual({
      rule: 'link-capacity',
      message: "700 bytes exceed the link's capacity 600 in slot 1",
      row: { table: 'transfers', index: 0 },
      text: "transfers[0] (slot 1, link munich->dedup, dataset vms): 700 bytes exceed the link's capacity 600 in slot 1",
    });
    const valid = await run(SCENARIO, `${DIR}/relay.plan.json`, '--json');
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.out)).toEqual({ ok: true, violations: [] });
  });

  test('a plan that is not JSON: InputError with line and column, exit 1', async () => {
    const r = await run(SCENARIO, `${DIR}/syntax-error.txt`);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^test\/fixtures\/plans\/syntax-error\.txt:3:24: not valid JSON: /);
  });

  test('a missing plan file or scenario file: exit 1 naming the file', async () => {
    const r = await run(SCENARIO, `${DIR}/nope.json`);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${DIR}/nope.json: cannot read the file: no such file`);
    const s = await run(`${DIR}/nope.yaml`, `${DIR}/relay.plan.json`);
    expect(s.code).toBe(1);
    expect(s.err).toContain(`${DIR}/nope.yaml`);
  });

  test('a JSON value that is not a plan: schema violations, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wanplan-verify-'));
    const file = join(dir, 'array.json');
    writeFileSync(file, '[1, 2]\n');
    const r = await run(SCENARIO, file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('the plan: expected an object, found [1,2]');
  });

  test('a missing argument is a usage error (exit 2)', async () => {
    const r = await run(SCENARIO);
    expect(r.code).toBe(2);
  });
});

describe('plan-read', () => {
  test('parsePlanText positions syntax errors by line and column', () => {
    try {
      parsePlanText('{\n  "a": 1,\n  "b": [1, 2,, 3]\n}', 'p.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const d = (e as InputError).diagnostics[0];
      expect([d.file, d.line, d.column]).toEqual(['p.json', 3, 14]);
      expect(d.message).toMatch(/^not valid JSON: /);
    }
  });

  test('parsePlanText rejects empty text and skips a byte order mark', () => {
    expect(() => parsePlanText('  \n', 'e.json')).toThrow(/file is empty, expected a plan/);
    expect(parsePlanText('\ufeff{"wanplan": 1}')).toEqual({ wanplan: 1 });
  });

  test('readPlanFile rejects text that is not UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wanplan-verify-'));
    const file = join(dir, 'latin1.json');
    writeFileSync(file, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    await expect(readPlanFile(file)).rejects.toThrow(/not UTF-8/);
  });

  test('jsonSyntaxError agrees with JSON.parse on valid and mangled documents (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', ':', '"', 'x', ' '),
        (text, at, junk) => {
          expect(jsonSyntaxError(text)).toBeNull();
          const k = at % (text.length + 1);
          const mangled = text.slice(0, k) + junk + text.slice(k + (junk === '' ? 1 : 0));
          let valid = true;
          try {
            JSON.parse(mangled);
          } catch {
            valid = false;
          }
          const found = jsonSyntaxError(mangled);
          expect(found === null).toBe(valid);
          if (found) expect(found.offset).toBeLessThanOrEqual(mangled.length);
        },
      ),
    );
  });
});

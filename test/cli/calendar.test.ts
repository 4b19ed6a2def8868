/** `wanplan calendar`, run in-process on a small scenario file with a spring-forward night. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

const SCENARIO = `wanplan: 1
name: calendar-cli
horizon:
  start: 2026-03-28T00:00:00Z
  length: 2d
  slot: 1h
nodes:
  - { id: munich, kind: site, timezone: Europe/Berlin }
  - { id: aws-fra, kind: cloud, provider: aws }
links:
  - id: munich-wan
    from: munich
    to: aws-fra
    capacity: 8000bps
    windows:
      - { days: [sat], from: "22:00", to: "06:00" }
  - id: munich-lan
    from: munich
    to: aws-fra
    capacity: 8kbps
`;

let file = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'wanplan-calendar-'));
  file = join(dir, 'scenario.yaml');
  writeFileSync(file, SCENARIO);
});

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(['calendar', file, ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('wanplan calendar', () => {
  it('shows the 7-hour spring-forward night in local time and UTC', async () => {
    const r = await run('--link', 'munich-wan');
    expect(r.code).toBe(0);
    expect(r.out).toContain('munich-wan: munich -> aws-fra');
    expect(r.out).toContain('Sat 2026-03-28 22:00 +01:00  (Sat 2026-03-28 21:00Z)');
    expect(r.out).toContain('Sun 2026-03-29 06:00 +02:00  (Sun 2026-03-29 04:00Z)');
    expect(r.out).toMatch(/7 h at 100 %/);
    // per day: Saturday has 2 open hours (21:00Z–23:00Z = 22:00–24:00 CET), Sunday 5 (to 04:00Z).
    expect(r.out).toMatch(/Sat 2026-03-28\s+open\s+2 h/);
    expect(r.out).toMatch(/Sun 2026-03-29\s+open\s+5 h/);
    expect(r.out).not.toContain('munich-lan');
  });

  it('--json writes one line per link and slot with exact bytes', async () => {
    const r = await run('--json');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2 * 48);
    expect(lines[0]).toEqual({ link: 'munich-wan', slot: 0, start: '2026-03-28T00:00:00Z', bytes: 0 });
    expect(lines[21]).toEqual({
      link: 'munich-wan',
      slot: 21,
      start: '2026-03-28T21:00:00Z',
      bytes: 3_600_000,
    });
    expect(lines.filter((l) => l.link === 'munich-wan' && l.bytes > 0).map((l) => l.slot)).toEqual([
      21, 22, 23, 24, 25, 26, 27,
    ]);
    expect(lines[48]).toEqual({
      link: 'munich-lan',
      slot: 0,
      start: '2026-03-28T00:00:00Z',
      bytes: 3_600_000,
    });
  });

  it('--csv writes a header and the same records', async () => {
    const r = await run('--csv', '--link', 'munich-wan');
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toBe('link,slot,start,bytes');
    expect(rows).toHaveLength(49);
    expect(rows[22]).toBe('munich-wan,21,2026-03-28T21:00:00Z,3600000');
  });

  it('--from/--to dates are local days: Berlin 2026-03-29 is 23 one-hour slots', async () => {
    const r = await run('--json', '--link', 'munich-wan', '--from', '2026-03-29', '--to', '2026-03-30');
    const slots = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).slot);
    expect(slots[0]).toBe(23); // 00:00 CET = 23:00Z
    expect(slots.at(-1)).toBe(45); // 00:00 CEST on the 30th = 22:00Z on the 29th
    expect(slots).toHaveLength(23);
  });

  it('--utc reads dates as UTC days and shows UTC only', async () => {
    const r = await run('--utc', '--link', 'munich-wan', '--from', '2026-03-29');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('+01:00');
    expect(r.out).toContain('Sun 2026-03-29 00:00Z  →  Sun 2026-03-29 04:00Z');
  });

  it('an unknown --link is a usage error naming the known links and the closest one', async () => {
    const r = await run('--link', 'munich-wam');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown link "munich-wam"');
    expect(r.err).toContain('did you mean "munich-wan"');
    expect(r.err).toContain('munich-lan');
  });

  it('rejects --json with --csv, a bad date and an empty range with exit 2', async () => {
    expect((await run('--json', '--csv')).code).toBe(2);
    const bad = await run('--from', '2026-13-01');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from "2026-13-01"');
    expect((await run('--from', '2026-03-29', '--to', '2026-03-29')).code).toBe(2);
    expect((await run('--from', '2027-01-01')).code).toBe(2);
  });
});

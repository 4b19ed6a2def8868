/**
 * The report in a real browser: Debian's Chromium driven by playwright-core renders the report of
 * the worldwide example, every chart must have drawn marks with a visible size, no request may
 * leave the page, and a screenshot is saved to test/.tmp/ (the README's docs/report.png is a copy).
 *
 * Subject: `examples/worldwide.yaml` as planned by `plan` (mixed policies: the LP planner).
 *
 * Skipped only when /usr/bin/chromium is missing outside CI; in CI it always runs.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/io/model.js';
import { parseScenario } from '../../src/io/scenario/index.js';
import type { Plan } from '../../src/plan/types.js';
import { renderReport } from '../../src/report/index.js';
import { plan } from '../../src/scheduler/planner.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const EXAMPLE = join(import.meta.dirname, '../../examples/worldwide.yaml');
const OUT = join(import.meta.dirname, '../.tmp');
const run = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** The worldwide example, planned. */
async function subject(): Promise<{ label: string; scenario: Scenario; plan: Plan }> {
  const full = parseScenario(await readFile(EXAMPLE, 'utf8'), EXAMPLE);
  return { label: 'examples/worldwide.yaml', scenario: full, plan: await plan(full) };
}

/** Per chart: marks drawn with a visible size (width or height > 0 in the rendered page). */
interface ChartMarks {
  readonly id: string;
  readonly height: number;
  readonly marks: Record<string, number>;
}

// The page-side callbacks run in Chromium; the project's tsconfig has no DOM lib, so the few DOM
// members they use are declared here.
interface Boxed {
  getBoundingClientRect(): { width: number; height: number };
}
interface InPage {
  document: { getElementById(id: string): { textContent: string | null } | null };
  getComputedStyle(e: unknown): { display: string };
}

const MARKS: Record<string, string[]> = {
  'chart-cumulative': [
    'path.band',
    'path.direct',
    'line.makespan',
    '.y-axis text',
    '.x-axis text',
    '.legend text',
  ],
  'chart-map': ['path.land', 'path.borders', 'path.link.used', 'g.node', 'text.map-label'],
  'chart-heatmap': ['.heat-row', '.heat-row rect.open', '.heat-row rect.closed', 'text.row-label'],
  'chart-providers': ['g.panel', 'path.ingress', 'path.egress', 'line.cap'],
  'chart-storage': ['path.level', 'line.limit', '.y-axis text'],
};

describe.skipIf(!run)('report in headless Chromium', () => {
  let browser: Browser;
  let s: Awaited<ReturnType<typeof subject>>;

  beforeAll(async () => {
    s = await subject();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the worldwide report: every chart drawn, no request, screenshot saved', async ({
    annotate,
  }) => {
    await annotate(`subject: ${s.label}`);
    const html = renderReport(s.scenario, s.plan);
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html, { waitUntil: 'load' });

    expect(s.plan.status).toBe('complete');
    expect(await page.title()).toContain('complete backup plan');

    const charts: ChartMarks[] = await page.$$eval(
      'svg[data-chart]',
      (svgs, marks) =>
        svgs.map((svg) => {
          const id = svg.getAttribute('data-chart') ?? '';
          const counts: Record<string, number> = {};
          for (const sel of marks[id] ?? []) {
            counts[sel] = [...svg.querySelectorAll(sel)].filter((e) => {
              const b = (e as unknown as Boxed).getBoundingClientRect();
              return b.width > 0 || b.height > 0;
            }).length;
          }
          return { id, height: svg.getBoundingClientRect().height, marks: counts };
        }),
      MARKS,
    );
    expect(charts.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'chart-cumulative',
        'chart-map',
        'chart-heatmap',
        'chart-providers',
        'chart-storage',
      ]),
    );
    for (const c of charts) {
      expect(c.height, c.id).toBeGreaterThan(30);
      for (const [sel, n] of Object.entries(c.marks)) expect(n, `${c.id} ${sel}`).toBeGreaterThan(0);
    }
    const byId = new Map(charts.map((c) => [c.id, c]));
    expect(byId.get('chart-cumulative')!.marks['path.band']).toBe(Math.min(12, s.scenario.datasets.length));
    expect(byId.get('chart-heatmap')!.marks['.heat-row']).toBe(Math.min(60, s.scenario.links.length));
    expect(byId.get('chart-map')!.marks['g.node']).toBe(s.scenario.nodes.length);

    // Accessible: every chart has a title and a desc the aria-labelledby points at.
    const unlabelled = await page.$$eval(
      'svg[data-chart]',
      (svgs) =>
        svgs.filter((svg) => {
          const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
          return (
            svg.getAttribute('role') !== 'img' ||
            ids.some(
              (id: string) => !(globalThis as unknown as InPage).document.getElementById(id)?.textContent,
            )
          );
        }).length,
    );
    expect(unlabelled).toBe(0);

    // Print stylesheet: data tables (in <details>) are not printed.
    await page.emulateMedia({ media: 'print' });
    expect(
      await page.$eval('details', (d) => (globalThis as unknown as InPage).getComputedStyle(d).display),
    ).toBe('none');
    await page.emulateMedia({ media: 'screen' });

    await mkdir(OUT, { recursive: true });
    await page.screenshot({
      path: join(OUT, 'report.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1200, height: 1900 },
    });
    await page.screenshot({ path: join(OUT, 'report-full.png'), fullPage: true });
    await page.close();

    // Nothing left the page: the only document is the one set in place (about:blank).
    expect(requests.filter((u) => !u.startsWith('data:') && !u.startsWith('about:'))).toEqual([]);
    expect(errors).toEqual([]);
    expect(existsSync(join(OUT, 'report.png'))).toBe(true);
  }, 120_000);
});

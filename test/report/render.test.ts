import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import { infeasible, partial, small } from './fixtures.js';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const SMALL = small();

/** The page up to the first chart section: what a reader sees first. */
function top(html: string): string {
  return html.slice(0, html.indexOf('<section class="figure"'));
}

describe('renderReport', () => {
  const html = renderReport(SMALL.scenario, SMALL.plan);

  it('renderReport(small) is one self-contained page: no script, no URL, no external resource', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|\bsrc=|\bhref=/i);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    // The only url() references are in-document fragments (the heatmap's hatch pattern).
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1].startsWith('#')).toBe(true);
  });

  it('renderReport(small) gives every chart a title, a desc and a data table, and has a print stylesheet', () => {
    const charts = [...html.matchAll(/<svg [^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>/g)];
    expect(charts.map((m) => /data-chart="([^"]+)"/.exec(m[0])?.[1])).toEqual([
      'chart-cumulative',
      'chart-map',
      'chart-heatmap',
      'chart-providers',
      'chart-storage',
      'chart-cost',
    ]);
    for (const m of charts) {
      const [t, d] = m[1].split(' ');
      expect(html).toContain(`<title id="${t}">`);
      expect(html).toContain(`<desc id="${d}">`);
    }
    expect(count(html, /<details><summary>Data table<\/summary><table>/g)).toBe(charts.length);
    expect(html).toContain('@media print');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(count(head, /<title>/g)).toBe(1);
    expect(head).toContain(
      '<title>report &lt;test&gt; &amp; &quot;quotes&quot; — complete backup plan</title>',
    );
  });

  it('renderReport(small) escapes the scenario name and shows status, makespan in UTC and local time, and the gain', () => {
    const head = top(html);
    expect(head).toContain('report &lt;test&gt; &amp; &quot;quotes&quot;');
    expect(head).toContain('<span class="status complete">Complete</span>');
    expect(head).toContain('Sat 5 Dec 11:00 <small>UTC</small>');
    expect(head).toContain('Sat 5 Dec 20:00 Asia/Tokyo');
    expect(head).toContain('1.8× faster');
    expect(head).not.toContain('class="banner');
  });

  it('renderReport(small) is deterministic', () => {
    expect(renderReport(SMALL.scenario, SMALL.plan)).toBe(html);
  });

  it('renderReport(partial plan) says so at the top, with the reason from the notes', () => {
    const p = partial();
    expect(p.plan.status).toBe('partial');
    const head = top(renderReport(p.scenario, p.plan));
    expect(head).toContain('<div class="banner partial" role="alert">');
    expect(head).toContain('Partial: the horizon is too short to deliver every dataset');
    expect(head).toContain('the horizon ends before every byte is delivered');
    expect(head).toContain('1 GB of 2 GB delivered (50%)');
    expect(head.indexOf('class="banner partial"')).toBeLessThan(head.indexOf('class="kpis"'));
  });

  it('renderReport(infeasible plan) says so at the top, naming the dataset that cannot reach a destination', () => {
    const p = infeasible();
    expect(p.plan.status).toBe('infeasible');
    const head = top(renderReport(p.scenario, p.plan));
    expect(head).toContain('<div class="banner infeasible" role="alert">');
    expect(head).toContain('Infeasible: some datasets cannot reach their destinations');
    expect(head).toContain(
      'dataset island-vms at island (ready slot 0) cannot reach any allowed destination',
    );
    expect(head).toContain('<span class="status infeasible">Infeasible</span>');
  });

  it('renderReport(options) shows warnings at the top and honours the time zone', () => {
    const out = renderReport(SMALL.scenario, SMALL.plan, {
      warnings: ['plan <broken>'],
      timezone: 'America/New_York',
    });
    const head = top(out);
    expect(head).toContain(
      '<div class="banner warning" role="alert"><h2>Warning</h2><p>plan &lt;broken&gt;</p></div>',
    );
    expect(head).toContain('Sat 5 Dec 06:00 America/New_York');
    const utcOnly = renderReport(SMALL.scenario, SMALL.plan, { timezone: null });
    expect(utcOnly).toContain('class="axis-title" text-anchor="end">UTC</text>');
    expect(utcOnly).not.toContain('local:');
    expect(utcOnly).not.toContain('class="tick-label local"');
  });

  it('renderReport rejects bad limits and unknown zones with RangeError', () => {
    expect(() => renderReport(SMALL.scenario, SMALL.plan, { maxColumns: 0 })).toThrow(RangeError);
    expect(() => renderReport(SMALL.scenario, SMALL.plan, { timezone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

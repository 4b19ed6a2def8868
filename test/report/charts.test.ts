import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/io/scenario/index.js';
import { cumulativeFigure } from '../../src/report/charts/cumulative.js';
import { heatmapFigure } from '../../src/report/charts/heatmap.js';
import { providersFigure } from '../../src/report/charts/providers.js';
import { storageFigure } from '../../src/report/charts/storage.js';
import { bottleneckFigure, costFigure, usd } from '../../src/report/charts/tables.js';
import { mapFigure } from '../../src/report/charts/worldmap.js';
import { buildContext, type ReportOptions } from '../../src/report/render.js';
import { binsFor } from '../../src/report/series.js';
import { planSync } from '../../src/scheduler/planner.js';
import { NASTY_DATASET, NASTY_LINK, type Planned, small, smallYaml } from './fixtures.js';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const ctxOf = (p: Planned, o: ReportOptions = {}) => buildContext(p.scenario, p.plan, o);
const SMALL = small();

/** Text of every `<text>` element of class `cls`. */
function labels(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<text [^>]*class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]);
}

describe('cumulativeFigure', () => {
  it('cumulativeFigure(small) draws one band, the direct curve, a met due and GB / UTC+local axes', () => {
    const f = cumulativeFigure(ctxOf(SMALL));
    expect(count(f.svg, /<path class="band"/g)).toBe(1);
    expect(count(f.svg, /<path class="direct"/g)).toBe(1);
    expect(count(f.svg, /<g class="due met"/g)).toBe(1);
    expect(count(f.svg, /<g class="due missed"/g)).toBe(0);
    expect(f.svg).toContain('<line class="makespan"');
    const ticks = labels(f.svg, 'tick-label');
    expect(ticks).toContain('2 GB');
    expect(ticks).toContain('03:00'); // UTC hour ticks
    // The local row is Asia/Tokyo (UTC+9), the only origin's zone.
    expect(labels(f.svg, 'tick-label local')).toContain('12:00');
    expect(f.svg).toContain('UTC · local: Asia/Tokyo');
  });

  it('cumulativeFigure escapes dataset ids in the legend, tooltips and table', () => {
    const f = cumulativeFigure(ctxOf(SMALL));
    expect(f.svg + f.table).not.toContain(NASTY_DATASET);
    expect(f.svg).toContain('vms&lt;&amp;&quot;x');
    expect(f.table).toContain('<th scope="row">vms&lt;&amp;&quot;x</th>');
  });

  it('cumulativeFigure(maxSeries) sums the smallest datasets into one "other" band', () => {
    const extra = Array.from(
      { length: 4 },
      (_, i) => `  - { id: more-${i}, at: tokyo, size: ${i + 1}GB }`,
    ).join('\n');
    const yaml = smallYaml('2d').replace(/, due: [^ }]+/, '') + extra;
    const scenario = parseScenario(yaml, 'many.yaml');
    const f = cumulativeFigure(ctxOf({ scenario, plan: planSync(scenario) }, { maxSeries: 3 }));
    expect(count(f.svg, /<path class="band"/g)).toBe(3);
    expect(f.svg).toContain('3 other datasets');
    // The table still lists every dataset.
    expect(count(f.table, /<th scope="row">/g)).toBe(5);
  });
});

describe('heatmapFigure', () => {
  it('heatmapFigure(small) has one row per link, hatched closed windows and rows spanning the plot', () => {
    const f = heatmapFigure(ctxOf(SMALL));
    const rows = f.svg.split('<g class="heat-row">').slice(1);
    expect(rows).toHaveLength(SMALL.scenario.links.length);
    expect(count(f.svg, /class="closed"/g)).toBeGreaterThan(0);
    expect(f.svg).toContain('<pattern id="heatmap-hatch"');
    for (const row of rows) {
      const widths = [...row.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1000 - 210 - 78, 0);
    }
    expect(f.svg).not.toContain(NASTY_LINK);
    expect(f.svg).toContain('tok&lt;&amp;&quot;yo');
  });

  it('heatmapFigure(maxLinks, maxColumns) limits rows and columns and says so in the caption', () => {
    const ctx = ctxOf(SMALL, { maxLinks: 2, maxColumns: 5 });
    const f = heatmapFigure(ctx);
    const bins = binsFor(ctx.series.viewSlots, 5);
    expect(bins.count).toBeLessThanOrEqual(5);
    expect(f.svg.split('<g class="heat-row">')).toHaveLength(3);
    expect(f.caption).toContain('the 2 links carrying most bytes, of 3');
    expect(f.caption).toContain(`Columns: ${bins.count}, each ${bins.size} slots`);
    // Merged runs: never more rectangles per row than columns.
    for (const row of f.svg.split('<g class="heat-row">').slice(1)) {
      expect(count(row, /<rect /g)).toBeLessThanOrEqual(bins.count);
    }
  });
});

describe('providersFigure, storageFigure, mapFigure', () => {
  it('providersFigure(small) draws ingress and egress of aws against both caps, in Mbps', () => {
    const f = providersFigure(ctxOf(SMALL));
    expect(f).not.toBeNull();
    const svg = f!.svg;
    expect(count(svg, /<g class="panel">/g)).toBe(1);
    expect(count(svg, /<path class="ingress"/g)).toBe(1);
    expect(count(svg, /<path class="egress"/g)).toBe(1);
    expect(count(svg, /class="cap /g)).toBe(2);
    expect(svg).toContain('ingress cap 22.2 Mbps'); // 10 GB/h
    const y = labels(svg, 'tick-label').filter((t) => /bps$/.test(t));
    expect(y.length).toBeGreaterThan(1);
    expect(y.every((t) => t.endsWith(' Mbps'))).toBe(true);
  });

  it('storageFigure(small) draws the relay level and its limit in GB', () => {
    const f = storageFigure(ctxOf(SMALL));
    expect(count(f.svg, /<path class="level"/g)).toBe(1);
    expect(count(f.svg, /<line class="limit"/g)).toBe(1);
    expect(labels(f.svg, 'tick-label')).toContain('10 GB');
    expect(f.table).toContain('<th scope="row">relay</th>');
  });

  it('mapFigure(small) draws located nodes, infers the cloud position and scales used links', () => {
    const f = mapFigure(ctxOf(SMALL));
    expect(f).not.toBeNull();
    const svg = f!.svg;
    expect(count(svg, /<g class="node /g)).toBe(3);
    expect(svg).toContain('<path class="land"');
    expect(count(svg, /<path class="link used"/g)).toBe(3);
    expect(f!.caption).toContain('(cloud)');
    expect(f!.table).toContain('(inferred)');
    expect(svg).not.toMatch(/https?:/);
  });
});

describe('bottleneck and cost sections', () => {
  it('bottleneckFigure lists every bottleneck of the plan', () => {
    const f = bottleneckFigure(ctxOf(SMALL));
    expect(count(f.table, /<th scope="row">/g)).toBe(SMALL.plan.bottlenecks.length);
    expect(SMALL.plan.bottlenecks.length).toBeGreaterThan(0);
  });

  it('costFigure(small) prices the bytes over the one priced link exactly', () => {
    const bytes = SMALL.plan.transfers
      .filter((t) => t.link === 'relay->cloud')
      .reduce((s, t) => s + t.bytes, 0);
    expect(bytes).toBeGreaterThan(0);
    const f = costFigure(ctxOf(SMALL));
    // 0.02 USD/GB
    const micro = (BigInt(bytes) * 2n) / 100_000n;
    expect(f!.heading).toBe(`Transfer cost: ${usd(micro)}`);
    expect(count(f!.svg, /<g class="bar">/g)).toBe(1);
  });

  it('usd(micro) prints dollars with thousands separators, rounded to cents', () => {
    expect(usd(1_234_567_890n)).toBe('$1,234.57');
    expect(usd(0n)).toBe('$0.00');
    expect(usd(4_999n)).toBe('$0.00');
    expect(usd(5_000n)).toBe('$0.01');
  });

  it('costFigure is null without priced links', () => {
    const yaml = smallYaml().replace(', cost: 0.02USD/GB', '');
    const scenario = parseScenario(yaml, 'nocost.yaml');
    expect(costFigure(ctxOf({ scenario, plan: planSync(scenario) }))).toBeNull();
  });
});

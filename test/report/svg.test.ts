import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteUnit, inUnit, percent, rateUnit } from '../../src/report/axis-units.js';
import { slotRanges } from '../../src/report/context.js';
import { legend } from '../../src/report/legend.js';
import { chartSvg, clip, el, esc, num, text } from '../../src/report/svg.js';

describe('svg building blocks', () => {
  it('esc(text) escapes every markup character and nothing else', () => {
    expect(esc(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = esc(s);
        expect(e).not.toMatch(/[<>"']/);
        // Unescaping gives the original back.
        const back = e
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        expect(back).toBe(s);
      }),
    );
  });

  it('num(x) rounds to one decimal without -0 or trailing .0', () => {
    expect(num(1.26)).toBe('1.3');
    expect(num(-0.01)).toBe('0');
    expect(num(12)).toBe('12');
    expect(num(Number.NaN)).toBe('0');
  });

  it('el(tag, attrs) escapes attribute values and skips null/false', () => {
    expect(el('rect', { x: 1.04, id: 'a"b', hidden: false, class: null })).toBe(
      '<rect x="1" id="a&quot;b"/>',
    );
    expect(text(0, 0, '<&>')).toBe('<text x="0" y="0">&lt;&amp;&gt;</text>');
  });

  it('chartSvg(frame) is an accessible image: role, title and desc referenced by aria-labelledby', () => {
    const svg = chartSvg({
      id: 'c1',
      title: 'T <1>',
      desc: 'D & more',
      width: 100,
      height: 50,
      body: '<g/>',
    });
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">T &lt;1&gt;</title>');
    expect(svg).toContain('<desc id="c1-desc">D &amp; more</desc>');
    expect(svg).toContain('viewBox="0 0 100 50"');
    expect(svg).toContain('data-chart="c1"');
  });

  it('clip(label, max) shortens with an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });

  it('legend(items) wraps rows within the width and reports the height used', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ label: `series number ${i}`, colour: '#000' }));
    const one = legend(items.slice(0, 1), 0, 0, 1000);
    const many = legend(items, 0, 0, 400);
    expect(many.height).toBeGreaterThan(one.height);
    expect(many.svg.match(/<rect/g)).toHaveLength(12);
  });
});

describe('axis units', () => {
  it('byteUnit/inUnit use one SI unit per axis with at most 3 significant digits', () => {
    const u = byteUnit(11.3e15);
    expect(u.label).toBe('PB');
    expect(inUnit(2e15, u)).toBe('2 PB');
    expect(inUnit(0.5e15, u)).toBe('0.5 PB');
    expect(inUnit(1.2345e15, u)).toBe('1.23 PB');
    expect(inUnit(0, byteUnit(200e12))).toBe('0 TB');
  });

  it('rateUnit shows bytes per second as bits per second', () => {
    // 300 Gbps = 37.5 GB/s
    const u = rateUnit(37.5e9);
    expect(u.label).toBe('Gbps');
    expect(inUnit(37.5e9, u)).toBe('300 Gbps');
    expect(inUnit(125e6, rateUnit(125e6))).toBe('1 Gbps');
  });

  it('percent(share) rounds to whole percent above 10 %', () => {
    expect(percent(0.874)).toBe('87%');
    expect(percent(0.025)).toBe('2.5%');
    expect(percent(0)).toBe('0%');
  });

  it('slotRanges(slots) compresses runs', () => {
    expect(slotRanges([72, 73, 74, 80])).toBe('72–74, 80');
    expect(slotRanges([1, 3, 5, 7], 2)).toBe('1, 3, … (2 more ranges)');
  });
});

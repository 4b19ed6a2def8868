/**
 * Chart legends drawn inside the SVG (so that screenshots and prints keep them), laid out in
 * rows that wrap at the chart width. Text width is estimated from the character count (the page
 * uses the system sans-serif at 12 px), which is enough to keep entries from overlapping.
 */
import { el, text } from './svg.js';

/** One legend entry. */
export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  /** `swatch` (filled square), `line`, `dash` (dashed line) or `marker` (downward triangle). */
  readonly kind?: 'swatch' | 'line' | 'dash' | 'marker' | 'hatch';
}

/** Estimated width of `s` at the legend's font size. */
export function textWidth(s: string, px = 12): number {
  return s.length * px * 0.56;
}

function symbol(item: LegendItem, x: number, y: number): string {
  switch (item.kind ?? 'swatch') {
    case 'line':
      return el('line', { x1: x, x2: x + 18, y1: y, y2: y, stroke: item.colour, 'stroke-width': 2.5 });
    case 'dash':
      return el('line', {
        x1: x,
        x2: x + 18,
        y1: y,
        y2: y,
        stroke: item.colour,
        'stroke-width': 2,
        'stroke-dasharray': '5 3',
      });
    case 'marker':
      return el('path', { d: `M${x + 4},${y - 5}L${x + 14},${y - 5}L${x + 9},${y + 4}Z`, fill: item.colour });
    case 'hatch':
      return el('rect', { x, y: y - 6, width: 18, height: 12, fill: item.colour, stroke: '#c3c9d0' });
    default:
      return el('rect', { x, y: y - 6, width: 18, height: 12, rx: 2, fill: item.colour });
  }
}

/**
 * Legend rows starting at (`x`, `y`) within `width`; returns the markup and the height used.
 */
export function legend(
  items: readonly LegendItem[],
  x: number,
  y: number,
  width: number,
): { svg: string; height: number } {
  const parts: string[] = [];
  let cx = x;
  let cy = y + 8;
  for (const item of items) {
    const w = 24 + textWidth(item.label) + 18;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += 20;
    }
    parts.push(symbol(item, cx, cy));
    parts.push(text(cx + 24, cy + 4, item.label, { class: 'legend-label' }));
    cx += w;
  }
  return { svg: el('g', { class: 'legend' }, parts), height: items.length === 0 ? 0 : cy - y + 12 };
}

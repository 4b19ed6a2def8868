/**
 * Minimal SVG/HTML string building for the report: escaping, compact numbers and the accessible
 * chart frame. Everything is rendered to text at build time, so the page needs no script.
 *
 * Invariants: every piece of scenario or plan text that reaches the output goes through
 * {@link esc}; coordinates are rounded by {@link num} so the same input gives byte-identical
 * output and the file stays small.
 */

/** Escapes text for HTML/SVG element content and double- or single-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** A coordinate rounded to one decimal, without `-0` or trailing `.0`. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const r = Math.round(x * 10) / 10;
  return r === 0 ? '0' : String(r);
}

/** Attribute values: numbers are passed through {@link num}, strings escaped; null/undefined/false skip. */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

function attrText(attrs: Attrs): string {
  let s = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (v === true) s += ` ${k}`;
    else s += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return s;
}

/** An element with attributes and already-rendered children (`children` is trusted markup). */
export function el(tag: string, attrs: Attrs = {}, children: string | readonly string[] = ''): string {
  const inner = typeof children === 'string' ? children : children.join('');
  return inner === '' && tag !== 'title' && tag !== 'desc' && tag !== 'td' && tag !== 'th'
    ? `<${tag}${attrText(attrs)}/>`
    : `<${tag}${attrText(attrs)}>${inner}</${tag}>`;
}

/** A `<text>` element with escaped content. */
export function text(x: number, y: number, content: string, attrs: Attrs = {}): string {
  return el('text', { x, y, ...attrs }, esc(content));
}

/** What every chart SVG carries for assistive technology and for the browser test. */
export interface ChartFrame {
  /** Unique element id prefix within the page, e.g. `chart-cumulative` (never user text). */
  readonly id: string;
  /** Short accessible title. */
  readonly title: string;
  /** One or two sentences describing what the chart shows (with its main figures). */
  readonly desc: string;
  readonly width: number;
  readonly height: number;
  /** Rendered children (marks, axes, legends). */
  readonly body: string | readonly string[];
  /** `<defs>` content (patterns), if any. */
  readonly defs?: string;
}

/**
 * The `<svg>` of one chart: `role="img"`, `<title>` and `<desc>` referenced by `aria-labelledby`,
 * a `viewBox` so it scales with the page, and `data-chart` naming it for tests and styles.
 */
export function chartSvg(frame: ChartFrame): string {
  const t = `${frame.id}-title`;
  const d = `${frame.id}-desc`;
  return el(
    'svg',
    {
      viewBox: `0 0 ${num(frame.width)} ${num(frame.height)}`,
      width: frame.width,
      class: 'chart',
      role: 'img',
      'aria-labelledby': `${t} ${d}`,
      'data-chart': frame.id,
    },
    [
      el('title', { id: t }, esc(frame.title)),
      el('desc', { id: d }, esc(frame.desc)),
      frame.defs ? el('defs', {}, frame.defs) : '',
      typeof frame.body === 'string' ? frame.body : frame.body.join(''),
    ],
  );
}

/** A `<path d>` from points, with `M`/`L` commands and rounded coordinates. */
export function polyline(points: readonly (readonly [number, number])[]): string {
  let d = '';
  for (let i = 0; i < points.length; i++)
    d += `${i === 0 ? 'M' : 'L'}${num(points[i][0])},${num(points[i][1])}`;
  return d;
}

/** Shortens a label to `max` characters with an ellipsis (the full text belongs in a `<title>`). */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}

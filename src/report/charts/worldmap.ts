/**
 * Chart 5: world map of sites, appliances, exchanges and clouds with the links between them, each
 * link's width proportional to the bytes it carries in the plan (unused links thin and dashed).
 *
 * Projection: d3-geo Natural Earth; the whole world (cropped to 58°S–80°N) when the nodes span
 * more than 120° of longitude, else fitted to the nodes. Nodes drawn at the same point are spread
 * on a small ring so none hides another; links are drawn as gentle arcs between the drawn
 * symbols (the two directions of a link bend to opposite sides). Labels are placed greedily,
 * busiest node first, and skipped where they would overlap one already placed.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleLinear } from 'd3-scale';
import type { NodeKind } from '../../io/model.js';
import { byteUnit, inUnit } from '../axis-units.js';
import { dataTable, type Figure, type ReportContext } from '../context.js';
import { baseMap, placeNodes } from '../geo.js';
import { textWidth } from '../legend.js';
import { chartSvg, el, esc, num, text } from '../svg.js';

const WIDTH = 1000;
const MAX_LABELS = 40;

/** Colour and shape of each node kind. */
export const KIND_STYLE: Readonly<Record<NodeKind, { colour: string; label: string }>> = {
  site: { colour: '#4e79a7', label: 'site' },
  appliance: { colour: '#59a14f', label: 'appliance' },
  exchange: { colour: '#b07aa1', label: 'exchange' },
  cloud: { colour: '#f28e2b', label: 'cloud region' },
};

/** The symbol of a node kind centred at (x, y). */
export function nodeSymbol(kind: NodeKind, x: number, y: number, inferred: boolean): string {
  const { colour } = KIND_STYLE[kind];
  const paint = inferred
    ? { fill: '#ffffff', stroke: colour, 'stroke-width': 2 }
    : { fill: colour, stroke: '#ffffff', 'stroke-width': 1.2 };
  switch (kind) {
    case 'site':
      return el('circle', { cx: x, cy: y, r: 4.5, ...paint });
    case 'appliance':
      return el('rect', { x: x - 4.5, y: y - 4.5, width: 9, height: 9, ...paint });
    case 'exchange':
      return el('path', {
        d: `M${num(x)},${num(y - 6)}L${num(x + 6)},${num(y)}L${num(x)},${num(y + 6)}L${num(x - 6)},${num(y)}Z`,
        ...paint,
      });
    default:
      return el('path', {
        d: `M${num(x)},${num(y - 6)}L${num(x + 6)},${num(y + 4.5)}L${num(x - 6)},${num(y + 4.5)}Z`,
        ...paint,
      });
  }
}

/** Builds chart 5 (null when no node can be placed). */
export function mapFigure(ctx: ReportContext): Figure | null {
  const { scenario, series } = ctx;
  const placed = placeNodes(scenario);
  const drawn = placed.flatMap((p, i) => (p === null ? [] : [i]));
  if (drawn.length === 0) return null;
  const lons = drawn.map((i) => placed[i]!.lonLat[0]);
  const span = Math.max(...lons) - Math.min(...lons);

  const projection = geoNaturalEarth1();
  let height: number;
  if (span > 120 || drawn.length < 2) {
    projection.fitWidth(WIDTH, { type: 'Sphere' });
    const top = projection([0, 80])![1];
    const bottom = projection([0, -58])![1];
    const [tx, ty] = projection.translate();
    projection.translate([tx, ty - top]);
    height = Math.round(bottom - top);
  } else {
    height = 560;
    const pts = drawn.map((i) => placed[i]!.lonLat as [number, number]);
    projection.fitExtent(
      [
        [60, 40],
        [WIDTH - 60, height - 60],
      ],
      { type: 'MultiPoint', coordinates: pts },
    );
  }
  const path = geoPath(projection).digits(1);
  const base = baseMap();

  // Screen positions, spreading nodes that coincide.
  const pos: ([number, number] | null)[] = placed.map((p) =>
    p === null ? null : (projection(p.lonLat as [number, number]) as [number, number]),
  );
  const groups = new Map<string, number[]>();
  for (const i of drawn) {
    const [x, y] = pos[i]!;
    const key = `${Math.round(x / 3)},${Math.round(y / 3)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const [cx, cy] = pos[members[0]]!;
    const r = 6 + members.length * 1.6;
    members.forEach((i, k) => {
      const a = (2 * Math.PI * k) / members.length - Math.PI / 2;
      pos[i] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    });
  }

  // Links, thinnest first so heavy links stay on top.
  const idx = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const maxBytes = Math.max(1, ...series.linkTotal);
  const width = scaleLinear().domain([0, maxBytes]).range([1, 10]);
  const order = scenario.links
    .map((_, l) => l)
    .sort((a, b) => series.linkTotal[a] - series.linkTotal[b] || a - b);
  const links: string[] = [];
  const through = new Float64Array(scenario.nodes.length);
  for (const l of order) {
    const link = scenario.links[l];
    const a = idx.get(link.from);
    const b = idx.get(link.to);
    if (a === undefined || b === undefined) continue;
    through[a] += series.linkTotal[l];
    through[b] += series.linkTotal[l];
    const pa = pos[a];
    const pb = pos[b];
    if (pa === null || pb === null) continue;
    const dx = pb[0] - pa[0];
    const dy = pb[1] - pa[1];
    const len = Math.hypot(dx, dy);
    if (len < 0.5) continue;
    const bend = Math.min(0.18 * len, 60);
    const cx = (pa[0] + pb[0]) / 2 - (dy / len) * bend;
    const cy = (pa[1] + pb[1]) / 2 + (dx / len) * bend;
    const bytes = series.linkTotal[l];
    const d = `M${num(pa[0])},${num(pa[1])}Q${num(cx)},${num(cy)} ${num(pb[0])},${num(pb[1])}`;
    const tip = `${link.id}: ${bytes > 0 ? inUnit(bytes, byteUnit(bytes)) : 'unused'}`;
    links.push(
      bytes > 0
        ? el('path', { class: 'link used', d, 'stroke-width': width(bytes) }, el('title', {}, esc(tip)))
        : el('path', { class: 'link unused', d }, el('title', {}, esc(tip))),
    );
  }

  // Nodes and labels.
  const nodes: string[] = [];
  for (const i of drawn) {
    const n = scenario.nodes[i];
    const [x, y] = pos[i]!;
    nodes.push(
      el('g', { class: `node ${n.kind}` }, [
        el('title', {}, esc(`${n.id} (${n.kind})`)),
        nodeSymbol(n.kind, x, y, placed[i]!.inferred),
      ]),
    );
  }
  const boxes: [number, number, number, number][] = drawn.map((i) => [
    pos[i]![0] - 5,
    pos[i]![1] - 5,
    pos[i]![0] + 5,
    pos[i]![1] + 5,
  ]);
  const overlaps = (b: [number, number, number, number]) =>
    b[0] < 2 ||
    b[2] > WIDTH - 2 ||
    b[1] < 2 ||
    b[3] > height - 2 ||
    boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
  const labels: string[] = [];
  const byTraffic = [...drawn].sort((a, b) => through[b] - through[a] || a - b);
  for (const i of byTraffic) {
    if (labels.length >= MAX_LABELS) break;
    const label = scenario.nodes[i].id;
    const w = textWidth(label, 10.5);
    const [x, y] = pos[i]!;
    for (const [bx, anchor] of [
      [x + 8, 'start'],
      [x - 8, 'end'],
    ] as const) {
      const box: [number, number, number, number] =
        anchor === 'start' ? [bx, y - 7, bx + w, y + 6] : [bx - w, y - 7, bx, y + 6];
      if (overlaps(box)) continue;
      boxes.push(box);
      labels.push(text(bx, y + 3.5, label, { class: 'map-label', 'text-anchor': anchor }));
      break;
    }
  }

  // Legend: node kinds, inferred positions and link widths.
  const kinds = [...new Set(drawn.map((i) => scenario.nodes[i].kind))];
  const legendParts: string[] = [];
  let lx = 14;
  const ly = height - 16;
  for (const k of kinds) {
    legendParts.push(
      nodeSymbol(k, lx + 6, ly, false),
      text(lx + 16, ly + 4, KIND_STYLE[k].label, { class: 'legend-label' }),
    );
    lx += 30 + textWidth(KIND_STYLE[k].label);
  }
  if (drawn.some((i) => placed[i]!.inferred)) {
    legendParts.push(
      nodeSymbol('cloud', lx + 6, ly, true),
      text(lx + 16, ly + 4, 'position inferred', { class: 'legend-label' }),
    );
    lx += 30 + textWidth('position inferred');
  }
  for (const f of [1, 0.25]) {
    const b = maxBytes * f;
    legendParts.push(
      el('line', { class: 'link used', x1: lx, x2: lx + 28, y1: ly, y2: ly, 'stroke-width': width(b) }),
    );
    const t = inUnit(b, byteUnit(b));
    legendParts.push(text(lx + 34, ly + 4, t, { class: 'legend-label' }));
    lx += 44 + textWidth(t);
  }
  legendParts.push(
    el('line', { class: 'link unused', x1: lx, x2: lx + 28, y1: ly, y2: ly }),
    text(lx + 34, ly + 4, 'unused', { class: 'legend-label' }),
  );
  const legendW = lx + 34 + textWidth('unused') + 10;

  const body = [
    el('path', { class: 'land', d: path(base.land) ?? '' }),
    el('path', { class: 'borders', d: path(base.borders) ?? '' }),
    el('g', { class: 'links' }, links),
    el('g', { class: 'nodes' }, nodes),
    el('g', { class: 'labels' }, labels),
    el('rect', { class: 'legend-bg', x: 4, y: ly - 14, width: legendW, height: 28, rx: 4 }),
    el('g', { class: 'legend' }, legendParts),
  ];
  const inferred = drawn.filter((i) => placed[i]!.inferred).map((i) => scenario.nodes[i].id);
  const missing = placed.flatMap((p, i) => (p === null ? [scenario.nodes[i].id] : []));
  const used = series.linkTotal.filter((b) => b > 0).length;
  const svg = chartSvg({
    id: 'chart-map',
    title: 'Map of sites, appliances, exchanges, clouds and links',
    desc: `${drawn.length} nodes and ${scenario.links.length} links; ${used} links carry data, the heaviest ${inUnit(maxBytes, byteUnit(maxBytes))}.`,
    width: WIDTH,
    height,
    body,
  });
  let caption =
    'Nodes at their scenario locations; link width is proportional to the bytes the link carries in the plan. Base map: Natural Earth 1:110m (world-atlas).';
  if (inferred.length > 0)
    caption += ` ${inferred.length} nodes have no location and are drawn hollow at the centre of the nodes they link to (${inferred.join(', ')}).`;
  if (missing.length > 0)
    caption += ` Not drawn (no location and no located neighbour): ${missing.join(', ')}.`;
  const rows = scenario.nodes.map((n, i) => {
    const p = placed[i];
    const where =
      p === null
        ? '—'
        : `${p.lonLat[1].toFixed(2)}, ${p.lonLat[0].toFixed(2)}${p.inferred ? ' (inferred)' : ''}`;
    return [n.id, n.kind, where, inUnit(through[i], byteUnit(through[i]))];
  });
  return {
    id: 'chart-map',
    heading: 'Network map',
    caption: esc(caption),
    svg,
    table: dataTable(
      'Nodes: kind, position (latitude, longitude) and bytes over their links (in + out)',
      ['node', 'kind', 'lat, lon', 'bytes over links'],
      rows,
      [3],
    ),
  };
}

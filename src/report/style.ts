/**
 * The report's stylesheet (inline in the page): screen layout, chart text styles and a print
 * stylesheet (A4 landscape, no disclosure widgets, figures kept whole). Only system fonts, so the
 * page needs nothing from the network.
 */
import { ROLE } from './palette.js';

/** The `<style>` content. */
export const STYLE = `
:root {
  --ink: ${ROLE.ink}; --muted: ${ROLE.muted}; --line: #d9dee4; --panel: #f7f9fb;
  --good: ${ROLE.good}; --bad: ${ROLE.bad}; --warn: ${ROLE.warn};
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif;
  color: var(--ink); background: #fff;
}
* { box-sizing: border-box; }
body { margin: 0; line-height: 1.45; font-size: 15px; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 28px 48px; }
header.report-head { border-bottom: 1px solid var(--line); padding-bottom: 18px; margin-bottom: 8px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0 0 4px; }
h1 { font-size: 28px; margin: 0 0 6px; font-weight: 650; letter-spacing: -.01em; }
h1 .status { vertical-align: middle; margin-left: 10px; }
.sub { color: var(--muted); margin: 0; font-size: 14px; }
.status { display: inline-block; font-size: 13px; font-weight: 600; padding: 3px 10px; border-radius: 999px; color: #fff; letter-spacing: .02em; }
.status.complete { background: var(--good); }
.status.partial { background: var(--warn); }
.status.infeasible { background: var(--bad); }
.banner { border-radius: 8px; padding: 14px 18px; margin: 18px 0 6px; border: 1px solid; }
.banner h2 { font-size: 17px; margin: 0 0 6px; }
.banner ul { margin: 6px 0 0; padding-left: 20px; }
.banner.partial { background: #fff8e6; border-color: #f0c36d; color: #5c3d00; }
.banner.infeasible { background: #fdecec; border-color: #ef9a9a; color: #6b1111; }
.banner.warning { background: #fdecec; border-color: #ef9a9a; color: #6b1111; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 18px 0 8px; }
.kpi { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.kpi .label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.kpi .value { font-size: 21px; font-weight: 650; margin: 2px 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kpi .value small { font-size: 13px; font-weight: 600; color: var(--muted); }
.kpi .detail { font-size: 12.5px; color: var(--muted); }
.kpi.good .value { color: var(--good); }
.kpi.bad .value { color: var(--bad); }
section.figure { margin: 34px 0 0; }
section.figure h2 { font-size: 19px; margin: 0 0 4px; font-weight: 650; }
.caption { color: var(--muted); font-size: 13.5px; margin: 0 0 10px; max-width: 920px; }
svg.chart { display: block; width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart .tick-label { font-size: 11px; fill: #4a5663; font-variant-numeric: tabular-nums; }
svg.chart .tick-label.local { fill: #8b97a5; }
svg.chart .axis-title { font-size: 11px; fill: var(--muted); }
svg.chart .grid { stroke: #e8ebef; stroke-width: 1; }
svg.chart .axis, svg.chart .tick { stroke: #9aa5b1; stroke-width: 1; }
svg.chart .legend-label { font-size: 12px; fill: #33404d; }
svg.chart .annotation { font-size: 11.5px; fill: var(--muted); }
svg.chart .annotation.strong { fill: var(--ink); font-weight: 600; }
svg.chart .makespan { stroke: var(--ink); stroke-width: 1.5; }
svg.chart .band { stroke: #fff; stroke-width: .6; }
svg.chart .due-label { font-size: 11px; font-weight: 600; }
svg.chart .due-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.chart .row-label { font-size: 11px; fill: #33404d; }
svg.chart .row-total { font-size: 11px; fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.chart .col-head { font-size: 11px; fill: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
svg.chart .panel-title { font-size: 13px; font-weight: 650; }
svg.chart .panel-sub { font-size: 11.5px; fill: var(--muted); }
svg.chart .empty-note { font-size: 14px; fill: var(--muted); }
svg.chart .land { fill: ${ROLE.land}; stroke: none; }
svg.chart .borders { fill: none; stroke: ${ROLE.border}; stroke-width: .7; }
svg.chart .link { fill: none; stroke-linecap: round; }
svg.chart .link.used { stroke: #2b6cb0; stroke-opacity: .55; }
svg.chart .link.unused { stroke: #9aa5b1; stroke-width: .8; stroke-dasharray: 3 3; stroke-opacity: .8; }
svg.chart .map-label { font-size: 10.5px; fill: #26323e; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.chart .legend-bg { fill: #fff; fill-opacity: .85; stroke: var(--line); }
details { margin-top: 8px; }
details > summary { cursor: pointer; color: #2b6cb0; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 12.5px; padding-bottom: 4px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e8ebef; vertical-align: top; }
thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1px solid var(--line); }
tbody th { font-weight: 600; }
.num { text-align: right; }
tbody tr:nth-child(even) { background: #fafbfc; }
.empty { color: var(--muted); }
ul.notes { padding-left: 20px; color: #33404d; font-size: 14px; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  details { display: none; }
  section.figure { break-inside: avoid; page-break-inside: avoid; margin-top: 18px; }
  .kpis { grid-template-columns: repeat(5, 1fr); }
  .kpi, .banner { break-inside: avoid; }
  .status, .banner, .kpi, svg.chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { font-size: 9pt; }
  tr { break-inside: avoid; }
}
`;

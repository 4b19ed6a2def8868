/**
 * Model builder for links and their windows (SCENARIO.md "Links", "Windows").
 *
 * Decisions on what SCENARIO.md leaves open:
 * - `from: "24:00"` is an error (a window starting at midnight is `"00:00"` of the next day).
 * - `to: "00:00"` means midnight at the end of the local day, stored as 1440 like `"24:00"`; so
 *   `from: "00:00", to: "00:00"` is the whole local day (23 or 25 h on DST days), while any other
 *   `from == to` (`"22:00"`–`"22:00"`) is 24 hours from `from`.
 * - Repeated day names in `days` are merged (the model keeps days sorted and unique).
 * - A link from a node to itself is accepted with a warning (SCENARIO.md does not forbid it): data
 *   that crosses it stays where it was, so it carries nothing useful.
 * - A zero `capacity` is accepted: a link that is down carries 0 bytes in every slot.
 */
import type { ScenarioLink, ScenarioNode, Weekday, Window } from '../model.js';
import { ONE } from '../rational.js';
import { parseCost, parseLatency, parseShare, parseTimeOfDay } from '../units.js';
import { type BuildContext, checkZone, claimId, scenarioRate, unitValue } from './context.js';
import { didYouMean } from './didYouMean.js';
import { checkFields } from './fields.js';
import type { Path } from './path.js';
import { DAY_NAMES, linkSchema, windowSchema } from './schema.js';

const ALL_DAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** Checks that `id` names a node; reports an unknown one with a suggestion. Null when unusable. */
export function nodeRef(ctx: BuildContext, path: Path, id: string): ScenarioNode | null {
  const node = ctx.nodes.get(id);
  if (node) return node;
  // A node written with its own errors: already reported there.
  if (ctx.writtenNodeIds.has(id)) return null;
  const guess = didYouMean(id, ctx.writtenNodeIds);
  ctx.sink.error(path, `unknown node "${id}", expected the id of a node in nodes`, {
    hint: guess ? `did you mean ${guess}?` : undefined,
  });
  return null;
}

function buildWindow(
  ctx: BuildContext,
  path: Path,
  raw: unknown,
  fromNode: ScenarioNode | null,
): Window | null {
  const { sink } = ctx;
  const { fields: w, complete } = checkFields(windowSchema, raw);
  const errorsBefore = sink.errorCount;
  const days = w.days
    ? [...new Set(w.days.map((d) => DAY_NAMES.indexOf(d) as Weekday))].sort((a, b) => a - b)
    : ALL_DAYS;
  const from = unitValue(sink, [...path, 'from'], w.from, parseTimeOfDay) ?? 0;
  if (from === 1440) {
    sink.error([...path, 'from'], 'found "24:00" as a start, expected a time from "00:00" to "23:59"', {
      hint: 'a window starting at midnight starts at "00:00" (of the next day)',
    });
  }
  const rawTo = unitValue(sink, [...path, 'to'], w.to, parseTimeOfDay);
  // "00:00" as an end is the midnight that ends the local day.
  const to = rawTo === null || rawTo === 0 ? 1440 : rawTo;
  const share = unitValue(sink, [...path, 'share'], w.share, parseShare) ?? ONE;
  let timezone: string | null = null;
  if (w.timezone !== undefined) {
    if (checkZone(sink, [...path, 'timezone'], w.timezone)) timezone = w.timezone;
  } else if (fromNode !== null) {
    timezone = fromNode.timezone;
    if (timezone === null) {
      sink.error(
        path,
        `window has no time zone to be evaluated in: neither it nor node "${fromNode.id}" has one`,
        {
          hint: `add timezone: to the window or to node "${fromNode.id}"`,
        },
      );
    }
  }
  if (!complete || sink.errorCount > errorsBefore || timezone === null) return null;
  return { days, fromMinute: from, toMinute: to, timezone, share };
}

/**
 * Builds the links: checks node references, units, windows and id uniqueness after defaults, and
 * appends the reverse of a bidirectional link right after it (same capacity and windows; the
 * windows keep the zones resolved from the declared `from` node).
 */
export function buildLinks(ctx: BuildContext, raw: unknown): ScenarioLink[] {
  const { sink } = ctx;
  const list = Array.isArray(raw) ? raw : [];
  const seen = new Map<string, Path>();
  const out: ScenarioLink[] = [];
  list.forEach((item, i) => {
    const path: Path = ['links', i];
    const { fields: l, complete } = checkFields(linkSchema, item);
    const errorsBefore = sink.errorCount;
    const from = l.from === undefined ? null : nodeRef(ctx, [...path, 'from'], l.from);
    const to = l.to === undefined ? null : nodeRef(ctx, [...path, 'to'], l.to);
    const selfLink = l.from !== undefined && l.from === l.to;
    if (selfLink) {
      sink.warning(
        [...path, 'to'],
        `link goes from "${l.from}" to itself: a link from a node to itself carries nothing useful`,
        { hint: 'remove it, or correct from/to' },
      );
    }
    const capacity = unitValue(sink, [...path, 'capacity'], l.capacity, scenarioRate);
    const latencyMs = unitValue(sink, [...path, 'latency'], l.latency, parseLatency);
    const costPerByte = unitValue(sink, [...path, 'cost'], l.cost, parseCost);
    // Windows need the from node only for its zone; without a valid from node the error is there.
    const rawWindows = (item as { windows?: unknown } | null)?.windows;
    const windows = Array.isArray(rawWindows)
      ? rawWindows.map((w, j) => buildWindow(ctx, [...path, 'windows', j], w, from))
      : null;
    if (l.from === undefined || l.to === undefined) return;
    const id = l.id ?? `${l.from}->${l.to}`;
    const idPath: Path = l.id !== undefined ? [...path, 'id'] : path;
    const sameEnds = 'two links between the same nodes need an explicit id';
    const unique = claimId(sink, seen, id, idPath, 'link', l.id === undefined ? sameEnds : undefined);
    const reverseId = l.bidirectional
      ? l.id !== undefined
        ? `${l.id}:reverse`
        : `${l.to}->${l.from}`
      : null;
    const reverseUnique =
      reverseId === null ||
      claimId(
        sink,
        seen,
        reverseId,
        [...path, 'bidirectional'],
        'link',
        selfLink
          ? `a link from a node to itself is its own reverse: drop bidirectional`
          : `the reverse of this bidirectional link is "${reverseId}"`,
      );
    if (!unique || !reverseUnique || sink.errorCount > errorsBefore) return;
    if (!complete || from === null || to === null || capacity === null) return;
    if (windows?.some((w) => w === null)) return;
    const link: ScenarioLink = {
      id,
      from: l.from,
      to: l.to,
      capacity,
      latencyMs,
      costPerByte,
      windows: windows as Window[] | null,
      reverseOf: null,
    };
    out.push(link);
    if (reverseId !== null) out.push({ ...link, id: reverseId, from: l.to, to: l.from, reverseOf: id });
  });
  return out;
}

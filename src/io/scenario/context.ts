/**
 * State shared by the model builders (horizon, nodes, links, datasets) and small helpers that
 * report a failed unit parse, an unknown zone or a repeated id at the right field.
 */
import type { Horizon, ScenarioNode } from '../model.js';
import type { Rational } from '../rational.js';
import { parseRate, type UnitResult } from '../units.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { Path } from './path.js';
import { isKnownTimeZone, suggestTimeZone } from './timezone.js';

/** What the builders know so far. Entries for elements with errors are left out of `nodes`. */
export interface BuildContext {
  readonly sink: DiagnosticSink;
  /** The horizon with its end instant, or null when it has errors. */
  horizon: (Horizon & { readonly end: number }) | null;
  /** Valid nodes by id, in declaration order. */
  readonly nodes: Map<string, ScenarioNode>;
  /**
   * Every node id written, valid or not: references to a node that has its own errors are not
   * reported again (one mistake, one message).
   */
  readonly writtenNodeIds: Set<string>;
  /** Provider names: keys of `providers` and every valid node's `provider`. */
  readonly providerNames: Set<string>;
  /** Provider names written anywhere (keys and nodes), including on nodes with errors. */
  readonly writtenProviders: Set<string>;
  /** Provider names written on nodes, including nodes with errors. */
  readonly nodeProviders: Set<string>;
}

/** Runs a unit parser on an optional raw value; reports a failure at `path` and returns null. */
export function unitValue<T>(
  sink: DiagnosticSink,
  path: Path,
  raw: string | number | undefined,
  parse: (raw: string | number) => UnitResult<T>,
): T | null {
  if (raw === undefined) return null;
  const r = parse(raw);
  if (r.ok) return r.value;
  sink.error(path, r.message, { hint: r.hint });
  return null;
}

/**
 * Parses a rate field of a scenario: zero is allowed (SCENARIO.md does not forbid it): a link
 * capacity of 0 is a link that is down, a cap of 0 lets nothing pass.
 */
export function scenarioRate(raw: string | number): UnitResult<Rational> {
  return parseRate(raw, { allowZero: true });
}

/** Checks an IANA zone name; reports an unknown one (with a suggestion) and returns false. */
export function checkZone(sink: DiagnosticSink, path: Path, zone: string): boolean {
  if (isKnownTimeZone(zone)) return true;
  const guess = suggestTimeZone(zone);
  sink.error(path, `unknown time zone "${zone}", expected an IANA name such as Europe/Berlin`, {
    hint: guess
      ? `did you mean ${guess}?`
      : /^[+-]\d/.test(zone)
        ? 'offsets have no DST rules: use a zone name'
        : undefined,
  });
  return false;
}

/**
 * Records `id` as declared at `path`; reports a repeat (naming the first line) and returns
 * false. `what` names the kind of id in the message ("node", "link", "dataset").
 */
export function claimId(
  sink: DiagnosticSink,
  seen: Map<string, Path>,
  id: string,
  path: Path,
  what: string,
  hint?: string,
): boolean {
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, path);
    return true;
  }
  const line = sink.map?.locate(first)?.line;
  sink.error(
    path,
    `duplicate ${what} id "${id}"${line ? ` (first declared on line ${line})` : ''}, expected unique ids`,
    {
      hint,
    },
  );
  return false;
}

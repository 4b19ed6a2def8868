/**
 * Cost breakdown of a plan: link `cost` (USD per byte carried, exact rationals) times the bytes of
 * the plan's transfers, per link and per provider of the sending node (egress is what providers
 * bill). Sums are exact (bigint rationals) and converted to USD doubles once at the end.
 *
 * Complexity: O(transfers + links).
 *
 * Reference: SCENARIO.md (`cost`), PLAN.md (extension fields).
 */
import type { Scenario } from '../../io/model.js';
import { add, mul, type Rational, rational, toNumber, ZERO } from '../../io/rational.js';
import type { PlanCost, Transfer } from '../../plan/types.js';

/** The cost breakdown of `transfers`, or null when no link has a cost. */
export function costBreakdown(
  scenario: Scenario,
  transfers: readonly Transfer[],
  lowerBoundUsd: number | null,
): PlanCost | null {
  const links = new Map(scenario.links.map((l) => [l.id, l]));
  if (!scenario.links.some((l) => l.costPerByte !== null)) return null;
  const providerOf = new Map(scenario.nodes.map((n) => [n.id, n.provider ?? '(none)']));
  const perLink = new Map<string, { bytes: bigint; usd: Rational }>();
  for (const t of transfers) {
    const l = links.get(t.link);
    if (l === undefined || l.costPerByte === null) continue;
    const e = perLink.get(t.link) ?? { bytes: 0n, usd: ZERO };
    e.bytes += BigInt(t.bytes);
    e.usd = add(e.usd, mul(l.costPerByte, rational(BigInt(t.bytes))));
    perLink.set(t.link, e);
  }
  const perProvider = new Map<string, { bytes: bigint; usd: Rational }>();
  let total: Rational = ZERO;
  const ids = [...perLink.keys()].sort();
  for (const id of ids) {
    const e = perLink.get(id) as { bytes: bigint; usd: Rational };
    const p = providerOf.get((links.get(id) as { from: string }).from) ?? '(none)';
    const pe = perProvider.get(p) ?? { bytes: 0n, usd: ZERO };
    pe.bytes += e.bytes;
    pe.usd = add(pe.usd, e.usd);
    perProvider.set(p, pe);
    total = add(total, e.usd);
  }
  return {
    totalUsd: toNumber(total),
    links: ids.map((id) => {
      const e = perLink.get(id) as { bytes: bigint; usd: Rational };
      return { link: id, bytes: Number(e.bytes), usd: toNumber(e.usd) };
    }),
    providers: [...perProvider.keys()].sort().map((p) => {
      const e = perProvider.get(p) as { bytes: bigint; usd: Rational };
      return { provider: p, bytes: Number(e.bytes), usd: toNumber(e.usd) };
    }),
    lowerBoundUsd,
  };
}

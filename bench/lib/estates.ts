/**
 * The named estates of the policy benchmarks (issue 13, "Performance"): fixed seeds and sizes of
 * bench/lib/estate-gen.ts, each with the issue's target. `estate-300-one` and `estate-300-mixed`
 * are the same estate (same seed and sizes), with one policy and with mixed policies.
 */
import type { EstateOptions } from './estate-gen.js';

/** A named estate and what it should achieve. */
export interface NamedEstate {
  readonly name: string;
  readonly options: EstateOptions;
  /** The issue's target, for reading. */
  readonly target: string;
}

const SEED = 20261213;
const ISSUE_SIZE = {
  seed: SEED,
  sites: 300,
  regions: 40,
  links: 2000,
  slots: 672,
  slotSeconds: 900,
  datasets: 600,
};

/** The estates, smallest first. */
export const ESTATES: readonly NamedEstate[] = [
  {
    name: 'estate-20-mixed',
    // The CI (--quick) variant: 12 sites + 2 exchanges + 6 regions + 1 appliance = 21 nodes, 7 days hourly.
    options: {
      seed: SEED,
      sites: 12,
      regions: 6,
      exchanges: 2,
      appliances: 1,
      links: 60,
      slots: 168,
      slotSeconds: 3600,
      datasets: 16,
      policies: 'mixed',
    },
    target: 'none of its own: the quick (CI) stand-in for estate-50-mixed, under a minute on main',
  },
  {
    name: 'estate-50-mixed',
    // 32 sites + 4 exchanges + 12 regions + 2 appliances = 50 nodes; 7 days of 30-minute slots.
    options: {
      seed: SEED,
      sites: 32,
      regions: 12,
      exchanges: 4,
      appliances: 2,
      links: 160,
      slots: 336,
      slotSeconds: 1800,
      datasets: 40,
      policies: 'mixed',
    },
    target: 'exact, every provable due met, ≤ 30 s',
  },
  {
    name: 'estate-300-one',
    options: { ...ISSUE_SIZE, policies: 'one' },
    target: 'exact plan ≤ 10 s, ≤ 2 GB',
  },
  {
    name: 'estate-300-mixed',
    options: { ...ISSUE_SIZE, policies: 'mixed' },
    target: 'verified plan, certified gap ≤ 2 slots, ≤ 120 s, ≤ 4 GB',
  },
];

/** The estate called `name`, or undefined. */
export function estateByName(name: string): NamedEstate | undefined {
  return ESTATES.find((e) => e.name === name);
}

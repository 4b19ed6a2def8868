/** Scenarios and plans of the report tests: small, hand-made, planned by the real planner. */
import type { Scenario } from '../../src/io/model.js';
import { parseScenario } from '../../src/io/scenario/index.js';
import type { Plan } from '../../src/plan/types.js';
import { planSync } from '../../src/scheduler/planner.js';

/** Ids with markup characters, to check escaping everywhere they are printed. */
export const NASTY_LINK = 'tok<&"yo';
export const NASTY_DATASET = 'vms<&"x';

/**
 * Tokyo 09:00–11:00 local is 00:00–02:00 UTC, New York 05:00–07:00 is 10:00–12:00 UTC: data is
 * staged at the New York appliance; a thin direct link lets direct upload finish, later.
 */
export function smallYaml(length = '1d', extra = ''): string {
  return `wanplan: 1
name: 'report <test> & "quotes"'
horizon: { start: 2026-12-05T00:00:00Z, length: ${length}, slot: 1h }
providers: { aws: { ingress: 10GB/h, egress: 1GB/h } }
nodes:
  - { id: tokyo, kind: site, timezone: Asia/Tokyo, location: [35.68, 139.65] }
  - { id: relay, kind: appliance, timezone: America/New_York, location: [40.71, -74.0], storage: 10GB }
  - { id: cloud, kind: cloud, provider: aws }
${extra ? extra.split('\n')[0] : ''}
links:
  - { id: '${NASTY_LINK}', from: tokyo, to: relay, capacity: 1GB/h, windows: [ { from: "09:00", to: "11:00" } ] }
  - { from: relay, to: cloud, capacity: 1GB/h, cost: 0.02USD/GB, windows: [ { from: "05:00", to: "07:00" } ] }
  - { from: tokyo, to: cloud, capacity: 0.1GB/h }
datasets:
  - { id: '${NASTY_DATASET}', at: tokyo, size: 2GB, due: 2026-12-05T14:00:00Z }
${extra ? extra.split('\n').slice(1).join('\n') : ''}
`;
}

/** A scenario and the planner's plan of it. */
export interface Planned {
  readonly scenario: Scenario;
  readonly plan: Plan;
}

function planned(yaml: string): Planned {
  const scenario = parseScenario(yaml, 'report-test.yaml');
  return { scenario, plan: planSync(scenario) };
}

/** Complete: staged at the relay, one due, one priced link. */
export function small(): Planned {
  return planned(smallYaml());
}

/** Partial: a 10-hour horizon closes before the relay's window opens; only the direct link delivers. */
export function partial(): Planned {
  return planned(smallYaml('10h'));
}

/** Infeasible: a second dataset sits at a site with no link at all. */
export function infeasible(): Planned {
  return planned(
    smallYaml(
      '1d',
      `  - { id: island, kind: site, timezone: Pacific/Fiji, location: [-17.7, 178.1] }
  - { id: island-vms, at: island, size: 1GB, due: 2026-12-05T14:00:00Z }`,
    ),
  );
}

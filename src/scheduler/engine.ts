/**
 * The engine interface: how the planner talks to every method that turns a scenario into a flow
 * on the time-expanded network — max-flow for one policy (`maxflow-engine.ts`), the
 * multi-commodity LP (`lp/engine.ts`), and whatever comes next (a heuristic with a certified
 * bound, a decomposition). The planner (`planner.ts`) asks each engine in turn whether it can
 * represent the scenario ({@link PlanEngine.representable}: ok, or the reasons it cannot — no
 * exception decides the dispatch), runs the first that can, and hands its {@link Solution} to
 * {@link assemblePlan} (`assemble.ts`), the one place that builds the plan document.
 *
 * An engine owns its search and its explanations (a min cut for max-flow, LP duals for the LP):
 * it reports them in the plan's words (bottlenecks, notes, a lower bound with the method that
 * proves it), and the document's fields that follow from the decoded rows alone — datasets,
 * makespan, status, the direct-upload comparison — are computed once, in `assemble.ts`.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { Scenario } from '../io/model.js';
import type { DecodedFlow } from '../plan/decoded.js';
import type { Bottleneck, PlanCost, PlanDataset, PlanObjective, PlanStatus, SlotEnd } from '../plan/types.js';
import type { DirectOutcome } from '../plan/vs-direct.js';
import type { Topology } from '../topology/topology.js';

/** Whether an engine can plan a scenario: ok, or one sentence per reason it cannot. */
export type Representability =
  | { readonly ok: true }
  | { readonly ok: false; readonly reasons: readonly string[] };

/** A progress event of the planner: the phase that starts now. */
export interface PlanProgress {
  /** `calendars`, `network`, `search`, `lp`, `rounding`, `decode`, `bottlenecks`, `what-if`, `direct` or `done`. */
  readonly phase: string;
  /** Solves so far (max-flow solves, or LP solves for the LP engine). */
  readonly solves: number;
  /** For max-flow `search` probes: the slots enabled and the flow value in quanta. */
  readonly probe?: { readonly T: number; readonly value: number; readonly demand: number };
  /** One line on what just finished (an LP solve with its size, status and time, a presolve step). */
  readonly detail?: string;
}

/** What every engine is given: the scenario, its calendars and the run's settings. */
export interface PlanProblem {
  readonly scenario: Scenario;
  /** The scenario's topology, built once per plan: engines build their networks from it. */
  readonly topology: Topology;
  readonly cal: Calendars;
  /** Quantum in bytes (a positive safe integer). */
  readonly quantum: number;
  readonly objective: PlanObjective;
  /** Also solve naive direct upload for `vsDirect`. */
  readonly compareDirect: boolean;
  /** Phase events (the library never prints). */
  readonly onProgress?: (event: PlanProgress) => void;
  /** Human-readable lines for `--verbose`. */
  readonly onLog?: (line: string) => void;
  /** The solver's own log lines. */
  readonly onSolverLog?: (line: string) => void;
  /** Wall-clock limit per LP solve, seconds. */
  readonly timeLimitSeconds: number;
  /** Most bottlenecks listed; an engine's notes count the rest. */
  readonly maxBottlenecks: number;
}

/** The plan's rows as the document will state them, for an engine to explain. */
export interface PlanView {
  readonly datasets: readonly PlanDataset[];
  readonly makespan: SlotEnd | null;
  readonly status: PlanStatus;
}

/** An engine's explanation of its plan. */
export interface Explanation {
  /** Every bottleneck the engine found, most important first (the document keeps the first N). */
  readonly bottlenecks: readonly Bottleneck[];
  /** Notes in the order the document lists them. */
  readonly notes: readonly string[];
  /** The bound the engine proved, and the method that proves it (PLAN.md `lowerBound`). */
  readonly lowerBound: { readonly slot: number | null; readonly method: string };
  /** The cost breakdown, when the engine prices the plan. */
  readonly cost?: PlanCost | null;
}

/** The direct-upload comparison as an engine solved it, or the reason it was not compared. */
export type DirectComparison =
  | { readonly kind: 'solved'; readonly outcome: DirectOutcome }
  | { readonly kind: 'skipped'; readonly reason: string };

/** What an engine computed; the planner and {@link assemblePlan} read it once. */
export interface Solution {
  /** The objective the engine optimised. */
  readonly objective: PlanObjective;
  /** The flow decoded into plan rows (real bytes). */
  readonly decoded: DecodedFlow;
  /** True when some dataset cannot reach enough allowed destinations at all (status `infeasible`). */
  readonly unreachable: boolean;
  /** Bottlenecks, notes and the lower bound, given the plan's rows. */
  explain(view: PlanView): Explanation;
  /** The direct-upload comparison (called only when the problem asks for it). */
  direct(): Promise<DirectComparison> | DirectComparison;
  /** Statistics (solver words: nodes, arcs, solves, iterations), read last. */
  stats(): Record<string, number | string>;
  /** Solves so far, for the final progress event. */
  solves(): number;
}

/** One method of planning (module header). */
export interface PlanEngine {
  /** Short name for logs: `max-flow`, `lp`. */
  readonly name: string;
  /** Whether this engine can plan the problem (the reasons when it cannot). */
  representable(problem: PlanProblem): Representability;
  /** Plans the problem; call only when {@link representable} said ok. */
  solve(problem: PlanProblem): Promise<Solution> | Solution;
}

/**
 * JIT warm-up for the max-flow solver: solves a few small deterministic random networks so that
 * V8 compiles the solver's functions with complete type feedback (every branch taken: pushes,
 * relabels, gaps, global relabelling, warm waves, flow return, capacity repair) before a timed solve.
 *
 * A long-running process (the planner re-solving warm) gets this for free after its first
 * solves; a one-shot benchmark run would otherwise time the interpreter and the deoptimisations
 * of its first seconds, which a C++ reference does not pay. It costs a few milliseconds and
 * changes no state outside itself.
 */
import { MaxFlowSolver } from './max-flow-solver.js';
import { buildFlowNetwork } from './network.js';

/**
 * Runs the warm-up (see the module header).
 * @returns the flow values found, so the work cannot be optimised away
 */
export function warmUpMaxFlow(rounds = 6): number {
  let seed = 12345;
  const rand = (k: number) => {
    // 32-bit LCG (Numerical Recipes constants): deterministic and good enough for a warm-up.
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % k;
  };
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const n = 400;
    const m = 2400;
    const tails = new Int32Array(m);
    const heads = new Int32Array(m);
    const caps = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      // A layered graph with back arcs and cycles, like the families the benchmarks use.
      const v = rand(n);
      tails[i] = v;
      heads[i] = rand(3) === 0 ? rand(n) : Math.min(n - 1, v + 1 + rand(8));
      caps[i] = 1 + rand(r % 2 === 0 ? 100 : 1_000_000);
    }
    const net = buildFlowNetwork(n, tails, heads, caps);
    const solver = new MaxFlowSolver(net, 0, n - 1);
    const a = solver.solve();
    const snap = solver.snapshot();
    for (let i = 0; i < m; i += 7) solver.setCapacity(i, Math.floor(caps[i] / 2));
    const b = solver.solve();
    solver.restore(snap);
    const c = solver.solve();
    solver.minCut();
    // Phase 1 only, then a warm re-solve from the parked preflow (waves), its cut and its flow.
    for (let i = 0; i < m; i += 5) solver.setCapacity(i, Math.floor(caps[i] / 3));
    const d = solver.solveValue();
    for (let i = 0; i < m; i += 5) solver.setCapacity(i, caps[i]);
    const e = solver.solveValue();
    solver.minCut();
    solver.flows();
    if (a.status === 'optimal' && b.status === 'optimal' && c.status === 'optimal')
      total += a.value + b.value + c.value;
    if (d.status === 'optimal' && e.status === 'optimal') total += d.value + e.value;
  }
  return total;
}

/**
 * `wanplan maxflow FILE.max`: solves a DIMACS max-flow instance and prints the DIMACS solution
 * (`s VALUE`, with `--flows` one `f U V FLOW` line per arc), or with `--json` one JSON line with
 * the value, sizes, read, warm-up and solve seconds, the solver's work counters and the bytes
 * its typed arrays hold (`solve_s` repeats
 * `solveSeconds` for `bench-pair`). `--cut` adds the minimum cut, `--check` verifies the flow
 * independently and exits 1 if it fails.
 */
import { Command } from 'commander';
import { checkMaxFlow } from '../flow/check.js';
import { MaxFlowSolver } from '../flow/max-flow-solver.js';
import { buildFlowNetwork, networkBytes } from '../flow/network.js';
import { warmUpMaxFlow } from '../flow/warm-up.js';
import { formatDimacsFlowSolution, readDimacsMaxFlowFile } from '../io/dimacs.js';
import type { CommandFactory } from './program.js';

interface MaxflowOptions {
  json?: boolean;
  flows?: boolean;
  cut?: boolean;
  check?: boolean;
}

/** The `maxflow` subcommand. */
export const maxflowCommand: CommandFactory = (io, setExit) =>
  new Command('maxflow')
    .description('Solve a DIMACS max-flow instance (push-relabel) and print the flow value.')
    .argument('<file>', 'DIMACS max-flow file (p max N M, n ID s|t, a U V CAP)')
    .option('--json', 'print one JSON line: flow, nodes, arcs, readSeconds, solveSeconds, counters')
    .option('--flows', 'also print the flow on every arc (f U V FLOW, or "flows" in JSON)')
    .option('--cut', 'also print a minimum cut (source side and cut arcs)')
    .option(
      '--check',
      'verify the flow independently (capacities, conservation, maximality); exit 1 if wrong',
    )
    .action((file: string, opts: MaxflowOptions) => {
      const t0 = performance.now();
      const inst = readDimacsMaxFlowFile(file);
      const net = buildFlowNetwork(inst.nodes, inst.tails, inst.heads, inst.caps, inst.arcs);
      // Compile the solver before the clock starts (see flow/warm-up.ts); reported separately.
      const w0 = performance.now();
      warmUpMaxFlow();
      const t1 = performance.now();
      const solver = new MaxFlowSolver(net, inst.source, inst.sink);
      const result = solver.solve();
      const t2 = performance.now();
      if (result.status !== 'optimal') {
        io.err(`wanplan: ${file}: ${result.message}\n`);
        setExit(1);
        return;
      }
      const check = opts.check ? checkMaxFlow(net, inst.source, inst.sink, result.flow) : null;
      const cut = opts.cut ? solver.minCut() : null;
      const sourceSide: number[] = [];
      if (cut) for (let v = 0; v < inst.nodes; v++) if (cut.sourceSide[v] === 1) sourceSide.push(v + 1);
      if (opts.json) {
        const solveSeconds = round6((t2 - t1) / 1000);
        const doc: Record<string, unknown> = {
          flow: result.value,
          nodes: inst.nodes,
          arcs: inst.arcs,
          readSeconds: round6((w0 - t0) / 1000),
          warmupSeconds: round6((t1 - w0) / 1000),
          solveSeconds,
          solve_s: solveSeconds,
          counters: result.counters,
          bytes: { network: networkBytes(net), solver: solver.byteSize() },
        };
        if (cut) {
          doc.cut = {
            capacity: cut.capacity,
            sourceSide,
            arcs: Array.from(cut.arcs, (i) => [inst.tails[i] + 1, inst.heads[i] + 1, inst.caps[i]]),
          };
        }
        if (check) doc.check = { ok: check.ok, errors: check.errors };
        if (opts.flows) doc.flows = Array.from(result.flow);
        io.out(`${JSON.stringify(doc)}\n`);
      } else {
        if (cut) {
          io.out(
            `c min cut: capacity ${cut.capacity}, ${sourceSide.length} source-side nodes, ${cut.arcs.length} arcs\n`,
          );
          io.out(`c source side: ${sourceSide.join(' ')}\n`);
          for (const i of cut.arcs)
            io.out(`c cut arc ${inst.tails[i] + 1} ${inst.heads[i] + 1} ${inst.caps[i]}\n`);
        }
        if (check) io.out(`c check: ${check.ok ? 'ok' : 'FAILED'}\n`);
        io.out(
          formatDimacsFlowSolution(
            result.value,
            opts.flows ? { tails: inst.tails, heads: inst.heads, flows: result.flow } : undefined,
          ),
        );
      }
      if (check && !check.ok) {
        for (const e of check.errors) io.err(`wanplan: ${file}: check failed: ${e}\n`);
        setExit(1);
        return;
      }
      setExit(0);
    });

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

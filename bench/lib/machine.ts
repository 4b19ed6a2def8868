/**
 * Where a benchmark run happened: CPU, cores, memory, Node, load average, and the git commit of
 * the measured code. Read once at the start of a run (load average again at the end).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { GitInfo, MachineInfo } from './result.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The 1-, 5- and 15-minute load averages, rounded to 0.01. */
export function loadAverage(): number[] {
  return os.loadavg().map(round2);
}

/**
 * The machine, with `loadBefore` as the start load and the current load as the end load.
 * @param loadBefore - {@link loadAverage} taken when the run started
 */
export function machineInfo(loadBefore: readonly number[]): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    // availableParallelism honours CPU affinity and cgroup limits where os.cpus() does not.
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGiB: round2(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    loadAvg: { before: [...loadBefore], after: loadAverage() },
  };
}

/** The commit checked out in `root` and whether the tree has changes; nulls outside git. */
export function gitInfo(root: string): GitInfo {
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const commit = git(['rev-parse', 'HEAD']);
    let dirty: boolean | null = null;
    try {
      dirty = git(['status', '--porcelain']).length > 0;
    } catch {
      dirty = null;
    }
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

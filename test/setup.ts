import fc from 'fast-check';

// One fixed seed for every property test; printed by fast-check on failure so it replays.
// Override with FC_SEED=<n> to explore, and FC_RUNS=<n> to change the number of runs.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261125;
const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : undefined;
fc.configureGlobal({ seed, ...(numRuns ? { numRuns } : {}), verbose: 1 });

/**
 * Reachability in the time-expanded network, for the verifier's `status` rule (PLAN.md "Fields":
 * a plan is `infeasible` when some dataset cannot reach `copies` distinct allowed failure domains
 * at all within the horizon). Independent of the planner: it reads only the scenario and the
 * capacity calendars.
 *
 * Model: state (v, t) = "bytes of the dataset can be at node v during slot t". The origin is
 * reachable in every slot from the ready slot on (it holds for free). Within slot t, bytes stream
 * along any link l = (u, w) with capacity(l, t) > 0, provided u may send (`read` ≠ 0), w may
 * receive (`write` ≠ 0) and, when l leaves a provider's nodes for a node outside it, that
 * provider's `egress` ≠ 0. From slot t to t + 1 bytes persist only at the origin and at nodes with
 * `storage` > 0. A destination counts as reached when it is reached in some slot and bytes may be
 * stored there (its provider's `ingress` ≠ 0 and, for an appliance, `capacity` ≠ 0). Only
 * possibility is asked here (positive capacities), never volume: volume is `partial`'s business.
 *
 * Method: datasets with the same origin and ready slot share one forward sweep over the slots;
 * each slot is a breadth-first search from the nodes that can hold, over the links open in that
 * slot; the sweep stops once every dataset of the group has seen enough failure domains.
 *
 * Complexity: O(groups × slots × (nodes + links)) in the worst case; typed arrays throughout.
 * Reference: time-expanded networks, Ford & Fulkerson, "Flows in Networks" (1962), ch. III.
 */
import type { Calendars } from '../constraints/index.js';
import type { Scenario } from '../io/model.js';
import type { ScenarioIds } from './rows.js';

/**
 * For each requested dataset index: the sorted allowed failure domains it can reach within the
 * horizon (the sweep may stop early, so the list is complete only when shorter than `copies`).
 */
export function reachableDomains(
  s: Scenario,
  cal: Calendars,
  ids: ScenarioIds,
  datasets: readonly number[],
): Map<number, string[]> {
  const N = s.nodes.length;
  const L = s.links.length;
  const S = s.horizon.slots;
  const linkFrom = Int32Array.from(s.links, (l) => ids.node.get(l.from)!);
  const linkTo = Int32Array.from(s.links, (l) => ids.node.get(l.to)!);
  // Links by their `from` node (CSR).
  const outStart = new Int32Array(N + 1);
  for (let l = 0; l < L; l++) outStart[linkFrom[l] + 1]++;
  for (let v = 0; v < N; v++) outStart[v + 1] += outStart[v];
  const outLink = new Int32Array(L);
  const fill = outStart.slice(0, N);
  for (let l = 0; l < L; l++) outLink[fill[linkFrom[l]]++] = l;

  const providerIndex = new Map(s.providers.map((p, i) => [p.id, i]));
  const provider = Int32Array.from(s.nodes, (n) =>
    n.provider === null ? -1 : (providerIndex.get(n.provider) ?? -1),
  );
  const canSend = Uint8Array.from(cal.nodeRead, (c) => (c === 0 ? 0 : 1));
  const canRecv = Uint8Array.from(cal.nodeWrite, (c) => (c === 0 ? 0 : 1));
  const linkUsable = new Uint8Array(L);
  for (let l = 0; l < L; l++) {
    const p = provider[linkFrom[l]];
    const leaves = p >= 0 && provider[linkTo[l]] !== p;
    linkUsable[l] =
      canSend[linkFrom[l]] && canRecv[linkTo[l]] && !(leaves && cal.providerEgress[p] === 0) ? 1 : 0;
  }
  const canStore = Uint8Array.from(s.nodes, (n, v) => {
    const p = provider[v];
    const ingress = p >= 0 ? cal.providerIngress[p] : null;
    return ingress !== 0 && n.capacity !== 0n ? 1 : 0;
  });
  const canHold = Uint8Array.from(s.nodes, (n) => (n.storage > 0n ? 1 : 0));

  // Group datasets by (origin, ready slot): they share one sweep. A ready slot runs from 0 to S
  // (S: ready inside the last slot, so nothing can move), hence S + 1 values per origin.
  const groups = new Map<number, number[]>();
  for (const d of datasets) {
    const ds = s.datasets[d];
    const key = ids.node.get(ds.at)! * (S + 1) + ds.readySlot;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }

  const result = new Map<number, string[]>();
  const visited = new Int32Array(N);
  const queue = new Int32Array(N);
  const holding = new Uint8Array(N);
  const holders = new Int32Array(N);
  const reached = new Uint8Array(N);
  for (const [key, members] of groups) {
    const origin = (key / (S + 1)) | 0;
    const ready = key % (S + 1);
    const dests = members.map((d) => new Set(s.datasets[d].destinations.map((id) => ids.node.get(id)!)));
    const domains = members.map(() => new Set<string>());
    let unmet = members.length;
    visited.fill(-1);
    holding.fill(0);
    reached.fill(0);
    holding[origin] = 1;
    holders[0] = origin;
    let nHolders = 1;
    for (let t = ready; t < S && unmet > 0; t++) {
      let head = 0;
      let tail = 0;
      for (let k = 0; k < nHolders; k++) {
        visited[holders[k]] = t;
        queue[tail++] = holders[k];
      }
      while (head < tail) {
        const u = queue[head++];
        if (!reached[u]) {
          reached[u] = 1;
          if (canStore[u]) {
            for (let m = 0; m < members.length; m++) {
              if (!dests[m].has(u)) continue;
              const before = domains[m].size;
              domains[m].add(s.nodes[u].domain!);
              if (before < s.datasets[members[m]].copies && domains[m].size >= s.datasets[members[m]].copies)
                unmet--;
            }
          }
        }
        if (canHold[u] && !holding[u]) {
          holding[u] = 1;
          holders[nHolders++] = u;
        }
        for (let k = outStart[u]; k < outStart[u + 1]; k++) {
          const l = outLink[k];
          const w = linkTo[l];
          if (visited[w] === t || !linkUsable[l] || cal.links[l][t] <= 0) continue;
          visited[w] = t;
          queue[tail++] = w;
        }
      }
    }
    members.forEach((d, m) => {
      result.set(d, [...domains[m]].sort());
    });
  }
  return result;
}

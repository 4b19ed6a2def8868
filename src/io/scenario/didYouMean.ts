/**
 * "Did you mean …?" suggestions for misspelt field names, ids and enum values.
 *
 * Distance is the optimal-string-alignment variant of Damerau–Levenshtein (insertions,
 * deletions, substitutions and adjacent transpositions cost 1), so `stroage` is one edit from
 * `storage`. Complexity O(|a|·|b|) time and O(|b|) extra space per pair, with an early exit
 * when a row exceeds the threshold. Reference: F. J. Damerau, "A technique for computer
 * detection and correction of spelling errors", CACM 7(3), 1964.
 */

/** Edit distance between `a` and `b`, or `limit + 1` once it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  // Three rolling rows: two back for transpositions, one back, and the current one.
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The candidate closest to `word`, or null when none is close enough to be a plausible typo
 * (at most one edit for short words, about a third of the length for longer ones). Case is
 * ignored for the distance so that `Cloud` suggests `cloud`. Ties go to the earlier candidate,
 * which keeps suggestions deterministic.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(lower, c.toLowerCase(), Math.min(limit, bestDistance - 1));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

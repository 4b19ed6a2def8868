/**
 * Counted nouns for the text wanplan writes for people (`1 slot`, `2 slots`, `3 deliveries`):
 * one helper for the plan summary and every CLI command, so that they agree.
 */

/**
 * `n` followed by the singular `one` when `n` is 1, else by the plural `many`.
 * @param many - the plural; `one` + `s` when omitted
 * @example plural(1, 'slot') === '1 slot'; plural(3, 'delivery', 'deliveries') === '3 deliveries'
 */
export function plural(n: number | string, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Scenario ids from foreign labels: `"Washington DC"` → `Washington_DC`, `"Zürich"` → `Zurich`.
 *
 * SCENARIO.md allows ids of `[A-Za-z0-9._:-]+`. Labels are transliterated (accents dropped, a few
 * letters spelled out), every run of other characters becomes one `_`, and a collision with an id
 * already handed out gets the smallest free suffix `-2`, `-3`, … in the order the importer asks.
 * Importers ask in file order, so the same file always gives the same ids.
 */

/** Characters SCENARIO.md allows in an id. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

// Letters that Unicode decomposition does not reduce to ASCII.
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};

/** Turns a label into id characters; returns `''` when nothing usable is left. */
export function sanitizeId(label: string): string {
  const ascii = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæÆøØœŒłŁđĐþÞı]/g, (c) => SPELLED[c] ?? c);
  return ascii.replace(/[^A-Za-z0-9._:-]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Hands out unique ids, deterministically, in the order asked. */
export class IdAllocator {
  readonly #used = new Set<string>();

  /** Marks ids as taken (for example the ids already in a scenario being extended). */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) this.#used.add(id);
  }

  /** True when `id` has been handed out or reserved. */
  has(id: string): boolean {
    return this.#used.has(id);
  }

  /**
   * Returns a fresh id made from `label`, or from `fallback` when the label is missing or has no
   * usable characters. `fallback` must itself be a valid id.
   */
  allocate(label: string | null | undefined, fallback: string): string {
    const base = (label ? sanitizeId(label) : '') || fallback;
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
}

/**
 * Offset → line/column for a source text, by binary search over line starts.
 * Columns count UTF-16 code units from 1, like the `yaml` package and most editors' status bars.
 */

/** 1-based position in a text. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Line starts of a text, built once (O(n)), queried in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Position of a 0-based offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

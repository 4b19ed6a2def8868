/**
 * Strict JSON reader (RFC 8259) that keeps the position of every key and value.
 *
 * Why not `JSON.parse` alone: it accepts duplicate keys silently (the last wins), its error
 * messages carry no line/column on every Node version, and it gives no positions for later
 * diagnostics. This reader is a recursive-descent parser whose recursion is bounded by
 * {@link MAX_DEPTH} (deeper input is rejected before it can exhaust the stack), so hostile input
 * costs O(n) time and memory proportional to the values it holds. Strings are scanned and
 * validated here, then decoded by `JSON.parse` on the literal so that escape handling is the
 * platform's. Reference: RFC 8259, "The JavaScript Object Notation (JSON) Data Interchange
 * Format", sections 2–7.
 */
import { numberFormProblem } from '../units/lex.js';
import type { LineIndex, Position } from './lineIndex.js';
import type { Path, PathSegment } from './path.js';
import { MAX_DEPTH, type SourceMap, type SourceResult, type SyntaxProblem } from './source.js';

/** Where one value (and its key, inside an object) is written, with its children. */
interface PosNode {
  readonly offset: number;
  readonly keyOffset: number;
  kids: Map<PathSegment, PosNode> | null;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const BARE = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const c = text.codePointAt(i) ?? 0;
  return c < 0x20 || c === 0x7f
    ? `control character U+${c.toString(16).padStart(4, '0')}`
    : `"${String.fromCodePoint(c)}"`;
}

class JsonParser {
  private i = 0;
  /** Repeated keys: where the repeat is, where the key was first written, and its path. */
  readonly duplicates: { offset: number; first: number; path: Path }[] = [];
  /** Numbers written with an exponent (valid JSON, but not a plain decimal). */
  readonly numberForms: SyntaxProblem[] = [];

  constructor(private readonly text: string) {}

  parseDocument(): { value: unknown; pos: PosNode } {
    this.ws();
    const pos: PosNode = { offset: this.i, keyOffset: this.i, kids: null };
    const value = this.value(pos, 0);
    this.ws();
    if (this.i < this.text.length) {
      throw new JsonSyntaxError(
        this.i,
        `found ${describeChar(this.text, this.i)} after the end of the document, expected nothing more`,
      );
    }
    return { value, pos };
  }

  private ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  /** Keys and indices from the root to the value being read (a stack, copied only on a duplicate). */
  private readonly path: PathSegment[] = [];

  private value(pos: PosNode, depth: number): unknown {
    const t = this.text;
    const c = t[this.i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) {
        throw new JsonSyntaxError(
          this.i,
          `nesting deeper than ${MAX_DEPTH} levels`,
          'a scenario needs at most a few levels',
        );
      }
      return c === '{' ? this.object(pos, depth + 1) : this.array(pos, depth + 1);
    }
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = this.i;
      const m = NUMBER.exec(t);
      if (!m)
        throw new JsonSyntaxError(
          this.i,
          `found ${describeChar(t, this.i + 1)} in a number, expected a digit`,
        );
      const problem = numberFormProblem(m[0]);
      if (problem) {
        this.numberForms.push({
          offset: this.i,
          path: [...this.path],
          message: problem.message,
          hint: problem.hint,
        });
      }
      this.i += m[0].length;
      return Number(m[0]);
    }
    if (t.startsWith('true', this.i)) {
      this.i += 4;
      return true;
    }
    if (t.startsWith('false', this.i)) {
      this.i += 5;
      return false;
    }
    if (t.startsWith('null', this.i)) {
      this.i += 4;
      return null;
    }
    BARE.lastIndex = this.i;
    const word = BARE.exec(t)?.[0];
    if (word === 'NaN' || word === 'Infinity') {
      throw new JsonSyntaxError(
        this.i,
        `found ${word}, which JSON does not have, expected a number`,
        'write a finite number',
      );
    }
    throw new JsonSyntaxError(
      this.i,
      `found ${word ? `"${word}"` : describeChar(t, this.i)}, expected a value (object, array, string, number, true, false or null)`,
      word ? 'strings are written in double quotes in JSON' : undefined,
    );
  }

  private string(): string {
    const t = this.text;
    const start = this.i;
    let j = start + 1;
    let escaped = false;
    for (;;) {
      if (j >= t.length) throw new JsonSyntaxError(start, 'string is not closed, expected a closing "');
      const c = t.charCodeAt(j);
      if (c === 0x22) break;
      if (c < 0x20)
        throw new JsonSyntaxError(j, `found ${describeChar(t, j)} inside a string, expected it escaped`);
      if (c === 0x5c) {
        escaped = true;
        const e = t[j + 1];
        if (e === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(t.slice(j + 2, j + 6))) {
            throw new JsonSyntaxError(j, 'bad \\u escape, expected four hexadecimal digits');
          }
          j += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          throw new JsonSyntaxError(
            j,
            `bad escape "\\${e ?? ''}", expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`,
          );
        }
        j += 2;
        continue;
      }
      j++;
    }
    this.i = j + 1;
    return escaped ? (JSON.parse(t.slice(start, j + 1)) as string) : t.slice(start + 1, j);
  }

  private object(pos: PosNode, depth: number): Record<string, unknown> {
    const t = this.text;
    const out: Record<string, unknown> = {};
    const kids = new Map<PathSegment, PosNode>();
    pos.kids = kids;
    this.i++; // {
    this.ws();
    if (t[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      if (t[this.i] !== '"') {
        const trailing = t[this.i] === '}';
        throw new JsonSyntaxError(
          this.i,
          `found ${describeChar(t, this.i)}, expected a field name in double quotes`,
          trailing ? 'JSON allows no comma after the last field' : undefined,
        );
      }
      const keyOffset = this.i;
      const key = this.string();
      this.ws();
      if (t[this.i] !== ':')
        throw new JsonSyntaxError(this.i, `found ${describeChar(t, this.i)}, expected ":"`);
      this.i++;
      this.ws();
      const child: PosNode = { offset: this.i, keyOffset, kids: null };
      const first = kids.get(key);
      this.path.push(key);
      const v = this.value(child, depth);
      if (first) this.duplicates.push({ offset: keyOffset, first: first.keyOffset, path: [...this.path] });
      this.path.pop();
      if (first) {
      } else {
        kids.set(key, child);
        // An own "__proto__" property, like JSON.parse makes, never the object's prototype.
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      this.ws();
      if (t[this.i] === ',') {
        this.i++;
        this.ws();
        continue;
      }
      if (t[this.i] === '}') {
        this.i++;
        return out;
      }
      throw new JsonSyntaxError(this.i, `found ${describeChar(t, this.i)}, expected "," or "}"`);
    }
  }

  private array(pos: PosNode, depth: number): unknown[] {
    const t = this.text;
    const out: unknown[] = [];
    const kids = new Map<PathSegment, PosNode>();
    pos.kids = kids;
    this.i++; // [
    this.ws();
    if (t[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      if (t[this.i] === ']') {
        throw new JsonSyntaxError(
          this.i,
          'found "]" after a comma, expected a value',
          'JSON allows no comma after the last item',
        );
      }
      const child: PosNode = { offset: this.i, keyOffset: this.i, kids: null };
      kids.set(out.length, child);
      this.path.push(out.length);
      out.push(this.value(child, depth));
      this.path.pop();
      this.ws();
      if (t[this.i] === ',') {
        this.i++;
        this.ws();
        continue;
      }
      if (t[this.i] === ']') {
        this.i++;
        return out;
      }
      throw new JsonSyntaxError(this.i, `found ${describeChar(t, this.i)}, expected "," or "]"`);
    }
  }
}

class JsonSourceMap implements SourceMap {
  constructor(
    private readonly root: PosNode,
    private readonly lines: LineIndex,
  ) {}

  locate(path: Path, target: 'key' | 'value' = 'value'): Position | null {
    let node = this.root;
    let exact = true;
    for (const seg of path) {
      const next = node.kids?.get(seg);
      if (!next) {
        exact = false;
        break;
      }
      node = next;
    }
    return this.lines.position(exact && target === 'key' ? node.keyOffset : node.offset);
  }
}

/**
 * Reads JSON text strictly: syntax errors (trailing commas, comments, single quotes, NaN),
 * duplicate keys and nesting deeper than {@link MAX_DEPTH} are problems with their offsets.
 */
export function readJson(text: string, lines: LineIndex): SourceResult {
  const parser = new JsonParser(text);
  let parsed: { value: unknown; pos: PosNode };
  try {
    parsed = parser.parseDocument();
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      return {
        ok: false,
        problems: [
          { offset: err.offset, path: [], message: `JSON syntax error: ${err.message}`, hint: err.hint },
        ],
      };
    }
    throw err;
  }
  if (parser.duplicates.length > 0) {
    const problems: SyntaxProblem[] = parser.duplicates.map((d) => ({
      offset: d.offset,
      path: d.path,
      message: `duplicate key "${String(d.path[d.path.length - 1])}" (first written on line ${lines.position(d.first).line}), expected each key once`,
    }));
    return { ok: false, problems };
  }
  return {
    ok: true,
    doc: {
      format: 'json',
      value: parsed.value,
      map: new JsonSourceMap(parsed.pos, lines),
      numberForms: parser.numberForms,
    },
  };
}

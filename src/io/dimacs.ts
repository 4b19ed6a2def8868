/**
 * DIMACS max-flow files: reader and writer of instances (`p max N M`, `n ID s|t`, `a U V CAP`)
 * and of solutions (`s VALUE`, `f U V FLOW`), as defined by the First DIMACS Implementation
 * Challenge (1990). Node ids are 1-based in files and 0-based in memory.
 *
 * The reader scans bytes (no per-line regular expression or string split), so a 20 MB file of a
 * million arcs parses in well under a second, and it collects every problem as a
 * {@link Diagnostic} naming the file, line, column and field before throwing one
 * {@link InputError}. Capacities must be integers in [0, 2^53) (held exactly in float64).
 */
import { readFileSync } from 'node:fs';
import { type Diagnostic, InputError } from '../errors.js';
import { fileErrorText } from './read-text.js';

/** A DIMACS max-flow instance with 0-based node ids and the arcs in file order. */
export interface DimacsMaxFlow {
  /** Number of nodes N. */
  readonly nodes: number;
  /** Number of arcs M. */
  readonly arcs: number;
  /** Source node, 0-based. */
  readonly source: number;
  /** Sink node, 0-based. */
  readonly sink: number;
  /** Tail of each arc, 0-based. */
  readonly tails: Int32Array;
  /** Head of each arc, 0-based. */
  readonly heads: Int32Array;
  /** Capacity of each arc: an integer in [0, 2^53). */
  readonly caps: Float64Array;
}

/** A DIMACS flow solution: the value and the `f` lines in file order (0-based ids). */
export interface DimacsFlowSolution {
  readonly value: number;
  readonly tails: Int32Array;
  readonly heads: Int32Array;
  readonly flows: Float64Array;
}

/** Most diagnostics kept before the reader only counts. */
const MAX_DIAGNOSTICS = 50;
const LIMIT = 2 ** 53;
// Results of readNumber besides a value >= 0.
const NONE = -1;
const MALFORMED = -2;
const TOO_LARGE = -3;
const NEGATIVE = -4;

/** Byte scanner over one buffer; `pos` moves forward only. */
class Scanner {
  pos = 0;
  line = 1;
  lineStart = 0;
  constructor(readonly buf: Uint8Array) {}

  skipBlanks(): void {
    const b = this.buf;
    let p = this.pos;
    while (p < b.length && (b[p] === 32 || b[p] === 9 || b[p] === 13)) p++;
    this.pos = p;
  }

  atLineEnd(): boolean {
    this.skipBlanks();
    return this.pos >= this.buf.length || this.buf[this.pos] === 10;
  }

  /** 1-based column of the next token (blanks skipped). */
  column(): number {
    this.skipBlanks();
    return this.pos - this.lineStart + 1;
  }

  /** Reads a non-negative integer token, or returns NONE / MALFORMED / TOO_LARGE / NEGATIVE. */
  readNumber(): number {
    this.skipBlanks();
    const b = this.buf;
    let p = this.pos;
    if (p >= b.length || b[p] === 10) return NONE;
    let neg = false;
    if (b[p] === 45) {
      neg = true;
      p++;
    }
    let v = 0;
    let digits = 0;
    while (p < b.length && b[p] >= 48 && b[p] <= 57) {
      v = v * 10 + (b[p] - 48);
      digits++;
      p++;
    }
    const endOk = p >= b.length || b[p] === 32 || b[p] === 9 || b[p] === 13 || b[p] === 10;
    if (digits === 0 || !endOk) {
      // Skip the rest of the bad token so that one mistake gives one diagnostic.
      while (p < b.length && b[p] !== 32 && b[p] !== 9 && b[p] !== 13 && b[p] !== 10) p++;
      this.pos = p;
      return MALFORMED;
    }
    this.pos = p;
    if (neg) return v === 0 ? 0 : NEGATIVE;
    if (digits > 16 || v >= LIMIT) return TOO_LARGE;
    return v;
  }

  /** Reads a word token (letters), or '' at the end of the line. */
  readWord(): string {
    this.skipBlanks();
    const b = this.buf;
    const p0 = this.pos;
    let p = p0;
    while (p < b.length && b[p] !== 32 && b[p] !== 9 && b[p] !== 13 && b[p] !== 10) p++;
    this.pos = p;
    return String.fromCharCode(...b.subarray(p0, Math.min(p, p0 + 40)));
  }

  /** Moves to the start of the next line. */
  nextLine(): void {
    const b = this.buf;
    let p = this.pos;
    while (p < b.length && b[p] !== 10) p++;
    if (p < b.length) {
      p++;
      this.line++;
    }
    this.pos = p;
    this.lineStart = p;
  }
}

function describe(code: number, what: string): string {
  if (code === NONE) return `missing ${what}`;
  if (code === NEGATIVE) return `${what} is negative`;
  if (code === TOO_LARGE) return `${what} is 2^53 or more (not exact in float64)`;
  return `${what} is not a whole number`;
}

/**
 * Parses a DIMACS max-flow instance.
 * @param input - file contents (bytes or text)
 * @param file - the name diagnostics give (default `<input>`)
 * @throws InputError listing every problem with its line and column
 */
export function parseDimacsMaxFlow(input: string | Uint8Array, file = '<input>'): DimacsMaxFlow {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const sc = new Scanner(buf);
  const diags: Diagnostic[] = [];
  let total = 0;
  const error = (path: string, message: string, column: number | null = sc.column()) => {
    total++;
    if (diags.length < MAX_DIAGNOSTICS) {
      diags.push({ file, line: sc.line, column, path, message, severity: 'error' });
    }
  };
  let nodes = -1;
  let arcs = -1;
  let source = -1;
  let sink = -1;
  let count = 0;
  let tails = new Int32Array(0);
  let heads = new Int32Array(0);
  let caps = new Float64Array(0);
  const node = (path: string): number => {
    const col = sc.column();
    const v = sc.readNumber();
    if (v < 0) {
      error(path, `${describe(v, 'node id')}; expected an id in 1…${nodes}`, col);
      return -1;
    }
    if (v < 1 || v > nodes) {
      error(path, `node id ${v} is outside 1…${nodes} (p line: ${nodes} nodes)`, col);
      return -1;
    }
    return v - 1;
  };
  while (sc.pos < buf.length) {
    sc.skipBlanks();
    const c = sc.pos < buf.length ? buf[sc.pos] : 10;
    if (c === 10 || c === 99 /* c */) {
      sc.nextLine();
      continue;
    }
    sc.pos++;
    const kindOk = sc.pos >= buf.length || buf[sc.pos] === 32 || buf[sc.pos] === 9 || buf[sc.pos] === 10;
    if (c === 97 /* a */ && kindOk && nodes > 0) {
      const u = node(`a[${count}].tail`);
      const v = node(`a[${count}].head`);
      const col = sc.column();
      const cap = sc.readNumber();
      if (cap < 0)
        error(`a[${count}].capacity`, `${describe(cap, 'capacity')}; expected an integer in [0, 2^53)`, col);
      if (!sc.atLineEnd()) error(`a[${count}]`, 'unexpected text after the capacity');
      if (count >= arcs) {
        if (count === arcs)
          error(`a[${count}]`, `more arc lines than the ${arcs} announced on the p line`, 1);
      } else if (u >= 0 && v >= 0 && cap >= 0) {
        tails[count] = u;
        heads[count] = v;
        caps[count] = cap;
      }
      count++;
    } else if (c === 112 /* p */ && kindOk) {
      if (nodes !== -1) {
        error('p', 'a second p line; a file has exactly one', 1);
      } else {
        const word = sc.readWord();
        if (word !== 'max') error('p', `problem type '${word}'; expected 'max'`);
        const nc = sc.column();
        const n = sc.readNumber();
        const mc = sc.column();
        const m = sc.readNumber();
        if (n < 2 || n >= 2 ** 31)
          error(
            'p.nodes',
            `${n < 0 ? describe(n, 'node count') : `node count ${n}`}; expected an integer in [2, 2^31)`,
            nc,
          );
        if (m < 0 || m >= 2 ** 30)
          error(
            'p.arcs',
            `${m < 0 ? describe(m, 'arc count') : `arc count ${m}`}; expected an integer in [0, 2^30)`,
            mc,
          );
        if (!sc.atLineEnd()) error('p', 'unexpected text after the arc count');
        nodes = n >= 2 && n < 2 ** 31 ? n : 0;
        arcs = m >= 0 && m < 2 ** 30 ? m : 0;
        tails = new Int32Array(arcs);
        heads = new Int32Array(arcs);
        caps = new Float64Array(arcs);
      }
    } else if (c === 110 /* n */ && kindOk && nodes > 0) {
      const v = node('n.id');
      const col = sc.column();
      const word = sc.readWord();
      if (word === 's') {
        if (source !== -1) error('n', 'a second source (n … s) line', 1);
        else source = v;
      } else if (word === 't') {
        if (sink !== -1) error('n', 'a second sink (n … t) line', 1);
        else sink = v;
      } else {
        error('n.kind', `node designator '${word}'; expected 's' or 't'`, col);
      }
      if (!sc.atLineEnd()) error('n', "unexpected text after 's' or 't'");
    } else if ((c === 97 || c === 110) && kindOk) {
      if (nodes === -1) error('', `${String.fromCharCode(c)} line before the p line`, 1);
    } else {
      error('', `unknown line type '${String.fromCharCode(c)}'; expected c, p, n or a`, 1);
    }
    sc.nextLine();
  }
  const end = (message: string, path = '') => {
    total++;
    if (diags.length < MAX_DIAGNOSTICS)
      diags.push({ file, line: null, column: null, path, message, severity: 'error' });
  };
  if (nodes === -1) end('no p line (p max NODES ARCS)', 'p');
  else {
    if (count < arcs) end(`${count} arc lines, but the p line announces ${arcs}`, 'a');
    if (source < 0) end('no source line (n ID s)', 'n');
    if (sink < 0) end('no sink line (n ID t)', 'n');
    if (source >= 0 && source === sink) end(`node ${source + 1} is both source and sink`, 'n');
  }
  if (total > 0) throw new InputError(diags, total);
  return { nodes, arcs, source, sink, tails, heads, caps };
}

/**
 * Reads and parses a DIMACS max-flow file.
 * @throws InputError if the file cannot be read or is malformed
 */
export function readDimacsMaxFlowFile(path: string): DimacsMaxFlow {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const msg = fileErrorText(err);
    throw new InputError([
      {
        file: path,
        line: null,
        column: null,
        path: '',
        message: `cannot read the file: ${msg}`,
        severity: 'error',
      },
    ]);
  }
  return parseDimacsMaxFlow(bytes, path);
}

/** Formats an instance as DIMACS text, with optional comment lines first. */
export function formatDimacsMaxFlow(inst: DimacsMaxFlow, comments: readonly string[] = []): string {
  const out: string[] = comments.map((c) => `c ${c}`);
  out.push(`p max ${inst.nodes} ${inst.arcs}`, `n ${inst.source + 1} s`, `n ${inst.sink + 1} t`);
  for (let i = 0; i < inst.arcs; i++) out.push(`a ${inst.tails[i] + 1} ${inst.heads[i] + 1} ${inst.caps[i]}`);
  return `${out.join('\n')}\n`;
}

/**
 * Formats a flow solution: `s VALUE`, then (with `flows`) one `f U V FLOW` line per arc in
 * order, with 1-based ids.
 */
export function formatDimacsFlowSolution(
  value: number,
  arcs?: { readonly tails: Int32Array; readonly heads: Int32Array; readonly flows: Float64Array },
): string {
  const out: string[] = [`s ${value}`];
  if (arcs) {
    for (let i = 0; i < arcs.flows.length; i++)
      out.push(`f ${arcs.tails[i] + 1} ${arcs.heads[i] + 1} ${arcs.flows[i]}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Parses a DIMACS flow solution (`s VALUE` once, `f U V FLOW` lines, `c` comments).
 * @throws InputError naming the line of every problem
 */
export function parseDimacsFlowSolution(input: string | Uint8Array, file = '<input>'): DimacsFlowSolution {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const sc = new Scanner(buf);
  const diags: Diagnostic[] = [];
  const error = (path: string, message: string, column: number | null = sc.column()) => {
    diags.push({ file, line: sc.line, column, path, message, severity: 'error' });
  };
  let value = -1;
  const tails: number[] = [];
  const heads: number[] = [];
  const flows: number[] = [];
  while (sc.pos < buf.length) {
    sc.skipBlanks();
    const c = sc.pos < buf.length ? buf[sc.pos] : 10;
    if (c === 10 || c === 99) {
      sc.nextLine();
      continue;
    }
    sc.pos++;
    const col = sc.column();
    if (c === 115 /* s */) {
      const v = sc.readNumber();
      if (v < 0) error('s', `${describe(v, 'flow value')}`, col);
      else if (value !== -1) error('s', 'a second s line', 1);
      else value = v;
    } else if (c === 102 /* f */) {
      const u = sc.readNumber();
      const w = sc.readNumber();
      const f = sc.readNumber();
      if (u < 1 || w < 1 || f < 0)
        error(`f[${flows.length}]`, 'expected f TAIL HEAD FLOW with ids ≥ 1 and a flow ≥ 0', col);
      else {
        tails.push(u - 1);
        heads.push(w - 1);
        flows.push(f);
      }
    } else {
      error('', `unknown line type '${String.fromCharCode(c)}'; expected c, s or f`, 1);
    }
    if (!sc.atLineEnd() && diags.length === 0) error('', 'unexpected text at the end of the line');
    sc.nextLine();
  }
  if (value === -1 && diags.length === 0)
    diags.push({
      file,
      line: null,
      column: null,
      path: 's',
      message: 'no s line (s VALUE)',
      severity: 'error',
    });
  if (diags.length > 0) throw new InputError(diags.slice(0, MAX_DIAGNOSTICS), diags.length);
  return {
    value,
    tails: Int32Array.from(tails),
    heads: Int32Array.from(heads),
    flows: Float64Array.from(flows),
  };
}

/**
 * YAML reader: YAML 1.2 core schema (`22:00`, `yes` and timestamps stay strings), duplicate keys
 * and unresolved or non-core tags are errors, and hostile input is stopped before it is costly.
 *
 * The `yaml` package composes documents recursively and keeps a rich AST (a few hundred bytes per
 * token), so a pre-scan with its streaming lexer (O(n), constant memory per token) rejects deep
 * flow nesting (`[[[[…`, which would otherwise cost seconds and a gigabyte before the parser
 * gives up) and token counts beyond {@link MAX_YAML_TOKENS}. Alias expansion is bounded by
 * `maxAliasCount` (billion-laughs). Reference: YAML 1.2.2 specification, §10.3 "Core Schema".
 */
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { numberFormProblem } from '../units/lex.js';
import type { LineIndex, Position } from './lineIndex.js';
import type { Path, PathSegment } from './path.js';
import { MAX_DEPTH, type SourceMap, type SourceResult, type SyntaxProblem } from './source.js';

/**
 * Most lexer tokens a YAML scenario may have (about 2 MB of YAML). Larger generated scenarios
 * should be written as JSON, which is read in linear time with little overhead.
 */
export const MAX_YAML_TOKENS = 1_000_000;

/** Most alias expansions while converting to plain data (the `yaml` package's default). */
export const MAX_ALIAS_COUNT = 100;

// Control tokens the lexer emits that are not source text.
const CONTROL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);

/** Streams the lexer over the text: returns a problem for deep flow nesting or too many tokens. */
function prescan(text: string): SyntaxProblem | null {
  let depth = 0;
  let offset = 0;
  let tokens = 0;
  for (const tok of new Lexer().lex(text)) {
    if (++tokens > MAX_YAML_TOKENS) {
      return {
        offset,
        path: [],
        message: `YAML file has more than ${MAX_YAML_TOKENS.toLocaleString('en')} tokens, expected a smaller file`,
        hint: 'write large generated scenarios as JSON',
      };
    }
    if (tok === '[' || tok === '{') {
      if (++depth > MAX_DEPTH) {
        return {
          offset,
          path: [],
          message: `nesting deeper than ${MAX_DEPTH} levels`,
          hint: 'a scenario needs at most a few levels',
        };
      }
    } else if (tok === ']' || tok === '}') depth--;
    if (!CONTROL_TOKENS.has(tok)) offset += tok.length;
  }
  return null;
}

/** Key equality after conversion to plain data, where every key becomes a string. */
function sameKey(a: unknown, b: unknown): boolean {
  return isScalar(a) && isScalar(b) ? String(a.value) === String(b.value) : a === b;
}

function keyText(key: unknown): string | null {
  return isScalar(key) ? String(key.value) : null;
}

function childOf(doc: Document, node: unknown, seg: PathSegment): { key: unknown; value: unknown } | null {
  const n = isAlias(node) ? (node as Alias).resolve(doc) : node;
  if (isMap(n)) {
    const pair = n.items.find((p) => keyText(p.key) === String(seg));
    return pair ? { key: pair.key, value: pair.value } : null;
  }
  if (isSeq(n) && typeof seg === 'number') {
    const item = n.items[seg];
    return item === undefined ? null : { key: item, value: item };
  }
  return null;
}

function startOf(node: unknown): number | null {
  const range = (node as YamlNode | null)?.range;
  return range ? range[0] : null;
}

class YamlSourceMap implements SourceMap {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineIndex,
  ) {}

  locate(path: Path, target: 'key' | 'value' = 'value'): Position | null {
    let node: unknown = this.doc.contents;
    let offset = startOf(node);
    for (let i = 0; i < path.length; i++) {
      const child = childOf(this.doc, node, path[i]);
      if (!child) break;
      const last = i === path.length - 1;
      // A key without a value (`storage:`) has no value node: point at the key.
      const at = last && target === 'key' ? child.key : (child.value ?? child.key);
      offset = startOf(at) ?? offset;
      node = child.value;
    }
    return offset === null ? null : this.lines.position(offset);
  }
}

/** The field path of the innermost node whose source range holds `offset`. */
function pathAt(doc: Document, offset: number): Path {
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (let guard = 0; guard <= MAX_DEPTH; guard++) {
    let next: unknown = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        const inKey = k?.range && offset >= k.range[0] && offset < k.range[2];
        const inValue = v?.range && offset >= v.range[0] && offset < v.range[2];
        if (inKey || inValue) {
          const text = keyText(k);
          if (text !== null) path.push(text);
          next = inValue ? v : null;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = (item as YamlNode | null)?.range;
        if (r && offset >= r[0] && offset < r[2]) {
          path.push(i);
          next = item;
        }
      });
    }
    if (next === null) break;
    node = next;
  }
  return path;
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate key, expected each key once in a mapping',
  MULTIPLE_DOCS: 'more than one YAML document (a second "---"), expected one scenario per file',
  TAB_AS_INDENT: 'tab used for indentation, expected spaces',
};

/** Reads YAML text with the core schema; see the file header for the limits applied. */
export function readYaml(text: string, lines: LineIndex): SourceResult {
  const early = prescan(text);
  if (early) return { ok: false, problems: [early] };

  const doc = parseDocument(text, {
    schema: 'core',
    uniqueKeys: sameKey,
    prettyErrors: false,
    strict: true,
  });
  const problems: SyntaxProblem[] = [];
  let exhausted = false;
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'RESOURCE_EXHAUSTION') {
      // Reported once per nesting level by the parser; one message is enough.
      if (!exhausted)
        problems.push({ offset: e.pos[0], path: [], message: `nesting deeper than ${MAX_DEPTH} levels` });
      exhausted = true;
      continue;
    }
    const path = e.code === 'DUPLICATE_KEY' ? pathAt(doc, e.pos[0]) : [];
    const message = YAML_MESSAGES[e.code] ?? `YAML syntax error: ${e.message.replace(/\s+/g, ' ').trim()}`;
    const hint = e.code === 'TAG_RESOLVE_FAILED' ? 'scenarios use plain YAML without tags' : undefined;
    problems.push({ offset: e.pos[0], path, message, hint });
  }
  if (problems.length > 0) return { ok: false, problems };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError) {
      return {
        ok: false,
        problems: [
          {
            offset: firstAliasOffset(doc),
            path: [],
            message: `YAML aliases expand to more than ${MAX_ALIAS_COUNT} copies (an alias bomb?), expected a modest use of anchors`,
          },
        ],
      };
    }
    throw err;
  }
  return {
    ok: true,
    doc: { format: 'yaml', value, map: new YamlSourceMap(doc, lines), numberForms: numberForms(doc, text) },
  };
}

/**
 * Numeric scalars whose source text is not a plain decimal (`1e3`, `0x10`, `.inf`, `1.`): the core
 * schema reads them as numbers, and their written form is lost in the plain data. Aliases are
 * skipped (their anchor is checked where it is written); keys are left to the schema check.
 */
function numberForms(doc: Document, text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const path: PathSegment[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isScalar(node)) {
      const range = node.range;
      if (typeof node.value !== 'number' || !range) return;
      const problem = numberFormProblem(text.slice(range[0], range[1]));
      if (problem)
        problems.push({ offset: range[0], path: [...path], message: problem.message, hint: problem.hint });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === null) continue;
        path.push(key);
        visit(pair.value, depth + 1);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        visit(item, depth + 1);
        path.pop();
      });
    }
  };
  visit(doc.contents, 0);
  return problems;
}

function firstAliasOffset(doc: Document): number | null {
  let found: number | null = null;
  const visit = (node: unknown, depth: number): void => {
    if (found !== null || depth > MAX_DEPTH) return;
    if (isAlias(node)) found = startOf(node);
    else if (isMap(node)) for (const p of node.items) visit(p.value, depth + 1);
    else if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
  };
  visit(doc.contents, 0);
  return found;
}

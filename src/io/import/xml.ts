/**
 * A small positioned XML tree for the GraphML and SNDlib XML importers, on `fast-xml-parser`.
 *
 * The text is first checked by `XMLValidator` (which reports the line and column of the first
 * syntax error: a truncated file, a mismatched closing tag, a repeated attribute, stray text before
 * the root), then parsed in `preserveOrder` mode with `captureMetaData`, which gives every element
 * its start offset; offsets become 1-based lines and columns through {@link LineIndex}. Element
 * names keep their prefix (`y:ShapeNode`); namespaces are not resolved because neither format
 * needs them. Entity references are expanded by the parser (`&amp;` in a label).
 *
 * Complexity: linear in the size of the text (one validation pass, one parse pass, one walk).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, LineIndex } from './text.js';

/** One element, with where it starts in the file. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated text content directly inside this element, trimmed. */
  readonly text: string;
  /** 1-based line of the element's `<`. */
  readonly line: number;
  /** 1-based column of the element's `<`. */
  readonly column: number;
}

type OrderedNode = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as string;

/**
 * Parses XML text into a tree of {@link XmlElement}s and returns the root element.
 * @param what what the file should be, for messages (`GraphML`, `SNDlib XML`).
 * @throws InputError with file, line and column for malformed or truncated XML or a missing root.
 */
export function parseXml(text: string, file: string, what: string): XmlElement {
  const check = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (check !== true) {
    const { msg, line, col } = check.err;
    const open = unclosedTags(msg);
    if (open !== null) {
      // The validator reports where an unclosed element opened; the user needs to hear that the
      // file ends early, at its last line.
      const lines = text.split('\n');
      fail(
        file,
        lines.length,
        lines[lines.length - 1].length + 1,
        '',
        `the file ends before ${open.map((t) => `<${t}>`).join(', ')} ${open.length === 1 ? 'is' : 'are'} closed`,
        `the file may be truncated; expected complete ${what}`,
      );
    }
    fail(file, line ?? null, col ?? null, '', `malformed XML: ${msg}`, `expected well-formed ${what}`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    captureMetaData: true,
    processEntities: true,
    htmlEntities: false,
  });
  const nodes = parser.parse(text) as OrderedNode[];
  const lines = new LineIndex(text);
  const root = nodes.map((n) => toElement(n, lines)).find((e) => e !== null && !e.name.startsWith('?'));
  if (!root) fail(file, 1, 1, '', `no root element: expected ${what}`);
  return root;
}

/** Names of the elements left open when the validator hits the end of the text, or null. */
function unclosedTags(msg: string): string[] | null {
  const single = /^Unclosed tag '([^']+)'/.exec(msg);
  if (single) return [single[1]];
  const list = /^Invalid '(\[[\s\S]*\])' found/.exec(msg);
  if (!list) return null;
  try {
    const names = JSON.parse(list[1]) as unknown;
    return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names : null;
  } catch {
    return null;
  }
}

function toElement(node: OrderedNode, lines: LineIndex): XmlElement | null {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
  if (name === undefined) return null;
  const meta = node[META] as { startIndex?: number } | undefined;
  const { line, column } = lines.position(meta?.startIndex ?? 0);
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v);
  const children: XmlElement[] = [];
  const texts: string[] = [];
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if ('#text' in child) texts.push(String(child['#text']));
    else {
      const el = toElement(child, lines);
      if (el) children.push(el);
    }
  }
  return { name, attrs, children, text: texts.join('').trim(), line, column };
}

/** The children of `el` named `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The first child of `el` named `name`, or undefined. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

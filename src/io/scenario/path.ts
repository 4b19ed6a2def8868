/**
 * Field paths inside a scenario document and their human form (`links[3].windows[0].from`).
 */

/** One step into a document: an object key or an array index. */
export type PathSegment = string | number;

/** A path from the document root; `[]` is the document itself. */
export type Path = readonly PathSegment[];

// Keys that read unambiguously after a dot; anything else (provider names with dots or colons,
// keys with spaces) is written in brackets so that the path stays parseable by eye.
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Formats a path as `links[3].windows[0].from`, or `providers["aws.eu"].ingress` for odd keys. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * Parses a path written by {@link formatPath} (`links[3].windows[0].from`,
 * `providers["aws.eu"]`) back into segments; null when the text is not such a path.
 */
export function parsePath(text: string): PathSegment[] | null {
  const out: PathSegment[] = [];
  const step = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let i = 0;
  while (i < text.length) {
    step.lastIndex = i;
    const m = step.exec(text);
    // `^` matches only at 0, so a key after the first needs its dot.
    if (!m) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]) as string);
    i = step.lastIndex;
  }
  return out;
}

/**
 * Reader for SNDlib's native text format (network files).
 *
 * Grammar (one entry per line; `#` starts a comment; a first line starting with `?` is the format
 * banner):
 * ```
 * META ( <attr> = <text> … )
 * NODES ( <id> [( <longitude> <latitude> )] … )         ← longitude first!
 * LINKS ( <id> ( <src> <dst> ) <pre_cap> <pre_cost> <routing_cost> <setup_cost> ( {<cap> <cost>}* ) … )
 * DEMANDS ( <id> ( <src> <dst> ) <routing_unit> <value> <max_path_length> … )
 * ADMISSIBLE_PATHS ( … )                                ← skipped
 * ```
 * Every error names the line and column of the offending token and what was expected; a section
 * that is not closed (a truncated file) names the line where it was opened.
 *
 * Complexity: linear in the length of the text.
 */
import type { Rational } from '../rational.js';
import { parseSourceNumber } from './quantities.js';
import type { SndlibDemand, SndlibLink, SndlibNetwork, SndlibNode } from './sndlib-network.js';
import { fail } from './text.js';

interface Token {
  readonly text: string;
  readonly column: number;
}

function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const re = /[()]|[^\s()]+/g;
  for (const m of line.matchAll(re)) out.push({ text: m[0], column: m.index + 1 });
  return out;
}

const SECTIONS = new Set(['META', 'NODES', 'LINKS', 'DEMANDS', 'ADMISSIBLE_PATHS']);

/**
 * Parses an SNDlib native network file.
 * @throws InputError (file, line, column) for an unknown section, a malformed entry, a non-numeric
 *   value, an unclosed section or a reference to an unknown node.
 */
export function parseSndlibNative(text: string, file: string): SndlibNetwork {
  const lines = text.split(/\r?\n/);
  let section: string | null = null;
  let sectionLine = 0;
  let skipDepth = 0;
  let unit: string | null = null;
  let unitLine: number | null = null;
  let name: string | null = null;
  const nodes: SndlibNode[] = [];
  const links: SndlibLink[] = [];
  const demands: SndlibDemand[] = [];
  const seenSections = new Set<string>();

  const num = (tok: Token | undefined, lineNo: number, what: string, path: string): Rational => {
    const v = tok ? parseSourceNumber(tok.text) : null;
    if (!tok || v === null) {
      fail(
        file,
        lineNo,
        tok?.column ?? null,
        path,
        `${tok ? `"${tok.text}"` : 'end of line'} found: expected ${what}`,
      );
    }
    return v;
  };
  const expect = (tok: Token | undefined, want: string, lineNo: number, path: string): void => {
    if (tok?.text !== want) {
      fail(
        file,
        lineNo,
        tok?.column ?? null,
        path,
        `${tok ? `"${tok.text}"` : 'end of line'} found: expected "${want}"`,
      );
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i];
    if (i === 0 && line.startsWith('?')) continue;
    if (i === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    const hash = line.indexOf('#');
    if (hash >= 0) {
      const nm = /^#\s*network\s+(\S+)/.exec(line.slice(hash));
      if (nm && name === null) name = nm[1];
      line = line.slice(0, hash);
    }
    const toks = tokenize(line);
    if (toks.length === 0) continue;
    if (section === null) {
      const head = toks[0];
      if (!SECTIONS.has(head.text)) {
        fail(
          file,
          lineNo,
          head.column,
          '',
          `"${head.text}" found: expected a section (META, NODES, LINKS, DEMANDS or ADMISSIBLE_PATHS)`,
        );
      }
      expect(toks[1], '(', lineNo, head.text);
      if (seenSections.has(head.text))
        fail(file, lineNo, head.column, head.text, `section ${head.text} appears twice`);
      seenSections.add(head.text);
      section = head.text;
      sectionLine = lineNo;
      skipDepth = 0;
      // An empty section may close on the same line: `ADMISSIBLE_PATHS ( )`.
      if (toks.length > 2) {
        if (toks[2].text === ')' && toks.length === 3) section = null;
        else if (section !== 'ADMISSIBLE_PATHS')
          fail(
            file,
            lineNo,
            toks[2].column,
            section,
            `"${toks[2].text}" found: expected the end of the line after "("`,
          );
      }
      continue;
    }
    if (section === 'ADMISSIBLE_PATHS') {
      for (const t of toks) {
        if (t.text === '(') skipDepth++;
        else if (t.text === ')') {
          if (skipDepth === 0) section = null;
          else skipDepth--;
        }
      }
      continue;
    }
    if (toks[0].text === ')') {
      if (toks.length > 1)
        fail(
          file,
          lineNo,
          toks[1].column,
          section,
          `"${toks[1].text}" found after ")": expected the end of the line`,
        );
      section = null;
      continue;
    }
    const id = toks[0].text;
    if (section === 'META') {
      const m = /^\s*(\S+)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m)
        fail(file, lineNo, toks[0].column, 'META', `"${line.trim()}" found: expected <attribute> = <value>`);
      if (m[1] === 'unit') {
        unit = m[2];
        unitLine = lineNo;
      }
      continue;
    }
    if (section === 'NODES') {
      const path = `NODES.${id}`;
      if (toks.length === 1) {
        nodes.push({ id, lon: null, lat: null, line: lineNo });
        continue;
      }
      expect(toks[1], '(', lineNo, path);
      const lon = num(toks[2], lineNo, 'a longitude in degrees', path);
      const lat = num(toks[3], lineNo, 'a latitude in degrees', path);
      expect(toks[4], ')', lineNo, path);
      if (toks.length > 5)
        fail(
          file,
          lineNo,
          toks[5].column,
          path,
          `"${toks[5].text}" found: expected the end of the node entry`,
        );
      nodes.push({
        id,
        lon: Number(lon.num) / Number(lon.den),
        lat: Number(lat.num) / Number(lat.den),
        line: lineNo,
      });
      continue;
    }
    // LINKS and DEMANDS entries start with `<id> ( <src> <dst> )`.
    const path = `${section}.${id}`;
    expect(toks[1], '(', lineNo, path);
    if (!toks[2] || !toks[3] || toks[2].text === ')' || toks[3].text === ')') {
      fail(file, lineNo, toks[2]?.column ?? null, path, 'expected "( <source> <target> )"');
    }
    const source = toks[2].text;
    const target = toks[3].text;
    expect(toks[4], ')', lineNo, path);
    if (section === 'LINKS') {
      const pre = num(toks[5], lineNo, 'the pre-installed capacity (a number)', path);
      for (let k = 6; k <= 8; k++) num(toks[k], lineNo, 'a cost (a number)', path);
      expect(toks[9], '(', lineNo, path);
      const modules: Rational[] = [];
      let k = 10;
      while (toks[k] && toks[k].text !== ')') {
        modules.push(num(toks[k], lineNo, 'a module capacity (a number)', path));
        num(toks[k + 1], lineNo, 'a module cost (a number)', path);
        k += 2;
      }
      expect(toks[k], ')', lineNo, path);
      if (toks.length > k + 1)
        fail(
          file,
          lineNo,
          toks[k + 1].column,
          path,
          `"${toks[k + 1].text}" found: expected the end of the link entry`,
        );
      links.push({ id, source, target, preInstalled: pre.num > 0n ? pre : null, modules, line: lineNo });
    } else {
      num(toks[5], lineNo, 'the routing unit (a number)', path);
      const value = num(toks[6], lineNo, 'the demand value (a number)', path);
      if (!toks[7])
        fail(
          file,
          lineNo,
          null,
          path,
          'end of line found: expected the max path length (a number or UNLIMITED)',
        );
      demands.push({ id, source, target, value, line: lineNo });
    }
  }
  if (section !== null) {
    fail(
      file,
      lines.length,
      null,
      section,
      `section ${section} opened at line ${sectionLine} is not closed: the file may be truncated`,
    );
  }
  if (!seenSections.has('NODES'))
    fail(file, null, null, '', 'no NODES section: expected an SNDlib network file');
  if (!seenSections.has('LINKS'))
    fail(file, null, null, '', 'no LINKS section: expected an SNDlib network file');
  return { unit, unitLine, name, nodes, links, demands };
}

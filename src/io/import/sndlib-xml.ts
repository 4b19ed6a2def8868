/**
 * Reader for SNDlib's XML network format (`<network xmlns="http://sndlib.zib.de/network">`).
 *
 * Reads `meta/unit`, `networkStructure/nodes/node` (`coordinates/x` = longitude, `y` = latitude
 * when `coordinatesType="geographical"`; pixel coordinates are not locations and are ignored),
 * `networkStructure/links/link` (`source`, `target`, `preInstalledModule/capacity`,
 * `additionalModules/addModule/capacity`) and `demands/demand` (`source`, `target`, `demandValue`).
 * Every error names the line and column of the element concerned.
 */
import type { Rational } from '../rational.js';
import { parseSourceNumber } from './quantities.js';
import type { SndlibDemand, SndlibLink, SndlibNetwork, SndlibNode } from './sndlib-network.js';
import { fail } from './text.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml.js';

/**
 * Parses an SNDlib XML network file.
 * @throws InputError (file, line, column) for malformed XML, a wrong root element, a missing
 *   element or attribute, or a non-numeric value.
 */
export function parseSndlibXml(text: string, file: string): SndlibNetwork {
  const root = parseXml(text, file, 'SNDlib XML');
  if (root.name !== 'network') {
    fail(file, root.line, root.column, '', `root element is <${root.name}>: expected <network> (SNDlib XML)`);
  }
  const need = (el: XmlElement, name: string, path: string): XmlElement => {
    const c = childNamed(el, name);
    if (!c) fail(file, el.line, el.column, path, `<${el.name}> has no <${name}> element`);
    return c;
  };
  const textOf = (el: XmlElement, name: string, path: string): string => {
    const c = need(el, name, path);
    if (c.text === '') fail(file, c.line, c.column, `${path}.${name}`, `<${name}> is empty`);
    return c.text;
  };
  const numberOf = (el: XmlElement, name: string, path: string, what: string): Rational => {
    const c = need(el, name, path);
    const v = parseSourceNumber(c.text);
    if (v === null) fail(file, c.line, c.column, `${path}.${name}`, `"${c.text}" found: expected ${what}`);
    return v;
  };
  const idOf = (el: XmlElement, path: string): string => {
    const id = el.attrs.id;
    if (!id) fail(file, el.line, el.column, path, `<${el.name}> has no id attribute`);
    return id;
  };

  const meta = childNamed(root, 'meta');
  const unitEl = meta ? childNamed(meta, 'unit') : undefined;
  const structure = need(root, 'networkStructure', 'network');
  const nodesEl = need(structure, 'nodes', 'networkStructure');
  const geographical = (nodesEl.attrs.coordinatesType ?? 'geographical') === 'geographical';
  const nodes: SndlibNode[] = childrenNamed(nodesEl, 'node').map((n) => {
    const id = idOf(n, 'nodes.node');
    const path = `nodes.${id}`;
    const c = childNamed(n, 'coordinates');
    if (!c || !geographical) return { id, lon: null, lat: null, line: n.line };
    const x = numberOf(c, 'x', path, 'a longitude in degrees');
    const y = numberOf(c, 'y', path, 'a latitude in degrees');
    return { id, lon: Number(x.num) / Number(x.den), lat: Number(y.num) / Number(y.den), line: n.line };
  });
  const linksEl = need(structure, 'links', 'networkStructure');
  const links: SndlibLink[] = childrenNamed(linksEl, 'link').map((l) => {
    const id = idOf(l, 'links.link');
    const path = `links.${id}`;
    const pre = childNamed(l, 'preInstalledModule');
    const preCap = pre
      ? numberOf(pre, 'capacity', `${path}.preInstalledModule`, 'a capacity (a number)')
      : null;
    const add = childNamed(l, 'additionalModules');
    const modules = add
      ? childrenNamed(add, 'addModule').map((m) =>
          numberOf(m, 'capacity', `${path}.addModule`, 'a capacity (a number)'),
        )
      : [];
    return {
      id,
      source: textOf(l, 'source', path),
      target: textOf(l, 'target', path),
      preInstalled: preCap && preCap.num > 0n ? preCap : null,
      modules,
      line: l.line,
    };
  });
  const demandsEl = childNamed(root, 'demands');
  const demands: SndlibDemand[] = demandsEl
    ? childrenNamed(demandsEl, 'demand').map((d) => {
        const id = idOf(d, 'demands.demand');
        const path = `demands.${id}`;
        return {
          id,
          source: textOf(d, 'source', path),
          target: textOf(d, 'target', path),
          value: numberOf(d, 'demandValue', path, 'a demand value (a number)'),
          line: d.line,
        };
      })
    : [];
  return { unit: unitEl?.text || null, unitLine: unitEl?.line ?? null, name: null, nodes, links, demands };
}

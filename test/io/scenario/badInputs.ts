/**
 * The bad inputs of SCENARIO.md's "Errors that must be reported" and issue 2 point 3, each a
 * small scenario with one mistake and the field path and message the reader must report. Used by
 * the reader tests (message, hint, position) and the `wanplan validate` tests (exit code, path,
 * no stack trace).
 */
import { baseScenario, yamlWith } from './helpers.js';

/** One bad input and what must be reported. */
export interface BadInput {
  readonly name: string;
  /** File text (YAML unless `file` ends in .json). */
  readonly text: string;
  /** File name to write it as. */
  readonly file?: string;
  /** Field path of the expected diagnostic (`''` for the document). */
  readonly path: string;
  /** A fragment of the expected message. */
  readonly message: string | RegExp;
  /** A fragment of the expected hint. */
  readonly hint?: string | RegExp;
}

export const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'unknown field with did-you-mean',
    text: yamlWith((d) => {
      d.nodes[0].stroage = d.nodes[0].storage;
      delete d.nodes[0].storage;
    }),
    path: 'nodes[0].stroage',
    message: 'unknown field "stroage"',
    hint: 'did you mean storage?',
  },
  {
    name: 'unknown top-level field',
    text: yamlWith((d) => void (d.dataset = [])),
    path: 'dataset',
    message: 'unknown field "dataset"',
    hint: 'did you mean datasets?',
  },
  {
    name: 'missing required field',
    text: yamlWith((d) => void delete d.links[0].capacity),
    path: 'links[0].capacity',
    message: 'missing required field "capacity"',
  },
  {
    name: 'missing horizon',
    text: yamlWith((d) => void delete d.horizon),
    path: 'horizon',
    message: 'missing required field "horizon"',
  },
  {
    name: 'bare number where a rate is required',
    text: yamlWith((d) => void (d.links[0].capacity = 10)),
    path: 'links[0].capacity',
    message: /bare number|10/,
    hint: '10Gbps',
  },
  {
    name: 'quoted bare number where a rate is required',
    text: yamlWith((d) => void (d.links[0].capacity = '10')),
    path: 'links[0].capacity',
    message: '10',
    hint: 'did you mean 10Gbps?',
  },
  {
    name: 'bad unit (KB is ambiguous)',
    text: yamlWith((d) => void (d.datasets[0].size = '10KB')),
    path: 'datasets[0].size',
    message: 'KB',
  },
  {
    name: 'bits in a size',
    text: yamlWith((d) => void (d.nodes[0].storage = '10Gb')),
    path: 'nodes[0].storage',
    message: /Gb/,
  },
  {
    name: 'negative size',
    text: yamlWith((d) => void (d.nodes[0].storage = '-1TB')),
    path: 'nodes[0].storage',
    message: /-1TB|negative/,
  },
  {
    name: '1e400PB',
    text: yamlWith((d) => void (d.datasets[0].size = '1e400PB')),
    path: 'datasets[0].size',
    message: '1e400',
  },
  {
    name: 'NaN as a size',
    text: yamlWith((d) => void (d.datasets[0].size = 'NaN')),
    path: 'datasets[0].size',
    message: 'NaN',
  },
  {
    name: 'NaN reduction (YAML .nan)',
    text: yamlWith(() => {}).replace('reduction: 4', 'reduction: .nan'),
    path: 'datasets[0].reduction',
    message: '".nan" is not a finite number',
  },
  {
    name: 'infinite reduction (YAML .inf)',
    text: yamlWith(() => {}).replace('reduction: 4', 'reduction: .inf'),
    path: 'datasets[0].reduction',
    message: '".inf" is not a finite number',
  },
  {
    name: 'reduction with an exponent (YAML 1e3)',
    text: yamlWith(() => {}).replace('reduction: 4', 'reduction: 1e3'),
    path: 'datasets[0].reduction',
    message: '"1e3" uses exponent notation; expected a plain decimal number',
    hint: 'write 1000',
  },
  {
    name: 'numeric share with an exponent (YAML 8e-1)',
    text: yamlWith((d) => void (d.links[1].windows[0].share = 0.5)).replace('share: 0.5', 'share: 8e-1'),
    path: 'links[1].windows[0].share',
    message: '"8e-1" uses exponent notation',
    hint: 'write 0.8',
  },
  {
    name: 'hexadecimal latitude (YAML 0x10)',
    text: yamlWith((d) => void (d.nodes[0].location = [48, 11])).replace('- 48', '- 0x30'),
    path: 'nodes[0].location[0]',
    message: '"0x30" is a hexadecimal number',
    hint: 'write 48',
  },
  {
    name: 'JSON number with an exponent',
    file: 'bad.json',
    text: JSON.stringify(baseScenario(), null, 2).replace('"reduction": 4', '"reduction": 1.2E+1'),
    path: 'datasets[0].reduction',
    message: '"1.2E+1" uses exponent notation',
    hint: 'write 12',
  },
  {
    name: 'reduction below 1',
    text: yamlWith((d) => void (d.datasets[0].reduction = 0.5)),
    path: 'datasets[0].reduction',
    message: 'reduction ratio ≥ 1',
  },
  {
    name: 'share above 100%',
    text: yamlWith((d) => void (d.links[1].windows[0].share = '120%')),
    path: 'links[1].windows[0].share',
    message: '120%',
  },
  {
    name: 'share 0',
    text: yamlWith((d) => void (d.links[1].windows[0].share = 0)),
    path: 'links[1].windows[0].share',
    message: '0',
  },
  {
    name: 'share 0%',
    text: yamlWith((d) => void (d.links[1].windows[0].share = '0%')),
    path: 'links[1].windows[0].share',
    message: '0%',
  },
  {
    name: 'bad time of day',
    text: yamlWith((d) => void (d.links[1].windows[0].to = '25:00')),
    path: 'links[1].windows[0].to',
    message: '25:00',
  },
  {
    name: 'from 24:00',
    text: yamlWith((d) => void (d.links[1].windows[0].from = '24:00')),
    path: 'links[1].windows[0].from',
    message: '"24:00" as a start',
  },
  {
    name: 'bad day name',
    text: yamlWith((d) => void (d.links[1].windows[0].days = ['mon', 'Tue'])),
    path: 'links[1].windows[0].days[1]',
    message: '"Tue"',
    hint: 'did you mean tue?',
  },
  {
    name: 'empty days',
    text: yamlWith((d) => void (d.links[1].windows[0].days = [])),
    path: 'links[1].windows[0].days',
    message: 'empty list',
  },
  {
    name: 'unknown IANA zone',
    text: yamlWith((d) => void (d.nodes[0].timezone = 'Europe/Berlim')),
    path: 'nodes[0].timezone',
    message: 'unknown time zone "Europe/Berlim"',
    hint: 'did you mean Europe/Berlin?',
  },
  {
    name: 'offset instead of a zone',
    text: yamlWith((d) => void (d.links[1].windows[0].timezone = '+01:00')),
    path: 'links[1].windows[0].timezone',
    message: 'unknown time zone "+01:00"',
  },
  {
    name: 'window with no zone',
    text: yamlWith((d) => void delete d.nodes[1].timezone),
    path: 'links[1].windows[0]',
    message: 'no time zone',
    hint: 'add timezone:',
  },
  {
    name: 'empty windows',
    text: yamlWith((d) => void (d.links[1].windows = [])),
    path: 'links[1].windows',
    message: 'empty list',
  },
  {
    name: 'unknown node id in a link',
    text: yamlWith((d) => void (d.links[0].to = 'dedupe')),
    path: 'links[0].to',
    message: 'unknown node "dedupe"',
    hint: 'did you mean dedup?',
  },
  {
    name: 'duplicate node id',
    text: yamlWith((d) => void d.nodes.push({ id: 'munich', kind: 'site' })),
    path: 'nodes[5].id',
    message: 'duplicate node id "munich"',
  },
  {
    name: 'duplicate link id after defaults (parallel links)',
    text: yamlWith((d) => void d.links.push({ from: 'munich', to: 'dedup', capacity: '1Gbps' })),
    path: 'links[4]',
    message: 'duplicate link id "munich->dedup"',
  },
  {
    name: 'duplicate link id with a generated reverse',
    text: yamlWith(
      (d) => void d.links.push({ id: 'wan:reverse', from: 'munich', to: 'ix', capacity: '1Gbps' }),
    ),
    path: 'links[4].id',
    message: 'duplicate link id "wan:reverse"',
  },
  {
    name: 'duplicate dataset id',
    text: yamlWith((d) => void (d.datasets[1].id = 'vms')),
    path: 'datasets[1].id',
    message: 'duplicate dataset id "vms"',
  },
  {
    name: 'unknown dataset origin',
    text: yamlWith((d) => void (d.datasets[0].at = 'munch')),
    path: 'datasets[0].at',
    message: 'unknown node "munch"',
    hint: 'did you mean munich?',
  },
  {
    name: 'cloud without provider',
    text: yamlWith((d) => void delete d.nodes[2].provider),
    path: 'nodes[2].provider',
    message: 'missing required field "provider"',
  },
  {
    name: 'site with a provider',
    text: yamlWith((d) => void (d.nodes[0].provider = 'aws')),
    path: 'nodes[0].provider',
    message: 'not allowed on a site node',
  },
  {
    name: 'exchange with a provider',
    text: yamlWith((d) => void (d.nodes[4].provider = 'aws')),
    path: 'nodes[4].provider',
    message: 'not allowed on an exchange node',
  },
  {
    name: 'exchange with storage',
    text: yamlWith((d) => void (d.nodes[4].storage = '1TB')),
    path: 'nodes[4].storage',
    message: 'not allowed on an exchange node',
  },
  {
    name: 'exchange as a dataset origin',
    text: yamlWith((d) => void (d.datasets[0].at = 'ix')),
    path: 'datasets[0].at',
    message: 'is an exchange',
  },
  {
    name: 'unknown node kind',
    text: yamlWith((d) => void (d.nodes[0].kind = 'clod')),
    path: 'nodes[0].kind',
    message: '"clod"',
    hint: 'did you mean cloud?',
  },
  {
    name: 'to naming an unknown provider',
    text: yamlWith((d) => void (d.datasets[0].to = ['aws', 'azure'])),
    path: 'datasets[0].to[1]',
    message: 'unknown destination "azure"',
  },
  {
    name: 'to naming a name that is both a provider and a node id',
    text: yamlWith((d) => void d.nodes.push({ id: 'aws', kind: 'site' })),
    path: 'datasets[0].to[0]',
    message: 'both a provider name and a node id',
  },
  {
    name: 'to naming a site',
    text: yamlWith((d) => void (d.datasets[0].to = ['aws', 'munich'])),
    path: 'datasets[0].to[1]',
    message: 'is a site',
  },
  {
    name: 'to naming an exchange',
    text: yamlWith((d) => void (d.datasets[0].to = ['ix'])),
    path: 'datasets[0].to[0]',
    message: 'is an exchange',
  },
  {
    name: 'to naming a provider with no node',
    text: yamlWith((d) => {
      d.providers.gcp = { ingress: '1Gbps' };
      d.datasets[0].to = ['aws', 'gcp'];
    }),
    path: 'datasets[0].to[1]',
    message: 'provider "gcp" has no nodes',
  },
  {
    name: 'appliance without provider whose id is a provider name',
    text: yamlWith((d) => {
      d.nodes[1].id = 'aws';
      delete d.nodes[1].provider;
      d.links[0].to = 'aws';
      d.links[1].from = 'aws';
      d.datasets[0].to = ['aws-fra', 'aws-dub'];
      d.datasets[0].copies = 1;
    }),
    path: 'nodes[1].id',
    message: 'failure domain is ambiguous',
  },
  {
    name: 'copies beyond the failure domains of to',
    text: yamlWith((d) => void (d.datasets[0].copies = 3)),
    path: 'datasets[0].copies',
    message: 'found copies: 3',
  },
  {
    name: 'copies beyond the domains once the origin is excluded',
    text: yamlWith((d) => {
      d.datasets[0].at = 'dedup';
      d.datasets[0].to = ['aws', 'dedup'];
    }),
    path: 'datasets[0].copies',
    message: '1 failure domain (aws)',
  },
  {
    name: 'copies not a whole number',
    text: yamlWith((d) => void (d.datasets[0].copies = 1.5)),
    path: 'datasets[0].copies',
    message: 'whole number',
  },
  {
    name: 'due not after ready',
    text: yamlWith((d) => void (d.datasets[1].due = '2026-12-05T10:30:00Z')),
    path: 'datasets[1].due',
    message: 'due is not after ready',
  },
  {
    name: 'ready at the horizon end',
    text: yamlWith((d) => void (d.datasets[1].ready = '2026-12-07T00:00:00Z')),
    path: 'datasets[1].ready',
    message: 'at or after the horizon end',
  },
  {
    name: 'length not a whole number of slots',
    text: yamlWith((d) => void (d.horizon.slot = '7h')),
    path: 'horizon.length',
    message: 'expected a whole number of slots',
  },
  {
    name: 'slot not whole seconds',
    text: yamlWith((d) => void (d.horizon.slot = '1.5s')),
    path: 'horizon.slot',
    message: 'whole number of seconds',
  },
  {
    name: 'start without an offset',
    text: yamlWith((d) => void (d.horizon.start = '2026-12-05T00:00:00')),
    path: 'horizon.start',
    message: 'no UTC offset',
  },
  {
    name: 'wire bytes at 2^53',
    text: yamlWith((d) => void (d.datasets[1].size = '9007199254740992B')),
    path: 'datasets[1].size',
    message: 'below 2^53 bytes',
    hint: 'split',
  },
  {
    name: 'node id with a space',
    text: yamlWith((d) => void (d.nodes[4].id = 'ix frankfurt')),
    path: 'nodes[4].id',
    message: 'expected an id of letters, digits',
  },
  {
    name: 'wanplan version 2',
    text: yamlWith((d) => void (d.wanplan = 2)),
    path: 'wanplan',
    message: 'expected format version 1',
  },
  {
    name: 'empty to',
    text: yamlWith((d) => void (d.datasets[0].to = [])),
    path: 'datasets[0].to',
    message: 'empty list',
  },
  {
    name: 'latitude out of range',
    text: yamlWith((d) => void (d.nodes[0].location = [91, 11])),
    path: 'nodes[0].location[0]',
    message: 'the number 91',
  },
  {
    name: 'JSON with a bare number',
    file: 'bad.json',
    text: JSON.stringify(
      (() => {
        const d = baseScenario();
        d.links[2].capacity = 10;
        return d;
      })(),
      null,
      2,
    ),
    path: 'links[2].capacity',
    message: '10',
    hint: '10Gbps',
  },
];

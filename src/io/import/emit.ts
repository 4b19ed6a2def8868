/**
 * Writes an imported scenario as YAML (with the schema line and the importer's comments) or JSON.
 *
 * YAML is built with the `yaml` package's Document API rather than by string concatenation, so that
 * every string is quoted where YAML needs it (a label such as `a: b`, `yes`, `22:00` or a leading
 * `#`) and comments are attached to the node or link they explain.
 */
import { Document, isMap, isSeq, Scalar, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { draftToObject, type ScenarioDraft } from './draft.js';

/**
 * The default reference in the `# yaml-language-server: $schema=` line that gives editors
 * completion and checking: the JSON Schema the npm package ships, as a path relative to the
 * scenario file (the YAML language server resolves relative paths from the file's folder). It is
 * right for a scenario in the folder where `npm install wanplan` was run; elsewhere, pass another
 * path or URL as {@link EmitOptions.schemaUrl} (`wanplan import --schema`). The line is the same on
 * every machine, so an import stays reproducible.
 */
export const SCENARIO_SCHEMA_URL = './node_modules/wanplan/schema/scenario.schema.json';

/** Options of {@link emitScenarioYaml}. */
export interface EmitOptions {
  /**
   * Path (relative to the scenario file) or URL written in the schema line; must not contain
   * spaces or line breaks. @defaultValue {@link SCENARIO_SCHEMA_URL}
   */
  readonly schemaUrl?: string;
}

function commentText(text: string): string {
  // The yaml package writes `#` + each line; a leading space makes `# text`.
  return text
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
}

/** Header comment lines: the schema line, then the notes. */
export function headerComment(draft: ScenarioDraft, schemaUrl: string): string {
  return commentText([`yaml-language-server: $schema=${schemaUrl}`, ...draft.notes].join('\n'));
}

/** The scenario as YAML text (format version 1), with comments. */
export function emitScenarioYaml(draft: ScenarioDraft, options: EmitOptions = {}): string {
  const doc = new Document(draftToObject(draft));
  doc.commentBefore = headerComment(draft, options.schemaUrl ?? SCENARIO_SCHEMA_URL);
  attachComments(doc.get('nodes') as YAMLSeq, draft.nodes);
  attachComments(doc.get('links') as YAMLSeq, draft.links);
  attachComments(doc.get('datasets') as YAMLSeq, draft.datasets);
  const nodes = doc.get('nodes');
  if (isSeq(nodes)) {
    for (const item of nodes.items) {
      const location = isMap(item) ? item.get('location', true) : undefined;
      if (isSeq(location)) location.flow = true;
    }
  }
  const datasets = doc.get('datasets');
  if (isSeq(datasets)) {
    for (const item of datasets.items) {
      const to = isMap(item) ? item.get('to', true) : undefined;
      if (isSeq(to)) to.flow = true;
    }
  }
  quoteAmbiguous(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// Plain scalars that YAML 1.1 readers (still common in tooling) take for booleans, null or
// base-60 numbers. The scenario reader uses YAML 1.2, where they are strings, but quoting them
// costs nothing and keeps the file unambiguous for every reader.
const YAML11_AMBIGUOUS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|~|null|Null|NULL|[-+]?\d+(?::[0-5]?\d)+(?:\.\d*)?)$/;

function quoteAmbiguous(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && YAML11_AMBIGUOUS.test(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

function attachComments(seq: YAMLSeq | undefined, items: readonly { comment?: string }[]): void {
  if (!isSeq(seq)) return;
  seq.items.forEach((node, i) => {
    const comment = items[i]?.comment;
    if (comment) (node as YAMLMap).commentBefore = commentText(comment);
  });
}

/** The scenario as JSON text (2-space indent, trailing newline). JSON has no comments: see `notes`. */
export function emitScenarioJson(draft: ScenarioDraft): string {
  return `${JSON.stringify(draftToObject(draft), null, 2)}\n`;
}

/**
 * The scenario an importer builds, before it is written as YAML or JSON.
 *
 * Fields are the text of SCENARIO.md (unit strings such as `10Gbps`, ids as they will appear), so
 * that what is emitted is exactly what the importer decided; the scenario reader then validates the
 * emitted file like any other. `comment` fields and `notes` become YAML comments: every default the
 * importer assumed is named there (SCENARIO files are read by people deciding on real transfers).
 */

/** A horizon as written in a scenario. */
export interface DraftHorizon {
  /** ISO 8601 instant with `Z`, whole seconds. */
  readonly start: string;
  /** Duration text, e.g. `7d`. */
  readonly length: string;
  /** Duration text, e.g. `1h`. */
  readonly slot: string;
}

/** A node as written in a scenario. */
export interface DraftNode {
  readonly id: string;
  readonly kind: 'site' | 'appliance' | 'cloud' | 'exchange';
  readonly timezone?: string;
  /** `[lat, lon]` in degrees. */
  readonly location?: readonly [number, number];
  readonly provider?: string;
  readonly region?: string;
  /** Comment written above the node (without `#`). */
  readonly comment?: string;
}

/** A link as written in a scenario. */
export interface DraftLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Rate text, e.g. `10Gbps`. */
  readonly capacity: string;
  readonly bidirectional?: boolean;
  /** Round-trip time text, e.g. `12.5ms`. */
  readonly latency?: string;
  /** Cost text, e.g. `0.02USD/GB`. */
  readonly cost?: string;
  readonly comment?: string;
}

/** A dataset as written in a scenario. */
export interface DraftDataset {
  readonly id: string;
  readonly at: string;
  /** Size text, e.g. `3.58PB`. */
  readonly size: string;
  readonly to?: readonly string[];
  readonly comment?: string;
}

/** A whole imported scenario plus what the importer wants the reader to know. */
export interface ScenarioDraft {
  readonly name?: string;
  readonly horizon: DraftHorizon;
  readonly nodes: readonly DraftNode[];
  readonly links: readonly DraftLink[];
  readonly datasets: readonly DraftDataset[];
  /** Header comment lines: the source file, then every default and rule applied. */
  readonly notes: readonly string[];
}

/** The plain object of a draft, in SCENARIO.md field order, without comments (for JSON). */
export function draftToObject(draft: ScenarioDraft): Record<string, unknown> {
  const strip = <T extends { comment?: string }>(item: T): Omit<T, 'comment'> => {
    const { comment: _comment, ...rest } = item;
    return rest;
  };
  return {
    wanplan: 1,
    ...(draft.name !== undefined ? { name: draft.name } : {}),
    horizon: { ...draft.horizon },
    nodes: draft.nodes.map((n) => {
      const o = strip(n);
      return o.location ? { ...o, location: [...o.location] } : o;
    }),
    links: draft.links.map(strip),
    datasets: draft.datasets.map((d) => {
      const o = strip(d);
      return o.to ? { ...o, to: [...o.to] } : o;
    }),
  };
}

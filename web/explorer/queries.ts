import { runQuery } from './graphql-client';
import type { NodeKind } from './kinds';

/** A node as the drawing needs it. */
export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
}

/** An edge as the drawing needs it: `Relation` with its ends' ids. */
export interface GraphEdge {
  readonly id: string;
  readonly predicate: string;
  readonly qualifier: string | null;
  readonly from: { readonly id: string };
  readonly to: { readonly id: string };
}

/** Nodes and the edges among them. */
export interface Subgraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** One search hit. */
export interface SearchHit {
  readonly score: number;
  readonly snippet: string;
  readonly node: GraphNode;
}

/** `SourceSpan` with its article's text, so the words can be shown in their paragraph. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly article: { readonly id: string; readonly headline: string; readonly text: string };
}

/** A node referred to from the details (a speaker, a subject). */
export interface NodeRef {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
}

/** What the details panel shows of a node: the fields of every kind, those of other kinds absent. */
export interface NodeDetails extends NodeRef {
  readonly __typename: string;
  readonly iri: string;
  // Entities
  readonly name?: string;
  readonly aliases?: readonly string[];
  readonly description?: string | null;
  readonly sameAs?: readonly string[];
  readonly roles?: readonly { title: string; organization: NodeRef; spans: readonly { text: string }[] }[];
  readonly members?: readonly { title: string; person: NodeRef; spans: readonly { text: string }[] }[];
  readonly quotes?: { totalCount: number; nodes: readonly { id: string; text: string }[] };
  readonly claims?: { totalCount: number; nodes: readonly { id: string; text: string; attribution: string }[] };
  readonly figures?: {
    totalCount: number;
    nodes: readonly {
      id: string;
      label: string;
      value: number | null;
      minValue: number | null;
      maxValue: number | null;
      unit: string;
      period: string | null;
    }[];
  };
  // Articles
  readonly headline?: string;
  readonly publishedAt?: string | null;
  readonly url?: string | null;
  readonly text?: string;
  // Quotes, claims and figures
  readonly speaker?: NodeRef;
  readonly attribution?: string;
  readonly claimant?: NodeRef | null;
  readonly subjects?: readonly NodeRef[];
  readonly subject?: NodeRef;
  readonly value?: number | null;
  readonly minValue?: number | null;
  readonly maxValue?: number | null;
  readonly unit?: string;
  readonly period?: string | null;
  readonly span?: Span;
}

const NODE = 'id kind label';
const EDGE = `id predicate qualifier from { id } to { id }`;

/** How many nodes one neighbourhood draws at most (the API's default). */
export const NEIGHBORHOOD_LIMIT = 100;

/** Longest path looked for (the API's maximum). */
export const PATH_MAX_HOPS = 6;

/** Ranked full-text search, misspellings forgiven (`search`). */
export async function searchNodes(text: string): Promise<{ totalCount: number; hits: SearchHit[] }> {
  const data = await runQuery<{ search: { totalCount: number; nodes: SearchHit[] } }>(
    `query ExplorerSearch($text: String!) { search(query: $text, first: 10) { totalCount nodes { score snippet node { ${NODE} } } } }`,
    { text },
  );
  return { totalCount: data.search.totalCount, hits: data.search.nodes };
}

/** The node and every node one edge away, with the edges among them (`neighborhood`). */
export async function fetchNeighborhood(id: string): Promise<Subgraph & { truncated: boolean }> {
  const data = await runQuery<{ neighborhood: Subgraph & { truncated: boolean } }>(
    `query ExplorerNeighborhood($id: ID!, $limit: Int!) { neighborhood(id: $id, depth: 1, limit: $limit) { truncated nodes { ${NODE} } edges { ${EDGE} } } }`,
    { id, limit: NEIGHBORHOOD_LIMIT },
  );
  return data.neighborhood;
}

/** A shortest path between two nodes, or null when none is within PATH_MAX_HOPS (`path`). */
export async function fetchPath(from: string, to: string): Promise<(Subgraph & { hops: number }) | null> {
  const data = await runQuery<{ path: (Subgraph & { hops: number }) | null }>(
    `query ExplorerPath($from: ID!, $to: ID!, $maxHops: Int!) { path(from: $from, to: $to, maxHops: $maxHops) { hops nodes { ${NODE} } edges { ${EDGE} } } }`,
    { from, to, maxHops: PATH_MAX_HOPS },
  );
  return data.path;
}

const DETAILS = `
query ExplorerDetails($id: ID!) {
  node(id: $id) {
    __typename id kind label iri
    ... on Entity {
      name aliases description sameAs
      quotes(first: 20) { totalCount nodes { id text } }
      claims(role: ANY, first: 20) { totalCount nodes { id text attribution } }
      figures(first: 20) { totalCount nodes { id label value minValue maxValue unit counted qualifier change { direction value unit qualifier basis } period } }
    }
    ... on Person { roles { title organization { ${NODE} } spans { text } } }
    ... on Organization { members { title person { ${NODE} } spans { text } } }
    ... on Article { headline description publishedAt url text }
    ... on Quote { text speaker { ${NODE} } span { ...Evidence } }
    ... on Claim { text attribution claimant { ${NODE} } subjects { ${NODE} } span { ...Evidence } }
    ... on Figure { value minValue maxValue unit counted qualifier change { direction value unit qualifier basis } period subject { ${NODE} } span { ...Evidence } }
  }
}
fragment Evidence on SourceSpan { start end text article { id headline text } }`;

/** What the details panel shows of one node, or null when there is no such node. */
export async function fetchDetails(id: string): Promise<NodeDetails | null> {
  const data = await runQuery<{ node: NodeDetails | null }>(DETAILS, { id });
  return data.node;
}

import { type Edge, type GraphNode, type NodeKind, PREDICATES } from '../graph';

/**
 * Order keys: strings whose byte order under `COLLATE "C"` is the graph's
 * canonical order (src/graph/graph-order.ts), so that the database sorts
 * and pages by an index. Ids hold only [a-z0-9:/-], so U+0001 ends an id or
 * a name before anything it could be compared with (the import refuses data
 * with U+0000 or U+0001 in a string); numbers are zero-padded. The database
 * compares UTF-8 bytes, which is code point order, and JavaScript UTF-16
 * code units: the two agree except where a character above U+FFFF meets one
 * of U+E000 to U+FFFF at the same place of two names (README, "PostgreSQL
 * store").
 */
const END = '\u0001';

const GROUP: Readonly<Record<NodeKind, string>> = {
  ARTICLE: '0',
  PERSON: '1',
  ORGANIZATION: '1',
  PLACE: '1',
  EVENT: '1',
  TOPIC: '1',
  QUOTE: '2',
  CLAIM: '2',
  FIGURE: '2',
};
const KIND_RANK: Readonly<Record<NodeKind, string>> = {
  ARTICLE: '0',
  PERSON: '1',
  ORGANIZATION: '2',
  PLACE: '3',
  EVENT: '4',
  TOPIC: '5',
  QUOTE: '6',
  CLAIM: '7',
  FIGURE: '8',
};
/** Digits of a predicate's rank in an edge order key. */
const RANK_WIDTH = 2;
const PREDICATE_RANK: ReadonlyMap<string, string> = new Map(PREDICATES.map((p, i) => [p.name, String(i).padStart(RANK_WIDTH, '0')]));
/** Digits of a text offset in an order key. */
const OFFSET_WIDTH = 10;

/** A text offset as a fixed-width key part (article texts are far shorter than 10^10 characters). */
function offset(n: number): string {
  return String(n).padStart(OFFSET_WIDTH, '0');
}

/** The key of a node in node order: articles by id, entities by lower-cased name then id, items by article, start, end, kind and id. */
export function nodeOrderKey(node: Omit<GraphNode, 'slot'>): string {
  if (node.kind === 'ARTICLE') return `${GROUP.ARTICLE}${node.id}`;
  if ('sortName' in node) return `${GROUP[node.kind]}${node.sortName}${END}${node.id}`;
  const { span } = node as Extract<GraphNode, { span: unknown }>;
  return `${GROUP[node.kind]}${span.articleId}${END}${offset(span.start)}${offset(span.end)}${KIND_RANK[node.kind]}${node.id}`;
}

/** The key of an edge in edge order: by article, start and end of its span, predicate (vocabulary order), its ends, then its id. */
export function edgeOrderKey(edge: Omit<Edge, 'slot'>): string {
  const span = edge.span;
  return `${span?.articleId ?? ''}${END}${offset(span?.start ?? 0)}${offset(span?.end ?? 0)}${PREDICATE_RANK.get(edge.predicate)}${edge.from}${END}${edge.to}${END}${edge.id}`;
}

/** Offset of the ends in the second part of an edge order key: after the start, the end and the predicate's rank. */
const ENDS_AT = 2 * OFFSET_WIDTH + RANK_WIDTH;

/** One edge at a node, as a walk follows it: the edge's id, the node at its other end, and its predicate. */
export interface KeyedIncidence {
  readonly edge: string;
  readonly other: string;
  readonly predicate: string;
}

/**
 * The edges at `node` whose order keys `lines` holds, one a line (what a
 * walk fetches a node's edges as), in the order given. Read in place,
 * without splitting the text or each key apart: a busy node has tens of
 * thousands of edges.
 */
export function incidencesOfKeyLines(lines: string, node: string): KeyedIncidence[] {
  const found: KeyedIncidence[] = [];
  for (let at = 0; at < lines.length;) {
    let end = lines.indexOf('\n', at);
    if (end < 0) end = lines.length;
    const first = lines.indexOf(END, at);
    const second = first < 0 ? -1 : lines.indexOf(END, first + 1 + ENDS_AT);
    const third = second < 0 ? -1 : lines.indexOf(END, second + 1);
    const rank = (lines.charCodeAt(first + ENDS_AT - 1) - 48) * 10 + (lines.charCodeAt(first + ENDS_AT) - 48);
    const predicate = PREDICATES[rank]?.name;
    if (first < 0 || second < 0 || third < 0 || third > end || predicate === undefined)
      throw new Error(`not an edge order key: ${JSON.stringify(lines.slice(at, end))}`);
    const from = lines.slice(first + 1 + ENDS_AT, second);
    found.push({ edge: lines.slice(third + 1, end), other: from === node ? lines.slice(second + 1, third) : from, predicate });
    at = end + 1;
  }
  return found;
}

/** One step from a node along an edge, as a path search weighs it: the node at the edge's other end, and the edge's predicate. */
export interface KeyedStep {
  readonly other: string;
  readonly predicate: string;
}

/** SQL of the other end of the incidence `x`, read from its edge's order key (`direction` says which end the other is). */
export function otherEndSql(x: string): string {
  return `CASE WHEN ${x}.direction = 'OUT' THEN split_part(${x}.ord, E'\\x01', 3) ELSE substr(split_part(${x}.ord, E'\\x01', 2), ${ENDS_AT + 1}) END COLLATE "default"`;
}

/**
 * SQL of a step line of the incidence `x` (see `stepsOfLines`): the
 * predicate's two-digit rank, then the other end, both read from the
 * edge's order key.
 */
export function stepLineSql(x: string): string {
  return `substr(split_part(${x}.ord, E'\\x01', 2), ${ENDS_AT - 1}, 2) || ${otherEndSql(x)}`;
}

/**
 * The steps whose lines (`stepLineSql`, one a line) `lines` holds, in the
 * order given: what a path search fetches of a node's edges, a fifth of
 * their keys' length.
 */
export function stepsOfLines(lines: string): KeyedStep[] {
  const found: KeyedStep[] = [];
  for (let at = 0; at < lines.length;) {
    let end = lines.indexOf('\n', at);
    if (end < 0) end = lines.length;
    const predicate = PREDICATES[(lines.charCodeAt(at) - 48) * 10 + (lines.charCodeAt(at + 1) - 48)]?.name;
    if (predicate === undefined || end - at < 3) throw new Error(`not a step line: ${JSON.stringify(lines.slice(at, end))}`);
    found.push({ other: lines.slice(at + 2, end), predicate });
    at = end + 1;
  }
  return found;
}

/**
 * SQL of the edge id in the edge order key `ord` (see `edgeOrderKey`),
 * in the default collation of ids: a part of a key is in the keys' "C"
 * collation, and compared with `edges.id` in another, the index on it is
 * not used (a scan of every edge for each page).
 */
export function edgeIdOfKeySql(ord: string): string {
  return `split_part(${ord}, E'\\x01', 4) COLLATE "default"`;
}

/** The key of a mention: by article, then offset, then the entity in node order (`entityKey`, its node order key). */
export function mentionOrderKey(articleId: string, start: number, entityKey: string): string {
  return `${articleId}${END}${offset(start)}${entityKey}`;
}

/** Why a string cannot be stored as it is, or null when it can. */
export function unstorableReason(value: string): string | null {
  if (value.includes('\u0000')) return 'holds the character U+0000, which PostgreSQL cannot store in text';
  if (value.includes('\u0001')) return 'holds the control character U+0001, which the PostgreSQL store keeps for its order keys';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value))
    return 'holds a lone UTF-16 surrogate, which is not text PostgreSQL can store';
  return null;
}

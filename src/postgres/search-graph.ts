import { createHash } from 'node:crypto';
import { GraphQueryError, type Page, type SearchHit, type SearchQuery, searchTooBroad } from '../graph';
import { decodeCursor, encodeCursor } from '../graph/paginate';
import {
  ALL_TERMS_BONUS,
  BOOST,
  FIELDS,
  FUZZY_WEIGHT,
  inverseDocumentFrequency,
  KIND_WEIGHT,
  matchesPrefix,
  PHRASE_BONUS,
  PREFIX_WEIGHT,
  queryTermsOf,
  type SearchDocument,
  snippetOf,
  typoDistance,
} from '../graph/search-index';
import type { RunStatement } from './run-statement';
import { type NodeRow, nodeOfRow } from './rows';

/** ts_rank's weights of D, C, B and A lexemes: the fields' boosts (text D, body B, title A), the highest as 1. */
const RANK_WEIGHTS = `{${BOOST.text / BOOST.title},${BOOST.body / BOOST.title / 2},${BOOST.body / BOOST.title},1}`;

/** The kind weights as SQL. */
const KIND_WEIGHT_SQL = `CASE d.kind ${Object.entries(KIND_WEIGHT)
  .map(([kind, weight]) => `WHEN '${kind}' THEN ${weight}`)
  .join(' ')} ELSE 1 END`;

/** One index term a query term reaches: itself, a longer word it begins, or a near spelling. */
interface Expansion {
  readonly i: string;
  readonly term: string;
  readonly entries: number;
  readonly documents: number;
  readonly edits: number;
  readonly how: 'exact' | 'prefix' | 'typo';
}

/** A lexeme as a tsquery operand (index terms are letters and digits only, so quoting is enough). */
const lexeme = (term: string) => `'${term}'`;

/** The weight MiniSearch gives a match of `term` for the query term `asked` (search-index.ts). */
function weightOf(expansion: Expansion, asked: string): number {
  if (expansion.how === 'exact') return 1;
  const length = expansion.term.length;
  if (expansion.how === 'prefix') return (PREFIX_WEIGHT * length) / (length + 0.3 * (length - asked.length));
  return (FUZZY_WEIGHT * length) / (length + expansion.edits);
}

/** The rank a search cursor stands for (as in the in-memory store: a rank in this very search). */
function searchPosition(cursor: string, search: string): number {
  const [digest, at] = decodeCursor(cursor, 'search').split(':');
  const position = Number(at);
  if (digest !== search || !Number.isInteger(position) || position < 0) {
    throw new GraphQueryError('"after" is not a cursor of this search: page with cursors of the same query, kinds and graph version', 'after');
  }
  return position;
}

const NO_HITS: Page<SearchHit> = { items: [], cursorAt: () => '', totalCount: 0, hasNextPage: false, hasPreviousPage: false };

/**
 * Full-text search over the generation's `search_documents`: the query's
 * index terms (the in-memory index's own: folded, stop words out, light
 * plural stem) are expanded against `search_terms` (the longer words a term
 * of 3 letters or more begins, by a range of the C-collated key; near
 * spellings of a term of 4 letters or more, found by the pg_trgm index and
 * kept within the in-memory index's edit distance by levenshtein), and the
 * documents matching any of them are found through the GIN index on their
 * weighted tsvectors. The allowance counts what the in-memory index reads:
 * the (document, field) entries of every expansion, known before any
 * document is read. Ranking: ts_rank per query term (weights A, B and D for
 * titles, bodies and texts) times the term's IDF and its best expansion's
 * weight, summed, times the terms matched, the kind's weight and the
 * in-memory bonuses for every term and for the terms as a phrase; ties by
 * node order.
 */
export async function searchGraph(run: RunStatement, version: string, { text, kinds, page, allowance }: SearchQuery): Promise<Page<SearchHit>> {
  const queryTerms = queryTermsOf(text);
  const digest = createHash('sha1')
    .update(JSON.stringify([version, text, kinds ?? []]))
    .digest('base64url')
    .slice(0, 12);
  const start = page?.after ? searchPosition(page.after, digest) + 1 : 0;
  if (queryTerms.length === 0) {
    if (page?.after) throw new GraphQueryError('"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor', 'after');
    return NO_HITS;
  }
  const distinct = [...new Set(queryTerms)];
  // As in memory: an operation that has spent its allowance gets no more searches, whatever they would find.
  if (allowance && allowance.remaining <= 0) throw searchTooBroad(allowance, allowance.remaining);
  const expansions = await run<Expansion>(
    'searchTerms',
    `WITH q AS (SELECT * FROM unnest($1::text[], $2::int[], $3::bool[]) WITH ORDINALITY AS q(term, distance, prefix, i))
     SELECT q.i, t.term, t.entries, t.documents, 0 AS edits, 'exact' AS how FROM q JOIN §search_terms t ON t.term = q.term
     UNION ALL
     SELECT q.i, t.term, t.entries, t.documents, 0, 'prefix' FROM q JOIN §search_terms t
       ON q.prefix AND t.term > q.term AND t.term < q.term || chr(1114111) AND starts_with(t.term, q.term)
     UNION ALL
     SELECT q.i, t.term, t.entries, t.documents, levenshtein_less_equal(t.term, q.term, q.distance), 'typo' FROM q JOIN §search_terms t
       ON q.distance > 0 AND t.term % q.term
       WHERE t.term <> q.term AND NOT (q.prefix AND starts_with(t.term, q.term)) AND levenshtein_less_equal(t.term, q.term, q.distance) <= q.distance`,
    [distinct, distinct.map(typoDistance), distinct.map(matchesPrefix)],
  );
  const entries = expansions.reduce((sum, e) => sum + e.entries, 0);
  if (allowance) {
    if (entries > allowance.remaining) throw searchTooBroad(allowance, allowance.remaining);
    allowance.remaining -= entries;
  }
  if (expansions.length === 0) {
    if (page?.after) throw new GraphQueryError('"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor', 'after');
    return NO_HITS;
  }

  // One tsquery per query term (an OR of its expansions), and its multiplier: IDF times its best expansion's weight.
  const byTerm = distinct.map(() => [] as Expansion[]);
  for (const e of expansions) byTerm[Number(e.i) - 1].push(e);
  const [{ documents: documentCount }] = await run<{ documents: number }>(
    'searchMeta',
    `SELECT (value->>'documents')::int AS documents FROM §meta WHERE key = 'search'`,
    [],
  );
  const termQueries: string[] = [];
  const multipliers: number[] = [];
  byTerm.forEach((list, t) => {
    if (list.length === 0) return;
    termQueries.push(list.map((e) => lexeme(e.term)).join(' | '));
    const reach = Math.min(
      documentCount,
      list.reduce((sum, e) => sum + e.documents, 0),
    );
    multipliers.push(inverseDocumentFrequency(reach, documentCount) * Math.max(...list.map((e) => weightOf(e, distinct[t]))));
  });
  // The phrase: the terms side by side in order, the last one also as the longer words it begins.
  let phrase: string | null = null;
  if (queryTerms.length > 1) {
    const last = queryTerms.length - 1;
    const lastIndex = distinct.indexOf(queryTerms[last]);
    const lastForms = [queryTerms[last], ...byTerm[lastIndex].filter((e) => e.how === 'prefix').map((e) => e.term)];
    phrase = [...queryTerms.slice(0, last).map(lexeme), `(${lastForms.map(lexeme).join(' | ')})`].join(' <-> ');
  }
  const limit = page ? Math.max(0, page.first) : null;
  const rows = await run<NodeRow & { total: string; score: number; title: string; body: string; text: string | null; terms: string[] }>(
    'search',
    `WITH hits AS (
       SELECT d.node_id, d.slot,
         t.score * t.matched
         * ${KIND_WEIGHT_SQL}
         * CASE WHEN t.matched >= $4::int THEN ${ALL_TERMS_BONUS} ELSE 1 END
         * CASE WHEN coalesce(d.vector @@ $5::tsquery, false) THEN ${PHRASE_BONUS} ELSE 1 END AS score
       FROM §search_documents d
       -- Each term's rank and the count of terms matched, in one pass over the document's vector.
       CROSS JOIN LATERAL (
         SELECT sum(ts_rank('${RANK_WEIGHTS}', d.vector, x.q, 0) * x.m) AS score, count(*) AS matched
         FROM unnest($2::tsquery[], $3::float8[]) AS x(q, m) WHERE d.vector @@ x.q
       ) t
       WHERE d.vector @@ $1::tsquery AND ($6::text[] IS NULL OR d.kind = ANY($6::text[]))
     ), ranked AS (
       SELECT h.*, count(*) OVER () AS total FROM hits h ORDER BY h.score DESC, h.slot OFFSET $7::int LIMIT $8::int
     )
     SELECT r.total, r.score, ${'n.id, n.kind, n.ord, n.slot, n.node, n.article_text'}, d.title, d.body, d.text,
       ARRAY(SELECT t FROM unnest($9::text[]) AS t WHERE d.vector @@ quote_literal(t)::tsquery) AS terms
     FROM ranked r JOIN §nodes n ON n.id = r.node_id JOIN §search_documents d ON d.node_id = r.node_id
     ORDER BY r.score DESC, r.slot`,
    [
      termQueries.join(' | '),
      termQueries,
      multipliers,
      distinct.length,
      phrase,
      kinds && kinds.length > 0 ? kinds : null,
      start,
      limit,
      expansions.map((e) => e.term),
    ],
  );
  // The count comes with the rows of the page; a page past the end has none, so it is counted alone.
  const total = rows.length > 0 ? Number(rows[0].total) : await countHits(run, termQueries.join(' | '), kinds);
  if (page?.after && start - 1 >= total) {
    throw new GraphQueryError('"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor', 'after');
  }
  const items = rows.map((row): SearchHit => {
    const node = nodeOfRow(row);
    const terms = [...new Set(row.terms)];
    const document: SearchDocument = { id: 0, title: row.title, body: row.body, text: row.text ?? row.article_text ?? '' };
    return { node, score: Math.round(row.score * 1000) / 1000, terms, snippet: snippetOfDocument(document, new Set(terms)) };
  });
  const end = start + items.length;
  return {
    items,
    cursorAt: (index) => encodeCursor('search', `${digest}:${start + index}`),
    totalCount: total,
    hasNextPage: end < total,
    hasPreviousPage: start > 0,
  };
}

/** The number of documents matching `query`, of the kinds asked. */
async function countHits(run: RunStatement, query: string, kinds: SearchQuery['kinds']): Promise<number> {
  const [row] = await run<{ total: string }>(
    'searchCount',
    `SELECT count(*) AS total FROM §search_documents d WHERE d.vector @@ $1::tsquery AND ($2::text[] IS NULL OR d.kind = ANY($2::text[]))`,
    [query, kinds && kinds.length > 0 ? kinds : null],
  );
  return Number(row.total);
}

/** The snippet of a hit, as the in-memory search makes it: the first field holding a matched term. */
function snippetOfDocument(document: SearchDocument, terms: ReadonlySet<string>): string {
  for (const field of FIELDS) {
    const snippet = snippetOf(document[field], terms);
    if (snippet) return snippet;
  }
  return document.title || document.body;
}

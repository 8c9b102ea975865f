import MiniSearch, { type SearchResult } from 'minisearch';
import type { ArticleNode, GraphNode, NodeKind } from './model';

/** One ranked hit of a search: the node, its score (higher is better) and the index terms it matched. */
export interface RankedHit {
  readonly node: GraphNode;
  readonly score: number;
  readonly terms: readonly string[];
}

/** A hit ready to show: with the matching words in context, each marked «like this». */
export interface SearchHit extends RankedHit {
  readonly snippet: string;
}

/** The searchable texts of a node, from the most to the least weighty. */
interface SearchDocument {
  readonly id: number;
  readonly title: string;
  readonly body: string;
  readonly text: string;
}

const FIELDS = ['title', 'body', 'text'] as const;

/** Field weights: names and headlines count most; article bodies and source sentences least. */
const BOOST = { title: 4, body: 2, text: 0.5 };

/** Kind weights applied after BM25: what a person searching by name most likely wants comes first. */
const KIND_WEIGHT: Readonly<Record<NodeKind, number>> = {
  PERSON: 1.5,
  ORGANIZATION: 1.5,
  PLACE: 1.3,
  EVENT: 1.3,
  TOPIC: 1.3,
  ARTICLE: 1,
  QUOTE: 1,
  CLAIM: 1,
  FIGURE: 1,
};

/** Extra weight for a hit whose field holds the query terms side by side, in order. */
const PHRASE_BONUS = 1.5;
/** Extra weight for a hit that matched every query term. */
const ALL_TERMS_BONUS = 1.25;
/** How many of the best BM25 hits are re-scored for phrase matches. */
const RESCORED = 200;
/** Characters of context shown on each side of the first match in a snippet. */
const SNIPPET_CONTEXT = 60;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have he her his i in is it its of on or our she that the their them they this to was we were will with'.split(' '),
);

/** Folds case and diacritics ("Café" → "cafe"). */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Turns a word into an index term: folded, stop words dropped, and a light
 * plural stem ("investments" → "investment", "companies" → "company"), so
 * singular and plural find each other; prefix search does the rest.
 */
export function searchTerm(word: string): string | null {
  const term = fold(word);
  if (STOP_WORDS.has(term)) return null;
  if (term.length > 4 && term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  if (term.length > 3 && term.endsWith('s') && !term.endsWith('ss') && !term.endsWith('us')) return term.slice(0, -1);
  return term;
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text with their offsets and index terms. */
function termsWithOffsets(text: string): { start: number; end: number; term: string | null }[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, term: searchTerm(m[0]) }));
}

/** The texts of a node that search looks at, and (for snippets) which text each field comes from. */
function documentOf(node: GraphNode, articleText: (articleId: string) => string): SearchDocument {
  switch (node.kind) {
    case 'ARTICLE':
      return { id: node.ordinal, title: node.headline, body: node.description ?? '', text: node.text };
    case 'QUOTE':
      return { id: node.ordinal, title: '', body: articleText(node.span.articleId).slice(node.span.start, node.span.end), text: '' };
    case 'CLAIM':
      return { id: node.ordinal, title: '', body: node.text, text: articleText(node.span.articleId).slice(node.span.start, node.span.end) };
    case 'FIGURE':
      return {
        id: node.ordinal,
        title: node.label,
        body: articleText(node.span.articleId).slice(node.span.start, node.span.end),
        text: [node.unit, node.period].filter(Boolean).join(' '),
      };
    default:
      return { id: node.ordinal, title: node.name, body: node.aliases.join(' · '), text: node.description ?? '' };
  }
}

/** Marks the words of `text` whose terms are in `terms`, showing the context around the first one. */
function snippetOf(text: string, terms: ReadonlySet<string>): string | null {
  const words = termsWithOffsets(text).filter((w) => w.term !== null && terms.has(w.term));
  if (words.length === 0) return null;
  let from = Math.max(0, words[0].start - SNIPPET_CONTEXT);
  let to = Math.min(text.length, words[0].end + SNIPPET_CONTEXT * 2);
  // Cut at word boundaries so the snippet shows no half words.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > words[0].end ? text.lastIndexOf(' ', to) : to;
  let out = '';
  let at = from;
  for (const word of words) {
    if (word.start < from || word.end > to) continue;
    out += `${text.slice(at, word.start)}«${text.slice(word.start, word.end)}»`;
    at = word.end;
  }
  out += text.slice(at, to);
  return `${from > 0 ? '…' : ''}${out}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

/** True when the query terms stand side by side, in order, among the words of `text` (the last may be a prefix). */
function hasPhrase(text: string, queryTerms: readonly string[]): boolean {
  const terms = termsWithOffsets(text)
    .map((w) => w.term)
    .filter((t): t is string => t !== null);
  const last = queryTerms.length - 1;
  for (let i = 0; i + last < terms.length; i++) {
    let all = true;
    for (let j = 0; j <= last && all; j++) {
      all = j === last ? terms[i + j].startsWith(queryTerms[j]) : terms[i + j] === queryTerms[j];
    }
    if (all) return true;
  }
  return false;
}

/**
 * A full-text index over the nodes of one snapshot (MiniSearch, BM25):
 * entity names and aliases, quote and claim texts, figure labels, article
 * headlines and (weighted lower) article texts. Built once with the snapshot.
 */
export class SearchIndex {
  private readonly index: MiniSearch<SearchDocument>;

  private constructor(
    private readonly nodesByOrdinal: readonly GraphNode[],
    private readonly articleText: (articleId: string) => string,
  ) {
    this.index = new MiniSearch<SearchDocument>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize,
      processTerm: searchTerm,
    });
  }

  /** Indexes every node; `nodesByOrdinal[i]` must have ordinal i. */
  static build(nodesByOrdinal: readonly GraphNode[], articles: ReadonlyMap<string, GraphNode>): SearchIndex {
    const articleText = (id: string) => (articles.get(id) as ArticleNode).text;
    const search = new SearchIndex(nodesByOrdinal, articleText);
    search.index.addAll(nodesByOrdinal.map((node) => documentOf(node, articleText)));
    return search;
  }

  /** Number of indexed terms (for measuring the index). */
  get termCount(): number {
    return this.index.termCount;
  }

  /**
   * Ranked hits for `query`: prefix matches ("invest" finds "investments"),
   * small typos (one edit per five letters, at most two), BM25 scores
   * weighted by field and kind, and a bonus when every term matched and when
   * the terms stand side by side. Ties go to the earlier node.
   */
  search(query: string, kinds?: readonly NodeKind[]): RankedHit[] {
    const queryTerms = tokenize(query)
      .map(searchTerm)
      .filter((t): t is string => t !== null);
    if (queryTerms.length === 0) return [];
    const distinct = new Set(queryTerms);
    const allowed = kinds && kinds.length > 0 ? new Set(kinds) : null;
    const results = this.index.search(queryTerms.join(' '), {
      boost: BOOST,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      maxFuzzy: 2,
      filter: allowed ? (result) => allowed.has(this.nodesByOrdinal[result.id as number].kind) : undefined,
    });
    const scored = results.map((result, rank) => ({ result, score: this.weigh(result, distinct.size, rank < RESCORED ? queryTerms : null) }));
    scored.sort((a, b) => b.score - a.score || (a.result.id as number) - (b.result.id as number));
    return scored.map(({ result, score }) => ({
      node: this.nodesByOrdinal[result.id as number],
      score: Math.round(score * 1000) / 1000,
      terms: result.terms,
    }));
  }

  /** Adds the snippet to a hit: done only for the hits shown, as it reads the node's texts. */
  withSnippet(hit: RankedHit): SearchHit {
    return { ...hit, snippet: this.snippet(hit.node, new Set(hit.terms)) };
  }

  private weigh(result: SearchResult, distinctQueryTerms: number, phraseTerms: readonly string[] | null): number {
    const node = this.nodesByOrdinal[result.id as number];
    let score = result.score * KIND_WEIGHT[node.kind];
    if (new Set(result.queryTerms).size >= distinctQueryTerms) score *= ALL_TERMS_BONUS;
    if (phraseTerms && phraseTerms.length > 1) {
      const doc = documentOf(node, this.articleText);
      if (FIELDS.some((field) => hasPhrase(doc[field], phraseTerms))) score *= PHRASE_BONUS;
    }
    return score;
  }

  private snippet(node: GraphNode, terms: ReadonlySet<string>): string {
    const doc = documentOf(node, this.articleText);
    for (const field of FIELDS) {
      const snippet = snippetOf(doc[field], terms);
      if (snippet) return snippet;
    }
    return doc.title || doc.body;
  }
}

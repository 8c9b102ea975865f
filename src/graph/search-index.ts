import MiniSearch from 'minisearch';
import { DenseMap } from './dense-map';
import type { SearchHit } from './graph-store';
import type { GraphNode, NodeKind } from './model';
import { runInSlices, runToEnd, type Sliced } from './time-slices';

/** One ranked hit of a search before its snippet is made: the node, its score (higher is better) and the index terms it matched. */
export type RankedHit = Omit<SearchHit, 'snippet'>;

/** The searchable texts of a node, from the most to the least weighty. */
export interface SearchDocument {
  readonly id: number;
  readonly title: string;
  readonly body: string;
  readonly text: string;
}

/** The fields of a search document, from the most to the least weighty. */
export const FIELDS = ['title', 'body', 'text'] as const;

/** Field weights: names and headlines count most; article bodies and source sentences least. */
export const BOOST = { title: 4, body: 2, text: 0.5 };

/** Kind weights applied after BM25: what a person searching by name most likely wants comes first. */
export const KIND_WEIGHT: Readonly<Record<NodeKind, number>> = {
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
export const PHRASE_BONUS = 1.5;
/** Extra weight for a hit that matched every query term. */
export const ALL_TERMS_BONUS = 1.25;
/** How many of the best BM25 hits are re-scored for phrase matches. */
const RESCORED = 200;
/** Characters of context shown on each side of the first match in a snippet. */
const SNIPPET_CONTEXT = 60;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have he her his i in is it its of on or our she that the their them they this to was we were will with'.split(' '),
);

/** Folds case and diacritics ("Café" → "cafe"). */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
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

/** The words of a text, as the index splits it. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The index terms of a query's words, stop words left out. */
export function queryTermsOf(text: string): string[] {
  return tokenize(text)
    .map(searchTerm)
    .filter((t): t is string => t !== null);
}

/** The words of a text with their offsets and index terms. */
function termsWithOffsets(text: string): { start: number; end: number; term: string | null }[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, term: searchTerm(m[0]) }));
}

/** The texts of a node that search looks at, and (for snippets) which text each field comes from; `id` is MiniSearch's document id. */
export function documentOf(node: GraphNode, articleText: (articleId: string) => string, id = 0): SearchDocument {
  switch (node.kind) {
    case 'ARTICLE':
      return { id, title: node.headline, body: node.description ?? '', text: node.text };
    case 'QUOTE':
      return { id, title: '', body: articleText(node.span.articleId).slice(node.span.start, node.span.end), text: '' };
    case 'CLAIM':
      return { id, title: '', body: node.text, text: articleText(node.span.articleId).slice(node.span.start, node.span.end) };
    case 'FIGURE':
      return {
        id,
        title: node.label,
        body: articleText(node.span.articleId).slice(node.span.start, node.span.end),
        text: [node.unit, node.period].filter(Boolean).join(' '),
      };
    default:
      return { id, title: node.name, body: node.aliases.join(' · '), text: node.description ?? '' };
  }
}

/** Marks the words of `text` whose terms are in `terms`, showing the context around the first one. */
export function snippetOf(text: string, terms: ReadonlySet<string>): string | null {
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

/** A term's postings in MiniSearch's index: field id -> document id -> occurrences. */
type TermData = ReadonlyMap<number, ReadonlyMap<number, number>>;

/**
 * The parts of MiniSearch 7.2's index that ranking reads (the package is
 * pinned to that exact version; a test compares the ranking with
 * MiniSearch's own `search()` on a generated corpus).
 */
interface MiniSearchIndex {
  readonly _index: {
    get(term: string): TermData | undefined;
    atPrefix(prefix: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _fieldLength: ReadonlyMap<number, readonly number[]>;
  readonly _avgFieldLength: readonly number[];
  readonly _documentCount: number;
  /** One more than the highest internal document id (ids are never reused; nothing is removed from the index). */
  readonly _nextId: number;
}

/** What reading one index term costs, counted in index entries (see SearchAllowance): a query word that expands to thousands of terms costs that much. */
export const TERM_ENTRIES = 8;

/** MiniSearch's defaults, as its `search()` applies them: BM25+ parameters and the weights of prefix and fuzzy matches. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
export const PREFIX_WEIGHT = 0.375;
export const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 2;

/** BM25+'s inverse document frequency of a term found in `matchingCount` of `totalCount` documents. */
export function inverseDocumentFrequency(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
}

/** BM25+'s score of one term in one field, as MiniSearch computes it (the same operations in the same order). */
function bm25(invDocFreq: number, termFreq: number, fieldLength: number, avgFieldLength: number): number {
  return invDocFreq * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / avgFieldLength)));
}

/** Whether a query term also matches the longer words it begins: from 3 letters. */
export function matchesPrefix(term: string): boolean {
  return term.length >= 3;
}

/** The edits a query term's typo matches may have: one per five letters, at most two, from 4 letters. */
export function typoDistance(term: string): number {
  return term.length >= 4 ? Math.min(MAX_FUZZY, Math.round(term.length * 0.2)) : 0;
}

/** Per-document work arrays of one index, reused by every search (searches never wait, so never overlap). */
class ScoreScratch {
  /** Generation stamps: a document's entries below are current only when its stamp is the current generation. */
  readonly inTerm: Uint32Array;
  readonly inSearch: Uint32Array;
  readonly termScore: Float64Array;
  readonly score: Float64Array;
  /** Distinct query terms a document matched. */
  readonly matched: Uint16Array;
  private generation = 0;

  constructor(readonly documents: number) {
    this.inTerm = new Uint32Array(documents);
    this.inSearch = new Uint32Array(documents);
    this.termScore = new Float64Array(documents);
    this.score = new Float64Array(documents);
    this.matched = new Uint16Array(documents);
  }

  /** Starts a search of `termCount` distinct terms: the stamps of earlier searches no longer count. */
  begin(termCount: number): void {
    if (this.generation + termCount + 1 >= 0xffffffff) {
      this.inTerm.fill(0);
      this.inSearch.fill(0);
      this.generation = 0;
    }
  }

  /** A generation no stamp has yet. */
  next(): number {
    return ++this.generation;
  }
}

/** The hits of one search, counted at once and put in order only as far as a page needs. */
export interface RankedHits {
  readonly count: number;
  /** Index entries (one per matching term and field of a document) the search read. */
  readonly entriesRead: number;
  /** The hits ranked `from` to `to` - 1, best first. */
  slice(from: number, to: number): RankedHit[];
}

const NO_HITS: RankedHits = { count: 0, entriesRead: 0, slice: () => [] };

/** Thrown by `SearchIndex.search` when a search would read more index entries than it was allowed. */
export class SearchTooBroadError extends Error {
  constructor(readonly limit: number) {
    super(`The search would read more than ${limit} index entries`);
    this.name = 'SearchTooBroadError';
  }
}

/**
 * The positions 0 to `count` - 1 of the `k` highest values, highest first,
 * equal values by least `tieKey` (unique per position). The cut is found by
 * sorting the bare numbers, many times faster than sorting positions with a
 * comparison function; only the positions above it are sorted that way.
 */
export function bestPositions(count: number, valueAt: (i: number) => number, k: number, tieKey: (i: number) => number): number[] {
  const order = (a: number, b: number) => valueAt(b) - valueAt(a) || tieKey(a) - tieKey(b);
  if (k >= count) return Array.from({ length: count }, (_, i) => i).sort(order);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = valueAt(i);
  const cut = values.sort()[count - k];
  const above: number[] = [];
  let atCut: number[] = [];
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    if (value > cut) above.push(i);
    else if (value === cut) atCut.push(i);
  }
  // Of the positions with the cut's value (thousands, at times), those with the least tie keys fill the rest.
  const rest = k - above.length;
  if (atCut.length > rest) {
    const lastKey = Float64Array.from(atCut, tieKey).sort()[rest - 1];
    atCut = atCut.filter((i) => tieKey(i) <= lastKey);
  }
  return above.sort(order).concat(atCut.sort(order));
}

/** MiniSearch 7.2's maps with an entry per document, keyed by its document ids (0, 1, 2, ...). */
export const PER_DOCUMENT_MAPS = ['_documentIds', '_idToShortId', '_fieldLength'] as const;

/**
 * Puts DenseMaps (dense-map.ts) in place of MiniSearch's maps with an entry
 * per document, in a new, empty index: they grow by one copy of an array
 * instead of a rehash of every entry at once. The document ids of this
 * index are MiniSearch's own short ids, 0, 1, 2, .... MiniSearch's
 * `removeAll` and `loadJSON` would put Maps back; the index calls neither.
 */
export function useDenseDocumentMaps(index: MiniSearch<SearchDocument>): void {
  const fields = index as unknown as Record<(typeof PER_DOCUMENT_MAPS)[number], unknown>;
  for (const field of PER_DOCUMENT_MAPS) {
    const map = fields[field];
    if (!(map instanceof Map) || map.size !== 0) throw new Error(`MiniSearch has no empty map ${field}: the index is written for MiniSearch 7.2`);
    fields[field] = new DenseMap();
  }
}

/**
 * A full-text index over the nodes of one build of the graph (MiniSearch,
 * BM25): entity names and aliases, quote and claim texts, figure labels,
 * article headlines and (weighted lower) article texts. Every version of
 * the graph shares it: a write adds the documents of its new nodes and
 * marks those of the nodes it replaced or removed, and each version sees
 * only the documents that belong to it (see SearchVersion).
 *
 * MiniSearch builds the index and expands query terms (prefixes, typos);
 * ranking reads its postings directly, into per-document arrays, with
 * MiniSearch's own scoring: its `search()` builds an object per matching
 * document and sorts them all, too slow for common words in a large graph
 * (bench/README.md).
 */
export class SearchIndex {
  readonly index: MiniSearch<SearchDocument>;
  /** By MiniSearch's document id: the node's slot, the version that added it, and the one that removed it (NEVER if none). */
  private slots = new Uint32Array(1024);
  private addedAt = new Uint32Array(1024);
  private removedAt = new Uint32Array(1024).fill(NEVER);
  /** Field lengths by document id and field. */
  private lengths = new Uint32Array(1024 * FIELDS.length);
  /** Documents removed so far, in the order of the versions that removed them. */
  private readonly removedDocuments: number[] = [];
  /** Each node slot's current document, or NONE. */
  private documentOfSlot = new Uint32Array(1024).fill(NONE);
  private scratch: ScoreScratch | undefined;
  /** The search running now, if any (see `exclusive`). */
  private searching: Promise<unknown> = Promise.resolve();

  constructor() {
    this.index = new MiniSearch<SearchDocument>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize,
      processTerm: searchTerm,
    });
    useDenseDocumentMaps(this.index);
  }

  /** Number of indexed terms (for measuring the index). */
  get termCount(): number {
    return this.index.termCount;
  }

  private get internals(): MiniSearchIndex {
    return this.index as unknown as MiniSearchIndex;
  }

  /** What the first version of a build sees: every document added so far, with MiniSearch's own statistics. */
  firstVersion(seq: number): SearchVersion {
    const index = this.internals;
    const fieldIds = FIELDS.map((field) => index._fieldIds[field]);
    return {
      seq,
      documentCount: index._documentCount,
      averageFieldLength: fieldIds.map((id) => index._avgFieldLength[id] ?? 0),
      documentLimit: index._nextId,
      removedCount: this.removedDocuments.length,
    };
  }

  /**
   * Adds a document for each node (in the order given) and marks the
   * documents of `removedSlots` as removed, for version `seq`; returns what
   * that version sees, from what `previous` saw. A replaced node is one slot
   * in both lists. Called once per version, in version order.
   */
  update(
    previous: SearchVersion,
    seq: number,
    added: readonly GraphNode[],
    removedSlots: readonly number[],
    articleText: (articleId: string) => string,
  ): SearchVersion {
    const index = this.internals;
    let documentCount = previous.documentCount;
    const average = [...previous.averageFieldLength];
    for (const slot of removedSlots) {
      const document = slot < this.documentOfSlot.length ? this.documentOfSlot[slot] : NONE;
      if (document === NONE) continue;
      this.documentOfSlot[slot] = NONE;
      this.removedAt[document] = seq;
      this.removedDocuments.push(document);
      // MiniSearch's own running mean, as its remove() keeps it.
      for (let f = 0; f < FIELDS.length; f++) {
        average[f] = documentCount > 1 ? (average[f] * documentCount - this.lengths[document * FIELDS.length + f]) / (documentCount - 1) : 0;
      }
      documentCount--;
    }
    this.addNodes(added, seq, articleText);
    for (const node of added) {
      const document = this.documentOfSlot[node.slot];
      // MiniSearch's own running mean, as its add() keeps it.
      for (let f = 0; f < FIELDS.length; f++) average[f] = (average[f] * documentCount + this.lengths[document * FIELDS.length + f]) / (documentCount + 1);
      documentCount++;
    }
    return { seq, documentCount, averageFieldLength: average, documentLimit: index._nextId, removedCount: this.removedDocuments.length };
  }

  /** Adds a document for each node, as added by version `seq` (the first version adds them in order, a few at a time). */
  addNodes(nodes: readonly GraphNode[], seq: number, articleText: (articleId: string) => string): void {
    const index = this.internals;
    const fieldIds = FIELDS.map((field) => index._fieldIds[field]);
    this.reserve(index._nextId + nodes.length);
    this.reserveSlots(nodes);
    for (const node of nodes) {
      const document = index._nextId;
      this.index.add(documentOf(node, articleText, document));
      this.slots[document] = node.slot;
      this.addedAt[document] = seq;
      this.documentOfSlot[node.slot] = document;
      const perField = index._fieldLength.get(document);
      for (let f = 0; f < FIELDS.length; f++) this.lengths[document * FIELDS.length + f] = perField?.[fieldIds[f]] ?? 0;
    }
  }

  /** Makes room in the per-document arrays for `documents` documents. */
  private reserve(documents: number): void {
    if (documents <= this.slots.length) return;
    let size = this.slots.length;
    while (size < documents) size *= 2;
    this.slots = grow(this.slots, size);
    this.addedAt = grow(this.addedAt, size);
    this.removedAt = grow(this.removedAt, size, NEVER);
    this.lengths = grow(this.lengths, size * FIELDS.length);
  }

  /** Makes room in `documentOfSlot` for the slots of `nodes`. */
  private reserveSlots(nodes: readonly GraphNode[]): void {
    let highest = -1;
    for (const node of nodes) if (node.slot > highest) highest = node.slot;
    if (highest < this.documentOfSlot.length) return;
    let size = this.documentOfSlot.length;
    while (size <= highest) size *= 2;
    this.documentOfSlot = grow(this.documentOfSlot, size, NONE);
  }

  /** The search of one version: what it sees of the index, and its nodes. */
  view(version: SearchVersion, nodeAt: (slot: number) => GraphNode | undefined, articleText: (articleId: string) => string): SearchView {
    return new SearchView(this, version, nodeAt, articleText);
  }

  /**
   * The documents a version sees that match a query, as MiniSearch's
   * `search()` finds and scores them (its OR of the query's terms, each with
   * its prefix and typo expansions), in the order it finds them, without
   * building an object per document.
   */
  match(version: SearchVersion, query: string, maxEntries = Infinity): Matches {
    return runToEnd(this.matchSliced(version, query, maxEntries));
  }

  /**
   * Runs `work` once the searches before it have ended: searches share this
   * index's work arrays, and a search run a slice at a time would otherwise
   * find another's numbers in them.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.searching.then(work, work);
    this.searching = run.catch(() => undefined);
    return run;
  }

  /** `match`, as sliced work (see time-slices.ts): it yields every few thousand index entries read. Run one at a time (see `exclusive`). */
  *matchSliced(version: SearchVersion, query: string, maxEntries = Infinity): Sliced<Matches> {
    const index = this.internals;
    const documentCount = version.documentCount;
    const fieldIds = FIELDS.map((field) => index._fieldIds[field]);
    const boosts = FIELDS.map((field) => BOOST[field]);
    const { lengths: fieldLengths, removedAt, removedDocuments } = this;
    const { seq, documentLimit, removedCount } = version;
    const newest = index._nextId;
    // Documents the version does not see: added by later versions, or removed by it or earlier ones.
    const hidden = (document: number) => document >= documentLimit || removedAt[document] <= seq;
    /** How many of the documents in `postings` the version does not see: few, so counted from their side. */
    const hiddenIn = (postings: ReadonlyMap<number, number>): number => {
      let count = 0;
      for (let document = documentLimit; document < newest; document++) if (postings.has(document)) count++;
      for (let r = 0; r < removedCount; r++) if (postings.has(removedDocuments[r])) count++;
      return count;
    };
    // MiniSearch tokenizes and processes the query's terms again, as its search() did: a word whose
    // processed form is a stop word or another word ("ours" -> "our") is then dropped or changed.
    const terms = queryTermsOf(query);
    // An operation that has spent its allowance gets no more searches: even finding that a word matches nothing walks the index.
    if (terms.length > 0 && maxEntries <= 0) throw new SearchTooBroadError(maxEntries);
    if (!this.scratch || this.scratch.documents < newest) this.scratch = new ScoreScratch(Math.max(newest, this.slots.length));
    const scratch = this.scratch;
    scratch.begin(new Set(terms).size);
    const searchGeneration = scratch.next();
    const found: number[] = [];
    const derived: { term: string; data: TermData }[] = [];
    const pristine = documentLimit === newest && removedCount === 0;
    // Counted before each term's postings are read, so that a search over its allowance stops before the work.
    let entriesRead = 0;
    // Entries read since the last yield: the work is given up between terms once enough has been read.
    let sinceYield = 0;
    const ENTRIES_PER_SLICE = 4_000;
    // One query term's matches (itself, the words it begins, its typos) and their summed scores, in the order found.
    function* scoreTerm(term: string): Sliced<number[]> {
      const termGeneration = scratch.next();
      const touched: number[] = [];
      const add = (indexTerm: string, data: TermData | undefined, weight: number) => {
        if (!data) return;
        derived.push({ term: indexTerm, data });
        // Each index term a query word expands to costs about as much as a few entries (its fields, its frequencies).
        entriesRead += TERM_ENTRIES;
        if (entriesRead > maxEntries) throw new SearchTooBroadError(maxEntries);
        for (let f = 0; f < FIELDS.length; f++) {
          const postings = data.get(fieldIds[f]);
          if (!postings) continue;
          entriesRead += postings.size;
          if (entriesRead > maxEntries) throw new SearchTooBroadError(maxEntries);
          const seen = pristine ? postings.size : postings.size - hiddenIn(postings);
          if (seen === 0) continue;
          const invDocFreq = inverseDocumentFrequency(seen, documentCount);
          const average = version.averageFieldLength[f];
          const boost = boosts[f];
          postings.forEach((termFreq, id) => {
            if (!pristine && hidden(id)) return;
            const weighted = weight * boost * bm25(invDocFreq, termFreq, fieldLengths[id * FIELDS.length + f], average);
            if (scratch.inTerm[id] !== termGeneration) {
              scratch.inTerm[id] = termGeneration;
              scratch.termScore[id] = weighted;
              touched.push(id);
            } else {
              scratch.termScore[id] += weighted;
            }
          });
          sinceYield += postings.size;
        }
      };
      add(term, index._index.get(term), 1);
      yield;
      const distance = typoDistance(term);
      const typos = distance > 0 ? index._index.fuzzyGet(term, distance) : undefined;
      if (matchesPrefix(term)) {
        for (const [longer, data] of index._index.atPrefix(term)) {
          const extra = longer.length - term.length;
          if (extra === 0) continue;
          // A word the term begins counts as a prefix match only, not also as a typo.
          typos?.delete(longer);
          add(longer, data, (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * extra));
          if (sinceYield >= ENTRIES_PER_SLICE) {
            sinceYield = 0;
            yield;
          }
        }
      }
      for (const [near, [data, edits]] of typos ?? []) {
        if (edits === 0) continue;
        add(near, data, (FUZZY_WEIGHT * near.length) / (near.length + edits));
        if (sinceYield >= ENTRIES_PER_SLICE) {
          sinceYield = 0;
          yield;
        }
      }
      return touched;
    }

    // A term repeated in the query is scored once: its scores are kept and added again where it repeats.
    const kept = new Map<string, { touched: number[]; scores: Float64Array }>();
    for (const [position, term] of terms.entries()) {
      const repeat = kept.get(term);
      const touched = repeat ? repeat.touched : yield* scoreTerm(term);
      let scores: Float64Array | undefined = repeat?.scores;
      if (!repeat && terms.indexOf(term, position + 1) > position) {
        scores = new Float64Array(touched.length);
        for (let k = 0; k < touched.length; k++) scores[k] = scratch.termScore[touched[k]];
        kept.set(term, { touched, scores });
      }
      // OR: the term's scores add to the search's; a repeated term adds its score, not to the count of terms matched.
      for (let k = 0; k < touched.length; k++) {
        const id = touched[k];
        const termScore = scores ? scores[k] : scratch.termScore[id];
        if (scratch.inSearch[id] !== searchGeneration) {
          scratch.inSearch[id] = searchGeneration;
          scratch.score[id] = termScore;
          scratch.matched[id] = 1;
          found.push(id);
        } else {
          scratch.score[id] = scratch.score[id] + termScore;
          if (!repeat) scratch.matched[id]++;
        }
      }
      yield;
    }

    // Copied out of the scratch arrays, which the next search reuses.
    const slots = this.slots;
    const documents = new Uint32Array(found.length);
    const scores = new Float64Array(found.length);
    const matched = new Uint16Array(found.length);
    found.forEach((id, i) => {
      documents[i] = slots[id];
      // MiniSearch multiplies a document's score by the number of query terms it matched.
      scores[i] = scratch.score[id] * scratch.matched[id];
      matched[i] = scratch.matched[id];
    });
    return {
      documents,
      scores,
      matched,
      entriesRead,
      termsAt: (at) => termsOfMany([at])[0],
      termsOfMany,
    };
    /**
     * The index terms each of the documents found at `ats` matched. A search
     * of many words has thousands of derived terms: for a page of documents,
     * each term's postings are read once (what the search already read), or
     * each document is looked up in each term, whichever is less work.
     */
    function termsOfMany(ats: readonly number[]): string[][] {
      const terms = ats.map(() => new Set<string>());
      const byDocument = new Map(ats.map((at, k) => [found[at], k]));
      if (ats.length * derived.length * FIELDS.length > entriesRead) {
        for (const { term, data } of derived) {
          for (const postings of data.values()) {
            for (const id of postings.keys()) {
              const k = byDocument.get(id);
              if (k !== undefined) terms[k].add(term);
            }
          }
        }
      } else {
        for (const [id, k] of byDocument) {
          for (const { term, data } of derived) {
            for (const postings of data.values()) {
              if (postings.has(id)) {
                terms[k].add(term);
                break;
              }
            }
          }
        }
      }
      return terms.map((set) => [...set]);
    }
  }
}

/** The documents a search matched, unranked. */
export interface Matches {
  /** Node slots of the matching documents. */
  readonly documents: Uint32Array;
  readonly scores: Float64Array;
  readonly matched: Uint16Array;
  readonly entriesRead: number;
  /** The index terms the document found at `at` matched. */
  termsAt(at: number): string[];
  /** The index terms each document found at `ats` matched (as termsAt for each, with less work). */
  termsOfMany(ats: readonly number[]): string[][];
}

/** A copy of `from` as long as `length`, the new places filled with `fill` (0 without it). */
function grow<T extends Uint32Array>(from: T, length: number, fill?: number): T {
  const to = new Uint32Array(length) as T;
  if (fill !== undefined) to.fill(fill);
  to.set(from);
  return to;
}

/** A removal mark no version reaches. */
const NEVER = 0xffffffff;
/** No document (in `documentOfSlot`). */
const NONE = 0xffffffff;

/** What one version of the graph sees of the shared search index. */
export interface SearchVersion {
  readonly seq: number;
  /** Documents the version sees, and their mean field lengths (by field, as MiniSearch keeps them). */
  readonly documentCount: number;
  readonly averageFieldLength: readonly number[];
  /** Documents with ids from this one on were added by later versions. */
  readonly documentLimit: number;
  /** The removed documents the version knows of: the first this many of the index's list. */
  readonly removedCount: number;
}

/** Search over one version of the graph. */
export class SearchView {
  constructor(
    private readonly shared: SearchIndex,
    private readonly version: SearchVersion,
    private readonly nodeAt: (slot: number) => GraphNode | undefined,
    private readonly articleText: (articleId: string) => string,
  ) {}

  /** The MiniSearch index underneath (shared by every version of the build). */
  get index(): MiniSearch {
    return this.shared.index as unknown as MiniSearch;
  }

  /** Number of indexed terms (for measuring the index). */
  get termCount(): number {
    return this.shared.termCount;
  }

  /** The documents matching a query, unranked (see SearchIndex.match). */
  match(query: string, maxEntries = Infinity): Matches {
    return this.shared.match(this.version, query, maxEntries);
  }

  /**
   * `search`, run a slice at a time after the searches before it (they
   * share the index's work arrays): a search of many words over a large
   * graph reads millions of index entries, and other requests are answered
   * between its slices.
   */
  searchInSlices(query: string, kinds: readonly NodeKind[] | undefined, allowance?: { remaining: number }): Promise<RankedHits> {
    // The allowance is read and taken from when the search's turn comes: the searches of one request share it.
    return this.shared.exclusive(async () => {
      const hits = await runInSlices(this.searchSliced(query, kinds, allowance?.remaining ?? Infinity));
      if (allowance) allowance.remaining -= hits.entriesRead;
      return hits;
    });
  }

  /**
   * Ranked hits for `query`: prefix matches ("invest" finds "investments"),
   * small typos (one edit per five letters, at most two), BM25 scores
   * weighted by field and kind, and a bonus when every term matched and when
   * the terms stand side by side. Ties go to the node that has been in the
   * graph longer (node order, after a reload).
   */
  search(query: string, kinds?: readonly NodeKind[], maxEntries = Infinity): RankedHits {
    return runToEnd(this.searchSliced(query, kinds, maxEntries));
  }

  /** `search` as sliced work (see time-slices.ts). */
  *searchSliced(query: string, kinds?: readonly NodeKind[], maxEntries = Infinity): Sliced<RankedHits> {
    const queryTerms = queryTermsOf(query);
    if (queryTerms.length === 0) return NO_HITS;
    const distinct = new Set(queryTerms);
    const allowed = kinds && kinds.length > 0 ? new Set(kinds) : null;
    const found = yield* this.shared.matchSliced(this.version, queryTerms.join(' '), maxEntries);
    yield;

    // The hits: positions in `found` of the documents of the kinds asked for, in the order found.
    const hits: number[] = [];
    for (let i = 0; i < found.documents.length; i++) {
      if (!allowed || allowed.has(this.nodeAt(found.documents[i])!.kind)) hits.push(i);
    }
    const count = hits.length;
    // The best few by BM25 (ties in the order found) are checked for the query as a phrase.
    const phraseChecked =
      count <= RESCORED
        ? null
        : new Set(
            bestPositions(
              count,
              (i) => found.scores[hits[i]],
              RESCORED,
              (i) => i,
            ),
          );
    const score = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const at = hits[i];
      const checksPhrase = phraseChecked === null || phraseChecked.has(i);
      score[i] = this.weigh(found.documents[at], found.scores[at], found.matched[at], distinct.size, checksPhrase ? queryTerms : null);
      // A phrase check reads the node's texts (an article's whole text): a few at a time.
      if ((checksPhrase && i % 16 === 15) || i % 8192 === 8191) yield;
    }
    let ranked: number[] = [];
    return {
      count,
      entriesRead: found.entriesRead,
      slice: (from, to) => {
        const end = Math.min(to, count);
        if (from >= end) return [];
        if (ranked.length < end)
          ranked = bestPositions(
            count,
            (i) => score[i],
            end,
            (i) => found.documents[hits[i]],
          );
        const page = ranked.slice(from, end);
        const terms = found.termsOfMany(page.map((i) => hits[i]));
        return page.map((i, k) => ({ node: this.nodeAt(found.documents[hits[i]])!, score: Math.round(score[i] * 1000) / 1000, terms: terms[k] }));
      },
    };
  }

  /** Adds the snippet to a hit: done only for the hits shown, as it reads the node's texts. */
  withSnippet(hit: RankedHit): SearchHit {
    return { ...hit, snippet: this.snippet(hit.node, new Set(hit.terms)) };
  }

  private weigh(slot: number, bm25Score: number, matchedTerms: number, distinctQueryTerms: number, phraseTerms: readonly string[] | null): number {
    const node = this.nodeAt(slot)!;
    let score = bm25Score * KIND_WEIGHT[node.kind];
    if (matchedTerms >= distinctQueryTerms) score *= ALL_TERMS_BONUS;
    if (phraseTerms && phraseTerms.length > 1) {
      const texts = documentOf(node, this.articleText);
      if (FIELDS.some((field) => hasPhrase(texts[field], phraseTerms))) score *= PHRASE_BONUS;
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

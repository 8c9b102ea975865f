import type { UnplacedEdge, UnplacedNode } from './derive-article';
import type { FigureNode, GraphNode } from './model';
import { runToEnd, type Sliced, sortSliced, Ticker } from './time-slices';

/**
 * The same fact in several articles. A figure is a report of the fact "this
 * subject, this unit, this value or range, this period"; a quote, of "this
 * speaker said these words". Reports that may match share a bucket: a
 * figure's bucket is its whole key (every two figures of it in different
 * articles match), a quote's is its speaker (two quotes of one speaker in
 * different articles match when their words, normalised, are equal or one
 * holds the other). A fact is a group of reports joined by matches; its
 * first report (in node order) names it.
 */

/** Fewest words a quote needs for a longer one holding it to match it: a shorter quote matches only the same words. */
export const MIN_CONTAINED_WORDS = 4;

/** What a figure or quote is as a report of a fact. */
export interface FactReport {
  readonly id: string;
  readonly kind: 'FIGURE' | 'QUOTE';
  readonly articleId: string;
  /** The reports it may match share it (see above). */
  readonly bucket: string;
  /** A quote's words, normalised, with a space before and after (` capex and things `); null for a figure. */
  readonly words: string | null;
}

/** One fact: the reports joined by matches. */
export interface FactGroup {
  /** Its first report in node order. */
  readonly factId: string;
  /** Every report of it, in node order. */
  readonly reportIds: readonly string[];
  /** How many articles report it. */
  readonly articleCount: number;
}

/** The reports of one bucket, their matches, and the facts they make. */
export interface FactBucket {
  /** In node order. */
  readonly reports: readonly FactReport[];
  /** The reports each report matches (all in other articles), in node order; a report without any is absent. */
  readonly links: ReadonlyMap<string, readonly string[]>;
  readonly groups: readonly FactGroup[];
  /** The group of each report. */
  readonly groupOf: ReadonlyMap<string, FactGroup>;
}

/** How many distinct facts there are of one kind, and how many of them more than one article reports. */
export interface FactCount {
  readonly kind: 'FIGURE' | 'QUOTE';
  /** Distinct facts: each counted once, however many articles report it. */
  readonly distinct: number;
  /** Distinct facts reported by more than one article. */
  readonly shared: number;
}

/** A quote's words for matching: case folded, apostrophes dropped, every other mark a word break; a space before and after. */
export function normalizeWords(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘ʼ]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return words.length > 0 ? ` ${words.join(' ')} ` : '';
}

/** The bucket of a figure: its subject, unit, what it counts, value or range, qualifier, change, and period. */
export function figureBucket(
  subjectId: string,
  figure: Pick<FigureNode, 'unit' | 'counted' | 'value' | 'minValue' | 'maxValue' | 'qualifier' | 'change' | 'period'>,
): string {
  const change = figure.change && [figure.change.direction, figure.change.value, figure.change.unit, figure.change.qualifier, figure.change.basis];
  // JSON, so that no unit or period can run into the next part of the key.
  return `FIGURE ${JSON.stringify([subjectId, figure.unit, figure.counted, figure.value, figure.minValue, figure.maxValue, figure.qualifier, change, figure.period])}`;
}

/** The bucket of a quote: its speaker. */
export function quoteBucket(speakerId: string): string {
  return `QUOTE|${speakerId}`;
}

/** True when two reports of one bucket are the same fact in two articles. */
export function reportsMatch(a: FactReport, b: FactReport): boolean {
  if (a.articleId === b.articleId || a.kind !== b.kind) return false;
  if (a.kind === 'FIGURE') return true;
  const [short, long] = a.words!.length <= b.words!.length ? [a.words!, b.words!] : [b.words!, a.words!];
  if (short.length === 0) return false;
  if (short === long) return true;
  // Words are space-separated with a space at each end: a word count, and whole-word containment by `includes`.
  return short.split(' ').length - 2 >= MIN_CONTAINED_WORDS && long.includes(short);
}

/**
 * The reports of each figure and quote a change puts: a figure's subject is
 * its MEASURES edge, a quote's speaker its SAID edge, both put with it;
 * `articleText` gives the text of an article put in the same change.
 */
export function reportsOf(nodes: readonly UnplacedNode<GraphNode>[], edges: readonly UnplacedEdge[], articleText: (id: string) => string): FactReport[] {
  return runToEnd(reportsOfSliced(nodes, edges, articleText));
}

/** `reportsOf` as sliced work (see time-slices.ts): a whole graph's figures and quotes are many. */
export function* reportsOfSliced(
  nodes: readonly UnplacedNode<GraphNode>[],
  edges: readonly UnplacedEdge[],
  articleText: (id: string) => string,
): Sliced<FactReport[]> {
  const tick = new Ticker();
  const subjects = new Map<string, string>();
  const speakers = new Map<string, string>();
  for (const edge of edges) {
    if (edge.predicate === 'MEASURES') subjects.set(edge.from, edge.to);
    else if (edge.predicate === 'SAID') speakers.set(edge.to, edge.from);
    if (tick.due()) yield;
  }
  const reports: FactReport[] = [];
  for (const node of nodes) {
    if (tick.due()) yield;
    if (node.kind === 'FIGURE') {
      const subject = subjects.get(node.id);
      const bucket = subject !== undefined ? figureBucket(subject, node) : `FIGURE|${node.id}`;
      reports.push({ id: node.id, kind: 'FIGURE', articleId: node.span.articleId, bucket, words: null });
    } else if (node.kind === 'QUOTE') {
      const speaker = speakers.get(node.id);
      const words = normalizeWords(articleText(node.span.articleId).slice(node.span.start, node.span.end));
      reports.push({
        id: node.id,
        kind: 'QUOTE',
        articleId: node.span.articleId,
        bucket: speaker !== undefined ? quoteBucket(speaker) : `QUOTE|${node.id}`,
        words,
      });
    }
  }
  return reports;
}

/**
 * A bucket after a change: without the reports of `removeIds`, with those
 * of `add`. Only the reports added are compared, each with those it can
 * match (see QuoteIndex); the matches among the others are kept. `compare`
 * is node order on the reports that stay or come.
 */
export function nextBucket(
  before: FactBucket | undefined,
  removeIds: ReadonlySet<string>,
  add: readonly FactReport[],
  compare: (a: FactReport, b: FactReport) => number,
): FactBucket | undefined {
  return runToEnd(nextBucketSliced(before, removeIds, add, compare));
}

/** `nextBucket` as sliced work (see time-slices.ts): a speaker quoted thousands of times is a bucket of thousands. */
export function* nextBucketSliced(
  before: FactBucket | undefined,
  removeIds: ReadonlySet<string>,
  add: readonly FactReport[],
  compare: (a: FactReport, b: FactReport) => number,
): Sliced<FactBucket | undefined> {
  const tick = new Ticker(64);
  const kept = (before?.reports ?? []).filter((report) => !removeIds.has(report.id));
  const links = new Map<string, string[]>();
  for (const report of kept) {
    const list = (before?.links.get(report.id) ?? []).filter((id) => !removeIds.has(id));
    if (list.length > 0) links.set(report.id, list);
    if (tick.due()) yield;
  }
  const link = (a: string, b: string) => {
    const list = links.get(a);
    if (list) list.push(b);
    else links.set(a, [b]);
  };
  const compared: FactReport[] = [...kept];
  let index: QuoteIndex | undefined;
  if (add.length > 0 && add[0].kind === 'QUOTE') {
    index = new QuoteIndex();
    for (const report of kept) {
      index.add(report);
      if (tick.due()) yield;
    }
  }
  for (const report of add) {
    for (const other of index ? index.candidates(report) : compared) {
      if (!reportsMatch(report, other)) continue;
      link(report.id, other.id);
      link(other.id, report.id);
    }
    compared.push(report);
    index?.add(report);
    if (tick.due()) yield;
  }
  if (compared.length === 0) return undefined;
  const reports = add.length > 0 ? yield* sortSliced(compared, compare) : compared;
  yield;
  const position = new Map<string, number>();
  for (const [i, report] of reports.entries()) {
    position.set(report.id, i);
    if (tick.due()) yield;
  }
  for (const list of links.values()) {
    list.sort((a, b) => position.get(a)! - position.get(b)!);
    if (tick.due(1 + list.length)) yield;
  }
  const groups = yield* groupsOf(reports, links, position);
  yield;
  const groupOf = new Map<string, FactGroup>();
  for (const group of groups) {
    for (const id of group.reportIds) groupOf.set(id, group);
    if (tick.due(group.reportIds.length)) yield;
  }
  return { reports, links, groups, groupOf };
}

/** Words of a shingle: a quote that holds another holds its first and its last shingle (it has at least MIN_CONTAINED_WORDS words). */
const SHINGLE = MIN_CONTAINED_WORDS;

/** A quote's shingles (every run of SHINGLE words, in order, repeats kept), none when it is shorter. */
function shinglesOf(words: string): string[] {
  const list = words.trim().split(' ');
  const shingles: string[] = [];
  for (let i = 0; i + SHINGLE <= list.length; i++) shingles.push(list.slice(i, i + SHINGLE).join(' '));
  return shingles;
}

/** Most shingles of a quote for which every pair of them is looked up (see QuoteIndex.candidates); a longer quote is looked up by its first shingle alone. */
const MAX_PAIRED_SHINGLES = 64;

/**
 * The quotes of a bucket by their words, by each of their shingles, and by
 * their first and last shingle together, so that a quote is compared only
 * with those it can match, not with every quote of its speaker (whose
 * quotes often share a run of four words, "I think we will"): a quote that
 * holds it holds both its first and its last shingle, and one that it holds
 * has its first and last shingle among its own.
 */
class QuoteIndex {
  private readonly byWords = new Map<string, FactReport[]>();
  private readonly byShingle = new Map<string, FactReport[]>();
  private readonly byEnds = new Map<string, FactReport[]>();
  private readonly byFirstShingle = new Map<string, FactReport[]>();
  private readonly shingleSets = new Map<FactReport, ReadonlySet<string>>();

  add(report: FactReport): void {
    const words = report.words ?? '';
    if (words.length === 0) return;
    push(this.byWords, words, report);
    const shingles = shinglesOf(words);
    if (shingles.length === 0) return;
    const distinct = new Set(shingles);
    this.shingleSets.set(report, distinct);
    for (const shingle of distinct) push(this.byShingle, shingle, report);
    push(this.byEnds, `${shingles[0]}|${shingles[shingles.length - 1]}`, report);
    push(this.byFirstShingle, shingles[0], report);
  }

  candidates(report: FactReport): Set<FactReport> {
    const words = report.words ?? '';
    const found = new Set<FactReport>(this.byWords.get(words) ?? []);
    const shingles = words.length === 0 ? [] : shinglesOf(words);
    if (shingles.length === 0) return found;
    // Quotes holding it: those with its first shingle and its last, read from the shorter of the two lists.
    const [first, last] = [shingles[0], shingles[shingles.length - 1]];
    const withFirst = this.byShingle.get(first) ?? [];
    const withLast = this.byShingle.get(last) ?? [];
    const [fewer, other] = withFirst.length <= withLast.length ? [withFirst, last] : [withLast, first];
    for (const candidate of fewer) if (this.shingleSets.get(candidate)!.has(other)) found.add(candidate);
    // Quotes it holds: those whose first and last shingles are two of its own, in that order.
    if (shingles.length <= MAX_PAIRED_SHINGLES) {
      for (let i = 0; i < shingles.length; i++) {
        for (let j = i; j < shingles.length; j++) for (const candidate of this.byEnds.get(`${shingles[i]}|${shingles[j]}`) ?? []) found.add(candidate);
      }
    } else {
      for (const shingle of new Set(shingles)) for (const candidate of this.byFirstShingle.get(shingle) ?? []) found.add(candidate);
    }
    return found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The facts of a bucket: its reports joined by their matches, each group in node order, the groups by their first report. */
function* groupsOf(reports: readonly FactReport[], links: ReadonlyMap<string, readonly string[]>, position: ReadonlyMap<string, number>): Sliced<FactGroup[]> {
  const tick = new Ticker();
  const groupOf = new Map<string, FactReport[]>();
  const groups: FactReport[][] = [];
  for (const report of reports) {
    if (tick.due()) yield;
    if (groupOf.has(report.id)) continue;
    // Reports are visited in node order, so each group starts at its first report.
    const members: FactReport[] = [];
    const stack = [report.id];
    groupOf.set(report.id, members);
    while (stack.length > 0) {
      const id = stack.pop()!;
      members.push(reports[position.get(id)!]);
      for (const other of links.get(id) ?? []) {
        if (groupOf.has(other)) continue;
        groupOf.set(other, members);
        stack.push(other);
      }
    }
    groups.push(members);
  }
  const facts: FactGroup[] = [];
  for (const members of groups) {
    members.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    facts.push({ factId: members[0].id, reportIds: members.map((m) => m.id), articleCount: new Set(members.map((m) => m.articleId)).size });
    if (tick.due(members.length)) yield;
  }
  return facts;
}

/** What a bucket adds to the counts of its kind: its facts, and those reported by more than one article. */
export function bucketCounts(bucket: FactBucket | undefined): { distinct: number; shared: number } {
  if (!bucket) return { distinct: 0, shared: 0 };
  return { distinct: bucket.groups.length, shared: bucket.groups.filter((group) => group.articleCount > 1).length };
}

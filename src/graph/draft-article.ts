/**
 * Drafting an article's graph data from its raw text: the body of a write
 * (`{ article, entities }`) for a person to review, and the notes of what
 * to check. Pure: no files, no HTTP, no GraphQL. The rules are listed in
 * the project README ("Drafting an article").
 */
import type Compromise from 'compromise';
import type { DataProblem } from './data-problem';
import { findFigurePhrases, type FoundFigure, type ReadAmount } from './figure-words';
import { findMentions } from './find-mentions';
import type { CheckOutcome } from './live-graph';
import type { RawArticle, RawClaim, RawEntity, RawFigure, RawQuote, RawRelation } from './raw-data';

/** An entity the graph already holds, as drafting needs it. */
export interface KnownEntity {
  readonly id: string;
  readonly type: RawEntity['type'];
  readonly name: string;
  readonly aliases: readonly string[];
}

/** A role the graph already holds: a person's title at an organization. */
export interface KnownRole {
  readonly personId: string;
  readonly organizationId: string;
  readonly title: string;
}

/** What drafting knows of the graph: its entities and roles. */
export interface DraftGraph {
  readonly entities: readonly KnownEntity[];
  readonly roles: readonly KnownRole[];
}

/** One thing a person should check before the draft is written. */
export interface ReviewNote {
  /** What the note is about: `quote`, `speaker`, `figure`, `entity`, `role`, `article`. */
  readonly topic: 'article' | 'quote' | 'speaker' | 'figure' | 'entity' | 'role';
  /** The words of the text it is about. */
  readonly text: string;
  /** Offset of those words in the body. */
  readonly start: number;
  readonly message: string;
}

/** A quotation found in the text, with its speaker when one is certain. */
export interface DraftQuote {
  readonly text: string;
  readonly start: number;
  readonly speaker: string | null;
}

/** A draft: the write body, and what drafting found and could not settle. */
export interface ArticleDraft {
  readonly slug: string;
  readonly body: { readonly article: RawArticle; readonly entities: RawEntity[] };
  /** Every quotation found, with its speaker or null (a quote without one is left out of the body). */
  readonly quotes: readonly DraftQuote[];
  readonly review: readonly ReviewNote[];
}

/** The words that report speech; "said" and its kin. */
const SPEECH_VERBS = [
  'said',
  'says',
  'stated',
  'states',
  'added',
  'adds',
  'remarked',
  'mentioned',
  'asserted',
  'noted',
  'explained',
  'concluded',
  'continued',
  'argued',
  'insisted',
  'warned',
  'declared',
  'replied',
  'recalled',
  'acknowledged',
  'commented',
  'observed',
  'wrote',
  'told reporters',
  'told',
].join('|');

const PRONOUNS = new Set(['he', 'she']);

/** Titles before a name that are not part of it. */
const HONORIFIC = /^(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Councillor|Senator|Governor)\.? /u;

/** Words left out of slugs and keys. */
const STOP_WORDS = new Set(
  'a an the of for to in on at by and or but is are was were be been its it this that these those with as from we our us i you they their'.split(' '),
);

/** Quoted words shorter than this, with no speaker, are taken as a term in quotation marks, not a quote. */
const MIN_QUOTE_WORDS = 4;

/** Lower-case ASCII words joined by "-", diacritics dropped, apostrophes removed. */
export function slugify(words: string, maxWords = Infinity, dropStopWords = false): string {
  const parts = words
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['\u2019]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !(dropStopWords && STOP_WORDS.has(w)));
  return parts.slice(0, maxWords).join('-');
}

const TYPE_PREFIX: Readonly<Record<RawEntity['type'], string>> = {
  Person: 'person',
  Organization: 'organization',
  Place: 'place',
  Event: 'event',
  Topic: 'topic',
};

/** A name found in the body: of a known entity, or of a new one drafting suggests. */
interface NameHit {
  readonly start: number;
  readonly end: number;
  readonly entityId: string;
  readonly type: RawEntity['type'];
}

/** A quotation's marks and inside, as found. */
interface Quotation {
  /** Offset of the opening mark, and just after the closing one. */
  readonly open: number;
  readonly close: number;
  /** The quote's own words, without a trailing comma. */
  readonly start: number;
  readonly end: number;
}

/** Every quotation in the text, straight ("...") or typographic (“...”), paired within a paragraph. */
function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    const pattern = /"([^"]+)"|“([^”]+)”/g;
    for (const match of paragraph.matchAll(pattern)) {
      const open = offset + match.index!;
      const close = open + match[0].length;
      let start = open + 1;
      let end = close - 1;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      // A comma before the closing mark belongs to the sentence around the quote ("...," he said), a full stop to the quote.
      if (text[end - 1] === ',') end--;
      if (end > start) found.push({ open, close, start, end });
    }
    offset += paragraph.length + 1;
  }
  return found;
}

/**
 * Where the sentences of a text begin and end, found in one pass: a
 * sentence ends at a line break, or at `.`, `!` or `?` before a space or the
 * end, outside a quotation of its paragraph (straight marks counted,
 * typographic ones paired). Looked up by binary search, so that a text of
 * many quotes costs what its length does, not its length times its quotes.
 */
class Sentences {
  /** Positions where a sentence begins (after a break), in order. */
  private readonly starts: number[] = [];
  /** Positions a sentence's end is looked for from, in order, and where the sentence then ends. */
  private readonly endAt: number[] = [];
  private readonly endsBefore: number[] = [];

  constructor(private readonly text: string) {
    let straight = 0;
    let lastOpen = -1;
    let lastClose = -1;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      const inside = straight % 2 === 1 || lastOpen > lastClose;
      if (char === '\n') {
        if (i > 0) this.starts.push(i + 1);
        this.endAt.push(i);
        this.endsBefore.push(i);
        straight = 0;
        lastOpen = -1;
        lastClose = -1;
        continue;
      }
      if (i > 0 && /[.!?]/.test(text[i - 1]) && /\s/.test(char) && !inside) this.starts.push(i + 1);
      if (/[.!?]/.test(char) && (i + 1 === text.length || /\s/.test(text[i + 1])) && !inside) {
        this.endAt.push(i);
        this.endsBefore.push(i + 1);
      }
      if (char === '"') straight++;
      else if (char === '“') lastOpen = i;
      else if (char === '”') lastClose = i;
    }
  }

  /** The start of the sentence `at` is in. */
  start(at: number): number {
    // The last start at or before `at` (a break at `at` itself does not count).
    let [lo, hi] = [0, this.starts.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.starts[lo - 1] : 0;
  }

  /** The end of the sentence `at` is in. */
  end(at: number): number {
    let [lo, hi] = [0, this.endAt.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.endAt[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.endAt.length ? this.endsBefore[lo] : this.text.length;
  }
}

/** How a speaker is named next to a quote: by name, by pronoun, or by a descriptive phrase. */
type SpeakerWords = { readonly kind: 'name' | 'pronoun' | 'phrase'; readonly words: string; readonly start: number; readonly end: number };

const SUBJECT = String.raw`((?:[Tt]he|[Aa]n?) [\p{L}'’ -]+?|[Hh]e|[Ss]he|\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*)`;
/** After the quote: `, he said`, `Zuckerberg said`, `said Zuckerberg`, `the founder added`. */
const AFTER_SUBJECT_VERB = new RegExp(String.raw`^,?\s*${SUBJECT}(?:, [^,"“”]+,)?\s+(?:\p{L}+ly\s+)?(?:${SPEECH_VERBS})\b`, 'u');
const AFTER_VERB_SUBJECT = new RegExp(String.raw`^,?\s*(?:${SPEECH_VERBS})\s+${SUBJECT}(?=[,.;:]|\s*$)`, 'u');
/** `said Lakeline's managing director, Owen Hale`: the name after the description. */
const AFTER_VERB_DESCRIPTION_NAME = new RegExp(
  String.raw`^,?\s*(?:${SPEECH_VERBS})\s+[^,.;"“”]+, (\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*)(?=[,.;:]|\s*$)`,
  'u',
);
/** Before the quote: `Zuckerberg said: "`, `He stated, "`, `he mentioned, "`. */
const BEFORE_SUBJECT_VERB = new RegExp(String.raw`(?:^|[\s,])${SUBJECT}(?:, [^,"“”]+,)?\s+(?:\p{L}+ly\s+)?(?:${SPEECH_VERBS})(?: that)?\s*[,:]?\s*$`, 'u');

function speakerWords(match: RegExpExecArray | null, base: number, captured: string | undefined): SpeakerWords | null {
  if (!match || captured === undefined) return null;
  const at = match[0].lastIndexOf(captured);
  const start = base + match.index + at;
  // A name's last full stop ends the sentence, not the name.
  const words = captured.replace(/\.$/, '');
  const kind = PRONOUNS.has(words.toLowerCase()) ? 'pronoun' : /^(the|an?) /i.test(words) ? 'phrase' : 'name';
  return { kind, words, start, end: start + words.length };
}

/** How far from a quote, in characters, its speaker is looked for. */
const ATTRIBUTION_REACH = 300;

/** The words naming the speaker of a quotation, looked for after it, then before it, within its sentence. */
function findSpeakerWords(text: string, sentences: Sentences, quotation: Quotation): SpeakerWords | null {
  // A quote that ends its own sentence ("... a single library.") is not attributed by the sentence after it.
  // Within ATTRIBUTION_REACH of the quote: a speaker is named beside the quote, and a sentence of thousands of words must not cost that much per quote.
  const after =
    text[quotation.end - 1] === '.' ? '' : text.slice(quotation.close, Math.min(sentences.end(quotation.close), quotation.close + ATTRIBUTION_REACH));
  const afterMatch = AFTER_SUBJECT_VERB.exec(after);
  if (afterMatch) return speakerWords(afterMatch, quotation.close, afterMatch[1]);
  const inverted = AFTER_VERB_SUBJECT.exec(after);
  if (inverted) return speakerWords(inverted, quotation.close, inverted[1]);
  const described = AFTER_VERB_DESCRIPTION_NAME.exec(after);
  if (described) return speakerWords(described, quotation.close, described[1]);
  const from = Math.max(sentences.start(quotation.open), quotation.open - ATTRIBUTION_REACH);
  const before = text.slice(from, quotation.open);
  const beforeMatch = BEFORE_SUBJECT_VERB.exec(before);
  if (beforeMatch) return speakerWords(beforeMatch, from, beforeMatch[1]);
  return null;
}

/** A key from the first words, stop words left out: "If anything, some of the recent news" is "if-anything-some-recent". */
function keyOf(words: string, taken: Set<string>): string {
  const base = slugify(words, 4, true) || 'item';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/** The words a selector needs around `start`..`end` when the words occur more than once in the text. */
function disambiguation(text: string, start: number, end: number): { prefix?: string } {
  const exact = text.slice(start, end);
  if (text.indexOf(exact) === start && text.indexOf(exact, start + 1) === -1) return {};
  return { prefix: text.slice(Math.max(0, start - 32), start) };
}

/** Cleans a name compromise found: its leading capitalised words, without a possessive or trailing mark. */
function cleanName(raw: string): string {
  const words: string[] = [];
  for (const word of raw.trim().replace(HONORIFIC, '').split(/\s+/)) {
    const bare = word.replace(/['’]s?[,.;:]*$/u, '').replace(/[,.;:!?)]+$/u, '');
    if (!/^\p{Lu}/u.test(bare)) break;
    words.push(bare);
    if (bare !== word.replace(/[,.;:!?)]+$/u, '')) break;
  }
  return words.join(' ');
}

interface NlpTerm {
  readonly text: string;
  readonly offset: { readonly start: number; readonly length: number };
}

let loadedNlp: typeof Compromise | undefined;

/** compromise, required at the first draft rather than at start: loading it is a third of the service's start-up. */
function nlp(text: string): ReturnType<typeof Compromise> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which an import cannot express synchronously
  loadedNlp ??= require('compromise') as typeof Compromise;
  return loadedNlp(text);
}

/** Names compromise tags as people, organizations and places, with their offsets, cleaned. */
function nlpNames(text: string): { type: RawEntity['type']; name: string; start: number }[] {
  const out: { type: RawEntity['type']; name: string; start: number }[] = [];
  // A chunk of a few sentences at a time: compromise's matching grows faster than the length of a sentence it is given.
  for (const [from, to] of chunksOf(text, NLP_CHUNK)) {
    const chunk = text.slice(from, to);
    const doc = nlp(chunk);
    const take = (type: RawEntity['type'], terms: NlpTerm[]) => {
      for (const term of terms) {
        const name = cleanName(term.text);
        const start = from + term.offset.start + Math.max(0, term.text.indexOf(name));
        if (name.length > 1 && text.slice(start, start + name.length) === name) out.push({ type, name, start });
      }
    };
    take('Person', doc.people().json({ offset: true }) as NlpTerm[]);
    take('Organization', doc.organizations().json({ offset: true }) as NlpTerm[]);
    take('Place', doc.places().json({ offset: true }) as NlpTerm[]);
  }
  return out;
}

/** Most characters given to compromise at once. */
const NLP_CHUNK = 2_000;

/** Pieces of `text` of at most `max` characters, each ending at a paragraph or sentence break where there is one, else at a space. */
function chunksOf(text: string, max: number): [number, number][] {
  const chunks: [number, number][] = [];
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + max);
    if (to < text.length) {
      const window = text.slice(from, to);
      const brk = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
      const space = window.lastIndexOf(' ');
      if (brk > max / 2) to = from + brk + 1;
      else if (space > 0) to = from + space + 1;
    }
    chunks.push([from, to]);
    from = to;
  }
  return chunks;
}

/** A role stated by apposition: "Mark Zuckerberg, the CEO of Meta," or "Yann LeCun, Meta's chief AI scientist,". */
interface StatedRole {
  readonly personId: string;
  readonly organizationId: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
}

const TITLE = String.raw`((?:[\p{Ll}\p{Lu}][\p{L}-]*)(?: [\p{Ll}\p{Lu}][\p{L}-]*){0,4}?)`;

/** The roles that appositions state, between a person's name and an organization's. */
function findAppositionRoles(text: string, hits: readonly NameHit[]): StatedRole[] {
  const roles: StatedRole[] = [];
  const byStart = new Map(hits.map((h) => [h.start, h]));
  const orgAt = (offset: number) => {
    const hit = byStart.get(offset);
    return hit && hit.type === 'Organization' ? hit : undefined;
  };
  for (const person of hits) {
    if (person.type !== 'Person' || !text.startsWith(', ', person.end)) continue;
    const rest = text.slice(person.end + 2, person.end + 2 + 120);
    // "the CEO of Meta"
    const ofOrg = new RegExp(String.raw`^(?:the |an? )?${TITLE} (?:of|at) `, 'u').exec(rest);
    if (ofOrg) {
      const org = orgAt(person.end + 2 + ofOrg[0].length);
      if (org && /^[,.;]/.test(text.slice(org.end, org.end + 1))) {
        roles.push({ personId: person.entityId, organizationId: org.entityId, title: ofOrg[1], start: person.start, end: org.end });
        continue;
      }
    }
    // "Meta's chief AI scientist"
    const org = orgAt(person.end + 2);
    if (org) {
      const titled = new RegExp(String.raw`^['’]s ${TITLE}(?=[,.;])`, 'u').exec(text.slice(org.end, org.end + 80));
      if (titled)
        roles.push({ personId: person.entityId, organizationId: org.entityId, title: titled[1], start: person.start, end: org.end + titled[0].length });
    }
  }
  return roles;
}

/** What a figure's reading gives as the data's fields. */
function figureFields(found: FoundFigure): Pick<RawFigure, 'value' | 'minValue' | 'maxValue' | 'unit' | 'counted' | 'qualifier' | 'change'> {
  const { level, change } = found.reading;
  const fields: Partial<RawFigure> & { unit?: string } = {};
  const amount = (a: ReadAmount) => {
    if (a.value !== null) fields.value = a.value;
    else Object.assign(fields, { minValue: a.minValue!, maxValue: a.maxValue! });
    fields.unit = a.units[0];
    if (a.counted !== null) fields.counted = a.counted;
    if (a.qualifier !== null) fields.qualifier = a.qualifier;
  };
  if (level) amount(level);
  if (change) {
    const given: NonNullable<RawFigure['change']> = { direction: change.direction };
    if (change.amount) {
      given.value = change.amount.value ?? change.amount.maxValue!;
      given.unit = change.amount.units[0];
      if (change.amount.qualifier !== null) given.qualifier = change.amount.qualifier;
    }
    if (change.basis !== null) given.basis = change.basis;
    fields.change = given;
    if (!level) fields.unit = change.amount?.units[0];
  }
  return fields as ReturnType<typeof figureFields>;
}

/** The unit of a figure said in words for its label. */
function figureKind(found: FoundFigure): 'money' | 'percent' | 'count' | 'duration' {
  const unit = found.reading.level?.units[0] ?? found.reading.change?.amount?.units[0] ?? '';
  if (unit === 'percent') return 'percent';
  if (unit === 'count') return 'count';
  if (['day', 'week', 'month', 'quarter', 'year'].includes(unit)) return 'duration';
  return 'money';
}

/** The names by which a descriptive phrase can mean a person, from the roles of the graph and of the article. */
function roleNames(role: { title: string; organizationId: string }, namesOf: (id: string) => readonly string[]): string[] {
  const names: string[] = [];
  for (const org of namesOf(role.organizationId)) {
    names.push(`the ${org} ${role.title}`, `${org}'s ${role.title}`, `the ${role.title} of ${org}`, `the ${role.title} at ${org}`);
  }
  names.push(`the ${role.title}`);
  return names.map((n) => n.toLowerCase());
}

/** Largest raw text `POST /admin/drafts` takes, in bytes: 64 KiB, a long article several times over. */
export const MAX_DRAFT_BYTES = 64 * 1024;

/** Why `raw` cannot be drafted (no text, or a headline without a body), or undefined when it can. */
export function undraftableText(raw: string): string | undefined {
  if (raw.trim() === '') return 'The text is empty: send the headline on the first line, then the body.';
  const lineBreak = raw.indexOf('\n');
  if (lineBreak === -1 || raw.slice(lineBreak + 1).trim() === '') return 'The text has a headline and no body: send the body on the lines after the headline.';
  return undefined;
}

/**
 * Drafts the graph data of an article from its raw text: the first line is
 * the headline, the rest the body, kept exactly. Quotes, their speakers,
 * mentions of the graph's entities, figures, new entities and roles are
 * found by the rules in the README; what is uncertain is a review note.
 */
export function draftArticle(raw: string, graph: DraftGraph): ArticleDraft {
  const review: ReviewNote[] = [];
  const note = (topic: ReviewNote['topic'], start: number, words: string, message: string) => review.push({ topic, text: words, start, message });
  const lineBreak = raw.indexOf('\n');
  const headline = (lineBreak === -1 ? raw : raw.slice(0, lineBreak)).replace(/\r$/, '').trim();
  // The body as given; only the file's final line break is not part of it.
  const text = lineBreak === -1 ? '' : raw.slice(lineBreak + 1).replace(/\r?\n$/, '');
  const slug = slugify(headline, 8, true) || 'untitled';
  const sentences = new Sentences(text);

  const known = new Map(graph.entities.map((e) => [e.id, e]));
  const hits: NameHit[] = [];
  const namesToEntity = new Map<string, KnownEntity>();
  for (const entity of graph.entities) for (const name of [entity.name, ...entity.aliases]) if (!namesToEntity.has(name)) namesToEntity.set(name, entity);
  for (const occurrence of findMentions(text, [...namesToEntity.keys()])) {
    const entity = namesToEntity.get(text.slice(occurrence.start, occurrence.end))!;
    hits.push({ ...occurrence, entityId: entity.id, type: entity.type });
  }

  // New entities: names compromise tags, not already names of the graph.
  const candidates = new Map<string, RawEntity>();
  const takenIds = new Set(known.keys());
  const covered = (start: number, end: number) => hits.some((h) => start < h.end && h.start < end);
  const addCandidate = (type: RawEntity['type'], name: string, start: number): void => {
    if (name.length < 3 || covered(start, start + name.length) || namesToEntity.has(name)) return;
    // A surname alone, of a person already drafted, is an alias of that person.
    const fuller = [...candidates.values()].find((c) => c.type === type && c.name.endsWith(` ${name}`));
    const existing = fuller ?? [...candidates.values()].find((c) => c.type === type && c.name === name);
    let entity = existing;
    if (!entity) {
      const id = `${TYPE_PREFIX[type]}:${slugify(name)}`;
      if (takenIds.has(id)) {
        note(
          'entity',
          start,
          name,
          `"${name}" looks like a new ${type.toLowerCase()}, but the graph already has ${id} under other names: add "${name}" to its aliases, or give the new one another id`,
        );
        return;
      }
      takenIds.add(id);
      entity = { id, type, name };
      candidates.set(id, entity);
      note('entity', start, name, `new ${type.toLowerCase()} ${id}: check it is not in the graph under another name, and that it is a ${type.toLowerCase()}`);
    } else if (entity.name !== name && !(entity.aliases ?? []).includes(name)) {
      entity.aliases = [...(entity.aliases ?? []), name];
    }
  };
  const tagged = nlpNames(text).sort((a, b) => a.start - b.start);
  for (const { type, name, start } of tagged) addCandidate(type, name, start);
  // A new person's surname standing alone ("Okafor said") is an alias of the person.
  for (const person of candidates.values()) {
    const surname = person.name.split(' ').at(-1)!;
    if (person.type !== 'Person' || surname === person.name || namesToEntity.has(surname) || (person.aliases ?? []).includes(surname)) continue;
    const full = findMentions(text, [person.name]);
    if (findMentions(text, [surname]).some((o) => !full.some((n) => o.start >= n.start && o.end <= n.end)))
      person.aliases = [...(person.aliases ?? []), surname];
  }
  const addCandidateHits = () => {
    const names = new Map<string, RawEntity>();
    for (const c of candidates.values()) for (const n of [c.name, ...(c.aliases ?? [])]) names.set(n, c);
    const fresh = findMentions(text, [...names.keys()]).filter((o) => !covered(o.start, o.end));
    for (const o of fresh) {
      const entity = names.get(text.slice(o.start, o.end))!;
      hits.push({ ...o, entityId: entity.id, type: entity.type });
    }
    hits.sort((a, b) => a.start - b.start);
  };
  addCandidateHits();

  const typeOf = (id: string) => known.get(id)?.type ?? candidates.get(id)?.type;
  const namesOf = (id: string): readonly string[] => {
    const e = known.get(id) ?? candidates.get(id);
    return e ? [e.name, ...(e.aliases ?? [])] : [];
  };

  // Roles stated here, then the graph's: what a descriptive phrase can resolve to.
  const statedRoles = findAppositionRoles(text, hits);
  const phraseOwners = new Map<string, Set<string>>();
  const own = (phrase: string, personId: string) => {
    const set = phraseOwners.get(phrase) ?? new Set<string>();
    set.add(personId);
    phraseOwners.set(phrase, set);
  };
  for (const role of [...graph.roles, ...statedRoles]) for (const phrase of roleNames(role, namesOf)) own(phrase, role.personId);
  for (const entity of [...graph.entities, ...candidates.values()])
    if (entity.type === 'Person') for (const alias of entity.aliases ?? []) own(`the ${alias}`.toLowerCase(), entity.id);

  const personBefore = (offset: number) => [...hits].reverse().find((h) => h.type === 'Person' && h.end <= offset);
  const resolve = (words: SpeakerWords, quoteStart: number): { id: string | null; why?: string } => {
    if (words.kind === 'pronoun') {
      const last = personBefore(Math.min(words.start, quoteStart));
      return last ? { id: last.entityId } : { id: null, why: `"${words.words}" follows no named person` };
    }
    if (words.kind === 'name') {
      const within = (h: NameHit) => h.start >= words.start && h.end <= words.end;
      const hit = hits.find((h) => within(h) && h.type === 'Person') ?? hits.find(within);
      if (hit && hit.type === 'Person') return { id: hit.entityId };
      if (hit) return { id: null, why: `"${words.words}" is a ${hit.type.toLowerCase()}, not a person` };
      const name = words.words.replace(HONORIFIC, '');
      addCandidate('Person', name, words.end - name.length);
      addCandidateHits();
      const added = hits.find((h) => within(h) && h.type === 'Person');
      return added ? { id: added.entityId } : { id: null, why: `"${words.words}" is not a person drafting knows` };
    }
    const owners = phraseOwners.get(words.words.toLowerCase());
    if (owners && owners.size === 1) return { id: [...owners][0] };
    return {
      id: null,
      why: owners
        ? `"${words.words}" fits ${owners.size} people (${[...owners].join(', ')})`
        : `"${words.words}" is not a role or alias of exactly one known person`,
    };
  };

  // Quotes and their speakers; a quotation that continues the one before ("First part," he said, "second part.") shares its speaker.
  const quotes: DraftQuote[] = [];
  let previous: { quotation: Quotation; speaker: string | null; words: SpeakerWords | null } | null = null;
  for (const quotation of findQuotations(text)) {
    const words = findSpeakerWords(text, sentences, quotation);
    const quoteText = text.slice(quotation.start, quotation.end);
    let speaker: string | null = null;
    let why: string | undefined;
    const between = previous ? text.slice(previous.words?.end ?? previous.quotation.close, quotation.open) : '';
    // "First part," she said, "second part." or a quote straight after an attributed one, in the same paragraph, with nothing named between.
    const attributed = previous?.words && previous.words.start >= previous.quotation.close ? previous.words : null;
    const continues =
      attributed !== null &&
      !between.includes('\n') &&
      (/^\s*(?:\p{L}+\s*)?,\s*$/u.test(between) || /^[^.!?]*[.!?]\s*$/u.test(between)) &&
      !hits.some((h) => h.start >= attributed.end && h.end <= quotation.open);
    if (previous && continues && (!words || words.start === attributed.start)) {
      speaker = previous.speaker;
      why = speaker ? undefined : 'it continues a quote whose speaker is not certain';
    } else if (words) {
      ({ id: speaker, why } = resolve(words, quotation.open));
    } else if (quoteText.split(/\s+/).length < MIN_QUOTE_WORDS) {
      note('quote', quotation.start, quoteText, `"${quoteText}" is in quotation marks with no speaker: taken as a term, not a quote`);
      previous = null;
      continue;
    } else {
      why = 'no speaker is named next to it';
    }
    if (speaker === null) note('speaker', quotation.start, quoteText, `the quote has no speaker: ${why}; it is left out of the draft until one is given`);
    quotes.push({ text: quoteText, start: quotation.start, speaker });
    previous = { quotation, speaker, words };
  }

  const keys = new Set<string>();
  const rawQuotes: RawQuote[] = [];
  const claims: RawClaim[] = [];
  const mentionedIn = (start: number, end: number, except?: string) => [
    ...new Set(hits.filter((h) => h.start >= start && h.end <= end && h.entityId !== except && h.type !== 'Person').map((h) => h.entityId)),
  ];
  for (const quote of quotes) {
    if (quote.speaker === null) continue;
    const key = keyOf(quote.text, keys);
    const end = quote.start + quote.text.length;
    rawQuotes.push({ key, speaker: quote.speaker, text: quote.text, ...disambiguation(text, quote.start, end) });
    const subjects = mentionedIn(sentences.start(quote.start), sentences.end(end), quote.speaker);
    claims.push({
      key,
      text: quote.text,
      attribution: 'DIRECT_QUOTE',
      claimant: quote.speaker,
      subjects: subjects.length > 0 ? subjects : [quote.speaker],
      quotes: [key],
      source: { exact: quote.text, ...disambiguation(text, quote.start, end) },
    });
    note(
      'quote',
      quote.start,
      quote.text,
      `claim "${key}" restates the quote word for word, and its subjects are the entities of its sentence${subjects.length ? '' : ' (none: the speaker)'}: say what it claims, and about whom`,
    );
  }

  // Figures: each with the claim of its sentence and the entity it is most likely about.
  const figures: RawFigure[] = [];
  const sentenceClaims = new Map<number, string>();
  for (const found of findFigurePhrases(text)) {
    const kind = figureKind(found);
    const level = found.reading.level;
    if (kind === 'count' && level && level.value !== null && /^\d{4}$/.test(found.text.split(' ')[0]) && level.value >= 1900 && level.value <= 2100) continue;
    const from = sentences.start(found.start);
    const to = sentences.end(found.end);
    const inSentence = hits.filter((h) => h.start >= from && h.end <= to && h.type !== 'Person');
    const before = inSentence.filter((h) => h.end <= found.start);
    const organizations = before.filter((h) => h.type === 'Organization');
    // An organization named before the figure is what it most often measures; then any entity before it, then after it.
    const subject = (organizations[organizations.length - 1] ?? before[before.length - 1] ?? inSentence[0])?.entityId;
    if (!subject) {
      note('figure', found.start, found.text, `the figure "${found.text}" is about no entity of its sentence: add its subject and put it in the draft by hand`);
      continue;
    }
    let claim = sentenceClaims.get(from);
    const sentence = text.slice(from, to);
    if (!claim) {
      claim = keyOf(sentence.replace(/^\W+/, ''), keys);
      sentenceClaims.set(from, claim);
      // The person the sentence names reports it; else an entity it names saying so ("Corvane Systems said ...").
      const speaker =
        hits.find((h) => h.type === 'Person' && h.start >= from && h.end <= to) ??
        hits.find(
          (h) => h.start >= from && h.end <= to && new RegExp(String.raw`^ (?:${SPEECH_VERBS}|reported|announced)\b`, 'u').test(text.slice(h.end, h.end + 20)),
        );
      const subjects = [...new Set(inSentence.map((h) => h.entityId))];
      claims.push({
        key: claim,
        text: sentence,
        attribution: speaker ? 'PARAPHRASE' : 'EDITORIAL',
        ...(speaker ? { claimant: speaker.entityId } : {}),
        subjects,
        source: { exact: sentence.replace(/[.!?]$/, ''), ...disambiguation(text, from, from + sentence.replace(/[.!?]$/, '').length) },
      });
      note(
        'figure',
        from,
        sentence,
        `claim "${claim}" is the sentence as written, ${speaker ? `reported of ${speaker.entityId}` : "in the article's own voice"}: restate it and check its attribution`,
      );
    }
    const years = [...sentence.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => m[0]);
    const period = years.length === 1 ? years[0] : undefined;
    const key = keyOf(`${slugify(namesOf(subject)[0] ?? '')} ${kind} ${period ?? ''}`, keys);
    const fields = figureFields(found);
    if (found.reading.level?.units.length === 2)
      note('figure', found.start, found.text, `"${found.text}" may be yen or yuan: the draft says ${fields.unit}; check it`);
    figures.push({
      key,
      label: `${namesOf(subject)[0]}: ${found.text}${period ? `, ${period}` : ''}`,
      ...fields,
      ...(period ? { period } : {}),
      subject,
      claim,
      source: { exact: found.text, ...disambiguation(text, found.start, found.end) },
    } as RawFigure);
    note(
      'figure',
      found.start,
      found.text,
      `figure "${key}": its subject is ${subject}, the organization or entity of its sentence nearest before it${period ? `, and its period ${period}, the only year of its sentence` : ', with no period'}: check them and write its label`,
    );
  }

  const relations: RawRelation[] = statedRoles
    .filter((r) => typeOf(r.personId) === 'Person' && typeOf(r.organizationId) === 'Organization')
    .map((r) => ({ predicate: 'HAS_ROLE_AT', from: r.personId, to: r.organizationId, qualifier: r.title, source: { exact: text.slice(r.start, r.end) } }));
  for (const r of statedRoles) note('role', r.start, text.slice(r.start, r.end), `${r.personId} is "${r.title}" at ${r.organizationId}`);

  // A speaker known only by a description is listed too: the write API then says it is not named in the text, and the note says what to do.
  const unnamed = [...new Set(quotes.map((q) => q.speaker).filter((id): id is string => id !== null && !hits.some((h) => h.entityId === id)))];
  for (const id of unnamed)
    note(
      'speaker',
      quotes.find((q) => q.speaker === id)!.start,
      namesOf(id)[0] ?? id,
      `${id} speaks here but is named only by a description: add that description to its aliases (an entity in the body's "entities"), or leave its quotes out`,
    );
  const mentioned = [...new Set([...hits.map((h) => h.entityId), ...unnamed])];
  const article: RawArticle = {
    id: `article:${slug}`,
    headline,
    text,
    entities: mentioned,
    quotes: rawQuotes,
    claims,
    figures,
    relations,
  };
  const entities = [...candidates.values()].filter((c) => mentioned.includes(c.id));
  review.sort((a, b) => a.start - b.start);
  return { slug, body: { article, entities }, quotes, review };
}

/** A draft as the script prints it and the route answers it: the write body, the review notes, and the write API's problems. */
export interface DraftReport {
  readonly slug: string;
  /** True when the write API would accept `body` as it is, against the graph now. */
  readonly valid: boolean;
  readonly body: ArticleDraft['body'];
  readonly review: readonly ReviewNote[];
  readonly problems: readonly DataProblem[];
}

/** The report of a draft, given what the write API's check of its body said. */
export function reportDraft(draft: ArticleDraft, check: CheckOutcome): DraftReport {
  const review = [...draft.review];
  if (check.ok && !check.created)
    review.unshift({
      topic: 'article',
      text: draft.body.article.headline,
      start: 0,
      message: `article:${draft.slug} is in the graph already: writing this draft replaces it`,
    });
  const problems = check.ok ? [] : (check.problems ?? [{ file: `articles/${draft.slug}.json`, path: '$', message: check.message }]);
  return { slug: draft.slug, valid: check.ok, body: draft.body, review, problems };
}

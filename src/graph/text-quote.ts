import { cutsWord, WORD_CHAR } from './words';

/** A W3C Web Annotation TextQuoteSelector: the exact words, with context only where needed. */
export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** Where a selector landed, or why it did not. */
export type TextQuoteMatch =
  | { readonly ok: true; readonly start: number; readonly end: number }
  | {
      readonly ok: false;
      /** missing: the words are not in the text; ambiguous: they are, more than once; partial: they start or end inside a word. */
      readonly reason: 'missing' | 'ambiguous' | 'partial';
      readonly message: string;
    };

const SHOWN = 30;

function show(s: string): string {
  return JSON.stringify(s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** The word around `offset` in `text`. */
function wordAt(text: string, offset: number): string {
  let from = offset;
  let to = offset;
  while (from > 0 && WORD_CHAR.test(text[from - 1])) from--;
  while (to < text.length && WORD_CHAR.test(text[to])) to++;
  return text.slice(from, to);
}

/** Says where words placed at `at` cut a word of the text, at either end or both. */
function explainCut(text: string, exact: string, at: number): string {
  const end = at + exact.length;
  const cuts = [
    ...(cutsWord(text, at) ? [`starts inside the word ${JSON.stringify(wordAt(text, at))} (at offset ${at})`] : []),
    ...(cutsWord(text, end) ? [`ends inside the word ${JSON.stringify(wordAt(text, end))} (at offset ${end})`] : []),
  ];
  return `${show(exact)} ${cuts.join(' and ')}; select whole words`;
}

function allIndexesOf(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) found.push(i);
  return found;
}

/**
 * Explains why `exact` is not in `text`: finds the longest leading part of it
 * that is, and shows where the article and the selector part ways.
 */
function explainMissing(text: string, exact: string): string {
  let lo = 0;
  let hi = exact.length;
  // The longest prefix of `exact` present in `text` (presence is monotone in length).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(exact.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 3) return `${show(exact)} is not in the article text`;
  const at = text.indexOf(exact.slice(0, lo));
  return (
    `${show(exact)} is not in the article text: its first ${lo} of ${exact.length} characters match at offset ${at}, ` +
    `then at offset ${at + lo} the text has ${show(text.slice(at + lo, at + lo + 12))} where the selector has ${show(exact.slice(lo, lo + 12))}`
  );
}

/**
 * Resolves a TextQuoteSelector against a text: the one place where `exact`
 * stands with the given `prefix` right before it and `suffix` right after.
 * Fails, saying why, when there is no such place or more than one.
 */
export function resolveTextQuote(text: string, selector: TextQuoteSelector): TextQuoteMatch {
  const { exact, prefix, suffix } = selector;
  const anywhere = allIndexesOf(text, exact);
  if (anywhere.length === 0) return { ok: false, reason: 'missing', message: explainMissing(text, exact) };
  const inContext = (i: number) =>
    (prefix === undefined || text.slice(i - prefix.length, i) === prefix) &&
    (suffix === undefined || text.slice(i + exact.length, i + exact.length + suffix.length) === suffix);
  // Only whole-word places count: "in Rostor" does not stand in "in Rostorven".
  const wholeWord = (i: number) => !cutsWord(text, i) && !cutsWord(text, i + exact.length);
  const everywhere = anywhere.filter(wholeWord);
  if (everywhere.length === 0) {
    return { ok: false, reason: 'partial', message: explainCut(text, exact, anywhere.find(inContext) ?? anywhere[0]) };
  }
  const matching = everywhere.filter(inContext);
  if (matching.length === 1) return { ok: true, start: matching[0], end: matching[0] + exact.length };
  if (matching.length === 0) {
    return {
      ok: false,
      reason: 'missing',
      message: `${show(exact)} occurs ${times(everywhere.length)} (at offset${everywhere.length > 1 ? 's' : ''} ${everywhere.join(', ')}) but never with the given prefix/suffix`,
    };
  }
  return {
    ok: false,
    reason: 'ambiguous',
    message: `${show(exact)} occurs ${times(matching.length)} (at offsets ${matching.join(', ')}); add a prefix or suffix that singles out one`,
  };
}

/** A W3C Web Annotation TextQuoteSelector: the exact words, with context only where needed. */
export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** Where a selector landed, or why it did not. */
export type TextQuoteMatch =
  | { readonly ok: true; readonly start: number; readonly end: number }
  | { readonly ok: false; readonly message: string };

const SHOWN = 30;

function show(s: string): string {
  return JSON.stringify(s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);
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
    `${show(exact)} is not in the article text: it matches the text at offset ${at} for ${lo} of ${exact.length} characters, ` +
    `then the text has ${show(text.slice(at + lo, at + lo + 12))} where the selector has ${show(exact.slice(lo, lo + 12))}`
  );
}

/**
 * Resolves a TextQuoteSelector against a text: the one place where `exact`
 * stands with the given `prefix` right before it and `suffix` right after.
 * Fails, saying why, when there is no such place or more than one.
 */
export function resolveTextQuote(text: string, selector: TextQuoteSelector): TextQuoteMatch {
  const { exact, prefix, suffix } = selector;
  const everywhere = allIndexesOf(text, exact);
  if (everywhere.length === 0) return { ok: false, message: explainMissing(text, exact) };
  const matching = everywhere.filter(
    (i) =>
      (prefix === undefined || text.slice(i - prefix.length, i) === prefix) &&
      (suffix === undefined || text.slice(i + exact.length, i + exact.length + suffix.length) === suffix),
  );
  if (matching.length === 1) return { ok: true, start: matching[0], end: matching[0] + exact.length };
  if (matching.length === 0) {
    return {
      ok: false,
      message: `${show(exact)} occurs ${everywhere.length} time(s) (at offsets ${everywhere.join(', ')}) but never with the given prefix/suffix`,
    };
  }
  return {
    ok: false,
    message: `${show(exact)} occurs ${matching.length} times (at offsets ${matching.join(', ')}); add a prefix or suffix that singles out one`,
  };
}

import type { ArticleDraft } from '../src/graph';

/** What a careful reader finds in a text: its quotes with their speakers, and its money figures. */
export interface ExpectedDraft {
  readonly quotes: readonly { readonly text: string; readonly speaker: string | null }[];
  readonly money: readonly { readonly words: string; readonly value?: number; readonly minValue?: number; readonly maxValue?: number; readonly unit: string }[];
}

/** Matches found and how many there were on each side. */
export interface Tally {
  readonly found: number;
  readonly expected: number;
  readonly matched: number;
}

/** The tallies of one text. */
export interface DraftScore {
  readonly quotes: Tally;
  /** Over the quotes with a speaker: found, speakers the draft gives; expected, speakers the reader gives; matched, the same speaker of the same quote. */
  readonly speakers: Tally;
  readonly money: Tally;
  /** What was missed or wrong, for the report. */
  readonly misses: readonly string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True for an ISO 4217 code: the unit of a money figure. */
const isMoney = (unit: string) => /^[A-Z]{3}$/.test(unit);

/** Compares a draft with what is expected of it. */
export function scoreDraft(draft: ArticleDraft, expected: ExpectedDraft): DraftScore {
  const misses: string[] = [];
  const found = new Map(draft.quotes.map((q) => [squash(q.text), q.speaker]));
  let quoteMatches = 0;
  let speakerMatches = 0;
  for (const quote of expected.quotes) {
    const text = squash(quote.text);
    if (!found.has(text)) {
      misses.push(`quote not found: "${quote.text}"`);
      continue;
    }
    quoteMatches++;
    const speaker = found.get(text)!;
    if (quote.speaker !== null && speaker === quote.speaker) speakerMatches++;
    else if (speaker !== quote.speaker) misses.push(`speaker of "${quote.text}": ${speaker ?? 'none'}, expected ${quote.speaker ?? 'none'}`);
  }
  const expectedTexts = new Set(expected.quotes.map((q) => squash(q.text)));
  for (const quote of draft.quotes) if (!expectedTexts.has(squash(quote.text))) misses.push(`not a quote: "${quote.text}"`);

  const figures = (draft.body.article.figures ?? []).filter((f) => isMoney(f.unit));
  let moneyMatches = 0;
  const unmatched = [...figures];
  for (const money of expected.money) {
    const at = unmatched.findIndex(
      (f) =>
        f.unit === money.unit &&
        f.value === money.value &&
        f.minValue === money.minValue &&
        f.maxValue === money.maxValue &&
        (f.source.exact.includes(money.words) || money.words.includes(f.source.exact)),
    );
    if (at === -1) misses.push(`money figure not found: "${money.words}"`);
    else {
      moneyMatches++;
      unmatched.splice(at, 1);
    }
  }
  for (const f of unmatched) misses.push(`not a money figure of the text: "${f.source.exact}"`);
  return {
    quotes: { found: draft.quotes.length, expected: expected.quotes.length, matched: quoteMatches },
    speakers: {
      found: draft.quotes.filter((q) => q.speaker !== null).length,
      expected: expected.quotes.filter((q) => q.speaker !== null).length,
      matched: speakerMatches,
    },
    money: { found: figures.length, expected: expected.money.length, matched: moneyMatches },
    misses,
  };
}

/** Sums tallies. */
export function addTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce((a, b) => ({ found: a.found + b.found, expected: a.expected + b.expected, matched: a.matched + b.matched }), {
    found: 0,
    expected: 0,
    matched: 0,
  });
}

/** Precision and recall of a tally (1 when there is nothing to find or nothing found). */
export function precisionRecall(tally: Tally): { precision: number; recall: number } {
  return { precision: tally.found === 0 ? 1 : tally.matched / tally.found, recall: tally.expected === 0 ? 1 : tally.matched / tally.expected };
}

import { resolveTextQuote } from '../../src/graph/text-quote';

const TEXT = 'Bo said no. Al said no. Bo said yes.';

describe('resolveTextQuote', () => {
  it('resolves words that occur once to their start and end offsets', () => {
    expect(resolveTextQuote(TEXT, { exact: 'said yes' })).toEqual({ ok: true, start: 27, end: 35 });
  });

  it('resolves words that occur twice to the occurrence the prefix singles out', () => {
    expect(resolveTextQuote(TEXT, { exact: 'said no', prefix: 'Al ' })).toEqual({ ok: true, start: 15, end: 22 });
  });

  it('resolves words that occur twice to the occurrence the suffix singles out', () => {
    expect(resolveTextQuote(TEXT, { exact: 'Bo said', suffix: ' yes' })).toEqual({ ok: true, start: 24, end: 31 });
  });

  it('resolves words at the very start of the text, where a prefix cannot match', () => {
    expect(resolveTextQuote(TEXT, { exact: 'Bo said', suffix: ' no' })).toEqual({ ok: true, start: 0, end: 7 });
    expect(resolveTextQuote(TEXT, { exact: 'Bo said', prefix: 'x' })).toEqual({
      ok: false,
      reason: 'missing',
      message: '"Bo said" occurs twice (at offsets 0, 24) but never with the given prefix/suffix',
    });
  });

  it('reports words that occur more than once with the offsets of every occurrence', () => {
    expect(resolveTextQuote(TEXT, { exact: 'said no' })).toEqual({
      ok: false,
      reason: 'ambiguous',
      message: '"said no" occurs twice (at offsets 3, 15); add a prefix or suffix that singles out one',
    });
  });

  it('reports words that occur but never with the given prefix', () => {
    expect(resolveTextQuote(TEXT, { exact: 'said no', prefix: 'Cy ' })).toEqual({
      ok: false,
      reason: 'missing',
      message: '"said no" occurs twice (at offsets 3, 15) but never with the given prefix/suffix',
    });
  });

  it('reports words that still occur twice with a prefix that does not single one out', () => {
    expect(resolveTextQuote(TEXT, { exact: 'said', prefix: 'Bo ' })).toEqual({
      ok: false,
      reason: 'ambiguous',
      message: '"said" occurs twice (at offsets 3, 27); add a prefix or suffix that singles out one',
    });
  });

  it('reports where words that are not in the text part from it', () => {
    expect(resolveTextQuote(TEXT, { exact: 'Al said maybe' })).toEqual({
      ok: false,
      reason: 'missing',
      message:
        '"Al said maybe" is not in the article text: its first 8 of 13 characters match at offset 12, ' +
        'then at offset 20 the text has "no. Bo said " where the selector has "maybe"',
    });
  });

  it('reports words whose first three characters are not in the text without a position', () => {
    expect(resolveTextQuote(TEXT, { exact: 'Cy said no' })).toEqual({
      ok: false,
      reason: 'missing',
      message: '"Cy said no" is not in the article text',
    });
  });

  it('shortens selectors longer than 30 characters in its messages', () => {
    expect(resolveTextQuote(TEXT, { exact: 'Bo said no. Al said no. Bo said nothing at all.' })).toEqual({
      ok: false,
      reason: 'missing',
      message:
        '"Bo said no. Al said no. Bo sai…" is not in the article text: its first 32 of 47 characters match at offset 0, ' +
        'then at offset 32 the text has "yes." where the selector has "nothing at a"',
    });
  });

  it('reports words that start inside a word with the offset where they start', () => {
    expect(resolveTextQuote(TEXT, { exact: 'aid yes' })).toEqual({
      ok: false,
      reason: 'partial',
      message: '"aid yes" starts inside the word "said" (at offset 28); select whole words',
    });
  });

  it('reports words that end inside a word with the offset where they end', () => {
    expect(resolveTextQuote(TEXT, { exact: 'said ye' })).toEqual({
      ok: false,
      reason: 'partial',
      message: '"said ye" ends inside the word "yes" (at offset 34); select whole words',
    });
  });

  it('reports words that both start and end inside a word with both offsets', () => {
    expect(resolveTextQuote(TEXT, { exact: 'o said y' })).toEqual({
      ok: false,
      reason: 'partial',
      message: '"o said y" starts inside the word "Bo" (at offset 25) and ends inside the word "yes" (at offset 33); select whole words',
    });
  });

  it('reports the occurrence that the prefix singles out when it starts inside a word', () => {
    expect(resolveTextQuote(TEXT, { exact: 'aid no', prefix: 'Al s' })).toEqual({
      ok: false,
      reason: 'partial',
      message: '"aid no" starts inside the word "said" (at offset 16); select whole words',
    });
  });

  it('resolves words to their one whole-word occurrence when another occurrence is inside a word', () => {
    // "rust" also stands inside "trust" (offset 5); only the whole word at offset 15 counts.
    expect(resolveTextQuote('The trust will rust.', { exact: 'rust' })).toEqual({ ok: true, start: 15, end: 19 });
  });

  it('resolves words that meet punctuation or the ends of the text, which cut no word', () => {
    expect(resolveTextQuote(TEXT, { exact: 'Bo said no' })).toEqual({ ok: true, start: 0, end: 10 });
    expect(resolveTextQuote(TEXT, { exact: 'said yes.' })).toEqual({ ok: true, start: 27, end: 36 });
  });

  it('counts letters beyond ASCII and digits as parts of a word', () => {
    const text = 'Zo\u00eb paid 1500 euros.';
    expect(resolveTextQuote(text, { exact: '\u00eb paid' })).toEqual({
      ok: false,
      reason: 'partial',
      message: '"\u00eb paid" starts inside the word "Zo\u00eb" (at offset 2); select whole words',
    });
    expect(resolveTextQuote(text, { exact: 'paid 150' })).toEqual({
      ok: false,
      reason: 'partial',
      message: '"paid 150" ends inside the word "1500" (at offset 12); select whole words',
    });
  });
});

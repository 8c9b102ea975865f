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
});

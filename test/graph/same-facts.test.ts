import { type FactReport, figureBucket, nextBucket, normalizeWords, reportsMatch } from '../../src/graph/same-facts';

/** A quote report of one speaker in an article. */
const quote = (id: string, articleId: string, text: string): FactReport => ({
  id,
  kind: 'QUOTE',
  articleId,
  bucket: 'QUOTE|person:x',
  words: normalizeWords(text),
});
const byId = (a: FactReport, b: FactReport) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('normalizeWords', () => {
  it('folds case, drops apostrophes and makes every other mark a word break, with a space at each end', () => {
    expect(normalizeWords("It's the CapEx — open-source, “things”…")).toBe(' its the capex open source things ');
    expect(normalizeWords('Ｃａｐｅｘ 2025')).toBe(' capex 2025 ');
    expect(normalizeWords(' … ')).toBe('');
  });
});

describe('reportsMatch', () => {
  it('matches equal words, and words a longer quote holds as whole words when they are at least four', () => {
    const long = quote('a', 'article:a', 'around infrastructure and capex and things like that');
    expect(reportsMatch(long, quote('b', 'article:b', 'Around infrastructure, and CapEx!'))).toBe(true);
    expect(reportsMatch(long, quote('b', 'article:b', 'and capex and'))).toBe(false);
    expect(reportsMatch(long, quote('b', 'article:b', 'structure and capex and things'))).toBe(false);
    expect(reportsMatch(quote('a', 'article:a', 'Yes.'), quote('b', 'article:b', 'yes'))).toBe(true);
  });

  it('never matches two reports of one article, nor a quote without words', () => {
    expect(reportsMatch(quote('a', 'article:a', 'the same four words'), quote('b', 'article:a', 'the same four words'))).toBe(false);
    expect(reportsMatch(quote('a', 'article:a', '…'), quote('b', 'article:b', '…'))).toBe(false);
  });
});

describe('figureBucket', () => {
  const range = { unit: 'USD', counted: null, value: null, minValue: 6e10, maxValue: 6.5e10, qualifier: null, change: null, period: '2025' };

  it('keys a figure by subject, unit, what it counts, value or range, qualifier, change and period', () => {
    expect(figureBucket('organization:meta', range)).toBe('FIGURE ["organization:meta","USD",null,null,60000000000,65000000000,null,null,"2025"]');
    expect(figureBucket('organization:meta', { ...range, value: 6e10, minValue: null, maxValue: null, period: null })).toBe(
      'FIGURE ["organization:meta","USD",null,60000000000,null,null,null,null,null]',
    );
  });

  it('keeps apart figures whose words bound or move the same number differently', () => {
    const six = { ...range, value: 6e6, minValue: null, maxValue: null, period: null };
    const down = { direction: 'DOWN', value: 17, unit: 'percent', qualifier: null, basis: null } as const;
    const keys = [
      figureBucket('organization:x', six),
      figureBucket('organization:x', { ...six, qualifier: 'LESS_THAN' }),
      figureBucket('organization:x', { ...six, unit: 'count', counted: 'people' }),
      figureBucket('organization:x', { ...six, unit: 'count', counted: 'users' }),
      figureBucket('organization:x', { ...six, change: down }),
      figureBucket('organization:x', { ...six, change: { ...down, direction: 'UP' } }),
      figureBucket('organization:x', { ...six, change: { ...down, basis: 'YEAR_OVER_YEAR' } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(figureBucket('organization:x', { ...six, change: down })).toBe(
      'FIGURE ["organization:x","USD",null,6000000,null,null,null,["DOWN",17,"percent",null,null],null]',
    );
  });
});

describe('nextBucket', () => {
  const whole = quote('q1', 'article:a', 'we will build it here and we will build it now');
  const front = quote('q2', 'article:b', 'we will build it here');
  const back = quote('q3', 'article:c', 'and we will build it now');

  it('links each pair that matches, both ways, and makes one fact of reports joined through others', () => {
    const bucket = nextBucket(undefined, new Set(), [back, whole, front], byId)!;
    expect(bucket.reports.map((r) => r.id)).toEqual(['q1', 'q2', 'q3']);
    expect(Object.fromEntries(bucket.links)).toEqual({ q1: ['q2', 'q3'], q2: ['q1'], q3: ['q1'] });
    expect(bucket.groups).toEqual([{ factId: 'q1', reportIds: ['q1', 'q2', 'q3'], articleCount: 3 }]);
  });

  it('splits the fact when the report joining it goes, and is gone when its last report goes', () => {
    const bucket = nextBucket(undefined, new Set(), [whole, front, back], byId);
    const without = nextBucket(bucket, new Set(['q1']), [], byId)!;
    expect(Object.fromEntries(without.links)).toEqual({});
    expect(without.groups).toEqual([
      { factId: 'q2', reportIds: ['q2'], articleCount: 1 },
      { factId: 'q3', reportIds: ['q3'], articleCount: 1 },
    ]);
    expect(nextBucket(without, new Set(['q2', 'q3']), [], byId)).toBeUndefined();
  });

  it('finds the same links as comparing every two quotes', () => {
    // Quotes of a few words from a small vocabulary, from a fixed seed, so that many hold others.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const vocabulary = ['we', 'build', 'now'];
    const quotes = Array.from({ length: 120 }, (_, i) =>
      quote(
        `q${String(i).padStart(3, '0')}`,
        `article:${i % 7}`,
        Array.from({ length: 1 + Math.floor(next() * 8) }, () => vocabulary[Math.floor(next() * 3)]).join(' '),
      ),
    );
    const bucket = nextBucket(nextBucket(undefined, new Set(), quotes.slice(0, 60), byId), new Set(), quotes.slice(60), byId)!;
    const expected = new Map<string, string[]>();
    for (const a of quotes) {
      const matches = quotes.filter((b) => b !== a && reportsMatch(a, b)).map((b) => b.id);
      if (matches.length > 0) expected.set(a.id, matches);
    }
    expect(expected.size).toBeGreaterThan(30);
    expect(Object.fromEntries(bucket.links)).toEqual(Object.fromEntries(expected));
  });
});

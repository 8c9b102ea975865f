import { describeReading, type FigureReading, findFigurePhrases, type ReadAmount, readFigurePhrase } from '../../src/graph';

/** An amount as the reader gives it, the fields not named null (one unit unless told). */
function amount(fields: Partial<ReadAmount> & { unit?: string }): ReadAmount {
  const { unit, ...rest } = fields;
  return { value: null, minValue: null, maxValue: null, units: unit ? [unit] : [], counted: null, qualifier: null, ...rest };
}

const level = (fields: Partial<ReadAmount> & { unit?: string }): FigureReading => ({ level: amount(fields), change: null });

function read(words: string): FigureReading {
  const result = readFigurePhrase(words);
  if (!result.ok) throw new Error(`${JSON.stringify(words)} did not read: ${result.reason}`);
  return result.reading;
}

describe('readFigurePhrase', () => {
  const levels: [string, FigureReading][] = [
    ['$60 billion to $65 billion', level({ minValue: 60_000_000_000, maxValue: 65_000_000_000, unit: 'USD' })],
    ['$48.39 billion', level({ value: 48_390_000_000, unit: 'USD' })],
    ['$114 billion', level({ value: 114_000_000_000, unit: 'USD' })],
    ['21%', level({ value: 21, unit: 'percent' })],
    ['21 %', level({ value: 21, unit: 'percent' })],
    ['21-per cent', level({ value: 21, unit: 'percent' })],
    ['21 per cent', level({ value: 21, unit: 'percent' })],
    ['21 percent', level({ value: 21, unit: 'percent' })],
    ['0.5 percent', level({ value: 0.5, unit: 'percent' })],
    ['two months', level({ value: 2, unit: 'month' })],
    ['one year', level({ value: 1, unit: 'year' })],
    ['20 days', level({ value: 20, unit: 'day' })],
    ['three quarters', level({ value: 3, unit: 'quarter' })],
    ['$6 million', level({ value: 6_000_000, unit: 'USD' })],
    ['1 billion people', level({ value: 1_000_000_000, unit: 'count', counted: 'people' })],
    ['a billion people', level({ value: 1_000_000_000, unit: 'count', counted: 'people' })],
    ['1,234,567 people', level({ value: 1_234_567, unit: 'count', counted: 'people' })],
    ['4,000.5 tonnes', level({ value: 4000.5, unit: 'count', counted: 'tonnes' })],
    ['twenty new homes', level({ value: 20, unit: 'count', counted: 'new homes' })],
    ['some two hundred thousand people', level({ value: 200_000, unit: 'count', counted: 'people', qualifier: 'ABOUT' })],
    ['€3.2bn', level({ value: 3_200_000_000, unit: 'EUR' })],
    ['£40m', level({ value: 40_000_000, unit: 'GBP' })],
    ['$5k', level({ value: 5000, unit: 'USD' })],
    ['$1.2tn', level({ value: 1_200_000_000_000, unit: 'USD' })],
    ['US$5 million', level({ value: 5_000_000, unit: 'USD' })],
    ['C$12 million', level({ value: 12_000_000, unit: 'CAD' })],
    ['¥300 billion', level({ value: 300_000_000_000, units: ['JPY', 'CNY'] })],
    ['USD 5 million', level({ value: 5_000_000, unit: 'USD' })],
    ['5 million EUR', level({ value: 5_000_000, unit: 'EUR' })],
    ['40 dollars', level({ value: 40, unit: 'USD' })],
    ['12 euros', level({ value: 12, unit: 'EUR' })],
    ['500 billion yen', level({ value: 500_000_000_000, unit: 'JPY' })],
    ['between 2 million and 3 million dollars', level({ minValue: 2_000_000, maxValue: 3_000_000, unit: 'USD' })],
    ['between 5 and 10 percent', level({ minValue: 5, maxValue: 10, unit: 'percent' })],
    ['$60 to $65 billion', level({ minValue: 60_000_000_000, maxValue: 65_000_000_000, unit: 'USD' })],
    ['$5-6 million', level({ minValue: 5_000_000, maxValue: 6_000_000, unit: 'USD' })],
    ['$5\u20136 million', level({ minValue: 5_000_000, maxValue: 6_000_000, unit: 'USD' })],
    ['2-3%', level({ minValue: 2, maxValue: 3, unit: 'percent' })],
    ['5 to 10 million people', level({ minValue: 5_000_000, maxValue: 10_000_000, unit: 'count', counted: 'people' })],
    ['less than $6 million', level({ value: 6_000_000, unit: 'USD', qualifier: 'LESS_THAN' })],
    ['fewer than 100 workers', level({ value: 100, unit: 'count', counted: 'workers', qualifier: 'LESS_THAN' })],
    ['more than 1 billion people', level({ value: 1_000_000_000, unit: 'count', counted: 'people', qualifier: 'MORE_THAN' })],
    ['over two months', level({ value: 2, unit: 'month', qualifier: 'MORE_THAN' })],
    ['about 120 researchers', level({ value: 120, unit: 'count', counted: 'researchers', qualifier: 'ABOUT' })],
    ['nearly 2%', level({ value: 2, unit: 'percent', qualifier: 'NEARLY' })],
    ['almost $1 billion', level({ value: 1_000_000_000, unit: 'USD', qualifier: 'NEARLY' })],
    ['up to $5 million', level({ value: 5_000_000, unit: 'USD', qualifier: 'UP_TO' })],
    ['as many as 300 jobs', level({ value: 300, unit: 'count', counted: 'jobs', qualifier: 'UP_TO' })],
    ['at least 14 days', level({ value: 14, unit: 'day', qualifier: 'AT_LEAST' })],
    ['about $5-6 million', level({ minValue: 5_000_000, maxValue: 6_000_000, unit: 'USD', qualifier: 'ABOUT' })],
    ['roughly between 10 and 12 weeks', level({ minValue: 10, maxValue: 12, unit: 'week', qualifier: 'ABOUT' })],
    // A low end written in full keeps its own scale; a bare one takes the high end's.
    ['$500,000 to $1 million', level({ minValue: 500_000, maxValue: 1_000_000, unit: 'USD' })],
    ['between $750,000 and $1.2 million', level({ minValue: 750_000, maxValue: 1_200_000, unit: 'USD' })],
    ['€900,000-€1.1 million', level({ minValue: 900_000, maxValue: 1_100_000, unit: 'EUR' })],
    ['$60 to $65 billion', level({ minValue: 60_000_000_000, maxValue: 65_000_000_000, unit: 'USD' })],
    ['5-6 million people', level({ minValue: 5_000_000, maxValue: 6_000_000, unit: 'count', counted: 'people' })],
    ['about 40 electric ferries', level({ value: 40, unit: 'count', counted: 'electric ferries', qualifier: 'ABOUT' })],
  ];

  it.each(levels)('reads %j', (words, expected) => {
    expect(read(words)).toEqual(expected);
  });

  const changes: [string, FigureReading][] = [
    [
      'rose 21% year over year to $48.39 billion',
      {
        level: amount({ value: 48_390_000_000, unit: 'USD' }),
        change: { direction: 'UP', amount: amount({ value: 21, unit: 'percent' }), basis: 'YEAR_OVER_YEAR' },
      },
    ],
    ['tank 17%', { level: null, change: { direction: 'DOWN', amount: amount({ value: 17, unit: 'percent' }), basis: null } }],
    ['fell 3.5% year-on-year', { level: null, change: { direction: 'DOWN', amount: amount({ value: 3.5, unit: 'percent' }), basis: 'YEAR_OVER_YEAR' } }],
    [
      'up 4% from the previous quarter',
      { level: null, change: { direction: 'UP', amount: amount({ value: 4, unit: 'percent' }), basis: 'QUARTER_OVER_QUARTER' } },
    ],
    [
      'down 2 per cent month-over-month',
      { level: null, change: { direction: 'DOWN', amount: amount({ value: 2, unit: 'percent' }), basis: 'MONTH_OVER_MONTH' } },
    ],
    [
      'grew nearly 2 per cent from a year earlier',
      { level: null, change: { direction: 'UP', amount: amount({ value: 2, unit: 'percent', qualifier: 'NEARLY' }), basis: 'YEAR_OVER_YEAR' } },
    ],
    ['increased by $2 billion', { level: null, change: { direction: 'UP', amount: amount({ value: 2_000_000_000, unit: 'USD' }), basis: null } }],
    ['rose to $5 billion', { level: amount({ value: 5_000_000_000, unit: 'USD' }), change: { direction: 'UP', amount: null, basis: null } }],
    [
      'slid 8% to about $3 billion',
      {
        level: amount({ value: 3_000_000_000, unit: 'USD', qualifier: 'ABOUT' }),
        change: { direction: 'DOWN', amount: amount({ value: 8, unit: 'percent' }), basis: null },
      },
    ],
    [
      'jumped 30 percent to 1 billion people',
      {
        level: amount({ value: 1_000_000_000, unit: 'count', counted: 'people' }),
        change: { direction: 'UP', amount: amount({ value: 30, unit: 'percent' }), basis: null },
      },
    ],
  ];

  it.each(changes)('reads the change %j', (words, expected) => {
    expect(read(words)).toEqual(expected);
  });

  const unreadable: [string, string][] = [
    ['', 'there are no words'],
    ['120', 'the number "120" has no unit: its words must say one (a currency, %, a duration, or what is counted)'],
    ['14 crossings a day', 'the words after "14 crossings" ("a day") are not part of a figure'],
    ['the budget', 'no number where one is expected, at "the"'],
    ['rose sharply', 'no number where one is expected, at "sharply"'],
    ['$5 to €6 million', 'the two ends of "$5 to €6 million" are in different units (USD and EUR)'],
    ['5 people to 6 cars', 'the two ends of "5 people to 6 cars" count different things ("people" and "cars")'],
    ['2 percentage points', 'percentage points ("2 percentage points") are not a unit of the vocabulary: give the level they reach in percent instead'],
    ['half of the staff', 'no number where one is expected, at "half"'],
    // A number word joined to another by a dash is a compound, not a range of 20 to 1.
    ['twenty-one percent', 'no number where one is expected, at "twenty"'],
    ['two-thirds of voters', 'no number where one is expected, at "two"'],
    // What a count counts is a noun of one or two words, written apart from the number, before any verb or clause.
    ['3 people were hired', 'the words after "3 people" ("were hired") are not part of a figure'],
    ['500 workers who build ships', 'the words after "500 workers" ("who build ships") are not part of a figure'],
    ['3pm', 'the number "3" has no unit: its words must say one (a currency, %, a duration, or what is counted)'],
  ];

  it.each(unreadable)('cannot read %j, and says why', (words, reason) => {
    expect(readFigurePhrase(words)).toEqual({ ok: false, reason });
  });
});

describe('describeReading', () => {
  it.each([
    ['$60 billion to $65 billion', '60000000000 to 65000000000 USD'],
    ['less than $6 million', 'less than 6000000 USD'],
    ['about 120 researchers', 'about 120 researchers (count)'],
    ['¥300 billion', '300000000000 JPY or CNY'],
    ['rose 21% year over year to $48.39 billion', 'up 21 percent year over year to 48390000000 USD'],
    ['rose to $5 billion', 'up, to 5000000000 USD'],
    ['tank 17%', 'down 17 percent'],
  ])('says %j as %j', (words, said) => {
    expect(describeReading(read(words))).toBe(said);
  });
});

describe('findFigurePhrases', () => {
  it('finds each figure phrase of a text, the longest from where it starts, with its offsets', () => {
    // A sample paragraph written for this test.
    const text =
      'The harbor fund rose 21% year over year to $48.39 billion in 2025. Winter visits could tank 17%, and fewer than 100 workers, about 120 researchers, will share $60 billion to $65 billion.';
    expect(findFigurePhrases(text).map(({ start, end, text: words, reading }) => [start, end, words, describeReading(reading)])).toEqual([
      [16, 57, 'rose 21% year over year to $48.39 billion', 'up 21 percent year over year to 48390000000 USD'],
      [87, 95, 'tank 17%', 'down 17 percent'],
      [101, 123, 'fewer than 100 workers', 'less than 100 workers (count)'],
      [125, 146, 'about 120 researchers', 'about 120 researchers (count)'],
      [159, 185, '$60 billion to $65 billion', '60000000000 to 65000000000 USD'],
    ]);
  });

  it('finds nothing in a text without figures', () => {
    expect(findFigurePhrases('The trust will restore the old lighthouse this summer.')).toEqual([]);
  });
});

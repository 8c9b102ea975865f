import { type FigureNode, GraphDataError, loadGraph } from '../../src/graph';
import { AGREEING_FIGURES, FIGURE_FIXTURES } from '../fixtures/figure-fixtures';
import { fixtureFolders } from '../helpers/graph-fixture';

const fixtures = fixtureFolders(FIGURE_FIXTURES);
afterAll(() => fixtures.remove());

const FILE = 'articles/lighthouse.json';

/** The problems of a fixture's graph data. */
function problemsOf(name: keyof typeof FIGURE_FIXTURES) {
  try {
    loadGraph(fixtures.dir(name));
  } catch (error) {
    if (error instanceof GraphDataError) return error.problems;
    throw error;
  }
  throw new Error(`${name} loaded, but it should not`);
}

describe('loadGraph: figures agree with their words', () => {
  it('loads figures whose value, range, unit, qualifier and change are what their words say', () => {
    const snapshot = loadGraph(fixtures.dir('figures-that-agree'));
    const figures = AGREEING_FIGURES.map((f) => snapshot.nodes.get(`figure:lighthouse/${f.key}`) as FigureNode);
    expect(
      figures.map(({ id, value, minValue, maxValue, unit, counted, qualifier, change }) => ({
        id,
        value,
        minValue,
        maxValue,
        unit,
        counted,
        qualifier,
        change,
      })),
    ).toEqual([
      {
        id: 'figure:lighthouse/harbor-fund',
        value: 48_390_000_000,
        minValue: null,
        maxValue: null,
        unit: 'USD',
        counted: null,
        qualifier: null,
        change: { direction: 'UP', value: 21, unit: 'percent', qualifier: null, basis: 'YEAR_OVER_YEAR' },
      },
      {
        id: 'figure:lighthouse/winter-visits',
        value: null,
        minValue: null,
        maxValue: null,
        unit: 'percent',
        counted: null,
        qualifier: null,
        change: { direction: 'DOWN', value: 17, unit: 'percent', qualifier: null, basis: null },
      },
      {
        id: 'figure:lighthouse/harbor-spending',
        value: 6_000_000,
        minValue: null,
        maxValue: null,
        unit: 'USD',
        counted: null,
        qualifier: 'LESS_THAN',
        change: null,
      },
      { id: 'figure:lighthouse/budget-share', value: 2, minValue: null, maxValue: null, unit: 'percent', counted: null, qualifier: 'NEARLY', change: null },
      { id: 'figure:lighthouse/repair-time', value: 2, minValue: null, maxValue: null, unit: 'month', counted: null, qualifier: null, change: null },
      { id: 'figure:lighthouse/volunteers', value: 40, minValue: null, maxValue: null, unit: 'count', counted: 'volunteers', qualifier: 'ABOUT', change: null },
    ]);
  });

  it('refuses a value that is not what its words say, saying what they say', () => {
    expect(problemsOf('value-in-billions')).toEqual([
      { file: FILE, path: '$.figures[1].value', message: '48.39 disagrees with its words "$48.39 billion", which say 48390000000 USD' },
    ]);
  });

  it('refuses a range bound that is not what its words say', () => {
    expect(problemsOf('range-low-in-millions')).toEqual([
      {
        file: FILE,
        path: '$.figures[0].minValue',
        message: '2000 disagrees with its words "between 2 million and 3 million dollars", which say 2000000 to 3000000 USD',
      },
    ]);
  });

  it('refuses a point value for words that state a range', () => {
    expect(problemsOf('point-for-a-range')).toEqual([
      {
        file: FILE,
        path: '$.figures[0].value',
        message:
          'a point value disagrees with its words "between 2 million and 3 million dollars", which say a range, 2000000 to 3000000 USD: give "minValue" and "maxValue"',
      },
    ]);
  });

  it('refuses a currency that is not the one its words name', () => {
    expect(problemsOf('euros-for-dollars')).toEqual([
      { file: FILE, path: '$.figures[1].unit', message: '"EUR" disagrees with its words "less than $6 million", which say USD' },
    ]);
  });

  it('refuses a unit outside the vocabulary, naming the vocabulary', () => {
    expect(problemsOf('unit-outside-vocabulary')).toEqual([
      {
        file: FILE,
        path: '$.figures[1].unit',
        message:
          '"dollars" is not a unit of the vocabulary: a unit is an ISO 4217 currency code for money (USD, EUR, GBP, JPY, ...), "percent", "count" (with "counted", what is counted), or a duration: "day", "week", "month", "quarter", "year"',
      },
    ]);
  });

  it('refuses a count of something other than what its words count', () => {
    expect(problemsOf('counted-wrong')).toEqual([
      { file: FILE, path: '$.figures[1].counted', message: '"helpers" disagrees with its words "About 40 volunteers", which count "volunteers"' },
    ]);
  });

  it('refuses a count that does not say what it counts', () => {
    expect(problemsOf('count-without-counted')).toEqual([
      { file: FILE, path: '$.figures[1]', message: 'a figure of unit "count" needs "counted": what is counted, as its words name it ("people")' },
    ]);
  });

  it('refuses a figure without the qualifier its words state', () => {
    expect(problemsOf('qualifier-missing')).toEqual([
      { file: FILE, path: '$.figures[1]', message: 'its words "less than $6 million" say LESS_THAN: add "qualifier": "LESS_THAN"' },
    ]);
  });

  it('refuses a qualifier that is not the one its words state', () => {
    expect(problemsOf('qualifier-wrong')).toEqual([
      { file: FILE, path: '$.figures[1].qualifier', message: '"ABOUT" disagrees with its words "nearly 2%", which say NEARLY' },
    ]);
  });

  it('refuses a fall written as a negative value, and says how to give it', () => {
    expect(problemsOf('change-as-negative-value')).toEqual([
      {
        file: FILE,
        path: '$.figures[1].value',
        message: '-17 disagrees with its words "tank 17%", which state only a change, down 17 percent: leave the level out and give the change as "change"',
      },
      {
        file: FILE,
        path: '$.figures[1]',
        message: 'its words "tank 17%" state a change, down 17 percent: add "change": {"direction":"DOWN","value":17,"unit":"percent"}',
      },
    ]);
  });

  it('refuses a change that goes the other way from its words', () => {
    expect(problemsOf('change-wrong-way')).toEqual([
      { file: FILE, path: '$.figures[1].change.direction', message: '"UP" disagrees with its words "tank 17%", which say DOWN' },
    ]);
  });

  it('refuses a figure without the change its words state', () => {
    expect(problemsOf('change-missing')).toEqual([
      {
        file: FILE,
        path: '$.figures[1]',
        message:
          'its words "rose 21% year over year to $48.39 billion" state a change, up 21 percent year over year to 48390000000 USD: add "change": {"direction":"UP","value":21,"unit":"percent","basis":"YEAR_OVER_YEAR"}',
      },
    ]);
  });

  it('refuses a change whose amount and basis are not its words', () => {
    expect(problemsOf('change-amount-and-basis-wrong')).toEqual([
      {
        file: FILE,
        path: '$.figures[1].change.value',
        message: '12 disagrees with its words "rose 21% year over year to $48.39 billion", which say a change of 21 percent',
      },
      {
        file: FILE,
        path: '$.figures[1].change.basis',
        message: '"QUARTER_OVER_QUARTER" disagrees with its words "rose 21% year over year to $48.39 billion", which say YEAR_OVER_YEAR',
      },
    ]);
  });

  it('refuses words that cannot be read as a figure, asking for the words of the figure alone', () => {
    expect(problemsOf('words-not-a-figure')).toEqual([
      {
        file: FILE,
        path: '$.figures[1].source.exact',
        message:
          'its words "the repairs will take two months" cannot be read as a figure: no number where one is expected, at "the"; select only the words of the figure (see "Figure words" in graph-data/README.md)',
      },
    ]);
  });
});

describe('loadGraph: every problem in one pass', () => {
  it('reports the schema problems and the cross-file problems together, leaving out only the parts that failed the schema', () => {
    expect(problemsOf('schema-and-cross-file-problems')).toEqual([
      {
        file: 'entities/people.json',
        path: '$.entities[1].type',
        message: '"Persn" is not allowed; must be one of "Person", "Organization", "Place", "Event", "Topic"',
      },
      { file: FILE, path: '$.headline', message: 'must NOT have fewer than 1 characters' },
      { file: FILE, path: '$.claims[1].attribution', message: '"HEARSAY" is not allowed; must be one of "DIRECT_QUOTE", "PARAPHRASE", "EDITORIAL"' },
      {
        file: FILE,
        path: '$.figures[1].qualifier',
        message: '"ROUGHLY" is not allowed; must be one of "LESS_THAN", "MORE_THAN", "ABOUT", "NEARLY", "UP_TO", "AT_LEAST"',
      },
      { file: FILE, path: '$.relations[0].qualifier', message: 'must NOT have fewer than 1 characters' },
      { file: FILE, path: '$.claims[0].subjects[0]', message: 'unknown entity "organization:harbour-lantern-trust": no entity file defines it' },
      {
        file: FILE,
        path: '$.figures[0].minValue',
        message: '2000 disagrees with its words "between 2 million and 3 million dollars", which say 2000000 to 3000000 USD',
      },
      {
        file: FILE,
        path: '$.figures[2].unit',
        message:
          '"months" is not a unit of the vocabulary: a unit is an ISO 4217 currency code for money (USD, EUR, GBP, JPY, ...), "percent", "count" (with "counted", what is counted), or a duration: "day", "week", "month", "quarter", "year"',
      },
    ]);
  });
});

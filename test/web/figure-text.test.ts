import { formatFigure } from '../../web/explorer/figure-text';

describe('formatFigure (the explorer says a figure as it reads)', () => {
  it.each([
    [{ minValue: 60_000_000_000, maxValue: 65_000_000_000, unit: 'USD', period: '2025' }, '$60.0B to $65.0B (2025)'],
    [{ value: 6_000_000, unit: 'USD', qualifier: 'LESS_THAN' }, 'less than $6.0M'],
    [{ value: 2, unit: 'percent', qualifier: 'NEARLY' }, 'nearly 2%'],
    [{ value: 120, unit: 'count', counted: 'researchers', qualifier: 'ABOUT' }, 'about 120 researchers'],
    [{ value: 2, unit: 'month' }, '2 months'],
    [{ value: 1, unit: 'year' }, '1 year'],
    [
      { value: 48_390_000_000, unit: 'USD', change: { direction: 'UP', value: 21, unit: 'percent', qualifier: null, basis: 'YEAR_OVER_YEAR' } },
      'up 21% year over year, to $48.4B',
    ],
    [{ value: null, unit: 'percent', change: { direction: 'DOWN', value: 17, unit: 'percent', qualifier: null, basis: null } }, 'down 17%'],
  ])('says %j as %j', (figure, text) => {
    expect(formatFigure(figure)).toBe(text);
  });
});

import { COUNT, UNIT_VOCABULARY, unitKind } from './figure-units';
import { describeAmount, describeReading, formatNumber, type ReadAmount, readFigurePhrase } from './figure-words';
import type { FigureQualifier } from './model';
import type { RawFigure } from './raw-data';

/** A problem of one figure: a JSON path inside its article file and what is wrong. */
export interface FigureProblem {
  readonly path: string;
  readonly message: string;
}

const quoted = (s: string): string => JSON.stringify(s);

/** The problems of a figure's units on their own: each must be of the vocabulary, a count must say what it counts. */
function unitProblems(figure: RawFigure, path: string): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const notInVocabulary = (unit: string, at: string) =>
    problems.push({ path: at, message: `${quoted(unit)} is not a unit of the vocabulary: a unit is ${UNIT_VOCABULARY}` });
  if (unitKind(figure.unit) === undefined) notInVocabulary(figure.unit, `${path}.unit`);
  if (figure.unit === COUNT && figure.counted === undefined)
    problems.push({ path, message: 'a figure of unit "count" needs "counted": what is counted, as its words name it ("people")' });
  if (figure.unit !== COUNT && figure.counted !== undefined)
    problems.push({ path: `${path}.counted`, message: `"counted" belongs to a figure of unit "count"; this one's unit is ${quoted(figure.unit)}` });
  const change = figure.change;
  if (change) {
    if (change.unit !== undefined && unitKind(change.unit) === undefined) notInVocabulary(change.unit, `${path}.change.unit`);
    if ((change.value === undefined) !== (change.unit === undefined))
      problems.push({ path: `${path}.change`, message: 'a change has both "value" and "unit", or neither (when its words give only the direction)' });
  }
  return problems;
}

/** What a figure gives as its level, said plainly ("5", "60000000000 to 65000000000"). */
function givenLevel(figure: RawFigure): string {
  return figure.value !== undefined ? formatNumber(figure.value) : `${formatNumber(figure.minValue!)} to ${formatNumber(figure.maxValue!)}`;
}

function qualifierProblems(given: FigureQualifier | undefined, read: FigureQualifier | null, at: string, where: string, words: string): FigureProblem[] {
  if ((given ?? null) === read) return [];
  if (given === undefined) return [{ path: where, message: `its words ${quoted(words)} say ${read}: add "qualifier": ${quoted(read!)}` }];
  return [{ path: at, message: `${quoted(given)} disagrees with its words ${quoted(words)}, which ${read === null ? 'give no qualifier' : `say ${read}`}` }];
}

/** The problems of a level (value, range, unit, what is counted, qualifier) against the level its words say. */
function levelProblems(figure: RawFigure, level: ReadAmount, path: string, words: string): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const says = describeAmount(level);
  const disagree = (at: string, given: string, what = says) =>
    problems.push({ path: at, message: `${given} disagrees with its words ${quoted(words)}, which say ${what}` });
  if (level.value !== null && figure.value === undefined) {
    problems.push({
      path,
      message: `a range disagrees with its words ${quoted(words)}, which say one value, ${says}: give "value" instead of "minValue" and "maxValue"`,
    });
  } else if (level.value === null && figure.value !== undefined) {
    problems.push({
      path: `${path}.value`,
      message: `a point value disagrees with its words ${quoted(words)}, which say a range, ${says}: give "minValue" and "maxValue"`,
    });
  } else if (level.value !== null) {
    if (figure.value !== level.value) disagree(`${path}.value`, formatNumber(figure.value!));
  } else {
    if (figure.minValue !== level.minValue) disagree(`${path}.minValue`, formatNumber(figure.minValue!));
    if (figure.maxValue !== level.maxValue) disagree(`${path}.maxValue`, formatNumber(figure.maxValue!));
  }
  problems.push(...amountUnitProblems(figure.unit, figure.counted, level, `${path}.unit`, `${path}.counted`, words));
  problems.push(...qualifierProblems(figure.qualifier, level.qualifier, `${path}.qualifier`, path, words));
  return problems;
}

function amountUnitProblems(
  unit: string,
  counted: string | undefined,
  amount: ReadAmount,
  unitPath: string,
  countedPath: string,
  words: string,
): FigureProblem[] {
  if (!amount.units.includes(unit)) {
    return [{ path: unitPath, message: `${quoted(unit)} disagrees with its words ${quoted(words)}, which say ${amount.units.join(' or ')}` }];
  }
  if (amount.counted !== null && counted !== undefined && counted.toLowerCase() !== amount.counted.toLowerCase()) {
    return [{ path: countedPath, message: `${quoted(counted)} disagrees with its words ${quoted(words)}, which count ${quoted(amount.counted)}` }];
  }
  return [];
}

/**
 * Checks a figure against its words (`words`, the text its source selects):
 * its units must be of the vocabulary, and its level, unit, qualifier and
 * change must be what the words say. Each problem has a JSON path under
 * `path` (the figure's) and says what the words say.
 */
export function figureProblems(figure: RawFigure, words: string, path: string): FigureProblem[] {
  const own = unitProblems(figure, path);
  if (own.length > 0) return own;
  const read = readFigurePhrase(words);
  if (!read.ok) {
    return [
      {
        path: `${path}.source.exact`,
        message: `its words ${quoted(words)} cannot be read as a figure: ${read.reason}; select only the words of the figure (see "Figure words" in graph-data/README.md)`,
      },
    ];
  }
  const { level, change } = read.reading;
  const problems: FigureProblem[] = [];
  const hasLevel = figure.value !== undefined || figure.minValue !== undefined;
  if (level && hasLevel) problems.push(...levelProblems(figure, level, path, words));
  else if (level) {
    const fields = level.value !== null ? '"value"' : '"minValue" and "maxValue"';
    problems.push({ path, message: `its words ${quoted(words)} say ${describeAmount(level)}, and the figure gives no level: add ${fields}` });
  } else if (hasLevel) {
    problems.push({
      path: `${path}.${figure.value !== undefined ? 'value' : 'minValue'}`,
      message: `${givenLevel(figure)} disagrees with its words ${quoted(words)}, which state only a change, ${describeReading(read.reading)}: leave the level out and give the change as "change"`,
    });
  }
  if (!level && figure.qualifier !== undefined)
    problems.push({
      path: `${path}.qualifier`,
      message: `${quoted(figure.qualifier)} disagrees with its words ${quoted(words)}, which state no level for it to qualify`,
    });

  if (change && !figure.change) {
    const suggestion: Record<string, unknown> = { direction: change.direction };
    if (change.amount) Object.assign(suggestion, { value: change.amount.value, unit: change.amount.units[0] });
    if (change.amount?.qualifier) suggestion.qualifier = change.amount.qualifier;
    if (change.basis) suggestion.basis = change.basis;
    problems.push({
      path,
      message: `its words ${quoted(words)} state a change, ${describeReading(read.reading)}: add "change": ${JSON.stringify(suggestion)}`,
    });
  } else if (!change && figure.change) {
    problems.push({ path: `${path}.change`, message: `a change disagrees with its words ${quoted(words)}, which state none` });
  } else if (change && figure.change) {
    const given = figure.change;
    const at = `${path}.change`;
    if (given.direction !== change.direction)
      problems.push({
        path: `${at}.direction`,
        message: `${quoted(given.direction)} disagrees with its words ${quoted(words)}, which say ${change.direction}`,
      });
    const amount = change.amount;
    if (!amount && given.value !== undefined) {
      problems.push({
        path: `${at}.value`,
        message: `${formatNumber(given.value)} disagrees with its words ${quoted(words)}, which give no amount of the change`,
      });
    } else if (amount && given.value === undefined) {
      problems.push({ path: at, message: `its words ${quoted(words)} say the change is ${describeAmount(amount)}: add "value" and "unit"` });
    } else if (amount) {
      if (given.value !== amount.value)
        problems.push({
          path: `${at}.value`,
          message: `${formatNumber(given.value!)} disagrees with its words ${quoted(words)}, which say a change of ${describeAmount(amount)}`,
        });
      problems.push(...amountUnitProblems(given.unit!, undefined, amount, `${at}.unit`, `${at}.unit`, words));
    }
    problems.push(...qualifierProblems(given.qualifier, amount?.qualifier ?? null, `${at}.qualifier`, at, words));
    if ((given.basis ?? null) !== change.basis) {
      problems.push(
        given.basis === undefined
          ? { path: at, message: `its words ${quoted(words)} say the change is ${change.basis}: add "basis": ${quoted(change.basis!)}` }
          : {
              path: `${at}.basis`,
              message: `${quoted(given.basis)} disagrees with its words ${quoted(words)}, which ${change.basis === null ? 'give no basis' : `say ${change.basis}`}`,
            },
      );
    }
    if (!level && change.amount && figure.unit !== given.unit && change.amount.units.includes(given.unit!))
      problems.push({
        path: `${path}.unit`,
        message: `${quoted(figure.unit)} disagrees with its words ${quoted(words)}, which state only a change, in ${given.unit}: a figure without a level has the unit of its change`,
      });
  }
  return problems;
}

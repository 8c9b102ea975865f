/** One thing wrong with the graph data: where it is and what is wrong. */
export interface DataProblem {
  /** Path of the file, relative to the data directory. */
  readonly file: string;
  /** JSON path inside the file (`$.claims[3].source.exact`), or `$` for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** Formats a problem as one line: `file $.path: message`. */
export function formatProblem(problem: DataProblem): string {
  return `${problem.file} ${problem.path}: ${problem.message}`;
}

/** Thrown when graph data is invalid; carries every problem found, not just the first. */
export class GraphDataError extends Error {
  constructor(readonly problems: readonly DataProblem[]) {
    super(`graph data has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` + problems.map((p) => `  ${formatProblem(p)}`).join('\n'));
    this.name = 'GraphDataError';
  }
}

/** Turns a JSON pointer (`/claims/3/source`) into a JSON path (`$.claims[3].source`). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
      .join('')
  );
}

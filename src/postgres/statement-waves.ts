import { createHash } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import { GraphStoreUnavailableError } from '../graph';
import type { RunStatement } from './run-statement';

/** Runs one named statement and gives its rows. */
export type SendStatement = (name: string, text: string, values: unknown[]) => Promise<QueryResultRow[]>;

/** Most statements sent as one: a combined statement is prepared once per connection and set of names. */
const MAX_PARTS = 8;

interface Part {
  readonly name: string;
  readonly text: string;
  readonly values: readonly unknown[];
  resolve(rows: QueryResultRow[]): void;
  reject(error: unknown): void;
}

/** `text` with its parameters `$1`, `$2`, ... numbered from `offset + 1`. */
function renumbered(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(/\$(\d+)\b/g, (_, n: string) => `$${Number(n) + offset}`);
}

/**
 * Sends the statements asked for in one turn of the event loop as one.
 *
 * A request's DataLoaders dispatch their batches together: after the node
 * of an EntityProfile come its mentions, its related lists, its edges and
 * its roles, four statements, and every statement costs a round trip and a
 * wake-up of a PostgreSQL backend beside the work it does. `run` holds each
 * statement of `combinable` until the turn ends (`setImmediate`), then sends
 * those held as one statement whose columns are the parts' rows as JSON
 * arrays, each part a subquery with its own parameters. Rows come as JSON
 * gives them: a bigint or a numeric is a number, not a string (the stores
 * read those with `Number`). A part's rows keep the order of its
 * `ORDER BY`: an aggregate over a sorted subquery reads it in order.
 *
 * A statement of each name at most goes into one (two batches of one loader,
 * from two requests, go into two), so that the combinations, each prepared
 * on every connection, are few. When the database cannot be reached
 * (`send` rejects with a GraphStoreUnavailableError), each part gets that
 * error; when the combined statement is refused, each part is sent again
 * alone and gets its own answer or error.
 */
export function statementWaves(send: SendStatement, combinable: ReadonlySet<string>): RunStatement {
  let held: Part[] = [];
  const combined = new Map<string, { name: string; text: string }>();

  /** The combined statement of some parts (sorted by name): its text, and a name that stays within PostgreSQL's 63 bytes. */
  const statementOf = (parts: readonly Part[]): { name: string; text: string } => {
    const key = parts.map((p) => p.name).join('+');
    let statement = combined.get(key);
    if (statement === undefined) {
      let offset = 0;
      const columns = parts.map((part, k) => {
        const column = `(SELECT coalesce(json_agg(r), '[]') FROM (${renumbered(part.text, offset)}) r) AS r${k}`;
        offset += part.values.length;
        return column;
      });
      statement = { name: `wave-${createHash('sha1').update(key).digest('hex').slice(0, 16)}`, text: `SELECT ${columns.join(',\n')}` };
      combined.set(key, statement);
    }
    return statement;
  };

  const sendTogether = (parts: Part[]): void => {
    if (parts.length === 1) {
      const [part] = parts;
      send(part.name, part.text, [...part.values]).then(part.resolve, part.reject);
      return;
    }
    parts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const { name, text } = statementOf(parts);
    send(
      name,
      text,
      parts.flatMap((p) => p.values),
    ).then(
      (rows) => parts.forEach((part, k) => part.resolve(rows[0][`r${k}`] as QueryResultRow[])),
      (error: unknown) => {
        // The database out of reach: every part fails alike. A statement refused: each part alone, so that one
        // part's error (of one request) is not the error of the others it was sent with.
        if (error instanceof GraphStoreUnavailableError) parts.forEach((part) => part.reject(error));
        else for (const part of parts) send(part.name, part.text, [...part.values]).then(part.resolve, part.reject);
      },
    );
  };

  const flush = (): void => {
    const parts = held;
    held = [];
    const statements: Part[][] = [];
    for (const part of parts) {
      let statement = statements.find((s) => s.length < MAX_PARTS && !s.some((p) => p.name === part.name));
      if (!statement) statements.push((statement = []));
      statement.push(part);
    }
    for (const statement of statements) sendTogether(statement);
  };

  return <R extends QueryResultRow>(name: string, text: string, values: readonly unknown[]): Promise<R[]> => {
    if (!combinable.has(name)) return send(name, text, [...values]) as Promise<R[]>;
    return new Promise<R[]>((resolve, reject) => {
      if (held.length === 0) setImmediate(flush);
      held.push({ name, text, values, resolve: resolve as (rows: QueryResultRow[]) => void, reject });
    });
  };
}

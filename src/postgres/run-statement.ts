import type { QueryResultRow } from 'pg';

/** Runs one statement of a store, prepared once per connection under `name`; `§` in its text stands for the generation's schema. */
export type RunStatement = <R extends QueryResultRow>(name: string, text: string, values: readonly unknown[]) => Promise<R[]>;

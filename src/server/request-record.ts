/** What one request's log line says about its GraphQL side; filled in while the request is served. */
export interface RequestRecord {
  /** Name of the operation run (or asked for), null for an anonymous one. */
  operationName?: string | null;
  /** `extensions.code` of each error in the response, in order. */
  errorCodes?: string[];
  /** Estimated cost of the operation. */
  cost?: number;
  /** The response Apollo built, until the HTTP layer has its bytes (see `dropServedResponse`). */
  response?: object;
}

// A symbol key keeps the record out of the resolvers' view, and Apollo's
// shallow copy of the context keeps it (Object.assign copies symbol keys).
const RECORD = Symbol('newsgraph.requestRecord');

/** Returns `context` carrying `record`, for NewsgraphRequestRecordPlugin to fill in. */
export function withRequestRecord<T extends object>(context: T, record: RequestRecord): T {
  return Object.assign(context, { [RECORD]: record });
}

/** The record a context carries, if any (operations run without HTTP have none). */
export function requestRecordOf(context: unknown): RequestRecord | undefined {
  return (context as { [RECORD]?: RequestRecord } | null | undefined)?.[RECORD];
}

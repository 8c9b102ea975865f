/** A request the HTTP layer refuses, with its status, stable code and the headers its reply carries. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** More of the error's `extensions`, beside its code. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** The body of an error reply: the GraphQL response shape, so that every client reads errors one way. */
export function errorBody(code: string, message: string, extensions: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** The content type of every JSON reply. */
export const JSON_TYPE = 'application/json; charset=utf-8';

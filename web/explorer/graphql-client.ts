/** A GraphQL answer with errors, or a reply that is not a GraphQL answer. */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
}

/** The service's GraphQL endpoint: the page is served by the same service. */
const ENDPOINT = '/graphql';

/**
 * Runs one operation of the public API (POST, JSON) and returns its data;
 * throws a GraphQLRequestError with the service's own messages (they say
 * what to change) when the answer has errors.
 */
export async function runQuery<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: Data | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(`The service answered ${response.status} without a GraphQL answer.`);
  }
  if (body.errors && body.errors.length > 0) throw new GraphQLRequestError(body.errors.map((error) => error.message).join(' '));
  if (body.data === undefined || body.data === null) throw new GraphQLRequestError(`The service answered ${response.status} without data.`);
  return body.data;
}

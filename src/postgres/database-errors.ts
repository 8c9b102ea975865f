import { GraphStoreUnavailableError } from '../graph';

/** Node's error codes of a connection that could not be made or was lost. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

/**
 * True when an error says the database cannot be reached, not that a
 * statement was wrong: a connection refused or lost, a server shutting down
 * or starting (SQLSTATE class 08 and 57P01-57P03,
 * https://www.postgresql.org/docs/15/errcodes-appendix.html), or a pool
 * that timed out waiting for a connection.
 */
export function isConnectionError(error: unknown): boolean {
  // By tag, not instanceof: Node's own errors (a refused connection) may come from another realm, as under jest.
  if (Object.prototype.toString.call(error) !== '[object Error]') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i.test(
    (error as Error).message,
  );
}

/** Runs `work`; an error saying the database cannot be reached becomes a GraphStoreUnavailableError. */
export async function reachingDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isConnectionError(error)) throw new GraphStoreUnavailableError(`the database cannot be reached: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}

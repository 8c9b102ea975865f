import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { type Service, startService } from '../../src/app';
import { readConfig } from '../../src/config';
import type { GraphContext } from '../../src/schema';
import { createLogger } from '../../src/server/create-logger';

/** A log line of the service, parsed. */
export type LogLine = Record<string, any>;

/** A service started in-process on an ephemeral port of 127.0.0.1, with its log lines captured. */
export interface HttpTestService {
  readonly service: Service;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** Every line logged so far, parsed, in order. */
  readonly logs: LogLine[];
  close(): Promise<{ unfinished: number }>;
}

/**
 * Starts the service as main.ts does, with the configuration read from `env`
 * (PORT=0 and HOST=127.0.0.1 unless given) and every log line captured.
 * It closes at once when nothing is in flight (SHUTDOWN_QUIET_MS=0 unless
 * given): no test sends a request as it closes, but those of graceful close.
 */
export async function startHttpService(
  env: Record<string, string> = {},
  options: { plugins?: ApolloServerPlugin<GraphContext>[]; webDir?: string } = {},
): Promise<HttpTestService> {
  const logs: LogLine[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_QUIET_MS: '0', ...env });
  const service = await startService(config, { logger, plugins: options.plugins, webDir: options.webDir });
  const origin = `http://127.0.0.1:${service.port}`;
  return { service, origin, url: `${origin}/graphql`, logs, close: () => service.close() };
}

/** A reply read whole. */
export interface HttpReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: any;
}

/** Options of `send`. */
export interface SendOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Default: a new connection for this request only. */
  readonly agent?: Agent | false;
}

/** Sends one HTTP request with node:http (no retries, no keep-alive unless `agent` has it) and reads the reply. */
export function send(url: string, options: SendOptions = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs a GraphQL operation as JSON. */
export function postGraphQL(
  url: string,
  body: { query?: string; variables?: Record<string, unknown>; operationName?: string } | unknown,
  options: Omit<SendOptions, 'method' | 'body'> = {},
): Promise<HttpReply> {
  return send(url, {
    ...options,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
  });
}

/** The `extensions.code` of each error of a reply. */
export function errorCodes(reply: HttpReply): string[] {
  return (reply.json?.errors ?? []).map((e: any) => e.extensions?.code);
}

/**
 * The log lines matching `match`, once there are at least `count` of them: a
 * request's line is written when its response closes, which can be just
 * after the client has read the response. Fails after `timeoutMs` (default
 * 5 s) with an error listing the lines logged from `from` on (the first 100
 * of them), so that lines that never come fail the test instead of hanging
 * the run.
 */
export async function logLines(service: HttpTestService, match: (line: LogLine) => boolean, count: number, from = 0, timeoutMs = 5000): Promise<LogLine[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = service.logs.slice(from);
    const lines = seen.filter(match);
    if (lines.length >= count) return lines;
    if (Date.now() >= deadline) {
      const shown = 100;
      throw new Error(
        `logLines: expected at least ${count} matching log line(s) within ${timeoutMs} ms, ` +
          `found ${lines.length}; the ${seen.length} line(s) logged from index ${from} on were:\n` +
          (seen.length === 0
            ? '  (none)'
            : seen
                .slice(0, shown)
                .map((line) => `  ${JSON.stringify(line)}`)
                .join('\n')) +
          (seen.length > shown ? `\n  ... and ${seen.length - shown} more` : ''),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

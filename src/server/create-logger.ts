import pino, { type DestinationStream, type Logger } from 'pino';

/** Options of `createLogger`. */
export interface LoggerOptions {
  /** Least level written (`trace` ... `fatal`, or `silent`). Default `info`. */
  readonly level?: string;
  /** Where the JSON lines go. Default: standard output, written synchronously so no line is lost on exit. */
  readonly destination?: DestinationStream;
}

/**
 * Creates the service's logger: one JSON object per line, with an ISO time
 * and the level as a word. Every log line of the service comes from here.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'newsgraph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

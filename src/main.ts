import { type Service, startService } from './app';
import { type Config, ConfigError, readConfig } from './config';
import { GraphDataError } from './graph';
import { createLogger } from './server/create-logger';

/**
 * Starts the service and ties it to the process's signals: SIGHUP reloads the
 * graph data, SIGTERM and SIGINT stop it gracefully (a second one stops it
 * at once).
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger().fatal({ event: 'start' }, `newsgraph cannot start: ${error.message}`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });

  // Handlers go in before the service starts: without one, a signal would kill the process outright.
  let service: Service | undefined;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ event: 'stop', signal }, `received ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logger.info({ event: 'stop', signal }, `received ${signal}`);
    if (!service) process.exit(0);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: 'stop', err: error }, 'newsgraph did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  let reloadWhenStarted = false;
  process.on('SIGHUP', () => {
    if (service) void service.reload('SIGHUP');
    else reloadWhenStarted = true;
  });

  try {
    service = await startService(config, { logger });
  } catch (error) {
    if (error instanceof GraphDataError) {
      logger.fatal({ event: 'start', dataDir: config.graphDataDir, problems: error.problems }, `newsgraph cannot start: ${error.message}`);
    } else {
      logger.fatal({ event: 'start', err: error }, `newsgraph cannot start: ${(error as Error).message}`);
    }
    process.exit(1);
  }
  if (reloadWhenStarted) void service.reload('SIGHUP');
}

void main();

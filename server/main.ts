import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { DEV_CREDENTIAL, loadCredentials, type Credential } from './auth/credentials';
import { ConfigError, HELP, parseConfig, type ServiceConfig } from './config';
import { createService } from './http/app';
import { createLogger } from './log';
import { seedStore, startLiveAppender } from './seed/seed';
import { Store } from './store/store';

/** Starts the reference CES service from the command line. */
async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2));
  const logger = createLogger();
  const credentials = readCredentials(config, (message) => logger.warn(message));

  mkdirSync(dirname(config.db), { recursive: true });
  const store = Store.open(config.db);
  const seedOptions = {
    projectIds: [...new Set(credentials.flatMap((c) => c.projects))],
    resources: config.seedResources,
    days: config.seedDays,
    seed: config.seedNumber,
    nowMs: Date.now(),
  };
  if (store.isEmpty()) {
    const started = Date.now();
    const seeded = seedStore(store, seedOptions);
    logger.info({ ...seeded, ms: Date.now() - started, db: config.db }, 'seeded the store');
  }
  const live = config.live ? startLiveAppender(store, seedOptions) : undefined;

  const service = await createService({
    store,
    credentials,
    logger,
    profile: config.profile,
    rateLimit: config.rateLimit,
    requestTimeoutMs: config.requestTimeoutMs,
    faults: config.faults,
    timing: config.timing,
    host: config.host,
    port: config.port,
  });
  logger.info({ url: service.url, profile: config.profile, db: config.db }, 'listening');

  const stop = async () => {
    live?.stop();
    await service.close();
    store.close();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function readConfig(args: string[]): ServiceConfig {
  try {
    const config = parseConfig(args);
    if (config.help) {
      process.stdout.write(`${HELP}\n`);
      process.exit(0);
    }
    return config;
  } catch (error) {
    return exitWith(error);
  }
}

function readCredentials(config: ServiceConfig, warn: (message: string) => void): Credential[] {
  if (config.credentials === undefined) {
    warn('no --credentials file: using the dev credentials listed by --help');
    return [DEV_CREDENTIAL];
  }
  try {
    return loadCredentials(config.credentials);
  } catch (error) {
    return exitWith(error);
  }
}

function exitWith(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\nRun with --help to see every option.\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError;
  process.stderr.write(`error: ${known ? (error as Error).message : String(error)}\n`);
  process.exit(known ? 2 : 1);
});

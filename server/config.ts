import { parseArgs } from 'node:util';

import type { Profile } from '../src/ces';
import { CREDENTIALS_FORMAT, DEV_CREDENTIAL } from './auth/credentials';
import { DEFAULT_RATE_LIMIT, DEFAULT_REQUEST_TIMEOUT_MS } from './http/app';
import type { FaultOptions } from './http/faults';

/** Settings of the service, as the command line gives them. */
export interface ServiceConfig {
  help: boolean;
  host: string;
  port: number;
  db: string;
  seedResources: number;
  seedDays: number;
  seedNumber: number;
  live: boolean;
  credentials?: string;
  profile: Profile;
  rateLimit: number;
  requestTimeoutMs: number;
  faults: FaultOptions;
  timing: boolean;
}

/** A command line that cannot be used; its message says what to fix. */
export class ConfigError extends Error {}

/** The `--help` text. */
export const HELP = `Reference Cloud Eye (CES) service.

Usage: npm run server -- [options]

  --host <addr>              address to listen on (default 127.0.0.1)
  --port <n>                 port to listen on, 0 for any free port (default 8090)
  --db <file>                SQLite database; its directory is created (default ./data/ces.db)
  --seed-resources <n>       resources per namespace seeded on first start (default 20)
  --seed-days <n>            days of history seeded on first start (default 7)
  --seed-number <n>          seed of the generated data, for repeatable series (default 1)
  --no-live                  do not append live points as time passes
  --credentials <file>       credentials file (format below); without it the documented dev
                             credentials are used (a warning is logged):
                             project ${DEV_CREDENTIAL.projects[0]},
                             AK ${DEV_CREDENTIAL.accessKey}, SK ${DEV_CREDENTIAL.secretKey},
                             token ${DEV_CREDENTIAL.token}
  --profile seed|current     contract rules: seed (10 metrics, range per period, default)
                             or current (500 metrics, 3000-datapoint budget)
  --rate-limit <n>           calls per minute per credential (default ${DEFAULT_RATE_LIMIT})
  --request-timeout <ms>     answer 408 when a request has not arrived in time
                             (default ${DEFAULT_REQUEST_TIMEOUT_MS})
  --fault-429 <p>            probability 0..1 of answering 429 (default 0)
  --fault-500 <p>            probability 0..1 of answering 500 (default 0)
  --fault-503 <p>            probability 0..1 of answering 503 (default 0)
  --fault-latency-ms <ms>    delay added to every API answer (default 0)
  --timing                   add a Server-Timing header with the time spent on each request
  --help                     show this text

Credentials file: ${CREDENTIALS_FORMAT}.

Ready when GET /healthz answers 200.`;

const OPTIONS = {
  help: { type: 'boolean' },
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8090' },
  db: { type: 'string', default: './data/ces.db' },
  'seed-resources': { type: 'string', default: '20' },
  'seed-days': { type: 'string', default: '7' },
  'seed-number': { type: 'string', default: '1' },
  'no-live': { type: 'boolean' },
  credentials: { type: 'string' },
  profile: { type: 'string', default: 'seed' },
  'rate-limit': { type: 'string', default: String(DEFAULT_RATE_LIMIT) },
  'request-timeout': { type: 'string', default: String(DEFAULT_REQUEST_TIMEOUT_MS) },
  'fault-429': { type: 'string', default: '0' },
  'fault-500': { type: 'string', default: '0' },
  'fault-503': { type: 'string', default: '0' },
  'fault-latency-ms': { type: 'string', default: '0' },
  timing: { type: 'boolean' },
} as const;

/** Reads the command line; throws ConfigError on an unknown flag or a bad value. */
export function parseConfig(args: string[]): ServiceConfig {
  let values;
  try {
    values = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }

  const profile = values.profile;
  if (profile !== 'seed' && profile !== 'current') {
    throw new ConfigError(`--profile must be seed or current, got "${profile}"`);
  }
  const faults: FaultOptions = {
    p429: probability(values['fault-429'], '--fault-429'),
    p500: probability(values['fault-500'], '--fault-500'),
    p503: probability(values['fault-503'], '--fault-503'),
    latencyMs: integer(values['fault-latency-ms'], '--fault-latency-ms', 0, 600000),
  };
  if (faults.p429 + faults.p500 + faults.p503 > 1) {
    throw new ConfigError('the fault probabilities must add up to at most 1');
  }
  return {
    help: values.help ?? false,
    host: values.host,
    port: integer(values.port, '--port', 0, 65535),
    db: values.db,
    seedResources: integer(values['seed-resources'], '--seed-resources', 0, 10000),
    seedDays: integer(values['seed-days'], '--seed-days', 0, 3650),
    seedNumber: integer(values['seed-number'], '--seed-number', 0, 2 ** 31 - 1),
    live: !values['no-live'],
    credentials: values.credentials,
    profile,
    rateLimit: integer(values['rate-limit'], '--rate-limit', 1, 1e9),
    requestTimeoutMs: integer(values['request-timeout'], '--request-timeout', 1, 3600000),
    faults,
    timing: values.timing ?? false,
  };
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function probability(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${flag} must be a probability from 0 to 1, got "${text}"`);
  }
  return value;
}

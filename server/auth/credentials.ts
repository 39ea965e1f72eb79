import { readFileSync } from 'node:fs';

import { isProjectId } from '../../src/ces';

/** One caller of the service: its id (for logs and rate limits), projects and secrets. */
export interface Credential {
  id: string;
  projects: string[];
  accessKey?: string;
  secretKey?: string;
  token?: string;
}

/** The documented development credential, used when no credentials file is given. */
export const DEV_CREDENTIAL: Credential = {
  id: 'dev',
  projects: ['0123456789abcdef0123456789abcdef'],
  accessKey: 'DEVACCESSKEY00000000',
  secretKey: 'devsecretkey0000000000000000000000000000',
  token: 'dev-token',
};

/** How a credentials file looks, for `--help`. */
export const CREDENTIALS_FORMAT = `a JSON array of credentials, each
  {"id": "ops", "projects": ["<project id>", ...], "accessKey": "AK", "secretKey": "SK",
   "token": "T"}, with accessKey and secretKey together, or a token, or both`;

/** A credentials file that cannot be used, with the reason. */
export class CredentialsError extends Error {}

/** Reads and checks a credentials file; throws CredentialsError saying what is wrong. */
export function loadCredentials(path: string): Credential[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CredentialsError(`cannot read credentials file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CredentialsError(`credentials file ${path} is not valid JSON`);
  }
  return checkCredentials(parsed, path);
}

/** Checks parsed credentials; throws CredentialsError naming the first bad entry. */
export function checkCredentials(value: unknown, source: string): Credential[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CredentialsError(`${source} must hold a non-empty JSON array of credentials`);
  }
  const ids = new Set<string>();
  return value.map((entry: unknown, i) => {
    const problem = credentialProblem(entry, ids);
    if (problem) {
      throw new CredentialsError(`${source}: credential [${i}] ${problem}`);
    }
    const credential = entry as Credential;
    ids.add(credential.id);
    return credential;
  });
}

function credentialProblem(entry: unknown, ids: Set<string>): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return 'must be an object';
  }
  const c = entry as Record<string, unknown>;
  if (typeof c.id !== 'string' || c.id === '' || ids.has(c.id)) {
    return 'needs a unique non-empty string "id"';
  }
  if (!Array.isArray(c.projects) || !c.projects.every(isProjectId)) {
    return 'needs "projects", an array of project ids';
  }
  const optional = ['accessKey', 'secretKey', 'token'] as const;
  if (
    optional.some((key) => c[key] !== undefined && (typeof c[key] !== 'string' || c[key] === ''))
  ) {
    return 'has an accessKey, secretKey or token that is not a non-empty string';
  }
  if ((c.accessKey === undefined) !== (c.secretKey === undefined)) {
    return 'needs accessKey and secretKey together';
  }
  if (c.accessKey === undefined && c.token === undefined) {
    return 'needs an accessKey and secretKey, or a token';
  }
  return undefined;
}

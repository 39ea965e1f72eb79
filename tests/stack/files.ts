/** Reads the dev stack's files (compose, Dockerfile, provisioning) for the static checks. */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The repository root. */
export const ROOT = resolve(__dirname, '..', '..');

/** An absolute path inside the repository. */
export function repoPath(...parts: string[]): string {
  return join(ROOT, ...parts);
}

/** True when a path inside the repository exists. */
export function repoHas(...parts: string[]): boolean {
  return existsSync(repoPath(...parts));
}

/** A repository file's text. */
export function readText(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

/**
 * A YAML file parsed strictly: duplicate keys and syntax errors throw, with the file named, as
 * Grafana and docker compose would refuse them.
 */
export function readYaml<T>(...parts: string[]): T {
  try {
    return parse(readText(...parts), { strict: true, uniqueKeys: true, prettyErrors: true }) as T;
  } catch (error) {
    throw new Error(`${parts.join('/')} is not valid YAML: ${(error as Error).message}`);
  }
}

/** A JSON file parsed, with the file named when it is not JSON. */
export function readJson<T>(...parts: string[]): T {
  try {
    return JSON.parse(readText(...parts)) as T;
  } catch (error) {
    throw new Error(`${parts.join('/')} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Names of the files of a repository folder whose extension is one of `extensions`. */
export function filesIn(folder: string, extensions: string[]): string[] {
  return readdirSync(repoPath(folder))
    .filter((name) => extensions.includes(extname(name)))
    .sort();
}

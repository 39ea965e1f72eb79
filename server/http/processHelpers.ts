import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '../..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** How to start the service process. */
export interface StartOptions {
  /** Flags for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /**
   * Sends the request log (stdout) to /dev/null instead of keeping it: a load generator in this
   * process would otherwise spend its time collecting thousands of log lines a second.
   */
  discardLog?: boolean;
}

/**
 * Starts `server/main.ts` with `args` as a child process (its output is kept for failures).
 * Node runs it with tsx as a loader, so the child is the service itself: a signal sent to it
 * reaches the service, not a wrapper.
 */
export function startServer(
  args: string[],
  options: StartOptions = {}
): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', join(ROOT, 'server/main.ts'), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', options.discardLog ? 'ignore' : 'pipe', 'pipe'],
    }
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** Resolves once `GET /healthz` answers 200; rejects after `timeoutMs` or when `child` exits. */
export async function waitReady(url: string, child: ChildProcess, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the service exited with ${child.exitCode ?? child.signalCode}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the service was not ready within ${timeoutMs} ms`);
}

/** Resolves when `child` has exited. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

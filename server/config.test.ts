import { ConfigError, HELP, parseConfig } from './config';

describe('command line', () => {
  it('uses the documented defaults', () => {
    expect(parseConfig([])).toMatchObject({
      host: '127.0.0.1',
      port: 8090,
      db: './data/ces.db',
      seedResources: 20,
      seedDays: 7,
      live: true,
      profile: 'seed',
      rateLimit: 500,
      faults: { p429: 0, p500: 0, p503: 0, latencyMs: 0 },
    });
  });

  it('reads every flag', () => {
    const config = parseConfig([
      '--host=0.0.0.0',
      '--port',
      '0',
      '--db',
      '/tmp/x.db',
      '--seed-resources',
      '3',
      '--seed-days',
      '180',
      '--seed-number',
      '9',
      '--no-live',
      '--credentials',
      'c.json',
      '--profile',
      'current',
      '--rate-limit',
      '60',
      '--request-timeout',
      '500',
      '--fault-429',
      '0.1',
      '--fault-500',
      '0.2',
      '--fault-503',
      '0.3',
      '--fault-latency-ms',
      '40',
      '--timing',
    ]);
    expect(config).toEqual({
      help: false,
      host: '0.0.0.0',
      port: 0,
      db: '/tmp/x.db',
      seedResources: 3,
      seedDays: 180,
      seedNumber: 9,
      live: false,
      credentials: 'c.json',
      profile: 'current',
      rateLimit: 60,
      requestTimeoutMs: 500,
      faults: { p429: 0.1, p500: 0.2, p503: 0.3, latencyMs: 40 },
      timing: true,
    });
  });

  it.each([
    [['--bogus'], /bogus/],
    [['--port', 'eighty'], /--port must be an integer/],
    [['--port', '70000'], /--port must be an integer/],
    [['--profile', 'old'], /--profile must be seed or current/],
    [['--fault-500', '2'], /--fault-500 must be a probability/],
    [['--fault-429', '0.6', '--fault-503', '0.6'], /add up to at most 1/],
    [['--rate-limit', '0'], /--rate-limit/],
    [['stray'], /positional/i],
  ])('refuses %j with a message saying what is wrong', (args, message) => {
    expect(() => parseConfig(args)).toThrow(ConfigError);
    expect(() => parseConfig(args)).toThrow(message);
  });

  it('--help lists every flag', () => {
    const flags = [
      '--host',
      '--port',
      '--db',
      '--seed-resources',
      '--seed-days',
      '--seed-number',
      '--no-live',
      '--credentials',
      '--profile',
      '--rate-limit',
      '--request-timeout',
      '--fault-429',
      '--fault-500',
      '--fault-503',
      '--fault-latency-ms',
      '--timing',
      '--help',
    ];
    for (const flag of flags) {
      expect(HELP).toContain(flag);
    }
  });
});

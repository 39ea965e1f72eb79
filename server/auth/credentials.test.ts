import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checkCredentials, CredentialsError, loadCredentials } from './credentials';

const P = '0123456789abcdef0123456789abcdef';

describe('credentials file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ces-cred-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a list of credentials with AK/SK, token or both', () => {
    const file = join(dir, 'ok.json');
    const list = [
      { id: 'a', projects: [P], accessKey: 'AK', secretKey: 'SK' },
      { id: 'b', projects: [P], token: 't' },
    ];
    writeFileSync(file, JSON.stringify(list));
    expect(loadCredentials(file)).toEqual(list);
  });

  it('says what is wrong with a bad file, without echoing secrets', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{oops');
    expect(() => loadCredentials(file)).toThrow(`${file} is not valid JSON`);
    expect(() => loadCredentials(join(dir, 'missing.json'))).toThrow(/cannot read/);
  });

  it.each([
    [[], /non-empty JSON array/],
    [[{ projects: [P], token: 't' }], /unique non-empty string "id"/],
    [[{ id: 'a', projects: ['bad id'], token: 't' }], /array of project ids/],
    [[{ id: 'a', projects: [P], accessKey: 'AK' }], /together/],
    [[{ id: 'a', projects: [P] }], /or a token/],
    [
      [
        { id: 'a', projects: [P], token: 't' },
        { id: 'a', projects: [P], token: 'u' },
      ],
      /\[1\]/,
    ],
  ])('refuses %j', (value, message) => {
    expect(() => checkCredentials(value, 'file')).toThrow(CredentialsError);
    expect(() => checkCredentials(value, 'file')).toThrow(message);
  });
});

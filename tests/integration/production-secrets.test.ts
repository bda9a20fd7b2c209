import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const DATABASE = path.join(os.tmpdir(), `gd-secrets-${process.pid}.db`);

const loadIn = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['-e', "require('./scripts/lib/strapi-app').loadStrapi().then(s => s.destroy()).then(() => console.log('LOADED'))"], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', DATABASE_FILENAME: DATABASE, ...env },
    timeout: 120_000,
  });

describe('secrets', () => {
  afterAll(() => {
    for (const f of [DATABASE, `${DATABASE}-wal`, `${DATABASE}-shm`]) fs.rmSync(f, { force: true });
  });

  it('refuses to start in production without real secrets, naming every missing one', () => {
    const result = loadIn({ NODE_ENV: 'production' });
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('LOADED');
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /APP_KEYS, ADMIN_JWT_SECRET, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY, GOV_DISCLOSURE_APPLICANT_KEY must be set in the environment when NODE_ENV=production/
    );
  });

  const SECRETS = {
    NODE_ENV: 'production',
    APP_KEYS: 'a,b',
    ADMIN_JWT_SECRET: 'x',
    API_TOKEN_SALT: 'y',
    TRANSFER_TOKEN_SALT: 'z',
    ENCRYPTION_KEY: 'k',
    GOV_DISCLOSURE_APPLICANT_KEY: Buffer.alloc(32, 7).toString('base64'),
  };

  it('starts in production when every secret is given', () => {
    expect(loadIn(SECRETS).stdout).toContain('LOADED');
  });

  it('refuses a key for applicants’ data that is not 32 bytes in base64 (it could not seal them)', () => {
    const result = loadIn({ ...SECRETS, GOV_DISCLOSURE_APPLICANT_KEY: 'short' });
    expect(result.stdout).not.toContain('LOADED');
    expect(`${result.stdout}${result.stderr}`).toMatch(/applicantDataKey must be 32 bytes in base64/);
  });
});

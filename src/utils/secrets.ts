import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets for config files. In production each must come from the environment and a missing one
 * stops start-up; elsewhere a random value is generated once and kept in .tmp/dev-secrets.json, so
 * a fresh clone runs with no .env editing and sessions survive restarts.
 */
const DEV_SECRETS_FILE = path.join(process.cwd(), '.tmp', 'dev-secrets.json');

/** Every secret the config files ask for; in production all are checked at the first request. */
const REQUIRED_IN_PRODUCTION = ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'GOV_DISCLOSURE_APPLICANT_KEY'];

let devSecrets: Record<string, string> | null = null;

const loadDevSecrets = (): Record<string, string> => {
  if (devSecrets) return devSecrets;
  try {
    devSecrets = JSON.parse(fs.readFileSync(DEV_SECRETS_FILE, 'utf8')) as Record<string, string>;
  } catch {
    devSecrets = {};
  }
  return devSecrets;
};

const generate = (name: string, listOf: number): string =>
  listOf > 0 ? Array.from({ length: listOf }, () => randomBytes(16).toString('base64')).join(',') : randomBytes(32).toString('base64');

export const secret = (name: string, options: { listOf?: number } = {}): string => {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  if (process.env.NODE_ENV === 'production') {
    const missing = [...new Set([...REQUIRED_IN_PRODUCTION, name])].filter((n) => !process.env[n]);
    throw new Error(`${missing.join(', ')} must be set in the environment when NODE_ENV=production (see README: Production)`);
  }
  const secrets = loadDevSecrets();
  if (!secrets[name]) {
    secrets[name] = generate(name, options.listOf ?? 0);
    fs.mkdirSync(path.dirname(DEV_SECRETS_FILE), { recursive: true });
    fs.writeFileSync(DEV_SECRETS_FILE, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets[name];
};

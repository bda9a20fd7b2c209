import { secret } from '../src/utils/secrets';

export default ({ env }: { env: EnvFn }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: secret('APP_KEYS', { listOf: 4 }).split(','),
  },
});

type EnvFn = ((key: string, fallback?: string) => string) & { int(key: string, fallback?: number): number };

import { secret } from '../src/utils/secrets';

export default ({ env }: { env: EnvFn }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Several instances behind a load balancer point PUBLIC_DIR at one shared directory: the upload
  // provider writes to <PUBLIC_DIR>/uploads and every instance serves /uploads/… from it.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // Behind nginx: TRUST_PROXY=true takes the client's address and scheme from X-Forwarded-*. Only
  // the last PROXY_HOPS addresses are the proxies' own (nginx appends the client it saw): anything
  // before them the client wrote itself, and per-address limits must not trust it.
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  app: {
    keys: secret('APP_KEYS', { listOf: 4 }).split(','),
  },
});

type EnvFn = ((key: string, fallback?: string) => string) & { int(key: string, fallback?: number): number; bool(key: string, fallback?: boolean): boolean };

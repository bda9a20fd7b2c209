import path from 'node:path';

type SqliteConnection = { pragma(source: string): unknown };

type Env = ((key: string, fallback?: string) => string) & {
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
};

/**
 * SQLite (better-sqlite3, a file under .tmp/) unless DATABASE_CLIENT=postgres, which reads
 * DATABASE_URL or the DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD variables.
 */
export default ({ env }: { env: Env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  // Custom indexes in database/migrations run after Strapi has synced its tables (see src/database).
  const settings = { runMigrations: false };

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    // JIT compiling pays off for long analytical queries; it added 24 ms to a 5 ms catalog search
    // whose plan cost looked high. Sent as a startup parameter of every pooled connection.
    const options = env('DATABASE_OPTIONS', '-c jit=off');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? {
              connectionString: url,
              options,
              schema: env('DATABASE_SCHEMA', 'public'),
              ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
            }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'strapi'),
              user: env('DATABASE_USERNAME', 'strapi'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
              schema: env('DATABASE_SCHEMA', 'public'),
              options,
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
      settings,
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      pool: {
        // Write-ahead logging lets readers go on while one writer commits (the portal keeps
        // answering during an import), and a command-line import beside the running app waits
        // its turn for the write lock instead of failing after better-sqlite3's 5 s default.
        afterCreate: (connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma(`busy_timeout = ${env.int('DATABASE_BUSY_TIMEOUT', 60000)}`);
          done(null, connection);
        },
      },
    },
    settings,
  };
};

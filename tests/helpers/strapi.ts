import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import supertest from 'supertest';

const ROOT = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  http: () => supertest.Agent;
  database: 'sqlite' | 'postgres';
  stop: () => Promise<void>;
}

/**
 * A real Strapi instance of this app (the compiled dist/) on a database of its own: a temporary
 * SQLite file, or a fresh schema on the PostgreSQL server in DATABASE_URL. Its HTTP server is
 * mounted but not listening; supertest drives it.
 */
export const startTestApp = async (options: { serveAdminPanel?: boolean; listen?: boolean } = {}): Promise<TestApp & { url?: string }> => {
  const name = `gd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const pgUrl = process.env.DATABASE_URL;
  let dropDatabase: () => Promise<void>;

  if (pgUrl) {
    const admin = new Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${name}"`);
    await admin.end();
    process.env.DATABASE_CLIENT = 'postgres';
    process.env.DATABASE_SCHEMA = name;
    dropDatabase = async () => {
      const c = new Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA "${name}" CASCADE`);
      await c.end();
    };
  } else {
    const file = path.join(os.tmpdir(), `${name}.db`);
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = file;
    dropDatabase = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    };
  }
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the env above is set
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  if (options.listen) process.env.PORT = '0';
  const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: options.serveAdminPanel ?? false });
  await strapi.load();
  let url: string | undefined;
  if (options.listen) {
    await strapi.listen();
    const address = strapi.server.httpServer.address() as import('node:net').AddressInfo;
    url = `http://127.0.0.1:${address.port}`;
  } else {
    await strapi.server.mount();
  }

  return {
    strapi,
    url,
    http: () => supertest.agent(strapi.server.httpServer),
    database: pgUrl ? 'postgres' : 'sqlite',
    stop: async () => {
      await strapi.destroy();
      await dropDatabase();
    },
  };
};

/**
 * One more instance of the app, in its own process, on the database the last startTestApp made
 * (PostgreSQL: several instances behind a load balancer share one). Resolves to its URL.
 */
export const startSecondInstance = async (): Promise<{ url: string; stop: () => void }> => {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/lib/serve.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /READY (\d+)/.exec(chunk.toString());
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
};

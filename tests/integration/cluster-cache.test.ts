/**
 * Several instances on one PostgreSQL: a publish on one drops the cached public responses of every
 * other within a second (LISTEN/NOTIFY), and an instance whose listening connection is killed
 * clears and reconnects, so a message it missed never leaves a stale page. The second instance
 * keeps responses 30 s, so only the notification can explain a fresh answer. On SQLite the
 * instance is alone and nothing listens.
 */
import { documentsOf, rowsOf } from '../../plugins/gov-disclosure/server/src/utils/query';
import { startSecondInstance, startTestApp, type TestApp } from '../helpers/strapi';
import { ENTRY } from '../helpers/workflow-fixture';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled seed is what `npm run seed` runs
const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');

const postgres = Boolean(process.env.DATABASE_URL);
type ClusterEvents = { status(): { state: string; channel: string; instance: string } };

describe('cached public responses across instances', () => {
  let app: TestApp;
  let other: { url: string; stop: () => void } | null = null;
  let organization = '';
  const events = () => app.strapi.plugin('gov-disclosure').service('cluster-events') as ClusterEvents;

  beforeAll(async () => {
    app = await startTestApp();
    await seedDemo(app.strapi, {});
    organization = (
      (await rowsOf(app.strapi, 'plugin::gov-disclosure.organization').findOne({ where: { slug: 'wzzl', locale: 'zh-Hans' } })) as { documentId: string }
    ).documentId;
    if (postgres) {
      process.env.GOV_DISCLOSURE_PUBLIC_CACHE_SECONDS = '30';
      other = await startSecondInstance();
      delete process.env.GOV_DISCLOSURE_PUBLIC_CACHE_SECONDS;
    }
  }, 120_000);
  afterAll(async () => {
    other?.stop();
    await app?.stop();
  });

  const draft = async (title: string) =>
    (
      await documentsOf<{ documentId: string }>(app.strapi, ENTRY).create({
        locale: 'zh-Hans',
        data: { title, organization, genre: 'notice', channels: ['website'] },
      })
    ).documentId;
  const publish = (documentId: string) => app.strapi.plugin('gov-disclosure').service('workflow').publishAsSystem(ENTRY, documentId, 'zh-Hans', 'test');
  /** What the other instance answers for a search of this title (and caches). */
  const seenByOther = async (title: string) => {
    const res = await fetch(`${other!.url}/api/gov-disclosure/catalog?q=${encodeURIComponent(title)}`);
    return ((await res.json()) as { data: Array<{ title: string }> }).data.some((e) => e.title === title);
  };
  /** Milliseconds until the other instance shows it, polling every 20 ms. */
  const untilSeen = async (title: string, limitMs: number) => {
    const started = Date.now();
    while (Date.now() - started < limitMs) {
      if (await seenByOther(title)) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 20));
    }
    return Infinity;
  };

  it('is alone on SQLite, listening on PostgreSQL', () => {
    expect(events().status().state).toBe(postgres ? 'listening' : 'single');
  });

  // several instances need a shared database server: PostgreSQL only (CI's second pass)
  const onPostgres = postgres ? it : () => undefined;

  onPostgres('a publish on one instance is served fresh by the other within a second', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const title = `集群缓存测试 ${i} ${Date.now()}`;
      const id = await draft(title);
      expect(await seenByOther(title)).toBe(false); // now cached on the other instance, for 30 s
      expect(await seenByOther(title)).toBe(false);
      await publish(id);
      times.push(await untilSeen(title, 5_000));
    }
    console.log(`publish on A → fresh on B: ${times.join(', ')} ms`);
    expect(Math.max(...times)).toBeLessThan(1_000);
  });

  onPostgres('an instance whose listener is killed clears and reconnects: a missed message leaves no stale page', async () => {
    const title = `断线测试 ${Date.now()}`;
    const id = await draft(title);
    expect(await seenByOther(title)).toBe(false); // cached stale on the other instance
    // kill the other instance's listening connection, then change something while it is deaf
    const killed = await app.strapi.db.connection.raw(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name LIKE 'gov-disclosure-cache-%' AND application_name <> ?`,
      [`gov-disclosure-cache-${events().status().instance}`]
    );
    expect((killed as { rows: unknown[] }).rows.length).toBeGreaterThanOrEqual(1);
    // deaf for now: the stale answer is cached again, and the publish's notification goes nowhere
    await new Promise((r) => setTimeout(r, 100));
    expect(await seenByOther(title)).toBe(false);
    await publish(id);
    const ms = await untilSeen(title, 10_000);
    console.log(`after the listener was killed: fresh on B after ${ms} ms`);
    expect(ms).toBeLessThan(5_000);
    // and it listens again: the next publish is instant
    const next = `重连后 ${Date.now()}`;
    const nextId = await draft(next);
    expect(await seenByOther(next)).toBe(false);
    await publish(nextId);
    expect(await untilSeen(next, 5_000)).toBeLessThan(1_000);
  });
});

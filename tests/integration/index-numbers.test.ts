/**
 * 索引号: assigned at first publication, contiguous per organization and year, never changed,
 * unique under concurrency, also with two Strapi instances on one PostgreSQL database.
 */
import supertest from 'supertest';
import { ENTRY, setupWorkflowFixture, type WorkflowFixture } from '../helpers/workflow-fixture';
import { startSecondInstance, startTestApp, type TestApp } from '../helpers/strapi';
import { rowsOf, documentsOf } from '../../plugins/gov-disclosure/server/src/utils/query';

const ORG_CODE = '11330300002579909B';
const NUMBER = /^11330300002579909B\/(\d{4})-(\d{5})$/;

const serialOf = (n: string) => Number(NUMBER.exec(n)![2]);

describe('索引号 assignment', () => {
  let app: TestApp & { url?: string };
  let fx: WorkflowFixture;
  const indexNumberOf = async (documentId: string) =>
    (
      (await rowsOf(app.strapi, ENTRY).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } } })) as {
        indexNumber: string;
      } | null
    )?.indexNumber;
  const allNumbers = async () =>
    (
      (await rowsOf(app.strapi, ENTRY).findMany({
        where: { locale: 'zh-Hans', publishedAt: { $notNull: true }, indexNumber: { $notNull: true } },
        select: ['indexNumber'],
      })) as Array<{
        indexNumber: string;
      }>
    ).map((r) => r.indexNumber);

  beforeAll(async () => {
    app = await startTestApp({ listen: true });
    fx = await setupWorkflowFixture(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('gave every seeded entry a well-formed number, contiguous per year', async () => {
    const numbers = await allNumbers();
    expect(numbers.length).toBe(12);
    expect(numbers.every((n) => NUMBER.test(n))).toBe(true);
    const byYear = new Map<string, number[]>();
    for (const n of numbers) byYear.set(NUMBER.exec(n)![1], [...(byYear.get(NUMBER.exec(n)![1]) ?? []), serialOf(n)]);
    for (const serials of byYear.values()) expect(serials.sort((a, b) => a - b)).toEqual(serials.map((_, i) => i + 1));
  });

  it('keeps the number through edits, republication, withdrawal and republication', async () => {
    const id = await fx.entryIn('published', '索引号不变的通知');
    const first = await indexNumberOf(id);
    expect(first).toMatch(NUMBER);
    await documentsOf(app.strapi, ENTRY).update({ documentId: id, locale: 'zh-Hans', data: { title: '修订' } });
    await fx.transitionAs('drafterIn', id, 'submit');
    await fx.transitionAs('reviewerIn', id, 'approve');
    await fx.transitionAs('publisher', id, 'publish');
    expect(await indexNumberOf(id)).toBe(first);
    await fx.transitionAs('publisher', id, 'withdraw', '暂时撤回');
    await fx.transitionAs('drafterIn', id, 'submit');
    await fx.transitionAs('reviewerIn', id, 'approve');
    await fx.transitionAs('publisher', id, 'publish');
    expect(await indexNumberOf(id)).toBe(first);
  });

  it('refuses to publish an entry without an organization, and the refused publish leaves no gap', async () => {
    const before = Math.max(...(await allNumbers()).filter((n) => n.includes(`/${new Date().getUTCFullYear()}-`)).map(serialOf), 0);
    const orphan = await fx.entryIn('pending_publish', '没有发布机构的通知');
    await documentsOf(app.strapi, ENTRY).update({ documentId: orphan, locale: 'zh-Hans', data: { organization: null } });
    await expect(fx.transitionAs('publisher', orphan, 'publish')).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await fx.stateOf(orphan)).toBe('pending_publish');
    const next = await fx.entryIn('published', '紧接着发布的通知');
    expect(serialOf((await indexNumberOf(next))!)).toBe(before + 1);
  });

  it('stays unique in the database: a duplicate number is refused by the unique index', async () => {
    const [taken] = await allNumbers();
    const id = await fx.entryIn('published', '重复索引号测试');
    await expect(
      rowsOf(app.strapi, ENTRY).updateMany({ where: { documentId: id, publishedAt: { $notNull: true } }, data: { indexNumber: taken } })
    ).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });
  });

  describe('under concurrency', () => {
    let second: { url: string; stop: () => void } | null = null;

    beforeAll(async () => {
      // a second Strapi instance on the same PostgreSQL schema, in its own process
      if (app.database === 'postgres') second = await startSecondInstance();
    });
    afterAll(() => {
      second?.stop();
    });

    it(`publishes 100 entries at once (50 through each instance on PostgreSQL) → 100 distinct, contiguous numbers`, async () => {
      const year = new Date().getUTCFullYear();
      const before = Math.max(0, ...(await allNumbers()).filter((n) => n.includes(`/${year}-`)).map(serialOf));
      const ids: string[] = [];
      for (let i = 0; i < 100; i += 1) {
        ids.push(await fx.entryIn('pending_publish', `并发发布 ${i}`));
      }
      const urls = app.database === 'postgres' ? [app.url!, second!.url] : [app.url!];
      const token = fx.tokens.publisher;
      const results = await Promise.all(
        ids.map((documentId, i) =>
          supertest(urls[i % urls.length])
            .post('/gov-disclosure/workflow/transitions')
            .set('Authorization', `Bearer ${token}`)
            .send({ uid: ENTRY, documentId, locale: 'zh-Hans', action: 'publish' })
        )
      );
      expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
      const numbers = await Promise.all(ids.map(indexNumberOf));
      expect(new Set(numbers).size).toBe(100);
      expect(numbers.every((n) => n && n.startsWith(`${ORG_CODE}/${year}-`))).toBe(true);
      expect(numbers.map((n) => serialOf(n!)).sort((a, b) => a - b)).toEqual(ids.map((_, i) => before + i + 1));
    });
  });
});

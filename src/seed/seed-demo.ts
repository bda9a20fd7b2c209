/**
 * Demo data: the seed agency, its column tree, demo users in the three editorial roles, a dozen
 * published catalog entries and the 2018 annual report as filed. Idempotent: each item has a
 * natural key (slug, e-mail, organization + year) and is created only when missing.
 */
import type { Core } from '@strapi/strapi';
import { SEED_COLUMNS, type SeedColumn } from './data/columns';
import { SEED_ENTRIES } from './data/entries';
import { SEED_ORGANIZATION } from './data/organization';
import { SEED_REPORT_2018 } from './data/report-2018';
import { DEMO_USERS, type DemoRole } from './data/users';

const UID = {
  organization: 'plugin::gov-disclosure.organization',
  column: 'plugin::gov-disclosure.column',
  catalogEntry: 'plugin::gov-disclosure.catalog-entry',
  annualReport: 'plugin::gov-disclosure.annual-report',
  subjectCategory: 'plugin::gov-disclosure.subject-category',
} as const;

export interface SeedOptions {
  /** Demo admin users are created only when this is set (never in production). */
  users?: { password: string };
}

export interface SeedResult {
  created: Record<'organizations' | 'columns' | 'users' | 'entries' | 'reports', number>;
}

type Row = { id: number; documentId: string };
type Docs = ReturnType<Core.Strapi['documents']>;

export const seedDemo = async (strapi: Core.Strapi, options: SeedOptions = {}): Promise<SeedResult> => {
  const created: SeedResult['created'] = { organizations: 0, columns: 0, users: 0, entries: 0, reports: 0 };
  const docs = (uid: string): Docs => strapi.documents(uid as never);
  const publish = (uid: string, documentId: string, locale: string) =>
    (strapi.plugin('gov-disclosure').service('workflow') as { publishAsSystem(u: string, d: string, l: string, c: string): Promise<void> }).publishAsSystem(
      uid,
      documentId,
      locale,
      '演示数据，按原样发布 (demo data, published as seeded)'
    );
  const findRow = async (uid: string, where: Record<string, unknown>) =>
    (await strapi.db.query(uid as never).findOne({ where, select: ['id', 'documentId'] })) as Row | null;

  // Organization
  let organization = await findRow(UID.organization, { slug: SEED_ORGANIZATION.slug });
  if (!organization) {
    const shared = { code: SEED_ORGANIZATION.code, codeIsPlaceholder: SEED_ORGANIZATION.codeIsPlaceholder, slug: SEED_ORGANIZATION.slug };
    const doc = (await docs(UID.organization).create({ locale: 'zh-Hans', data: { ...SEED_ORGANIZATION.zh, ...shared } } as never)) as Row;
    await docs(UID.organization).update({ documentId: doc.documentId, locale: 'en', data: { ...SEED_ORGANIZATION.en, ...shared } } as never);
    organization = doc;
    created.organizations += 1;
  }

  // Users
  const userIds: Partial<Record<DemoRole, number>> = {};
  if (options.users) {
    const roleIds = (await strapi.plugin('gov-disclosure').service('roles').ensureRoles()) as Record<Exclude<DemoRole, 'super-admin'>, number>;
    const superAdmin = (await strapi.service('admin::role').getSuperAdmin()) as { id: number };
    for (const user of DEMO_USERS) {
      // eslint-disable-next-line no-await-in-loop -- four users
      let row = await findRow('admin::user', { email: user.email });
      if (!row) {
        const roleId = user.role === 'super-admin' ? superAdmin.id : roleIds[user.role];
        // eslint-disable-next-line no-await-in-loop
        row = (await strapi.service('admin::user').create({
          email: user.email,
          firstname: user.firstname,
          lastname: user.lastname,
          password: options.users.password,
          isActive: true,
          registrationToken: null,
          roles: [roleId],
        })) as Row;
        created.users += 1;
      }
      userIds[user.role] = row.id;
    }
  }
  const staffOf = (column: SeedColumn, inherited: boolean) =>
    (column.staff || inherited) && userIds.drafter && userIds.reviewer ? { administrators: [userIds.drafter], reviewers: [userIds.reviewer] } : {};

  // Columns
  const columnIds = new Map<string, string>();
  const ensureColumn = async (column: SeedColumn, parent: string | null, order: number, inheritedStaff: boolean) => {
    let row = await findRow(UID.column, { slug: column.slug });
    if (!row) {
      const shared = {
        slug: column.slug,
        kind: column.kind ?? 'list',
        purpose: column.purpose ?? 'other',
        linkUrl: column.linkUrl ?? null,
        sortOrder: order,
        showInNav: true,
        organization: organization!.documentId,
        ...(parent ? { parent } : {}),
        ...staffOf(column, inheritedStaff),
      };
      row = (await docs(UID.column).create({ locale: 'zh-Hans', data: { name: column.zh, ...shared } } as never)) as Row;
      await docs(UID.column).update({ documentId: row.documentId, locale: 'en', data: { name: column.en, ...shared } } as never);
      created.columns += 1;
    }
    columnIds.set(column.slug, row.documentId);
    for (const [i, child] of (column.children ?? []).entries()) {
      // eslint-disable-next-line no-await-in-loop -- a child needs its parent
      await ensureColumn(child, row.documentId, i + 1, inheritedStaff || Boolean(column.staff));
    }
  };
  for (const [i, column] of SEED_COLUMNS.entries()) {
    // eslint-disable-next-line no-await-in-loop
    await ensureColumn(column, null, i + 1, false);
  }

  // Catalog entries, published
  const subjects = new Map(
    ((await strapi.db.query(UID.subjectCategory as never).findMany({ select: ['code', 'documentId'] })) as Array<{ code: string; documentId: string }>).map(
      (s) => [s.code, s.documentId]
    )
  );
  const entryIds = new Map<string, string>();
  for (const entry of SEED_ENTRIES) {
    // eslint-disable-next-line no-await-in-loop
    const existing = await findRow(UID.catalogEntry, { slug: entry.slug });
    if (existing) {
      entryIds.set(entry.slug, existing.documentId);
      continue;
    }
    const shared = {
      slug: entry.slug,
      organization: organization.documentId,
      columns: entry.columns.map((slug) => columnIds.get(slug)!),
      subjectCategory: subjects.get(entry.subject),
      genre: entry.genre,
      documentKind: entry.documentKind ?? 'other',
      documentNumber: entry.documentNumber ?? null,
      writtenDate: entry.writtenDate,
      publishedDate: entry.publishedDate,
      channels: entry.channels,
      ...(entry.interprets ? { interprets: [entryIds.get(entry.interprets)!] } : {}),
    };
    // eslint-disable-next-line no-await-in-loop
    const doc = (await docs(UID.catalogEntry).create({ locale: 'zh-Hans', data: { ...entry.zh, ...shared } } as never)) as Row;
    // eslint-disable-next-line no-await-in-loop
    await publish(UID.catalogEntry, doc.documentId, 'zh-Hans');
    if (entry.en) {
      // eslint-disable-next-line no-await-in-loop
      await docs(UID.catalogEntry).update({ documentId: doc.documentId, locale: 'en', data: { ...entry.en, ...shared } } as never);
      // eslint-disable-next-line no-await-in-loop
      await publish(UID.catalogEntry, doc.documentId, 'en');
    }
    entryIds.set(entry.slug, doc.documentId);
    created.entries += 1;
  }

  // The 2018 annual report, published as filed
  const report = await strapi.db.query(UID.annualReport as never).findOne({
    where: { year: SEED_REPORT_2018.year, locale: 'zh-Hans', organization: { documentId: organization.documentId } },
  });
  if (!report) {
    const doc = (await docs(UID.annualReport).create({
      locale: 'zh-Hans',
      data: { ...SEED_REPORT_2018, organization: organization.documentId },
    } as never)) as Row;
    await publish(UID.annualReport, doc.documentId, 'zh-Hans');
    created.reports += 1;
  }

  return { created };
};

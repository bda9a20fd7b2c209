/**
 * What the import checks rows against: the organization imported into, and the 主题分类 and columns
 * a row may name, looked up once per run so that reading a row stays pure (domain/catalog-file.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../../../../shared/constants';
import { DEFAULT_INDEX_NUMBER_PATTERN } from '../../../../shared/domain/index-number-pattern';
import type { ImportContext } from '../../domain/catalog-file';
import { subjectCategoryIssues } from '../../domain/content-rules';
import { rowsOf } from '../../utils/query';
import type { Organization } from './types';

const orgNotFound = (slug: string) =>
  new errors.ValidationError(`No organization with slug "${slug}"`, {
    errors: [{ path: ['organization'], message: `no organization "${slug}"`, name: 'ValidationError' }],
  });

export const loadOrganization = async (strapi: Core.Strapi, slug: string): Promise<Organization> => {
  const org = (await rowsOf(strapi, UID.organization).findOne({
    where: { slug, locale: DEFAULT_LOCALE },
    select: ['id', 'documentId', 'name', 'code', 'indexNumberPattern'],
  })) as Organization | null;
  if (!org) throw orgNotFound(slug);
  return org;
};

/** Subjects by code, name (when unique) and "top/leaf"; columns of the organization by name (when unique) and slug. */
export const buildContext = async (strapi: Core.Strapi, org: Organization): Promise<ImportContext> => {
  const subjects = (await rowsOf(strapi, UID.subjectCategory).findMany({
    select: ['id', 'code', 'name'],
    populate: { parent: { select: ['id', 'name', 'code'] }, children: { select: ['id'] } },
  })) as Array<{ id: number; code: string; name: string; parent: { id: number; name: string; code: string } | null; children: unknown[] }>;
  const subjectBy = new Map<string, (typeof subjects)[number] | 'ambiguous'>();
  const add = <T>(map: Map<string, T | 'ambiguous'>, key: string, value: T) => map.set(key, map.has(key) && map.get(key) !== value ? 'ambiguous' : value);
  for (const s of subjects) {
    subjectBy.set(s.code, s);
    add(subjectBy, s.name, s);
    if (s.parent) subjectBy.set(`${s.parent.name}/${s.name}`, s);
  }
  const columns = (await rowsOf(strapi, UID.column).findMany({
    where: { locale: DEFAULT_LOCALE, organization: { id: org.id } },
    select: ['id', 'name', 'slug', 'kind'],
  })) as Array<{ id: number; name: string; slug: string; kind: string }>;
  const columnBy = new Map<string, { id: number } | 'ambiguous'>();
  for (const c of columns.filter((col) => col.kind !== 'link')) {
    columnBy.set(c.slug, { id: c.id });
    add(columnBy, c.name, { id: c.id });
  }
  return {
    organization: { name: org.name, code: org.code, indexNumberPattern: org.indexNumberPattern || DEFAULT_INDEX_NUMBER_PATTERN },
    resolveSubject: (text) => {
      const s = subjectBy.get(text.replace(/\s*[/／>]\s*/g, '/'));
      if (!s) return { problem: `"${text}" is not in the national 主题分类 list (give its code, e.g. 09.02, or its name)` };
      if (s === 'ambiguous') return { problem: `"${text}" names more than one 主题分类; write it as 上级/下级 or give the code` };
      // the write guard's rule: a top level or a leaf, under a national top level
      const [problem] = subjectCategoryIssues({
        code: s.code,
        name: s.name,
        hasParent: Boolean(s.parent),
        hasChildren: s.children.length > 0,
        topCode: s.parent?.code ?? s.code,
      });
      return problem ? { problem: problem.message } : { id: s.id, code: s.code };
    },
    resolveColumn: (text) => {
      const c = columnBy.get(text);
      return c && c !== 'ambiguous' ? c : null;
    },
  };
};

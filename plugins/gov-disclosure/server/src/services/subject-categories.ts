import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';
import { flattenSubjectCategories } from '../../../shared/domain/subject-categories';
import type { SubjectCategoryTreeNode } from '../../../shared/types';
import { documentsOf, rowsOf } from '../utils/query';

interface CategoryRow {
  id: number;
  documentId: string;
  code: string;
  name: string;
  nameEn: string | null;
  level: number;
  sortOrder: number;
  parent?: { documentId: string } | null;
}

/** The national subject list: kept in the database so entries can relate to it, seeded from shared data. */
const subjectCategories = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.subjectCategory);

  return {
    /** Creates the categories that are missing; leaves existing ones (and any an agency added) alone. */
    async ensureSeeded(): Promise<{ created: number }> {
      const existing = (await rowsOf(strapi, UID.subjectCategory).findMany({ select: ['code', 'documentId'] })) as CategoryRow[];
      const byCode = new Map(existing.map((c) => [c.code, c.documentId]));
      let created = 0;
      for (const [i, c] of flattenSubjectCategories().entries()) {
        if (byCode.has(c.code)) continue;
        const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
        // eslint-disable-next-line no-await-in-loop -- children need their parent's documentId
        const doc = await documents().create({
          data: { code: c.code, name: c.name, nameEn: c.nameEn, level: c.level, sortOrder: i, ...(parent ? { parent } : {}) },
        });
        byCode.set(c.code, doc.documentId);
        created += 1;
      }
      return { created };
    },

    async tree(): Promise<SubjectCategoryTreeNode[]> {
      const rows = (await rowsOf(strapi, UID.subjectCategory).findMany({
        populate: { parent: { select: ['documentId'] } },
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      })) as CategoryRow[];
      const nodes = new Map<string, SubjectCategoryTreeNode>(
        rows.map((r) => [r.documentId, { documentId: r.documentId, code: r.code, name: r.name, nameEn: r.nameEn ?? '', children: [] }])
      );
      const roots: SubjectCategoryTreeNode[] = [];
      for (const r of rows) {
        const node = nodes.get(r.documentId)!;
        const parent = r.parent ? nodes.get(r.parent.documentId) : undefined;
        (parent ? parent.children : roots).push(node);
      }
      return roots;
    },
  };
};

export default subjectCategories;

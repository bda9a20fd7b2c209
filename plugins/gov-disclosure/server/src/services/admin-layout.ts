import type { Core } from '@strapi/strapi';
import { UID } from '../../../shared/constants';

/**
 * Content Manager layouts for the chain's types, set once (an administrator's later changes in
 * "Configure the view" are kept): the workflow state as a list column, never as a form field,
 * and 索引号 read-only.
 */
const LIST_COLUMNS: Record<string, string[]> = {
  [UID.catalogEntry]: ['id', 'title', 'workflowState', 'indexNumber', 'publishedDate'],
  [UID.annualReport]: ['id', 'title', 'workflowState', 'year', 'template'],
};

interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}
interface ContentTypesService {
  findConfiguration(ct: { uid: string }): Promise<Configuration>;
  updateConfiguration(ct: { uid: string }, configuration: Configuration): Promise<unknown>;
}

const adminLayout = ({ strapi }: { strapi: Core.Strapi }) => ({
  async configureOnce(): Promise<void> {
    const store = strapi.store({ type: 'plugin', name: 'gov-disclosure' });
    const done = ((await store.get({ key: 'cm-layouts-configured' })) as string[] | null) ?? [];
    const service = strapi.plugin('content-manager').service('content-types') as ContentTypesService;
    for (const [uid, list] of Object.entries(LIST_COLUMNS)) {
      if (done.includes(uid)) continue;
      // eslint-disable-next-line no-await-in-loop -- two content types
      const config = await service.findConfiguration({ uid });
      const metadatas = { ...config.metadatas };
      metadatas.workflowState = {
        edit: { ...metadatas.workflowState?.edit, visible: false, editable: false },
        list: { ...metadatas.workflowState?.list, label: '审核状态 State', searchable: true, sortable: true },
      };
      if (metadatas.indexNumber) metadatas.indexNumber = { ...metadatas.indexNumber, edit: { ...metadatas.indexNumber.edit, editable: false } };
      const edit = config.layouts.edit.map((row) => row.filter((f) => f.name !== 'workflowState')).filter((row) => row.length > 0);
      // eslint-disable-next-line no-await-in-loop
      await service.updateConfiguration({ uid }, { ...config, metadatas, layouts: { ...config.layouts, list: list.filter((f) => f === 'id' || f in metadatas), edit } });
      done.push(uid);
    }
    await store.set({ key: 'cm-layouts-configured', value: done });
  },
});

export default adminLayout;

import type { Core } from '@strapi/strapi';
import { ACTION_LABELS, WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/domain/workflow';

/**
 * The workflow actions as RBAC actions (plugin::gov-disclosure.workflow.submit …), so an
 * administrator grants them to roles in Settings → Roles like any other permission.
 */
export const WORKFLOW_RBAC_ACTIONS = WORKFLOW_ACTIONS.map((action) => ({
  section: 'plugins',
  displayName: `${ACTION_LABELS[action].zh} ${ACTION_LABELS[action].en}`,
  uid: `workflow.${action}`,
  subCategory: 'workflow',
  pluginName: 'gov-disclosure',
}));

/** Bulk import and export of the catalog: the general office's by default. */
export const CATALOG_RBAC_ACTIONS = [
  { section: 'plugins', displayName: '导入目录 Import catalog', uid: 'catalog.import', subCategory: 'catalog', pluginName: 'gov-disclosure' },
  { section: 'plugins', displayName: '导出目录 Export catalog', uid: 'catalog.export', subCategory: 'catalog', pluginName: 'gov-disclosure' },
];

/** Annual reports: compiling, computing, exporting the working version: the general office's by default. */
export const REPORT_RBAC_ACTIONS = [
  {
    section: 'plugins',
    displayName: '编制年度报告 Compile annual reports',
    uid: 'report.compile',
    subCategory: 'annual reports',
    pluginName: 'gov-disclosure',
  },
];

export const workflowPermission = (action: WorkflowAction) => `plugin::gov-disclosure.workflow.${action}`;
export const REPORT_COMPILE = 'plugin::gov-disclosure.report.compile';

interface ActionProvider {
  registerMany(actions: typeof WORKFLOW_RBAC_ACTIONS): Promise<void>;
}

const permissions = ({ strapi }: { strapi: Core.Strapi }) => ({
  async registerActions(): Promise<void> {
    const { actionProvider } = strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider };
    await actionProvider.registerMany([...WORKFLOW_RBAC_ACTIONS, ...CATALOG_RBAC_ACTIONS, ...REPORT_RBAC_ACTIONS]);
  },
});

export default permissions;

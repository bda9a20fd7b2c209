import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REGISTER_PERMISSION_ACTIONS, registerPermission, type RegisterAction } from '../../../shared/application-types';
import { ACTION_LABELS, WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/domain/workflow';
import type { Actor } from './actors';

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

/**
 * 依申请公开 register. The office holds them all; a handler it names gets read + handle and works
 * only the cases assigned to them; approving an extension is the head of the disclosure office's;
 * seeing who applied is a permission of its own, and every use of it is written to the case.
 */
export const REGISTER_ACTIONS: Record<RegisterAction, string> = {
  read: '查看依申请公开登记 View the register',
  register: '登记申请 Register applications',
  handle: '办理承办的申请 Handle assigned applications',
  assign: '分派并办理全部申请 Assign and handle every application',
  'approve-extension': '批准延期答复 Approve extensions',
  'view-identity': '查看申请人身份信息 View applicant identity',
  calendar: '维护工作日历 Edit the working-day calendar',
};
// the uids are shared with the admin panel; this stays the server's one place to ask for them
export { registerPermission, type RegisterAction };

/** Whether the actor holds the register's action (a super admin holds every one). */
export const mayOnRegister = (actor: Actor, action: RegisterAction): boolean => actor.isSuperAdmin || actor.ability.can(registerPermission(action));

/** The actor, when logged in and holding the register's action; else 401, or 403 with the message. */
export const allowOnRegister = (actor: Actor | null, action: RegisterAction, message: string): Actor => {
  if (!actor) throw new errors.UnauthorizedError('Log in to the admin panel');
  if (!mayOnRegister(actor, action)) throw new errors.ForbiddenError(message);
  return actor;
};

export const REGISTER_RBAC_ACTIONS = REGISTER_PERMISSION_ACTIONS.map((action) => ({
  section: 'plugins',
  displayName: REGISTER_ACTIONS[action],
  uid: `application.${action}`,
  subCategory: 'applications for disclosure',
  pluginName: 'gov-disclosure',
}));

export const workflowPermission = (action: WorkflowAction) => `plugin::gov-disclosure.workflow.${action}`;
export const REPORT_COMPILE = 'plugin::gov-disclosure.report.compile';

interface ActionProvider {
  registerMany(actions: typeof WORKFLOW_RBAC_ACTIONS): Promise<void>;
}

const permissions = ({ strapi }: { strapi: Core.Strapi }) => ({
  async registerActions(): Promise<void> {
    const { actionProvider } = strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider };
    await actionProvider.registerMany([...WORKFLOW_RBAC_ACTIONS, ...CATALOG_RBAC_ACTIONS, ...REPORT_RBAC_ACTIONS, ...REGISTER_RBAC_ACTIONS]);
  },
});

export default permissions;

/**
 * The three editorial roles of the disclosure chain, created once at bootstrap with Content
 * Manager permissions on the plugin's types. After that they belong to the administrator:
 * a role that exists is never changed here, so edits made in Settings → Roles stick.
 */
import type { Core } from '@strapi/strapi';
import { LOCALES, UID } from '../../../shared/constants';
import { contentTypeOf } from '../utils/query';
import { REGISTER_ACTIONS, registerPermission, type RegisterAction } from './permissions';

export const ROLE_KEYS = ['drafter', 'reviewer', 'publisher'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const ROLE_NAMES: Record<RoleKey, { name: string; description: string }> = {
  drafter: { name: '起草人 Drafter', description: '栏目管理员：在所管理的栏目中起草并提交信息 / Column administrator: drafts and submits in own columns' },
  reviewer: { name: '审核人 Reviewer', description: '审核人：审核所负责栏目的信息 / Reviews submissions in own columns' },
  publisher: {
    name: '发布人 Publisher',
    description: '办公室：发布、撤回信息，编制年度报告 / General office: publishes, withdraws, compiles the annual report',
  },
};

const CM = 'plugin::content-manager.explorer';
type Grant = [subject: string, actions: string[]];

const GRANTS: Record<RoleKey, Grant[]> = {
  drafter: [
    [UID.catalogEntry, ['read', 'create', 'update', 'delete']],
    [UID.annualReport, ['read']],
    [UID.column, ['read']],
    [UID.organization, ['read']],
    [UID.subjectCategory, ['read']],
    [UID.wordingRule, ['read']],
  ],
  reviewer: [
    [UID.catalogEntry, ['read', 'update']],
    [UID.annualReport, ['read', 'update']],
    [UID.column, ['read']],
    [UID.organization, ['read']],
    [UID.subjectCategory, ['read']],
    [UID.wordingRule, ['read']],
  ],
  publisher: [
    [UID.catalogEntry, ['read', 'update']],
    [UID.annualReport, ['read', 'create', 'update', 'delete']],
    [UID.column, ['read']],
    [UID.organization, ['read']],
    [UID.subjectCategory, ['read']],
    [UID.wordingRule, ['read', 'create', 'update', 'delete']],
  ],
};

/**
 * Workflow permissions. No role gets the Content Manager's own publish: content goes live only
 * through the publisher's transition. The office (publisher) also drafts annual reports.
 */
const WORKFLOW: Record<RoleKey, string[]> = {
  drafter: ['submit'],
  reviewer: ['approve', 'return'],
  publisher: ['submit', 'return', 'publish', 'withdraw'],
};

const CATALOG: Record<RoleKey, string[]> = { drafter: [], reviewer: [], publisher: ['import', 'export'] };

const REPORT: Record<RoleKey, string[]> = { drafter: [], reviewer: [], publisher: ['compile'] };

/** The general office works applications for disclosure: every register action is the publisher's. */
const REGISTER: Record<RoleKey, RegisterAction[]> = { drafter: [], reviewer: [], publisher: Object.keys(REGISTER_ACTIONS) as RegisterAction[] };

/**
 * Actions added by an upgrade, granted once to the roles that did that work before (roles are the
 * administrator's: after this one grant, what they change in Settings → Roles stays).
 */
const INTRODUCED: Array<{ action: string; subject?: string; toHoldersOf: string }> = [
  // annual reports were the publisher's (workflow.publish) before they had an action of their own
  { action: 'plugin::gov-disclosure.report.compile', toHoldersOf: 'plugin::gov-disclosure.workflow.publish' },
  // the register arrived after the office's role existed: the office (who publishes) works it
  ...(Object.keys(REGISTER_ACTIONS) as RegisterAction[]).map((a) => ({
    action: registerPermission(a),
    toHoldersOf: 'plugin::gov-disclosure.workflow.publish',
  })),
  // the 错敏词 dictionary arrived later still: the office keeps it, the other roles read it
  ...['read', 'create', 'update', 'delete'].map((a) => ({
    action: `${CM}.${a}`,
    subject: UID.wordingRule,
    toHoldersOf: 'plugin::gov-disclosure.workflow.publish',
  })),
  ...['submit', 'approve'].map((a) => ({ action: `${CM}.read`, subject: UID.wordingRule, toHoldersOf: `plugin::gov-disclosure.workflow.${a}` })),
];

/** What an introduced grant is remembered by: the action, and its content type if it has one. */
const grantKey = (i: { action: string; subject?: string; toHoldersOf: string }) => [i.action, i.subject, i.toHoldersOf].filter(Boolean).join(' ');

const UPLOAD_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}

interface RoleService {
  createRolesIfNoneExist(): Promise<void>;
  findOne(params: Record<string, unknown>): Promise<{ id: number; name: string } | null>;
  create(attributes: { name: string; description: string }): Promise<{ id: number; name: string }>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}

const roles = ({ strapi }: { strapi: Core.Strapi }) => {
  const roleService = () => strapi.service('admin::role') as unknown as RoleService;

  const editableFields = (uid: string): string[] => {
    const { attributes } = contentTypeOf(strapi, uid);
    return Object.entries(attributes)
      .filter(([, attribute]) => !(attribute as { private?: boolean }).private)
      .map(([name]) => name)
      .filter((name) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name));
  };

  const isLocalized = (uid: string) => (contentTypeOf(strapi, uid).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;

  const permissionsOf = (key: RoleKey): Permission[] => [
    ...GRANTS[key].flatMap(([subject, actions]) =>
      actions.map((action) => ({
        action: `${CM}.${action}`,
        subject,
        properties: {
          ...(action === 'delete' ? {} : { fields: editableFields(subject) }),
          ...(isLocalized(subject) ? { locales: [...LOCALES] } : {}),
        },
        conditions: [],
      }))
    ),
    ...WORKFLOW[key].map((action) => ({ action: `plugin::gov-disclosure.workflow.${action}`, subject: null, properties: {}, conditions: [] })),
    ...CATALOG[key].map((action) => ({ action: `plugin::gov-disclosure.catalog.${action}`, subject: null, properties: {}, conditions: [] })),
    ...REPORT[key].map((action) => ({ action: `plugin::gov-disclosure.report.${action}`, subject: null, properties: {}, conditions: [] })),
    ...REGISTER[key].map((action) => ({ action: registerPermission(action), subject: null, properties: {}, conditions: [] })),
    ...UPLOAD_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ];

  const grantIntroducedActions = async () => {
    const store = strapi.store({ type: 'plugin', name: 'gov-disclosure' });
    const done = ((await store.get({ key: 'introduced-actions' })) as string[] | null) ?? [];
    // before grants had subjects, the key was the action alone
    const pending = INTRODUCED.filter((i) => !done.includes(grantKey(i)) && !(i.subject === undefined && done.includes(i.action)));
    if (pending.length === 0) return;
    const permissions = strapi.db.query('admin::permission');
    for (const { action, subject, toHoldersOf } of pending) {
      // eslint-disable-next-line no-await-in-loop -- a few grants, once per database
      const holders = (await permissions.findMany({ where: { action: toHoldersOf }, populate: { role: { select: ['id'] } } })) as Array<{
        role?: { id: number } | null;
      }>;
      // eslint-disable-next-line no-await-in-loop
      const granted = (await permissions.findMany({ where: { action, subject: subject ?? null }, populate: { role: { select: ['id'] } } })) as Array<{
        role?: { id: number } | null;
      }>;
      const having = new Set(granted.map((p) => p.role?.id));
      for (const roleId of new Set(holders.map((h) => h.role?.id).filter((id): id is number => typeof id === 'number' && !having.has(id)))) {
        const properties = subject && !action.endsWith('.delete') ? { fields: editableFields(subject) } : {};
        // eslint-disable-next-line no-await-in-loop
        await permissions.create({ data: { action, actionParameters: {}, subject: subject ?? null, properties, conditions: [], role: roleId } });
        strapi.log.info(`[gov-disclosure] granted ${action}${subject ? ` on ${subject}` : ''} to role ${roleId}, which holds ${toHoldersOf}`);
      }
    }
    await store.set({ key: 'introduced-actions', value: [...done, ...pending.map(grantKey)] });
  };

  return {
    /** Role id by key; creates the role with its default permissions if it does not exist yet. */
    async ensureRoles(): Promise<Record<RoleKey, number>> {
      const ids = {} as Record<RoleKey, number>;
      // The admin creates its default roles (Super Admin first) only while no role exists, and
      // plugins bootstrap before it does: let it create them before ours appear.
      await roleService().createRolesIfNoneExist();
      for (const key of ROLE_KEYS) {
        // eslint-disable-next-line no-await-in-loop -- three roles, created in order
        let role = await roleService().findOne({ name: ROLE_NAMES[key].name });
        if (!role) {
          // eslint-disable-next-line no-await-in-loop
          role = await roleService().create(ROLE_NAMES[key]);
          // eslint-disable-next-line no-await-in-loop
          await roleService().assignPermissions(role.id, permissionsOf(key));
          strapi.log.info(`[gov-disclosure] created admin role ${ROLE_NAMES[key].name}`);
        }
        ids[key] = role.id;
      }
      await grantIntroducedActions();
      return ids;
    },
  };
};

export default roles;

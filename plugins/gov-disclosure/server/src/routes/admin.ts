import type { Handler } from './handler';
import { registerPermission, type RegisterAction } from '../services/permissions';

type Route = [method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: Handler];

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/subject-categories',
      handler: 'subject-categories.tree' satisfies Handler,
      config: {
        policies: ['admin::isAuthenticatedAdmin'],
      },
    },
    {
      method: 'POST',
      path: '/organization-codes/check',
      handler: 'organization-codes.check' satisfies Handler,
      config: {
        policies: ['admin::isAuthenticatedAdmin'],
      },
    },
    ...(
      [
        ['POST', '/catalog-import', 'catalog-transfer.upload', 'import'],
        ['GET', '/catalog-import/:id', 'catalog-transfer.status', 'import'],
        ['POST', '/catalog-import/:id/confirm', 'catalog-transfer.confirm', 'import'],
        ['GET', '/catalog-export', 'catalog-transfer.export', 'export'],
      ] satisfies Array<[...Route, action: 'import' | 'export']>
    ).map(([method, path, handler, action]) => ({
      method,
      path,
      handler,
      config: {
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::gov-disclosure.catalog.${action}`] } }],
      },
    })),
    // 依申请公开: reading needs the register's read permission at the door; each step is decided by the service
    ...(
      [
        ['GET', '/applications', 'applications.list', 'read'],
        ['GET', '/applications/organizations', 'applications.organizations', 'read'],
        ['GET', '/applications/handlers', 'applications.handlers', 'assign'],
        ['POST', '/applications', 'applications.register', 'register'],
        ['GET', '/applications/:documentId', 'applications.findOne', 'read'],
        ['GET', '/applications/:documentId/history', 'applications.history', 'read'],
        ['GET', '/applications/:documentId/identity', 'applications.identity', 'view-identity'],
        ['GET', '/applications/:documentId/notices/:kind', 'applications.notice', 'view-identity'],
        ['GET', '/applications/:documentId/files', 'applications.files', 'read'],
        ['POST', '/applications/:documentId/files', 'applications.addReply', 'read'],
        ['GET', '/applications/:documentId/files/:id', 'applications.file', 'read'],
        ['PUT', '/applications/:documentId/handler', 'applications.assign', 'assign'],
        ['POST', '/applications/:documentId/actions/:action', 'applications.act', 'read'],
        ['GET', '/appeals', 'applications.appeals', 'read'],
        ['POST', '/appeals', 'applications.createAppeal', 'register'],
        ['PUT', '/appeals/:documentId', 'applications.updateAppeal', 'register'],
        ['GET', '/working-calendar', 'applications.calendar', 'read'],
        ['PUT', '/working-calendar/:year', 'applications.saveCalendarYear', 'calendar'],
      ] satisfies Array<[...Route, action: RegisterAction]>
    ).map(([method, path, handler, action]) => ({
      method,
      path,
      handler,
      config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [registerPermission(action)] } }] },
    })),
    ...(
      [
        ['POST', '/markdown/preview', 'markdown.preview'],
        ['GET', '/annual-reports/templates', 'annual-reports.templates'],
        ['GET', '/annual-reports/templates/:id', 'annual-reports.template'],
        ['POST', '/annual-reports/validate', 'annual-reports.validate'],
        ['POST', '/annual-reports/:documentId/compute', 'annual-reports.compute'],
        ['GET', '/annual-reports/:documentId/cells/:cell/records', 'annual-reports.records'],
        ['GET', '/annual-reports/:documentId/export', 'annual-reports.export'],
        ['POST', '/workflow/transitions', 'workflow.transition'],
        ['GET', '/workflow/history', 'workflow.history'],
        ['GET', '/workflow/status', 'workflow.status'],
        ['GET', '/workflow/tasks', 'workflow.tasks'],
        ['GET', '/workflow/overview', 'workflow.overview'],
        ['PUT', '/workflow/schedule', 'workflow.schedule'],
        ['DELETE', '/workflow/schedule', 'workflow.unschedule'],
        ['GET', '/jobs', 'jobs.list'],
        ['GET', '/inspection', 'inspection.report'],
        ['GET', '/inspection/my-columns', 'inspection.myColumns'],
        ['POST', '/jobs/:id/retry', 'jobs.retry'],
      ] satisfies Route[]
    ).map(([method, path, handler]) => ({
      method,
      path,
      handler,
      // Each handler checks the user's workflow permissions and column scope itself (jobs, inspection: the publisher's).
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    })),
  ],
};

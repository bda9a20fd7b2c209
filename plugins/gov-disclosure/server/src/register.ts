import type { Core } from '@strapi/strapi';
import { guardWorkflow } from './document-middlewares/guard-workflow';
import { guardWrites } from './document-middlewares/guard-writes';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(guardWorkflow(strapi));
  strapi.documents.use(guardWrites(strapi));
};

export default register;

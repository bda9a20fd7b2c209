import type { Core } from '@strapi/strapi';
import { guardWrites } from './document-middlewares/guard-writes';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(guardWrites(strapi));
};

export default register;

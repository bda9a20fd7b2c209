import type { Core } from '@strapi/strapi';

/** An absolute link into the admin panel for e-mails: the public URL if configured, else this host and port. */
export const adminUrl = (strapi: Core.Strapi, path: string): string => {
  const base = (strapi.config.get('server.url') as string) || `http://localhost:${strapi.config.get('server.port') as number}`;
  return `${base.replace(/\/$/, '')}/admin${path}`;
};

import type { Core } from '@strapi/strapi';

interface UserCreateEvent {
  params: { data?: { preferedLanguage?: string | null } };
}

/**
 * Every admin user created without a language (the demo's, an invitation, the first super admin)
 * gets the plugin's admin language — 中文 unless the app configures otherwise — so the panel opens
 * in it at their first login; each can still choose English in their profile. Strapi spells the
 * field "preferedLanguage".
 */
export const defaultAdminUserLanguage = (strapi: Core.Strapi) => {
  const language = strapi.plugin('gov-disclosure').config('adminLanguage') as string | null;
  if (!language) return;
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event: UserCreateEvent) {
      const data = event.params.data;
      if (data && !data.preferedLanguage) data.preferedLanguage = language;
    },
  } as never);
};

import type { Core } from '@strapi/strapi';

/**
 * Runs `fn` once what the caller wrote is committed: at once outside a transaction, after the
 * outermost commit inside one (and never if it rolls back). Mails and cache drops must not tell
 * anyone about a change that may still roll back.
 */
export const afterCommit = async (strapi: Core.Strapi, fn: () => unknown): Promise<void> => {
  if (!strapi.db.inTransaction()) {
    await fn();
    return;
  }
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(() => {
      Promise.resolve(fn()).catch((error: Error) => strapi.log.error(`[gov-disclosure] after-commit work failed: ${error.message}`));
    });
  });
};

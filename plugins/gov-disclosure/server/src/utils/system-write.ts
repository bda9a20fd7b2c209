import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks writes made by the plugin itself (index-number assignment, imports) so the write guards
 * let through fields that people may not set by hand, such as 索引号.
 */
const storage = new AsyncLocalStorage<true>();

export const runAsSystemWrite = <T>(fn: () => Promise<T>): Promise<T> => storage.run(true, fn);

export const isSystemWrite = (): boolean => storage.getStore() === true;

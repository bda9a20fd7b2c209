import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventAction } from '../../../shared/domain/workflow';

/**
 * What the plugin itself is doing inside the current async call chain, so the Document Service
 * guards can tell its own writes from anyone else's:
 * - system: seeding or importing (may set 索引号, skips the editorial-role checks);
 * - transition: a workflow transition (the only way to publish or unpublish) or another recorded
 *   event of the trail (a schedule, a lapse of validity) is being written.
 */
interface WriteContext {
  system?: boolean;
  transition?: EventAction;
}

const storage = new AsyncLocalStorage<WriteContext>();

const runWith = <T>(patch: WriteContext, fn: () => Promise<T>): Promise<T> => storage.run({ ...(storage.getStore() ?? {}), ...patch }, fn);

export const runAsSystemWrite = <T>(fn: () => Promise<T>): Promise<T> => runWith({ system: true }, fn);

export const runInTransition = <T>(action: EventAction, fn: () => Promise<T>): Promise<T> => runWith({ transition: action }, fn);

export const isSystemWrite = (): boolean => storage.getStore()?.system === true;

export const currentTransition = (): EventAction | undefined => storage.getStore()?.transition;

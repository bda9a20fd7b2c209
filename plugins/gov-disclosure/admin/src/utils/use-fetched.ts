import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from './errors';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; data: T };

/**
 * GETs a path when the page opens (and again when the path or params change or `reload` is
 * called) and keeps the picked part of the answer. An answer that arrives after the page has
 * moved on is dropped, so a slow response never overwrites a newer one.
 */
export const useFetched = <Response, T>(path: string | null, pick: (response: Response) => T, params?: Record<string, unknown>) => {
  const { get } = useFetchClient();
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const paramsKey = JSON.stringify(params ?? {});
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!path) return;
    generation.current += 1;
    const mine = generation.current;
    try {
      const { data } = await get<Response>(path, { params: JSON.parse(paramsKey) as Record<string, unknown> });
      if (mine === generation.current) setResult({ state: 'done', data: pickRef.current(data) });
    } catch (error) {
      if (mine === generation.current) setResult({ state: 'error', message: errorMessage(error) });
    }
  }, [get, path, paramsKey]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);

  return { result, reload };
};

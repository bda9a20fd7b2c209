import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../../shared/constants';
import type { WorkflowAction } from '../../../shared/domain/workflow';
import type {
  TransitionRequest,
  TransitionResponse,
  WorkflowStatusResponse,
  WorkflowTasksResponse,
  WorkflowUid,
} from '../../../shared/types';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; data: T };

interface FetchErrorShape {
  response?: { data?: { error?: { message?: string } } };
  message?: string;
}

/** The server's own reason for a refusal (403/409/400), which says what to do next. */
export const errorMessage = (error: unknown): string => {
  const e = error as FetchErrorShape;
  return e.response?.data?.error?.message ?? e.message ?? String(error);
};

export const useWorkflowStatus = (uid: WorkflowUid, documentId: string | undefined, locale: string | undefined) => {
  const { get } = useFetchClient();
  const [status, setStatus] = useState<Loadable<WorkflowStatusResponse['data']>>({ state: 'loading' });
  const reload = useCallback(async () => {
    if (!documentId || !locale) return;
    try {
      const { data } = await get<WorkflowStatusResponse>(`/${PLUGIN_ID}/workflow/status`, { params: { uid, documentId, locale } });
      setStatus({ state: 'done', data: data.data });
    } catch (error) {
      setStatus({ state: 'error', message: errorMessage(error) });
    }
  }, [get, uid, documentId, locale]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { status, reload };
};

export const useTransition = () => {
  const { post } = useFetchClient();
  return useCallback(
    async (request: Omit<TransitionRequest, 'action'> & { action: WorkflowAction }) =>
      (await post<TransitionResponse>(`/${PLUGIN_ID}/workflow/transitions`, request)).data.data,
    [post]
  );
};

export const useTasks = () => {
  const { get } = useFetchClient();
  const [tasks, setTasks] = useState<Loadable<WorkflowTasksResponse['data']>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    get<WorkflowTasksResponse>(`/${PLUGIN_ID}/workflow/tasks`)
      .then(({ data }) => live && setTasks({ state: 'done', data: data.data }))
      .catch((error: unknown) => live && setTasks({ state: 'error', message: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [get]);
  return tasks;
};

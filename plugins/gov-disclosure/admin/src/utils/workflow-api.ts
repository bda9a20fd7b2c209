import { useCallback } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../../shared/constants';
import type { WorkflowAction } from '../../../shared/domain/workflow';
import { useFetched } from './use-fetched';
import type {
  JobView,
  JobsResponse,
  SchedulePublicationRequest,
  SchedulePublicationResponse,
  TransitionRequest,
  TransitionResponse,
  WorkflowStatusResponse,
  WorkflowTasksResponse,
  WorkflowUid,
} from '../../../shared/types';

export const useWorkflowStatus = (uid: WorkflowUid, documentId: string | undefined, locale: string | undefined) => {
  const { result: status, reload } = useFetched(
    documentId && locale ? `/${PLUGIN_ID}/workflow/status` : null,
    (response: WorkflowStatusResponse) => response.data,
    { uid, documentId, locale }
  );
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

export const useTasks = () => useFetched(`/${PLUGIN_ID}/workflow/tasks`, (response: WorkflowTasksResponse) => response.data).result;

export const useScheduleActions = () => {
  const { put, del } = useFetchClient();
  const set = useCallback(
    async (request: SchedulePublicationRequest) => (await put<SchedulePublicationResponse>(`/${PLUGIN_ID}/workflow/schedule`, request)).data.data,
    [put]
  );
  const cancel = useCallback(
    async (target: { uid: WorkflowUid; documentId: string; locale: string }) => {
      await del(`/${PLUGIN_ID}/workflow/schedule`, { params: target });
    },
    [del]
  );
  return { set, cancel };
};

export const useJobs = () => useFetched(`/${PLUGIN_ID}/jobs`, (response: JobsResponse) => response);

export const useRetryJob = () => {
  const { post } = useFetchClient();
  return useCallback(async (id: number) => (await post<{ data: JobView }>(`/${PLUGIN_ID}/jobs/${id}/retry`, {})).data.data, [post]);
};

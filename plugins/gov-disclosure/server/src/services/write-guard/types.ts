/** What the write guard is asked to check, and the row shapes it reads. */
export type Values = Record<string, unknown>;
export type Row = Values & { id: number; documentId: string; locale?: string; publishedAt?: string | null };

export type GuardedAction = 'create' | 'update' | 'clone';

export interface WriteRequest {
  uid: string;
  action: GuardedAction;
  documentId?: string;
  locale?: string;
  data: Values;
}

export const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * One typed door to Strapi's query engine and Document Service for the plugin's UIDs (and the
 * admin's). Strapi's typings know the UIDs generated for the app they are compiled in, not a
 * plugin's, so a call with a plugin UID needs a cast: it lives here once, instead of at every call.
 * Rows come back as `unknown` unless the caller names their shape.
 */
import type { Core } from '@strapi/strapi';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];
type DocumentUid = Parameters<Core.Strapi['documents']>[0];
type ContentTypeUid = Parameters<Core.Strapi['contentType']>[0];

export interface QueryParams {
  where?: object;
  select?: string[];
  populate?: object | string[] | boolean;
  orderBy?: object | object[] | string;
  limit?: number;
  offset?: number;
}

export interface RowQuery<T> {
  findOne(params?: QueryParams): Promise<T | null>;
  findMany(params?: QueryParams): Promise<T[]>;
  count(params?: QueryParams): Promise<number>;
  create(params: { data: object } & QueryParams): Promise<T>;
  createMany(params: { data: object[] }): Promise<{ count: number; ids: number[] }>;
  update(params: { where: object; data: object } & QueryParams): Promise<T | null>;
  updateMany(params: { where: object; data: object }): Promise<{ count: number }>;
  delete(params: { where: object }): Promise<T | null>;
  deleteMany(params?: { where?: object }): Promise<{ count: number }>;
}

export interface DocumentParams {
  documentId?: string;
  locale?: string;
  status?: 'draft' | 'published';
  data?: object;
  filters?: object;
  fields?: string[];
  populate?: object | string[];
}

export interface DocumentCollection<T> {
  findOne(params: DocumentParams & { documentId: string }): Promise<T | null>;
  findFirst(params?: DocumentParams): Promise<T | null>;
  findMany(params?: DocumentParams): Promise<T[]>;
  count(params?: DocumentParams): Promise<number>;
  create(params: DocumentParams & { data: object }): Promise<T & { id: number; documentId: string }>;
  update(params: DocumentParams & { documentId: string; data: object }): Promise<T | null>;
  delete(params: DocumentParams & { documentId: string }): Promise<unknown>;
  publish(params: DocumentParams & { documentId: string }): Promise<unknown>;
  unpublish(params: DocumentParams & { documentId: string }): Promise<unknown>;
  discardDraft(params: DocumentParams & { documentId: string }): Promise<unknown>;
}

/** Rows of a content type through the query engine (no document middlewares). */
export const rowsOf = <T = unknown>(strapi: Core.Strapi, uid: string): RowQuery<T> => strapi.db.query(uid as QueryUid) as unknown as RowQuery<T>;

/** Documents through the Document Service (every document middleware applies). */
export const documentsOf = <T = Record<string, unknown>>(strapi: Core.Strapi, uid: string): DocumentCollection<T> =>
  strapi.documents(uid as DocumentUid) as unknown as DocumentCollection<T>;

/** A content type's schema (attributes, options, plugin options). */
export const contentTypeOf = (strapi: Core.Strapi, uid: string) => strapi.contentType(uid as ContentTypeUid);

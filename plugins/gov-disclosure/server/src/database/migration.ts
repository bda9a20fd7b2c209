import type { Core } from '@strapi/strapi';

export type Knex = Core.Strapi['db']['connection'];

/** One change to the plugin's own tables or indexes; `up` must be idempotent (it may meet a database that has it). */
export interface Migration {
  /** Unique and ordered: the date it was written, then what it does. */
  name: string;
  up(knex: Knex, context: { client: string }): Promise<void>;
}

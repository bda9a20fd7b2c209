/**
 * Several instances on one PostgreSQL drop their caches together, through PostgreSQL itself
 * (LISTEN/NOTIFY), with no other service to run: whoever publishes, withdraws or changes a column,
 * or saves a year of the working calendar, notifies; every instance listening clears what it has
 * rendered and its copy of the calendar (both are rarely changed, so one message serves both). The listener is
 * a connection of its own (not one of the pool's); when it drops, the instance clears its cache —
 * a message may have been missed — and reconnects with back-off, clearing again once it listens.
 * On SQLite (one instance) there is nothing to tell anyone.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

interface PgNotification {
  channel: string;
  payload?: string;
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: PgNotification) => void): void;
  on(event: 'error' | 'end', listener: (error?: Error) => void): void;
  removeAllListeners(): void;
}

/** The pieces of knex's PostgreSQL client the listener borrows: the driver and the app's settings. */
interface KnexPgClient {
  driver: { Client: new (settings: object) => PgClient };
  connectionSettings: { schema?: string; database?: string; connectionString?: string };
}

export type ClusterState = 'single' | 'listening' | 'reconnecting' | 'stopped';

const MAX_BACKOFF_MS = 5_000;

const clusterEvents = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = randomUUID();
  let state: ClusterState = 'single';
  let channel = '';
  let listener: PgClient | null = null;
  let attempts = 0;
  let timer: NodeJS.Timeout | null = null;

  const clearLocal = () => {
    getService(strapi, 'public-cache').clearLocal();
    getService(strapi, 'working-calendar').forget();
  };

  /** One channel per database and schema: apps sharing a server (tests, several sites) do not clear each other. */
  const channelOf = (settings: KnexPgClient['connectionSettings']) =>
    `gd_cache_${createHash('sha1')
      .update(`${settings.connectionString ?? settings.database ?? ''}|${settings.schema ?? 'public'}`)
      .digest('hex')
      .slice(0, 16)}`;

  const reconnectLater = () => {
    if (state === 'stopped' || timer) return;
    state = 'reconnecting';
    const delay = Math.min(250 * 2 ** attempts, MAX_BACKOFF_MS);
    attempts += 1;
    timer = setTimeout(() => {
      timer = null;
      connect().catch((error: Error) => {
        strapi.log.warn(`[gov-disclosure] cache listener: ${error.message}; retrying`);
        reconnectLater();
      });
    }, delay);
  };

  const connect = async () => {
    const { driver, connectionSettings } = strapi.db.connection.client as unknown as KnexPgClient;
    // named, so an operator (and the tests) can tell the listener from the pool's connections
    const client = new driver.Client({ ...connectionSettings, application_name: `gov-disclosure-cache-${instance}` });
    let gone = false;
    const lost = (error?: Error) => {
      if (gone || state === 'stopped') return;
      gone = true;
      client.removeAllListeners();
      // a dying connection may still emit errors: unheard, one would end the process
      client.on('error', () => undefined);
      if (listener === client) listener = null;
      strapi.log.warn(`[gov-disclosure] cache listener lost${error ? `: ${error.message}` : ''}; clearing and reconnecting`);
      clearLocal(); // what was missed meanwhile must not be served
      reconnectLater();
    };
    client.on('notification', (message) => {
      if (message.channel === channel) clearLocal();
    });
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN "${channel}"`);
    listener = client;
    state = 'listening';
    attempts = 0;
    clearLocal(); // cached while nobody was listening
  };

  return {
    /** Starts listening on PostgreSQL; on SQLite the instance is alone. */
    async start(): Promise<void> {
      if (strapi.db.dialect.client !== 'postgres') return;
      channel = channelOf((strapi.db.connection.client as unknown as KnexPgClient).connectionSettings);
      // an instance that cannot listen yet still serves (its entries expire on their own) and keeps trying
      await connect().catch((error: Error) => {
        strapi.log.warn(`[gov-disclosure] cache listener: ${error.message}; retrying`);
        reconnectLater();
      });
    },

    /** Tells every instance (this one included) to drop its cached public responses and calendar. */
    async broadcast(): Promise<void> {
      if (state === 'single' || state === 'stopped') return;
      await strapi.db.connection.raw('SELECT pg_notify(?, ?)', [channel, instance]);
    },

    async stop(): Promise<void> {
      const was = listener;
      state = 'stopped';
      if (timer) clearTimeout(timer);
      listener = null;
      was?.removeAllListeners();
      was?.on('error', () => undefined);
      await was?.end().catch(() => undefined);
    },

    status: (): { state: ClusterState; channel: string; instance: string } => ({ state, channel, instance }),
  };
};

export default clusterEvents;

/**
 * Files of an application for disclosure (the applicant's 身份证明 and 附件, the office's reply
 * documents), kept in the database beside the register so every instance behind a load balancer
 * serves them, each sealed with the applicant data key (AES-256-GCM: a copied or altered row does
 * not open). Lists give names, types and sizes only; the bytes come out one file at a time.
 */
import type { Core } from '@strapi/strapi';
import { APPLICATION_FILE_KINDS, type ApplicationFileKind } from '../../../shared/domain/application-files';
import { getService } from '../utils/get-service';

export const APPLICATION_FILES_TABLE = 'gov_disclosure_application_files';

type Knex = Core.Strapi['db']['connection'];

export interface ApplicationFileMeta {
  id: number;
  applicationDocumentId: string;
  kind: ApplicationFileKind;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface SealedApplicationFile {
  kind: ApplicationFileKind;
  name: string;
  mime: string;
  size: number;
  sealed: Buffer;
}

export interface OpenedApplicationFile extends ApplicationFileMeta {
  bytes: Buffer;
}

interface FileRow {
  id: number | string;
  application_document_id: string;
  kind: ApplicationFileKind;
  file_name: string;
  mime: string;
  size: number | string;
  sealed?: Buffer | Uint8Array;
  created_at: number | string;
}

const META_COLUMNS = ['id', 'application_document_id', 'kind', 'file_name', 'mime', 'size', 'created_at'];

const metaOf = (row: FileRow): ApplicationFileMeta => ({
  id: Number(row.id),
  applicationDocumentId: row.application_document_id,
  kind: row.kind,
  name: row.file_name,
  mime: row.mime,
  size: Number(row.size),
  createdAt: new Date(Number(row.created_at)).toISOString(),
});

const applicationFiles = ({ strapi }: { strapi: Core.Strapi }) => {
  const seal = () => getService(strapi, 'applicant-key').seal();

  return {
    /**
     * One checked file (shared/domain/application-files.ts checkApplicationFile) sealed for
     * storing: done before a transaction, so encrypting megabytes does not hold its locks.
     */
    sealFile(kind: ApplicationFileKind, file: { name: string; mime: string; bytes: Buffer }): SealedApplicationFile {
      if (!APPLICATION_FILE_KINDS.includes(kind)) throw new Error(`gov-disclosure: unknown application file kind ${String(kind)}`);
      return { kind, name: file.name, mime: file.mime, size: file.bytes.length, sealed: seal().sealBytes(file.bytes) };
    },

    /**
     * Stores a sealed file of an application with the given connection: the registration's
     * transaction (so a failure leaves neither the application nor any of its files) or, for the
     * office's later reply documents, strapi.db.connection or a transaction of its own.
     */
    async insert(trx: Knex, documentId: string, file: SealedApplicationFile): Promise<number> {
      const [inserted] = (await trx(APPLICATION_FILES_TABLE)
        .insert({
          application_document_id: documentId,
          kind: file.kind,
          file_name: file.name,
          mime: file.mime,
          size: file.size,
          sealed: file.sealed,
          created_at: Date.now(),
        })
        .returning('id')) as Array<number | { id: number }>;
      return Number(typeof inserted === 'object' ? inserted.id : inserted);
    },

    /** Seals and stores one checked file (see insert). */
    async store(trx: Knex, documentId: string, kind: ApplicationFileKind, file: { name: string; mime: string; bytes: Buffer }): Promise<number> {
      return this.insert(trx, documentId, this.sealFile(kind, file));
    },

    /** One file's metadata (no bytes, nothing opened), or null. */
    async meta(id: number): Promise<ApplicationFileMeta | null> {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const row = (await strapi.db.connection(APPLICATION_FILES_TABLE).select(META_COLUMNS).where({ id }).first()) as FileRow | undefined;
      return row ? metaOf(row) : null;
    },

    /** The files of an application (of one kind, if given), oldest first: metadata only, never the bytes. */
    async list(documentId: string, kind?: ApplicationFileKind): Promise<ApplicationFileMeta[]> {
      const query = strapi.db.connection(APPLICATION_FILES_TABLE).select(META_COLUMNS).where({ application_document_id: documentId });
      if (kind) query.andWhere({ kind });
      return ((await query.orderBy('id', 'asc')) as FileRow[]).map(metaOf);
    },

    /** One file, opened with the key, or null when there is no such file. */
    async open(id: number): Promise<OpenedApplicationFile | null> {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const row = (await strapi.db
        .connection(APPLICATION_FILES_TABLE)
        .select([...META_COLUMNS, 'sealed'])
        .where({ id })
        .first()) as FileRow | undefined;
      if (!row?.sealed) return null;
      return { ...metaOf(row), bytes: seal().openBytes(Buffer.from(row.sealed)) };
    },
  };
};

export default applicationFiles;
export type ApplicationFilesService = ReturnType<typeof applicationFiles>;

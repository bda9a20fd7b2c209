/**
 * The files of a case in the admin panel: what the applicant sent (proof of identity, attachments)
 * and the reply documents the office adds for the applicant to download from the status page.
 * The applicant's files are theirs: opening one needs the identity permission and is written to
 * the history. Reply documents are added by whoever works the case.
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkApplicationFile, MAX_APPLICATION_FILE_BYTES, MAX_APPLICATION_FILES } from '../../../shared/domain/application-files';
import { getService } from '../utils/get-service';
import type { UploadedFile } from '../utils/uploads';
import type { Actor } from './actors';
import type { ApplicationFileMeta } from './application-files';
import { mayOnRegister } from './permissions';

const caseFiles = ({ strapi }: { strapi: Core.Strapi }) => {
  const files = () => getService(strapi, 'application-files');
  const register = () => getService(strapi, 'applications');

  return {
    async list(documentId: string, actor: Actor | null): Promise<ApplicationFileMeta[]> {
      if (!actor) throw new errors.UnauthorizedError('Log in to the admin panel');
      await register().caseFacts(documentId);
      return files().list(documentId);
    },

    /** Adds a reply document (PDF, JPEG, PNG or DOCX, checked by content) to a case the actor works. */
    async addReply(documentId: string, upload: UploadedFile | undefined, actor: Actor | null): Promise<ApplicationFileMeta> {
      if (!actor) throw new errors.UnauthorizedError('Log in to the admin panel');
      const facts = await register().caseFacts(documentId);
      if (!register().worksOn(actor, facts.handlerId))
        throw new errors.ForbiddenError('只有本申请的承办人或信息公开工作机构可以上传答复文件 (only the handler or the office adds reply documents)');
      const invalid = (message: string) => new errors.ValidationError(message, { errors: [{ path: ['file'], message, name: 'ValidationError' }] });
      if (!upload?.filepath) throw invalid('请选择要上传的答复文件 (file is required)');
      if ((await files().list(documentId, 'reply')).length >= MAX_APPLICATION_FILES.reply) {
        throw invalid(`答复文件最多${MAX_APPLICATION_FILES.reply}个 (at most ${MAX_APPLICATION_FILES.reply} reply documents)`);
      }
      const name = upload.originalFilename ?? 'reply';
      const bytes = upload.size > MAX_APPLICATION_FILE_BYTES ? Buffer.alloc(0) : await fs.readFile(upload.filepath);
      const checked = checkApplicationFile('reply', { name, size: upload.size, bytes });
      if (!checked.ok) throw invalid(checked.message);
      const id = await files().store(strapi.db.connection, documentId, 'reply', { name: checked.file.name, mime: checked.file.mime, bytes });
      return (await files().meta(id))!;
    },

    /** One file of the case; the applicant's own need the identity permission, and the look is recorded. */
    async download(documentId: string, id: number, actor: Actor | null) {
      if (!actor) throw new errors.UnauthorizedError('Log in to the admin panel');
      // the permission is decided on the metadata: nothing is decrypted for someone who may not see it
      const meta = await files().meta(id);
      if (!meta || meta.applicationDocumentId !== documentId) throw new errors.NotFoundError('文件不存在 (no such file)');
      if (meta.kind !== 'reply' && !mayOnRegister(actor, 'view-identity')) {
        throw new errors.ForbiddenError('申请人提交的文件需要“查看申请人身份信息”权限 (the applicant’s files need the identity permission)');
      }
      const file = await files().open(id);
      if (!file) throw new errors.NotFoundError('文件不存在 (no such file)');
      if (file.kind !== 'reply') await register().recordLook(documentId, actor, `查看申请人提交的文件：${file.name}`);
      return file;
    },
  };
};

export default caseFiles;

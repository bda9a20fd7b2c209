import fs from 'node:fs/promises';
import { allUploads, type UploadedFiles } from '../utils/uploads';

interface UploadCtx {
  request: { files?: UploadedFiles };
}

/**
 * Removes every file a multipart request left in the temporary directory once the request is
 * answered — accepted, refused by a policy before any controller ran, or failed. Strapi's body
 * parser removes only a field named "files" (and then drops the record of every other field's
 * files): identity documents posted to the portal or to any other route would stay on disk. Put
 * outermost (plugin register, before the app's middlewares), so it sees what the parser records.
 */
export const removeUploads = async (ctx: UploadCtx, next: () => Promise<unknown>) => {
  let recorded: UploadedFiles | undefined;
  // remember what the parser sets, even after it deletes the property
  Object.defineProperty(ctx.request, 'files', {
    configurable: true,
    enumerable: true,
    get: () => recorded,
    set: (files: UploadedFiles | undefined) => {
      recorded = files;
    },
  });
  try {
    await next();
  } finally {
    await Promise.all(allUploads(recorded).map((f) => fs.rm(f.filepath, { force: true }).catch(() => undefined)));
  }
};

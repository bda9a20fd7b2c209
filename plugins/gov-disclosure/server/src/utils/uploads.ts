/** What Strapi's body parser (koa-body with formidable) leaves for each uploaded file of a multipart request. */
export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

export type UploadedFiles = Record<string, UploadedFile | UploadedFile[] | undefined>;

/** Every uploaded file of a request, whatever its field. */
export const allUploads = (files: UploadedFiles | undefined): UploadedFile[] =>
  Object.values(files ?? {})
    .flatMap((f) => (Array.isArray(f) ? f : f ? [f] : []))
    .filter((f): f is UploadedFile => Boolean(f?.filepath));

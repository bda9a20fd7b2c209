/**
 * Files that come with an application for disclosure (身份证明 and 附件 from the applicant) and the
 * office's reply documents: what may be uploaded, how big, how many. A file's type is read from
 * its first bytes (its "magic"), never taken from its name or the browser's word alone, and its
 * name must agree with what it is; names are cleaned before they are stored or shown.
 */

export const APPLICATION_FILE_KINDS = ['identity', 'attachment', 'reply'] as const;
export type ApplicationFileKind = (typeof APPLICATION_FILE_KINDS)[number];

/** 5 MB per file: a scanned identity card or a few pages of a letter. */
export const MAX_APPLICATION_FILE_BYTES = 5 * 1024 * 1024;

/** Files per application and kind (reply documents are the office's, not limited by the portal). */
export const MAX_APPLICATION_FILES: Record<ApplicationFileKind, number> = { identity: 3, attachment: 5, reply: 20 };

export const APPLICATION_FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPG' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'DOCX',
  },
} as const;
export type ApplicationFileType = keyof typeof APPLICATION_FILE_TYPES;

/** Identity documents are scans or photos; a Word document is accepted only as an attachment or a reply. */
export const ALLOWED_APPLICATION_FILE_TYPES: Record<ApplicationFileKind, readonly ApplicationFileType[]> = {
  identity: ['pdf', 'jpeg', 'png'],
  attachment: ['pdf', 'jpeg', 'png', 'docx'],
  reply: ['pdf', 'jpeg', 'png', 'docx'],
};

/** For a file input's accept attribute (a hint to the browser; the server decides). */
export const acceptAttribute = (kind: ApplicationFileKind) =>
  ALLOWED_APPLICATION_FILE_TYPES[kind]
    .flatMap((type) => [...APPLICATION_FILE_TYPES[type].extensions.map((e) => `.${e}`), APPLICATION_FILE_TYPES[type].mime])
    .join(',');

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const contains = (bytes: Uint8Array, needle: readonly number[]) => {
  const first = needle[0];
  for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
};

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// a Word document is a ZIP package whose directory names these parts
const DOCX_PARTS = [ascii('[Content_Types].xml'), ascii('word/document.xml')];

/** The file's type from its content, or null when it is none of the accepted ones. */
export const sniffApplicationFileType = (bytes: Uint8Array): ApplicationFileType | null => {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, ZIP) && DOCX_PARTS.every((part) => contains(bytes, part))) return 'docx';
  return null;
};

const MAX_NAME_CHARS = 100;

/**
 * A name safe to store and to offer back in a download: no folders, no control or reserved
 * characters, no leading dots, at most 100 characters with its extension kept.
 */
export const sanitizeApplicationFileName = (name: string, fallbackExtension: string): string => {
  const base = String(name ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : fallbackExtension;
  const chars = [...(stem || '文件')];
  const room = MAX_NAME_CHARS - extension.length - 1;
  return `${chars.slice(0, room).join('').trim()}.${extension}`;
};

export interface CheckedApplicationFile {
  name: string;
  mime: string;
  type: ApplicationFileType;
}

const typeList = (kind: ApplicationFileKind) => ALLOWED_APPLICATION_FILE_TYPES[kind].map((t) => APPLICATION_FILE_TYPES[t].label).join('、');

/**
 * Checks one uploaded file of a kind: its size, its type by content, and that its name's extension
 * says the same. Messages are Chinese first, English in parentheses, and name the file.
 */
export const checkApplicationFile = (
  kind: ApplicationFileKind,
  file: { name: string; size: number; bytes: Uint8Array }
): { ok: true; file: CheckedApplicationFile } | { ok: false; message: string } => {
  const shown = sanitizeApplicationFileName(file.name, 'bin');
  if (file.size === 0) return { ok: false, message: `文件“${shown}”是空文件 (the file ${shown} is empty)` };
  if (file.size > MAX_APPLICATION_FILE_BYTES) {
    return { ok: false, message: `文件“${shown}”超过5MB (the file ${shown} is larger than 5 MB)` };
  }
  const type = sniffApplicationFileType(file.bytes);
  const allowed = ALLOWED_APPLICATION_FILE_TYPES[kind];
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!type || !allowed.includes(type) || !(APPLICATION_FILE_TYPES[type].extensions as readonly string[]).includes(extension)) {
    return {
      ok: false,
      message: `文件“${shown}”不是有效的${typeList(kind)}文件 (only ${typeList(kind).replace(/、/g, ', ')} files whose content matches their name are accepted)`,
    };
  }
  return {
    ok: true,
    file: { name: sanitizeApplicationFileName(file.name, APPLICATION_FILE_TYPES[type].extensions[0]), mime: APPLICATION_FILE_TYPES[type].mime, type },
  };
};

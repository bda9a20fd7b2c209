/**
 * Sealing of an applicant's identity number and files at rest: AES-256-GCM with a key the
 * deployment supplies (config applicantDataKey, 32 bytes in base64), a fresh nonce per value and
 * the authentication tag kept beside it, so a copied or altered value does not open. A database
 * dump without the key holds no identity number.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const parseApplicantKey = (base64: string): Buffer | null => {
  const key = Buffer.from(base64, 'base64');
  return key.length === 32 && key.toString('base64') === base64.trim() ? key : null;
};

export interface Seal {
  sealText(plain: string): string;
  openText(sealed: string): string;
  sealBytes(plain: Buffer): Buffer;
  openBytes(sealed: Buffer): Buffer;
}

export const applicantSeal = (key: Buffer): Seal => {
  const seal = (plain: Buffer) => {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  };
  const open = (sealed: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  };
  return {
    sealText: (plain) => `${VERSION}:${seal(Buffer.from(plain, 'utf8')).toString('base64')}`,
    openText: (sealed) => {
      if (!sealed.startsWith(`${VERSION}:`)) throw new Error('not a sealed value of this version');
      return open(Buffer.from(sealed.slice(VERSION.length + 1), 'base64')).toString('utf8');
    },
    sealBytes: seal,
    openBytes: open,
  };
};

/**
 * The key that seals applicants' identity data, resolved once at start-up. Production refuses to
 * start without a configured key (a register that stores identity numbers in the clear, or under a
 * key nobody keeps, is worse than none); development keeps a generated key in <app>/.tmp so a demo
 * runs with nothing to set.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { applicantSeal, parseApplicantKey, type Seal } from '../utils/applicant-seal';

const applicantKey = ({ strapi }: { strapi: Core.Strapi }) => {
  let seal: Seal | null = null;

  const developmentKey = (): string => {
    const file = path.join(strapi.dirs.app.root, '.tmp', 'gov-disclosure-applicant-key');
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
    const key = randomBytes(32).toString('base64');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
    strapi.log.warn(`[gov-disclosure] no applicantDataKey configured: generated a development key in ${file}`);
    return key;
  };

  return {
    /** Called in register: a production start without a key stops here. */
    load(): void {
      const configured = strapi.plugin('gov-disclosure').config('applicantDataKey') as string | undefined;
      if (!configured && process.env.NODE_ENV === 'production') {
        throw new Error(
          'gov-disclosure: applicantDataKey (GOV_DISCLOSURE_APPLICANT_KEY in this app) must be set in production: it seals applicants’ identity numbers and files'
        );
      }
      const key = parseApplicantKey(configured || developmentKey());
      if (!key) throw new Error('gov-disclosure: applicantDataKey must be 32 bytes in base64');
      seal = applicantSeal(key);
    },
    seal(): Seal {
      if (!seal) throw new Error('gov-disclosure: the applicant data key is not loaded');
      return seal;
    },
  };
};

export default applicantKey;

import { isTimeZone } from '../../../shared/domain/calendar-day';
import { parseApplicantKey } from '../utils/applicant-seal';

export interface GovDisclosureConfig {
  /** Approver must differ from the submitter of the revision (separation of duties). */
  separationOfDuties: boolean;
  /** Seconds a rendered public response is reused by this instance (0 turns the cache off). */
  publicCacheSeconds: number;
  /**
   * Serve the public reads ahead of the app's middleware stack (services/front-door.ts): 'auto'
   * does so when the app's middlewares are Strapi's stock ones; true or false decides.
   */
  frontDoor: boolean | 'auto';
  /**
   * How many public reads may use a PostgreSQL connection at once; the others queue in this
   * process. A few per database core: more only add contention (services/read-sql.ts).
   */
  publicReadConnections: number;
  /** Scheduled work: how often each instance looks for due jobs, and how long a claim lasts unrenewed. */
  jobs: { pollSeconds: number; leaseSeconds: number };
  /** The agency's time zone: the day a publication is dated, the day a 废止日期 takes effect. */
  timeZone: string;
  /**
   * Key that seals applicants' identity numbers and files at rest (AES-256-GCM): 32 random bytes in
   * base64. Required in production; elsewhere a development key is kept in <app>/.tmp.
   */
  applicantDataKey?: string;
  /** The admin panel's language for users created without one ('' keeps Strapi's: English). */
  adminLanguage: string;
}

export default {
  default: (): GovDisclosureConfig => ({
    separationOfDuties: true,
    publicCacheSeconds: 5,
    frontDoor: 'auto',
    publicReadConnections: 4,
    jobs: { pollSeconds: 5, leaseSeconds: 60 },
    timeZone: 'Asia/Shanghai',
    adminLanguage: 'zh-Hans',
  }),
  validator(config: Partial<GovDisclosureConfig>) {
    if (config.separationOfDuties !== undefined && typeof config.separationOfDuties !== 'boolean') {
      throw new Error('gov-disclosure: config.separationOfDuties must be a boolean');
    }
    const ttl = config.publicCacheSeconds;
    if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 0 || ttl > 30)) {
      throw new Error('gov-disclosure: config.publicCacheSeconds must be a number from 0 to 30');
    }
    if (config.frontDoor !== undefined && typeof config.frontDoor !== 'boolean' && config.frontDoor !== 'auto') {
      throw new Error('gov-disclosure: config.frontDoor must be true, false or "auto"');
    }
    const readers = config.publicReadConnections;
    if (readers !== undefined && !(Number.isInteger(readers) && readers >= 1 && readers <= 100)) {
      throw new Error('gov-disclosure: config.publicReadConnections must be a whole number from 1 to 100');
    }
    if (config.timeZone !== undefined && !isTimeZone(config.timeZone)) {
      throw new Error('gov-disclosure: config.timeZone must be an IANA time zone such as "Asia/Shanghai"');
    }
    if (config.applicantDataKey !== undefined && config.applicantDataKey !== '' && !parseApplicantKey(config.applicantDataKey)) {
      throw new Error('gov-disclosure: config.applicantDataKey must be 32 bytes in base64 (e.g. openssl rand -base64 32)');
    }
    if (config.adminLanguage !== undefined && (typeof config.adminLanguage !== 'string' || !/^([a-z]{2}(-[A-Za-z]{2,4})?)?$/.test(config.adminLanguage))) {
      throw new Error('gov-disclosure: config.adminLanguage must be an admin locale code such as "zh-Hans" or "en", or "" for Strapi\'s default');
    }
    const { pollSeconds, leaseSeconds } = config.jobs ?? {};
    if (pollSeconds !== undefined && (typeof pollSeconds !== 'number' || !(pollSeconds >= 0.05 && pollSeconds <= 300))) {
      throw new Error('gov-disclosure: config.jobs.pollSeconds must be a number from 0.05 to 300');
    }
    if (leaseSeconds !== undefined && (typeof leaseSeconds !== 'number' || !(leaseSeconds >= 5 && leaseSeconds <= 3600))) {
      throw new Error('gov-disclosure: config.jobs.leaseSeconds must be a number from 5 to 3600');
    }
  },
};

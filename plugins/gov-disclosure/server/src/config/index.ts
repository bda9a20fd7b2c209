export interface GovDisclosureConfig {
  /** Approver must differ from the submitter of the revision (separation of duties). */
  separationOfDuties: boolean;
  /** Seconds a rendered public response is reused by this instance (0 turns the cache off). */
  publicCacheSeconds: number;
}

export default {
  default: (): GovDisclosureConfig => ({ separationOfDuties: true, publicCacheSeconds: 5 }),
  validator(config: Partial<GovDisclosureConfig>) {
    if (config.separationOfDuties !== undefined && typeof config.separationOfDuties !== 'boolean') {
      throw new Error('gov-disclosure: config.separationOfDuties must be a boolean');
    }
    const ttl = config.publicCacheSeconds;
    if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 0 || ttl > 30)) {
      throw new Error('gov-disclosure: config.publicCacheSeconds must be a number from 0 to 30');
    }
  },
};

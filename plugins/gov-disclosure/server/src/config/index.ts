export interface GovDisclosureConfig {
  /** Approver must differ from the submitter of the revision (separation of duties). */
  separationOfDuties: boolean;
}

export default {
  default: (): GovDisclosureConfig => ({ separationOfDuties: true }),
  validator(config: Partial<GovDisclosureConfig>) {
    if (config.separationOfDuties !== undefined && typeof config.separationOfDuties !== 'boolean') {
      throw new Error('gov-disclosure: config.separationOfDuties must be a boolean');
    }
  },
};

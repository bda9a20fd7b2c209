/**
 * How scheduled work is tried again after it fails: waits that double from 30 seconds up to an
 * hour, and after the eighth attempt (about an hour and three quarters in all) the job stops and
 * waits, reported in the admin panel, for the office to retry it. A failure is often the item's
 * own (a required field left empty, the publisher's role changed): the office fixes it meanwhile.
 */
export const MAX_ATTEMPTS = 8;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** The wait before attempt `attempts + 1`, after `attempts` have failed. */
export const retryDelayMs = (attempts: number): number => Math.min(FIRST_WAIT_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_WAIT_MS);

export type AfterFailure = { status: 'pending'; runAt: number } | { status: 'failed'; runAt: number };

export const afterFailure = (attempts: number, now: number): AfterFailure =>
  attempts >= MAX_ATTEMPTS ? { status: 'failed', runAt: now } : { status: 'pending', runAt: now + retryDelayMs(attempts) };

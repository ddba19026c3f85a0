/** Retry policy: exponential backoff with jitter, and which failures are worth retrying. */
import type { RetryPolicy } from './types';

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  factor: 2,
  finalMaxAttempts: 30,
};

/**
 * Delay before attempt `attempt + 1`, after `attempt` failed sends (attempt >= 1): the exponential
 * ceiling `base * factor^(attempt-1)` capped at `maxDelayMs`, with "equal jitter" (half fixed,
 * half random) so that parallel streams that failed together do not retry in lock-step.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): number {
  const n = Math.max(1, attempt);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * Math.pow(policy.factor, n - 1));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

/** Kaltura error codes after which sending the same chunk again can succeed. */
const RETRYABLE_CODES = new Set([
  'INTERNAL_SERVERL_ERROR',
  'INTERNAL_SERVER_ERROR',
  'UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE',
  'UPLOAD_TOKEN_CANNOT_RESUME',
  'SERVICE_UNAVAILABLE',
  // The sandbox's injected faults (and a failed write on a real server).
  'UPLOAD_ERROR',
]);

export function isRetryableKalturaCode(code: string): boolean {
  return RETRYABLE_CODES.has(code);
}

/** HTTP statuses worth retrying: server errors, throttling and timeouts. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408 || status === 0;
}

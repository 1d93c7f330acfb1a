/**
 * Retries a failing store with exponential backoff, a bounded number of times. Each failure is
 * reported (the caller logs it with the journal id); after the last attempt the error is
 * rethrown, so Hocuspocus keeps the document in memory instead of unloading it.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Wait before the second attempt; doubles after each failure, up to maxDelayMs. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_STORE_RETRY: RetryPolicy = {
  attempts: 5,
  firstDelayMs: 200,
  maxDelayMs: 5000,
};

export interface FailedAttempt {
  readonly attempt: number;
  readonly error: unknown;
  /** Milliseconds until the next attempt, or null when this was the last one. */
  readonly retryInMs: number | null;
}

export async function withRetry<T>(
  action: () => Promise<T>,
  policy: RetryPolicy,
  report: (failure: FailedAttempt) => void,
): Promise<T> {
  let delay = policy.firstDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await action();
    } catch (error) {
      const last = attempt >= policy.attempts;
      report({ attempt, error, retryInMs: last ? null : delay });
      if (last) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

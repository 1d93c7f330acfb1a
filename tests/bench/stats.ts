// Small helpers for timing: medians, garbage collection between runs, progress lines.

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The value below which `p` (0–1) of the values lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Whether garbage can be collected on demand (node --expose-gc). */
export const canCollectGarbage = gc !== undefined;

/** Collects garbage when node runs with --expose-gc, so one run's garbage does not slow the next. */
export function collectGarbage(): void {
  gc?.();
}

/** Milliseconds that `run` takes (wall clock, high resolution). */
export function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const started = performance.now();

/** A progress line on stderr, so the table on stdout stays clean. */
export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds} s] ${message}\n`);
}

/**
 * Runs code with the process in a given time zone. Node reads TZ again when it changes,
 * so local-time Date methods follow it; each case checks that it took effect.
 */
export function inTimeZone<T>(zone: string, run: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    const offset = new Date('2026-01-15T12:00:00.000Z').getTimezoneOffset();
    const expected = {
      UTC: 0,
      'Europe/Madrid': -60,
      'America/New_York': 300,
      'Asia/Kolkata': -330,
      'Pacific/Kiritimati': -840,
      'America/St_Johns': 210,
    }[zone];
    if (expected !== undefined && offset !== expected) {
      throw new Error(`Setting TZ=${zone} did not take effect (offset ${offset})`);
    }
    return run();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatBytes,
  formatDuration,
  fromLocalInputValue,
  localDayKey,
  toLocalInputValue,
  viewerTimeZone,
} from '../../../../renderer/src/ui/format';
import { inTimeZone } from './timeZone';

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [1, '1 min'],
    [45, '45 min'],
    [59, '59 min'],
    [60, '1 h'],
    [61, '1 h 1 min'],
    [90, '1 h 30 min'],
    [180, '3 h'],
    [1439, '23 h 59 min'],
    [1440, '24 h'],
  ])('%i minutes read as "%s"', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [1024 * 1024, '1.0 MB'],
    [60 * 1024 * 1024 + 512 * 1024, '60.5 MB'],
  ])('%i bytes read as "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('localDayKey', () => {
  it('is the calendar day where the person is, not the UTC day', () => {
    const lateInUtc = '2026-11-12T23:30:00.000Z';
    expect(inTimeZone('UTC', () => localDayKey(lateInUtc))).toBe('2026-11-12');
    expect(inTimeZone('Europe/Madrid', () => localDayKey(lateInUtc))).toBe('2026-11-13');
    expect(inTimeZone('Pacific/Kiritimati', () => localDayKey('2026-11-12T10:30:00Z'))).toBe(
      '2026-11-13',
    );
    expect(inTimeZone('America/New_York', () => localDayKey('2026-11-13T03:00:00.000Z'))).toBe(
      '2026-11-12',
    );
  });

  it('pads months and days to two digits', () => {
    expect(inTimeZone('UTC', () => localDayKey('2026-01-05T08:00:00.000Z'))).toBe('2026-01-05');
  });
});

describe('toLocalInputValue and fromLocalInputValue', () => {
  it('shows an instant as the local date and time a datetime-local input takes', () => {
    const instant = '2026-11-12T08:30:00.000Z';
    expect(inTimeZone('Europe/Madrid', () => toLocalInputValue(instant))).toBe('2026-11-12T09:30');
    expect(inTimeZone('Europe/Madrid', () => toLocalInputValue('2026-07-01T08:30:00.000Z'))).toBe(
      '2026-07-01T10:30',
    );
    expect(inTimeZone('Asia/Kolkata', () => toLocalInputValue(instant))).toBe('2026-11-12T14:00');
    expect(inTimeZone('America/New_York', () => toLocalInputValue('2026-01-01T03:05:00Z'))).toBe(
      '2025-12-31T22:05',
    );
  });

  it('reads what the input holds as local time', () => {
    expect(inTimeZone('Europe/Madrid', () => fromLocalInputValue('2026-11-12T09:30'))).toBe(
      '2026-11-12T08:30:00.000Z',
    );
    expect(inTimeZone('America/St_Johns', () => fromLocalInputValue('2026-11-12T09:30'))).toBe(
      '2026-11-12T13:00:00.000Z',
    );
  });

  it('gives null for what is not a date and time (an emptied input)', () => {
    expect(fromLocalInputValue('')).toBeNull();
    expect(fromLocalInputValue('not a date')).toBeNull();
    expect(fromLocalInputValue('2026-13-01T10:00')).toBeNull();
  });

  it.each(['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'America/St_Johns'])(
    'round-trips every quarter hour of 2026 in %s, except the hour repeated when clocks go back',
    (zone) => {
      inTimeZone(zone, () => {
        const mismatches: string[] = [];
        const start = Date.UTC(2026, 0, 1);
        for (let t = start; t < Date.UTC(2027, 0, 1); t += 15 * 60 * 1000) {
          const iso = new Date(t).toISOString();
          const shown = toLocalInputValue(iso);
          const back = fromLocalInputValue(shown);
          if (back === iso) continue;
          // The same wall-clock time happens twice when clocks go back; the input cannot
          // tell the two apart and reads the first. Anything else is a real mismatch.
          const earlier = new Date(t - 60 * 60 * 1000).toISOString();
          if (back !== earlier || toLocalInputValue(earlier) !== shown) mismatches.push(iso);
        }
        expect(mismatches).toEqual([]);
      });
    },
  );

  it('drops seconds, which the input does not show', () => {
    expect(inTimeZone('UTC', () => toLocalInputValue('2026-11-12T08:30:59.999Z'))).toBe(
      '2026-11-12T08:30',
    );
  });
});

describe('viewerTimeZone', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows the device to another zone: at once when the offset changes, else within a minute', () => {
    vi.useFakeTimers({ now: new Date('2026-01-15T12:00:00.000Z') });
    inTimeZone('Europe/Madrid', () => expect(viewerTimeZone()).toBe('Europe/Madrid'));
    // A different UTC offset is seen on the next call.
    inTimeZone('America/New_York', () => expect(viewerTimeZone()).toBe('America/New_York'));
    // The same offset (Paris and Berlin, +1:00): read again only once a minute has passed.
    inTimeZone('Europe/Paris', () => expect(viewerTimeZone()).toBe('Europe/Paris'));
    inTimeZone('Europe/Berlin', () => {
      expect(viewerTimeZone()).toBe('Europe/Paris');
      vi.advanceTimersByTime(60_000);
      expect(viewerTimeZone()).toBe('Europe/Berlin');
    });
  });
});

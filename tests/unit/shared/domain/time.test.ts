import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../../shared/domain/time';

describe('parseInstant', () => {
  it.each([
    ['2026-11-25T18:30:00.000Z', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25t18:30:00z', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25T18:30Z', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25T19:30:00+01:00', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25T19:30:00+0100', '2026-11-25T18:30:00.000Z'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z'],
    ['2026-12-31T23:59:59.999-00:30', '2027-01-01T00:29:59.999Z'],
    ['2026-11-25T18:30:00.5Z', '2026-11-25T18:30:00.500Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['0050-06-01T12:00:00Z', '0050-06-01T12:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
  });

  it.each([
    '2026-11-25T18:30:00',
    '2026-11-25T18:30',
    '2026-11-25',
    '2026-11-25 18:30:00Z',
    '1900-02-29T00:00:00Z',
    '2026-06-31T00:00:00Z',
    '2026-11-25T24:00:00Z',
    '2026-11-25T18:60:00Z',
    '2026-11-25T18:30:60Z',
    '2026-11-25T18:30:00+24:00',
    '2026-11-25T18:30:00+01:60',
    ' 2026-11-25T18:30:00Z',
    '+002026-11-25T18:30:00Z',
    'Wed, 25 Nov 2026 18:30:00 GMT',
    '1',
    'garbage',
    '',
  ])('%j is not an exact instant', (input) => {
    expect(parseInstant(input)).toBeNull();
  });

  it.each([undefined, null, 1795600800000, new Date('2026-11-25T18:30:00Z'), {}])(
    'a non-string (%s) is not an instant',
    (input) => {
      expect(parseInstant(input)).toBeNull();
    },
  );

  it('does not depend on the time zone of the machine', () => {
    const previous = process.env.TZ;
    try {
      const results = ['Pacific/Kiritimati', 'America/Adak', 'UTC'].map((zone) => {
        process.env.TZ = zone;
        return parseInstant('2026-03-29T01:30:00+01:00');
      });
      expect(results).toEqual(Array(3).fill('2026-03-29T00:30:00.000Z'));
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});

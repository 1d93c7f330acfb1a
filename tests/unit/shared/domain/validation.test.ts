import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  describeErrors,
  isKnownTimeZone,
  INTERACTION_KINDS,
  INTERACTION_RECORD,
  LIMITS,
  validateInteraction,
  validateInteractionPatch,
  ValidationError,
  type FieldErrors,
  type InteractionFields,
} from '../../../../shared/domain';
import { anInteraction, aConference, anUnratedMessage } from '../../../fixtures/interactions';

/** The per-field errors of an input that must be rejected (fails the test if it was accepted). */
function errorsOf(input: unknown): FieldErrors {
  const result = validateInteraction(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.errors;
}

function withField(field: keyof InteractionFields, value: unknown): Record<string, unknown> {
  return { ...anInteraction(), [field]: value };
}

describe('validateInteraction accepts what a person really logs', () => {
  it.each([
    ['a rated coffee', anInteraction()],
    ['a three-hour conference with several people', aConference()],
    ['an unrated zero-minute message with empty notes', anUnratedMessage()],
    ['a full day (1440 minutes)', anInteraction({ durationMinutes: LIMITS.durationMinutes })],
    ['50 people', anInteraction({ people: Array.from({ length: 50 }, (_, i) => `Person ${i}`) })],
    ['nobody named', anInteraction({ people: [] })],
    ['a title of exactly 200 characters', anInteraction({ title: 'x'.repeat(200) })],
    ['non-ASCII names', anInteraction({ people: ['Dana Weiß', 'Zoë Ødegård', '李小龍'] })],
  ])('%s', (_label, input) => {
    const result = validateInteraction(input);
    expect(result).toEqual({ ok: true, value: expect.any(Object) as unknown });
  });

  it('every kind the quick-add offers is accepted', () => {
    for (const kind of INTERACTION_KINDS) {
      expect(validateInteraction(anInteraction({ kind })).ok).toBe(true);
    }
  });

  it('tidies input: trims the title, place and names, and normalizes the start to UTC', () => {
    const result = validateInteraction(
      anInteraction({
        title: '  Coffee with Ana  ',
        place: ' Café Comercial ',
        people: ['  Ana Lopez ', 'Ben Ortiz  '],
        startedAt: '2026-11-12T09:30:00+01:00',
      }),
    );
    expect(result.ok && result.value).toMatchObject({
      title: 'Coffee with Ana',
      place: 'Café Comercial',
      people: ['Ana Lopez', 'Ben Ortiz'],
      startedAt: '2026-11-12T08:30:00.000Z',
    });
  });

  it('drops fields it does not know (they are not written to the journal)', () => {
    const result = validateInteraction({ ...anInteraction(), colour: 'red', id: 'forged' });
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.value).sort()).toEqual(
      Object.keys(INTERACTION_RECORD.schema.parse(anInteraction())).sort(),
    );
    expect(result.ok && result.value).not.toHaveProperty('colour');
    expect(result.ok && result.value).not.toHaveProperty('id');
  });
});

describe('validateInteraction rejects bad input with a message about that field', () => {
  it.each(['', '   ', '\n\t'])('a title that is empty or only whitespace (%j)', (title) => {
    expect(errorsOf(withField('title', title))).toEqual({ title: 'Give the interaction a title.' });
  });

  it('a title that is too long says the limit', () => {
    expect(errorsOf(withField('title', 'x'.repeat(201))).title).toBe(
      'The title can be at most 200 characters.',
    );
  });

  it('a title that is not text', () => {
    expect(errorsOf(withField('title', 42)).title).toBe('The title must be text.');
  });

  it.each([
    [-1, 'The duration cannot be negative.'],
    [-0.5, 'The duration must be a whole number of minutes.'],
    [12.5, 'The duration must be a whole number of minutes.'],
    [1441, 'The duration can be at most 24 hours (1440 minutes).'],
    [100000, 'The duration can be at most 24 hours (1440 minutes).'],
    ['45', 'The duration must be a number of minutes.'],
    [Number.NaN, 'The duration must be a number of minutes.'],
    [Infinity, 'The duration must be a number of minutes.'],
    [null, 'The duration must be a number of minutes.'],
  ])('a duration of %s', (durationMinutes, message) => {
    expect(errorsOf(withField('durationMinutes', durationMinutes))).toEqual({
      durationMinutes: message,
    });
  });

  it.each([0, 6, 2.5, '4', -3, true])('a relevance of %j', (relevance) => {
    expect(errorsOf(withField('relevance', relevance))).toEqual({
      relevance: 'Relevance is a whole number from 1 to 5, or unrated.',
    });
  });

  it('a missing relevance (undefined is not "unrated"; null is)', () => {
    const { relevance: _omitted, ...rest } = anInteraction();
    expect(errorsOf(rest).relevance).toMatch(/from 1 to 5, or unrated/);
  });

  it.each(['workshop', 'Coffee', '', 3])('an unknown kind %j lists the kinds there are', (kind) => {
    const message = errorsOf(withField('kind', kind)).kind;
    expect(message).toMatch(/^The kind must be one of: /);
    for (const known of INTERACTION_KINDS) expect(message).toContain(known);
  });

  it.each([
    'yesterday',
    '2026-13-01T10:00:00Z',
    '2026-11-25T25:00:00Z',
    '2026-11-25',
    '',
    'T10:00',
  ])('a start time that is not a date and time (%j)', (startedAt) => {
    expect(errorsOf(withField('startedAt', startedAt))).toEqual({
      startedAt: 'The start time is not a valid date and time.',
    });
  });

  it('a missing start time', () => {
    const { startedAt: _omitted, ...rest } = anInteraction();
    expect(errorsOf(rest)).toEqual({ startedAt: 'The start time is missing.' });
  });

  it.each(['Mars/Olympus_Mons', 'Europe/Madird', 'CEST', ''])(
    'an unknown time zone (%j)',
    (timeZone) => {
      expect(errorsOf(withField('timeZone', timeZone))).toEqual({
        timeZone: 'The time zone is not one I know.',
      });
    },
  );

  it('too many people says the limit', () => {
    const people = Array.from({ length: 51 }, (_, i) => `Person ${i}`);
    expect(errorsOf(withField('people', people))).toEqual({
      people: 'At most 50 people per interaction.',
    });
  });

  it.each([
    [['Ana Lopez', 42], 'A name must be text.'],
    [['Ana Lopez', null], 'A name must be text.'],
    [['Ana Lopez', '   '], 'A name cannot be empty.'],
    [['x'.repeat(101)], 'A name can be at most 100 characters.'],
    ['Ana Lopez, Ben Ortiz', 'People must be a list of names.'],
  ])('people %j', (people, message) => {
    expect(errorsOf(withField('people', people))).toEqual({ people: message });
  });

  it('notes that are too long name the note', () => {
    const long = 'x'.repeat(LIMITS.noteLength + 1);
    expect(errorsOf(withField('intent', long)).intent).toBe(
      '“What I wanted” can be at most 5000 characters.',
    );
    expect(errorsOf(withField('outcome', long)).outcome).toBe(
      '“What I got” can be at most 5000 characters.',
    );
    expect(errorsOf(withField('nextStep', long)).nextStep).toBe(
      'The next step can be at most 5000 characters.',
    );
  });

  it('reports every bad field at once, one message each', () => {
    const errors = errorsOf({
      ...anInteraction(),
      title: ' ',
      durationMinutes: -5,
      relevance: 6,
      kind: 'party',
    });
    expect(Object.keys(errors).sort()).toEqual(['durationMinutes', 'kind', 'relevance', 'title']);
    expect(describeErrors(errors)).toContain('Give the interaction a title.');
    expect(describeErrors(errors)).toContain('The duration cannot be negative.');
  });

  it('something that is not an interaction at all is a form-level error, not a crash', () => {
    for (const input of [null, undefined, 'coffee', 42, []]) {
      expect(Object.keys(errorsOf(input))).toContain('form');
    }
  });
});

describe('validateInteractionPatch', () => {
  it('accepts a change to some fields and returns only those', () => {
    expect(validateInteractionPatch({ relevance: 5, title: ' Lunch with Ana ' })).toEqual({
      ok: true,
      value: { relevance: 5, title: 'Lunch with Ana' },
    });
  });

  it('accepts rating back to unrated (null) and an empty patch', () => {
    expect(validateInteractionPatch({ relevance: null })).toEqual({
      ok: true,
      value: { relevance: null },
    });
    expect(validateInteractionPatch({})).toEqual({ ok: true, value: {} });
  });

  it('checks each field the same way as a new interaction', () => {
    expect(validateInteractionPatch({ durationMinutes: 2.5, title: '' })).toEqual({
      ok: false,
      errors: {
        durationMinutes: 'The duration must be a whole number of minutes.',
        title: 'Give the interaction a title.',
      },
    });
  });

  it('rejects a field that does not exist, naming it (a typo must not be silently dropped)', () => {
    const result = validateInteractionPatch({ relevance: 4, colour: 'red' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.form).toContain('colour');
    expect(validateInteractionPatch({ id: 'other' }).ok).toBe(false);
    expect(validateInteractionPatch({ createdAt: '2020-01-01T00:00:00Z' }).ok).toBe(false);
    expect(validateInteractionPatch({ sample: true }).ok).toBe(false);
  });
});

describe('ValidationError', () => {
  it('carries the field errors and reads as one sentence list', () => {
    const error = new ValidationError({ title: 'Give the interaction a title.', relevance: 'X.' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    expect(error.errors.title).toBe('Give the interaction a title.');
    expect(error.message).toBe('Give the interaction a title. X.');
  });
});

describe('the start time is an exact instant, the same on every device', () => {
  const startOf = (startedAt: string) => {
    const result = validateInteraction(anInteraction({ startedAt }));
    return result.ok ? result.value.startedAt : result.errors.startedAt;
  };

  it.each([
    ['2026-11-25T18:30:00.000Z', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25T18:30Z', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25T19:30:00+01:00', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25T13:30:00-05:00', '2026-11-25T18:30:00.000Z'],
    ['2026-11-26T00:00:00+05:30', '2026-11-25T18:30:00.000Z'],
    ['2026-11-25T18:30:00.123456Z', '2026-11-25T18:30:00.123Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('%s is stored as %s', (input, stored) => {
    expect(startOf(input)).toBe(stored);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-11-31T10:00:00Z',
    '2026-04-31T23:00:00+02:00',
    '2026-00-10T10:00:00Z',
    '2026-11-00T10:00:00Z',
  ])('an impossible date (%s) is refused, not moved to another day', (input) => {
    expect(startOf(input)).toBe('The start time is not a valid date and time.');
  });

  it('a wall-clock time without an offset is refused: it would mean different instants on different machines', () => {
    const previous = process.env.TZ;
    const seen: string[] = [];
    try {
      for (const zone of ['America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        seen.push(String(startOf('2026-11-25T18:30:00')));
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
    expect(seen).toEqual([
      'The start time is not a valid date and time.',
      'The start time is not a valid date and time.',
    ]);
  });
});

describe('the time zone', () => {
  it('a missing time zone says so in words', () => {
    const { timeZone: _omitted, ...rest } = anInteraction();
    expect(errorsOf(rest)).toEqual({ timeZone: 'The time zone is missing.' });
  });

  it.each([1, null, ['Europe/Madrid']])(
    'a time zone that is not text (%j) says so in words',
    (tz) => {
      expect(errorsOf(withField('timeZone', tz))).toEqual({
        timeZone: 'The time zone must be a name such as Europe/Madrid.',
      });
    },
  );

  it.each(['+01:00', '-05:00', '+0100'])(
    'a bare UTC offset (%s) is not an IANA time zone: it does not follow daylight saving',
    (tz) => {
      expect(errorsOf(withField('timeZone', tz))).toEqual({
        timeZone: 'The time zone is not one I know.',
      });
    },
  );

  it.each([
    ['Europe/Madrid', 'Europe/Madrid'],
    ['europe/madrid', 'Europe/Madrid'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['utc', 'UTC'],
  ])(
    '%s is stored with its canonical spelling %s (other clients look names up exactly)',
    (tz, stored) => {
      const result = validateInteraction(anInteraction({ timeZone: tz }));
      expect(result.ok && result.value.timeZone).toBe(stored);
    },
  );
});

describe('validateInteractionPatch with fields given as undefined', () => {
  it('leaves them out of the change (an optional property that is not set)', () => {
    const result = validateInteractionPatch({
      title: undefined,
      relevance: undefined,
      place: 'Zoom',
    });
    expect(result).toEqual({ ok: true, value: { place: 'Zoom' } });
    expect(result.ok && Object.keys(result.value)).toEqual(['place']);
  });
});

describe('time-zone names', () => {
  it('knows IANA names in any case and spells them canonically, asked once or many times', () => {
    for (let ask = 0; ask < 3; ask++) {
      expect(isKnownTimeZone('europe/madrid')).toBe(true);
      expect(canonicalTimeZone('europe/madrid')).toBe('Europe/Madrid');
      expect(isKnownTimeZone('Bad/Zone')).toBe(false);
      expect(isKnownTimeZone('+02:00')).toBe(false);
      expect(isKnownTimeZone('')).toBe(false);
      expect(() => canonicalTimeZone('Bad/Zone')).toThrow(RangeError);
    }
  });
});

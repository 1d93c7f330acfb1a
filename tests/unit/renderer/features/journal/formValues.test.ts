import { describe, expect, it } from 'vitest';
import { JournalDoc } from '../../../../../shared/doc';
import {
  INTERACTION_RECORD,
  type Interaction,
  type InteractionFields,
} from '../../../../../shared/domain';
import {
  DEFAULT_DURATION_MINUTES,
  emptyFormValues,
  formValuesOf,
  readForm,
  type FormValues,
} from '../../../../../renderer/src/features/journal/formValues';
import { aConference, anInteraction } from '../../../../fixtures/interactions';
import { inTimeZone } from '../../ui/timeZone';

const DURATION_HELP = 'Enter how long it took: 45, 45m, 1h30 or 1:30.';

const MADRID = 'Europe/Madrid';

/** The fields a form starts with that the tests below do not fill in. */
const { goalIds: _goals, ...BLANK } = emptyFormValues();

/** A filled-in form, as a person would leave it in Madrid. */
function aForm(overrides: Partial<FormValues> = {}): FormValues {
  return {
    ...BLANK,
    title: 'Coffee with Ana Lopez',
    relevance: 4,
    startedAt: '2026-11-12T09:30',
    durationMinutes: 45,
    kind: 'coffee',
    place: 'Café Comercial, Madrid',
    people: ['Ana Lopez'],
    intent: 'Learn how Acme Foods hires plant managers',
    outcome: 'She offered to introduce me to their head of operations',
    nextStep: 'Send Ana my CV and a short note by Friday',
    nextStepDue: '2026-11-13',
    nextStepDone: null,
    ...overrides,
  };
}

const read = (values: FormValues, zone = MADRID) =>
  inTimeZone(MADRID, () => readForm(values, zone));

function errorsOf(values: FormValues) {
  const result = read(values);
  if (result.ok) throw new Error('expected the form to be refused');
  return result.errors;
}

function stored(fields: InteractionFields): Interaction {
  const journal = new JournalDoc();
  const id = journal.addInteraction(fields);
  const item = journal.get(id);
  if (!item) throw new Error('not added');
  return item;
}

describe('emptyFormValues', () => {
  it('starts now (local time), half an hour, over coffee, unrated and empty', () => {
    const now = new Date('2026-11-25T17:42:10.000Z');
    const values = inTimeZone(MADRID, () => emptyFormValues(now));
    expect(values).toMatchObject({
      title: '',
      relevance: null,
      startedAt: '2026-11-25T18:42',
      durationMinutes: DEFAULT_DURATION_MINUTES,
      kind: 'coffee',
      place: '',
      people: [],
      intent: '',
      outcome: '',
      nextStep: '',
      nextStepDue: '',
      nextStepDone: null,
      goalIds: [],
    });
    // Every other field starts empty.
    const named = ['relevance', 'startedAt', 'durationMinutes', 'kind', 'nextStepDone'];
    for (const [key, value] of Object.entries(values)) {
      if (!named.includes(key)) expect([[], '', null], key).toContainEqual(value);
    }
    expect(DEFAULT_DURATION_MINUTES).toBe(30);
  });
});

describe('readForm', () => {
  it('turns a filled-in form into the fields stored: UTC instant, number, time zone', () => {
    expect(read(aForm({ title: '  Coffee with Ana Lopez ', durationMinutes: '45' }))).toEqual({
      ok: true,
      value: INTERACTION_RECORD.schema.parse(anInteraction()),
    });
  });

  it('records the time zone it is given, and by default the viewer’s', () => {
    const result = read(aForm(), 'America/New_York');
    expect(result.ok && result.value.timeZone).toBe('America/New_York');
    const byDefault = inTimeZone(MADRID, () => readForm(aForm()));
    expect(byDefault.ok && byDefault.value.timeZone).toBe(MADRID);
  });

  it.each(['', 'not a date', '2026-13-01T10:00'])(
    'asks for the date and start time when the input holds "%s"',
    (startedAt) => {
      expect(errorsOf(aForm({ startedAt })).startedAt).toBe('Enter the date and start time.');
    },
  );

  it('refuses an emptied duration instead of reading it as 0 minutes', () => {
    expect(errorsOf(aForm({ durationMinutes: '' })).durationMinutes).toBe(DURATION_HELP);
  });

  it.each([
    ['45m', 45],
    ['1h30', 90],
    ['1:15', 75],
    ['2 hours', 120],
    ['90', 90],
  ])('reads a duration typed as %j: %d minutes', (durationMinutes, minutes) => {
    const result = read(aForm({ durationMinutes }));
    expect(result.ok && result.value.durationMinutes).toBe(minutes);
  });

  it('accepts 0 minutes when the person typed 0 (a quick message)', () => {
    const result = read(aForm({ durationMinutes: '0' }));
    expect(result.ok && result.value.durationMinutes).toBe(0);
  });

  it.each([
    ['-5', DURATION_HELP],
    ['1.5', DURATION_HELP],
    ['1441', 'The duration can be at most 24 hours (1440 minutes).'],
    ['24h1', 'The duration can be at most 24 hours (1440 minutes).'],
    ['abc', DURATION_HELP],
  ])('explains what is wrong with a duration of "%s"', (durationMinutes, message) => {
    expect(errorsOf(aForm({ durationMinutes })).durationMinutes).toBe(message);
  });

  it('asks for a title when there is only whitespace', () => {
    expect(errorsOf(aForm({ title: '   ' })).title).toBe('Give the interaction a title.');
  });

  it('reports every problem at once, so the person can fix them in one go', () => {
    const errors = errorsOf(aForm({ title: '', startedAt: '', durationMinutes: '' }));
    expect(errors).toEqual({
      title: 'Give the interaction a title.',
      startedAt: 'Enter the date and start time.',
      durationMinutes: DURATION_HELP,
    });
  });

  it('keeps the goal links, emptied ones too, and leaves them out of forms without any', () => {
    const linked = read(aForm({ goalIds: ['goal-1'] }));
    expect(linked.ok && linked.value.goalIds).toEqual(['goal-1']);
    const emptied = read(aForm({ goalIds: [] }));
    expect(emptied.ok && emptied.value.goalIds).toEqual([]);
    const without = read(aForm());
    expect(without.ok && 'goalIds' in without.value).toBe(false);
  });

  it('refuses an empty name among the people', () => {
    expect(errorsOf(aForm({ people: ['Ana Lopez', ' '] })).people).toBe('A name cannot be empty.');
  });
});

describe('formValuesOf', () => {
  it('fills the form with an interaction, in local time, and reads back the same fields', () => {
    const linkedConference = aConference({ goalIds: ['goal-1', 'goal-2'] });
    const item = stored(linkedConference);
    const values = inTimeZone(MADRID, () => formValuesOf(item));
    expect(values).toMatchObject({
      title: 'Food Manufacturing Summit – day 1',
      relevance: 3,
      startedAt: '2026-11-19T17:00',
      durationMinutes: 180,
      kind: 'conference',
      place: 'Messe Berlin',
      people: ['Ben Ortiz', 'Chidi Okafor', 'Dana Weiß'],
      intent: 'Meet operations leaders from three target companies',
      outcome: 'Two good conversations, many sales pitches',
      nextStep: 'Connect with Chidi on LinkedIn',
      nextStepDue: '2026-11-13',
      nextStepDone: null,
      goalIds: ['goal-1', 'goal-2'],
    });
    expect(read(values, item.timeZone)).toEqual({
      ok: true,
      value: INTERACTION_RECORD.schema.parse(linkedConference),
    });
  });

  it('gives the form its own list of people, so editing it leaves the interaction alone', () => {
    const item = stored(aConference());
    const values = formValuesOf(item);
    values.people.push('Someone new');
    expect(item.people).toEqual(['Ben Ortiz', 'Chidi Okafor', 'Dana Weiß']);
  });
});

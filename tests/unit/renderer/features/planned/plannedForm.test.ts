import { describe, expect, it } from 'vitest';
import type { PlannedEvent } from '../../../../../shared/domain';
import { emptyFormValues } from '../../../../../renderer/src/features/journal/formValues';
import {
  emptyPlannedValues,
  interactionValuesOf,
  plannedValuesOf,
  readPlannedForm,
} from '../../../../../renderer/src/features/planned/plannedForm';

const EVENT: PlannedEvent = {
  id: 'p1',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  date: '2026-11-12',
  kind: 'conference',
  title: 'Energy Storage Summit',
  organiser: 'Expo Hall B',
  cost: 0,
  expectedMinutes: 240,
  researchNotes: 'Two suppliers speak',
  expectedRelevance: 3,
  decision: 'go',
  decisionReason: 'Meet the suppliers',
  goalIds: ['g1'],
  interactionId: null,
};

describe('the planned-event form', () => {
  it('gives back the event it was filled from, keeping goals and a free cost of 0', () => {
    const result = readPlannedForm(plannedValuesOf(EVENT), EVENT);
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = EVENT;
    expect(result).toEqual({ ok: true, value: fields });
  });

  it('reads an empty cost as none and asks for the minutes when they are empty', () => {
    const values = { ...plannedValuesOf(EVENT), cost: '' };
    expect(readPlannedForm(values)).toMatchObject({ ok: true, value: { cost: null } });
    expect(readPlannedForm({ ...values, expectedMinutes: '' })).toEqual({
      ok: false,
      errors: { expectedMinutes: 'Enter how many minutes it would take.' },
    });
  });

  it('carries the goals chosen in the form, for a new event and an edited one', () => {
    const fresh = emptyPlannedValues(new Date('2026-11-25T10:00:00Z'));
    expect(fresh.goalIds).toEqual([]);
    const planned = readPlannedForm({ ...fresh, title: 'Summit', goalIds: ['g1', 'g2'] });
    expect(planned).toMatchObject({ ok: true, value: { goalIds: ['g1', 'g2'] } });

    const values = plannedValuesOf(EVENT);
    expect(values.goalIds).toEqual(['g1']);
    values.goalIds.push('g2'); // the form's list is its own, not the event's
    expect(EVENT.goalIds).toEqual(['g1']);
    const unlinked = readPlannedForm({ ...values, goalIds: [] }, EVENT);
    expect(unlinked).toMatchObject({ ok: true, value: { goalIds: [], interactionId: null } });
  });

  it('prefills the quick-add from the event: its day, kind, organiser as place, minutes, goals', () => {
    const values = interactionValuesOf(EVENT, emptyFormValues(new Date('2026-11-25T10:00:00Z')));
    expect(values).toMatchObject({
      title: 'Energy Storage Summit',
      kind: 'conference',
      startedAt: '2026-11-12T09:00',
      place: 'Expo Hall B',
      durationMinutes: 240,
      relevance: null,
      people: [],
      goalIds: ['g1'],
    });
  });
});

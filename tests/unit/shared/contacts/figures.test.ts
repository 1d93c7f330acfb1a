import { describe, expect, it } from 'vitest';
import { contactFigures } from '../../../../shared/contacts';
import { anInteraction } from '../../../fixtures/interactions';
import { aReplica } from '../../../fixtures/replicas';
import { aContact } from '../../../fixtures/contacts';

describe('a contact’s figures', () => {
  it('counts only linked interactions: time, time-weighted relevance, last contact, follow-ups', () => {
    const journal = aReplica(1);
    const rosa = aContact('c-rosa', 'Rosa Delgado', {
      nextStep: 'Ask Rosa about Acme',
      nextStepDue: null,
    });
    journal.addInteraction(
      anInteraction({
        startedAt: '2026-10-02T12:00:00.000Z',
        durationMinutes: 90,
        relevance: 5,
        contactIds: ['c-rosa'],
        nextStep: 'Send thanks',
        nextStepDue: '2026-10-03',
        nextStepDone: '2026-10-03',
      }),
    );
    journal.addInteraction(
      anInteraction({
        startedAt: '2026-11-02T12:00:00.000Z',
        durationMinutes: 30,
        relevance: 2,
        contactIds: ['c-other', 'c-rosa'],
        nextStep: 'Share the job post',
        nextStepDue: '2026-11-10',
      }),
    );
    journal.addInteraction(
      anInteraction({ durationMinutes: 15, relevance: null, contactIds: ['c-rosa'], nextStep: '' }),
    );
    // Named but not linked: not counted.
    journal.addInteraction(
      anInteraction({ people: ['Rosa Delgado'], durationMinutes: 600, relevance: 1 }),
    );
    const figures = contactFigures(rosa, journal.getSnapshot().interactions);
    expect(figures.interactions).toHaveLength(3);
    expect(figures.totalMinutes).toBe(135);
    expect(figures.weightedRelevance).toBeCloseTo((5 * 90 + 2 * 30) / 120, 10);
    expect(figures.lastContact).toBe('2026-11-12T08:30:00.000Z');
    expect(figures.openFollowUps.map((step) => step.text)).toEqual([
      'Share the job post',
      'Ask Rosa about Acme',
    ]);
  });

  it('has no relevance and no last contact for someone never met', () => {
    const figures = contactFigures(aContact('c-new', 'New Person'), []);
    expect(figures).toMatchObject({ totalMinutes: 0, weightedRelevance: null, lastContact: null });
  });
});

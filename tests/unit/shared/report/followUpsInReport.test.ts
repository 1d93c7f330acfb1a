import { describe, expect, it } from 'vitest';
import { followUpCounts, monthReportMarkdown } from '../../../../shared/report';
import { aStoredContact } from '../../../fixtures/contacts';
import { octoberJournal, reportOf } from '../../../fixtures/reportJournal';

const contact = aStoredContact;

/**
 * October's interactions (see monthReport.test.ts): the coffee's step due 9 Oct, done 8 Oct
 * (on time); the expo's due 20 Oct, open (overdue as of 25 Nov). Contacts add:
 *   Rosa due 12 Oct, done 15 Oct (late); Ángel due 28 Oct, open (overdue);
 *   Bea due 3 Nov (not October's); Carl done on time, 5 Oct.
 * So October: due 2 + 3 = 5, on time 1 + 1 = 2, late 1, overdue 1 + 1 = 2.
 */
const contacts = [
  contact('Rosa', { nextStep: 'Tour', nextStepDue: '2026-10-12', nextStepDone: '2026-10-15' }),
  contact('Ángel', { nextStep: 'Audit', nextStepDue: '2026-10-28' }),
  contact('Bea', { nextStep: 'Intro', nextStepDue: '2026-11-03' }),
  contact('Carl', { nextStep: 'CV', nextStepDue: '2026-10-05', nextStepDone: '2026-10-05' }),
];

describe("contacts' follow-ups in the monthly report", () => {
  const { list } = octoberJournal();

  it('join the month’s follow-up figures, next to the interactions’ own', () => {
    const report = reportOf(list, '2026-10', { contacts });
    expect(report.followUps).toEqual({ due: 5, doneOnTime: 2, doneLate: 1, overdue: 2 });
    // The interactions' next steps are unchanged.
    expect(report.nextSteps.due).toHaveLength(2);
    expect(reportOf(list, '2026-10').followUps).toEqual({
      due: 2,
      doneOnTime: 1,
      doneLate: 0,
      overdue: 1,
    });
  });

  it('on 20 October, Ángel’s step is not overdue yet', () => {
    const report = reportOf(list, '2026-10', { contacts, today: '2026-10-20' });
    // The expo's step is due on the 20th itself: not overdue either.
    expect(report.followUps).toEqual({ due: 5, doneOnTime: 2, doneLate: 1, overdue: 0 });
  });

  it('are written in the Markdown next steps section', () => {
    const markdown = monthReportMarkdown(reportOf(list, '2026-10', { contacts }));
    expect(markdown).toContain(
      '\n\nFollow-ups due this month (interactions and contacts): 5 · Done on time: 2 · Done late: 1 · Overdue: 2\n\n',
    );
  });

  it('name the period they are for', () => {
    const figures = { due: 1, doneOnTime: 0, doneLate: 0, overdue: 1 };
    expect(followUpCounts(figures, 'in the week of 16 Nov')).toBe(
      'Follow-ups due in the week of 16 Nov (interactions and contacts): 1 · Done on time: 0 · Done late: 0 · Overdue: 1',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildJournalFacts,
  bySource,
  DEFAULT_ANALYTICS_SETTINGS,
  figuresFor,
  monthPeriod,
  nextStepsFor,
  dayNumberOf,
  suggestChanges,
  type AnalyticsSettings,
  type JournalFacts,
} from '../../../../shared/analytics';
import type { Interaction, Relevance } from '../../../../shared/domain';
import { anEntry, journalOf, VIEWER_ZONE } from '../../../fixtures/analytics';
import { seededRandom } from '../../../fixtures/random';

const random = seededRandom(99);
const JOURNAL = journalOf(
  Array.from({ length: 300 }, (_, i) =>
    anEntry({
      startedAt: new Date(Date.UTC(2026, 8, 1) + random.int(120 * 24 * 60) * 60_000).toISOString(),
      timeZone: i % 7 === 0 ? 'Bad/Zone' : random.pick(['Europe/Madrid', 'Asia/Tokyo']),
      durationMinutes: random.int(200),
      relevance: random.chance(0.1) ? null : ((1 + random.int(5)) as Relevance),
      place: random.pick(['Zoom', 'Café Comercial', 'Impact Hub']),
    }),
  ),
);
const STRICT: AnalyticsSettings = {
  ...DEFAULT_ANALYTICS_SETTINGS,
  bands: { highFrom: 5, lowUpTo: 3 },
};

/** Everything the report shows for November, to compare caches against a fresh build. */
function report(facts: JournalFacts, settings: AnalyticsSettings) {
  const november = monthPeriod('2026-11');
  const today = dayNumberOf('2026-11-20');
  return {
    figures: figuresFor(facts, november),
    sources: bySource(facts, november),
    suggestions: suggestChanges(facts, today, settings),
    nextSteps: nextStepsFor(facts, november, today),
    ids: facts.interactionsIn(november).map((interaction) => interaction.id),
  };
}

/** The same journal as new objects, so nothing of it is cached yet. */
const copied = (journal: readonly Interaction[]) =>
  journal.map((interaction) => ({ ...interaction }));

describe('buildJournalFacts caches', () => {
  it('the same list, settings and zone give the very same facts', () => {
    const facts = buildJournalFacts(JOURNAL, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    expect(buildJournalFacts(JOURNAL, { ...DEFAULT_ANALYTICS_SETTINGS }, VIEWER_ZONE)).toBe(facts);
  });

  it('new bands recompute: no stale figures after a settings change', () => {
    const before = report(
      buildJournalFacts(JOURNAL, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE),
      DEFAULT_ANALYTICS_SETTINGS,
    );
    const after = report(buildJournalFacts(JOURNAL, STRICT, VIEWER_ZONE), STRICT);
    expect(after).toEqual(report(buildJournalFacts(copied(JOURNAL), STRICT, VIEWER_ZONE), STRICT));
    expect(after.figures.minutes.high).toBeLessThan(before.figures.minutes.high);
    // And back again: the first settings' figures, as before.
    expect(
      report(
        buildJournalFacts(JOURNAL, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE),
        DEFAULT_ANALYTICS_SETTINGS,
      ),
    ).toEqual(before);
  });

  it('a new fallback zone recomputes the days of interactions with a bad zone', () => {
    const tokyo = report(
      buildJournalFacts(JOURNAL, DEFAULT_ANALYTICS_SETTINGS, 'Asia/Tokyo'),
      DEFAULT_ANALYTICS_SETTINGS,
    );
    expect(tokyo).toEqual(
      report(
        buildJournalFacts(copied(JOURNAL), DEFAULT_ANALYTICS_SETTINGS, 'Asia/Tokyo'),
        DEFAULT_ANALYTICS_SETTINGS,
      ),
    );
  });

  it('a new snapshot that shares most objects gives the figures of a fresh build', () => {
    buildJournalFacts(JOURNAL, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    const [first, ...rest] = JOURNAL;
    if (!first) throw new Error('empty journal');
    const edited = journalOf([
      { ...first, startedAt: '2026-11-10T10:00:00.000Z', relevance: 5, place: 'Zoom' },
      ...rest,
    ]);
    const facts = buildJournalFacts(edited, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    expect(report(facts, DEFAULT_ANALYTICS_SETTINGS)).toEqual(
      report(
        buildJournalFacts(copied(edited), DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE),
        DEFAULT_ANALYTICS_SETTINGS,
      ),
    );
  });

  it('lists out of order still get every interaction on its day', () => {
    const shuffled = [...JOURNAL].reverse();
    const facts = buildJournalFacts(shuffled, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    const sorted = buildJournalFacts(copied(JOURNAL), DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    expect(figuresFor(facts, monthPeriod('2026-11'))).toEqual(
      figuresFor(sorted, monthPeriod('2026-11')),
    );
  });

  it("edit after edit (changes, moves, insertions, removals) gives a fresh build's facts", () => {
    const steps = seededRandom(7);
    let journal: readonly Interaction[] = JOURNAL;
    const columns = (facts: JournalFacts) => ({
      ids: facts.rows.map((interaction) => interaction.id),
      days: [...facts.days],
      minutes: [...facts.minutes],
      bands: [...facts.bands],
      kinds: [...facts.kinds],
      sources: facts.sourceLabels,
      due: [...facts.dueDays],
      done: [...facts.doneDays],
    });
    buildJournalFacts(journal, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    // Each list built right after the one before, as snapshots come; checked afterwards.
    const built: { journal: readonly Interaction[]; facts: ReturnType<typeof columns> }[] = [];
    for (let step = 0; step < 60; step++) {
      const next = [...journal];
      const at = steps.int(next.length);
      const target = next[at] as Interaction;
      switch (step % 5) {
        case 0: // one field changed in place
          next[at] = { ...target, relevance: 5, place: 'Impact Hub' };
          break;
        case 1: // a start moved: the interaction changes place in the list
          next[at] = { ...target, startedAt: '2026-11-15T09:00:00.000Z' };
          break;
        case 2: // several removed together
          next.splice(at, 1 + steps.int(4));
          break;
        case 3: // one added
          next.push(anEntry({ startedAt: '2026-11-18T12:00:00.000Z', durationMinutes: 45 }));
          break;
        default: // a next step done
          next[at] = { ...target, nextStep: 'Send the deck', nextStepDone: '2026-11-19' };
      }
      journal = journalOf(next);
      const facts = buildJournalFacts(journal, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
      built.push({ journal, facts: columns(facts) });
    }
    built.forEach(({ journal: list, facts }, step) => {
      const fresh = buildJournalFacts(copied(list), DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
      expect(facts, `step ${step}`).toEqual(columns(fresh));
    });
  });
});

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
import { recordListEdit, type Interaction, type Relevance } from '../../../../shared/domain';
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

  /** What a figure can read of facts, by row, to compare a patched build with a fresh one. */
  const columns = (facts: JournalFacts) => ({
    ids: facts.rows.map((interaction) => interaction.id),
    days: [...facts.days],
    minutes: [...facts.minutes],
    bands: [...facts.bands],
    relevance: [...facts.relevance],
    kinds: [...facts.kinds],
    sources: [...facts.sources].map((source) => facts.sourceKeys[source]),
    labels: [...facts.sources].map((source) => facts.sourceLabels[source]),
    hasNextStep: [...facts.hasNextStep],
    due: [...facts.dueDays],
    done: [...facts.doneDays],
    november: facts.interactionsIn(monthPeriod('2026-11')).map((interaction) => interaction.id),
  });

  /**
   * Edits the list `steps` times as the journal does (one change each), each new list built
   * right after the one before, as snapshots come; `noted` says whether each list says how it
   * came from the one before (as the journal's lists do), so the facts are patched.
   */
  function editAfterEdit(noted: boolean) {
    const steps = seededRandom(7);
    let journal: readonly Interaction[] = JOURNAL;
    buildJournalFacts(journal, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    const built: { journal: readonly Interaction[]; facts: ReturnType<typeof columns> }[] = [];
    for (let step = 0; step < 80; step++) {
      const next = [...journal];
      const at = steps.int(next.length);
      const target = next[at] as Interaction;
      const removed: Interaction[] = [];
      const added: Interaction[] = [];
      const replace = (item: Interaction) => {
        next[at] = item;
        removed.push(target);
        added.push(item);
      };
      switch (step % 8) {
        case 0: // one field changed in place
          replace({ ...target, relevance: 5, place: 'Impact Hub' });
          break;
        case 1: // a start moved: the interaction changes place in the list
          replace({ ...target, startedAt: '2026-11-15T09:00:00.000Z' });
          break;
        case 2: // several removed together
          removed.push(...next.splice(at, 1 + steps.int(4)));
          break;
        case 3: // one added in the middle of the journal
          added.push(anEntry({ startedAt: '2026-11-18T12:00:00.000Z', durationMinutes: 45 }));
          break;
        case 4: // one added after all others, at a place never seen before
          added.push(
            anEntry({
              startedAt: `2027-0${1 + Math.floor(step / 8)}-02T10:00:00.000Z`,
              place: `New place ${step}`,
            }),
          );
          break;
        case 5: // two added on one day, and one removed
          added.push(
            anEntry({ startedAt: '2026-12-01T08:00:00.000Z', place: 'impact  hub' }),
            anEntry({ startedAt: '2026-12-01T18:00:00.000Z', place: 'Zoom' }),
          );
          removed.push(...next.splice(at, 1));
          break;
        case 6: // the place respelled: the label may change
          replace({ ...target, place: 'IMPACT HUB' });
          break;
        default: // a next step done
          replace({ ...target, nextStep: 'Send the deck', nextStepDone: '2026-11-19' });
      }
      const list = journalOf([...new Set([...next, ...added])]);
      if (noted) recordListEdit(list, journal, removed, added);
      journal = list;
      const facts = buildJournalFacts(journal, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
      built.push({ journal, facts: columns(facts) });
    }
    built.forEach(({ journal: list, facts }, step) => {
      const fresh = buildJournalFacts(copied(list), DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
      expect(facts, `step ${step}`).toEqual(columns(fresh));
    });
  }

  it("edit after edit (changes, moves, insertions, removals) gives a fresh build's facts", () => {
    editAfterEdit(false);
  });

  it("patched edit after edit, as the journal's lists say what changed, gives a fresh build's facts", () => {
    editAfterEdit(true);
  });

  it('a list that misstates what changed is built afresh, not patched wrong', () => {
    buildJournalFacts(JOURNAL, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    const [first, ...rest] = JOURNAL;
    if (!first) throw new Error('empty journal');
    const moved = { ...first, startedAt: '2026-09-02T10:00:00.000Z' };
    const list = journalOf([moved, ...rest]);
    // Says something was removed that the last list never held.
    const stranger = anEntry({ startedAt: '2026-10-10T10:00:00.000Z' });
    recordListEdit(list, JOURNAL, [stranger], [moved]);
    const facts = buildJournalFacts(list, DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE);
    expect(columns(facts)).toEqual(
      columns(buildJournalFacts(copied(list), DEFAULT_ANALYTICS_SETTINGS, VIEWER_ZONE)),
    );
  });
});

import { beforeEach, expect, it } from 'vitest';
import { recordSoakFigure } from '../../../soak/figures';
import * as Y from 'yjs';
import type { Interaction } from '../../../../shared/domain';
import { reflectionsDatabaseName } from '../../../../shared/platform';
import { openJournalSession } from '../../../../renderer/src/platform/journalSession';
import { readAllUpdates } from '../../../../renderer/src/platform/storeReplacement';
import { aConference, anInteraction } from '../../../fixtures/interactions';
import { installFreshIndexedDB } from './indexedDbFakes';

const NAME = 'relevant-journal-reopened';
/** Reopenings (`npm run soak` runs 1,000). */
const CYCLES = Number(process.env.RELEVANT_SOAK_REOPENS ?? 100);
/** Stored bytes may be at most this many times the encoded documents. */
const SIZE_BOUND = 2;

let factory: IDBFactory;

beforeEach(() => {
  factory = installFreshIndexedDB();
});

const storedBytes = async () => {
  const updates = [
    ...(await readAllUpdates(factory, NAME)),
    ...(await readAllUpdates(factory, reflectionsDatabaseName(NAME))),
  ];
  return updates.reduce((sum, update) => sum + update.byteLength, 0);
};

it(`${CYCLES} reopenings with changes between: nothing lost, stored size ≤ ${SIZE_BOUND}× the journal`, async () => {
  let expected: readonly Interaction[] = [];
  let worst = 0;
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const session = await openJournalSession(NAME);
    await session.openReflections();
    // What the last session left is all there.
    expect(session.journal.getSnapshot().interactions).toEqual(expected);
    const { journal } = session;
    if (cycle === 0) {
      for (let n = 0; n < 50; n++) {
        journal.addInteraction(anInteraction({ title: `Coffee ${n}` }), {
          reflection: [`What Ana said, number ${n}.`],
        });
      }
    }
    // A few changes, as a person makes in one sitting: a new interaction, an edit, a deletion.
    journal.addInteraction(aConference({ title: `Summit ${cycle}` }), {
      reflection: [`Met three people at summit ${cycle}.`],
    });
    const [latest, , third] = journal.getSnapshot().interactions;
    if (latest) journal.updateInteraction(latest.id, { outcome: `Outcome ${cycle}` });
    if (third && cycle % 3 === 0) journal.deleteInteraction(third.id);
    expected = journal.getSnapshot().interactions;
    const encoded =
      journal.encode().byteLength +
      Y.encodeStateAsUpdate(journal.openReflections?.ydoc ?? new Y.Doc()).byteLength;
    await session.close();
    worst = Math.max(worst, (await storedBytes()) / encoded);
  }
  recordSoakFigure({
    figure: `stored size after ${CYCLES.toLocaleString('en')} reopen cycles / encoded journal (worst)`,
    value: `${worst.toFixed(2)}×`,
    target: `≤ ${SIZE_BOUND}×`,
    pass: worst <= SIZE_BOUND,
  });
  expect(worst).toBeLessThanOrEqual(SIZE_BOUND);
}, 600_000);

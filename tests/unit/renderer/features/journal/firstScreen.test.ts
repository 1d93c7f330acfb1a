import { describe, expect, it } from 'vitest';
import { JournalDoc } from '../../../../../shared/doc';
import { firstScreen } from '../../../../../renderer/src/features/journal/firstScreen';
import { anInteraction, novemberAt } from '../../../../fixtures/interactions';
import { inTimeZone } from '../../ui/timeZone';

/** Newest first: three on the 20th, two on the 19th, one on the 18th (all 09:00–11:00 UTC). */
function journal() {
  const doc = new JournalDoc();
  const days = [20, 20, 20, 19, 19, 18];
  days.forEach((day, i) =>
    doc.addInteraction(anInteraction({ title: `#${i}`, startedAt: novemberAt(day, 9 + (i % 3)) })),
  );
  return doc.getSnapshot().interactions;
}

describe('firstScreen', () => {
  it('takes at least the asked number, then finishes the last day it reached', () => {
    inTimeZone('UTC', () => {
      const items = journal();
      expect(firstScreen(items, 1)).toHaveLength(3);
      expect(firstScreen(items, 3)).toHaveLength(3);
      expect(firstScreen(items, 4)).toHaveLength(5);
      expect(firstScreen(items, 6)).toHaveLength(6);
      expect(firstScreen(items, 100)).toHaveLength(6);
      expect(firstScreen([], 20)).toEqual([]);
    });
  });

  it('finds the days in local time', () => {
    inTimeZone('Pacific/Kiritimati', () => {
      // UTC+14: 09:00–11:00 UTC is 23:00–01:00 local, so the 20th's 10:00 and 11:00 fall on the 21st.
      const items = journal();
      expect(firstScreen(items, 1).map((item) => item.startedAt)).toEqual([
        novemberAt(20, 11),
        novemberAt(20, 10),
      ]);
    });
  });
});

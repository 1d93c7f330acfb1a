import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../shared/doc/schema';
import { replaceText } from '../../../../shared/doc/monthNotes';
import { anInteraction } from '../../../fixtures/interactions';
import { aReplica, reloaded, syncBoth } from '../../../fixtures/replicas';

const NOVEMBER = '2026-11';

describe("month notes: “What I'll change next month”", () => {
  it('keeps a note per month and shows it in the snapshot, also after a reload', () => {
    const journal = aReplica();
    journal.setMonthNote(NOVEMBER, 'Fewer expos, more coffees with plant managers.');
    journal.setMonthNote('2026-10', 'Say no to vendor dinners.');
    expect(journal.getSnapshot().monthNotes.get(NOVEMBER)).toBe(
      'Fewer expos, more coffees with plant managers.',
    );
    expect(reloaded(journal).getSnapshot().monthNotes).toEqual(
      new Map([
        [NOVEMBER, 'Fewer expos, more coffees with plant managers.'],
        ['2026-10', 'Say no to vendor dinners.'],
      ]),
    );
  });

  it('merges edits two devices made to different parts of the same note', () => {
    const laptop = aReplica(1);
    const desktop = aReplica(2);
    laptop.setMonthNote(NOVEMBER, 'Fewer expos. More coffees.');
    syncBoth(laptop, desktop);
    laptop.setMonthNote(NOVEMBER, 'Fewer expos (skip the vendor ones). More coffees.');
    desktop.setMonthNote(NOVEMBER, 'Fewer expos. More coffees, with plant managers.');
    syncBoth(laptop, desktop);
    const merged = 'Fewer expos (skip the vendor ones). More coffees, with plant managers.';
    expect(laptop.getSnapshot().monthNotes.get(NOVEMBER)).toBe(merged);
    expect(desktop.getSnapshot().monthNotes.get(NOVEMBER)).toBe(merged);
  });

  it('refuses a key that is not a month and a note over the limit, changing nothing', () => {
    const journal = aReplica();
    expect(() => journal.setMonthNote('2026-13', 'x')).toThrow('"2026-13" is not a month');
    expect(() => journal.setMonthNote(NOVEMBER, 'x'.repeat(5001))).toThrow('at most 5000');
    expect(journal.getSnapshot().monthNotes.size).toBe(0);
  });

  it('writes nothing for an empty note on a month that has none', () => {
    const journal = aReplica();
    const before = journal.encode();
    journal.setMonthNote(NOVEMBER, '');
    expect(journal.encode()).toEqual(before);
  });

  it('skips entries another client damaged, and reads the rest', () => {
    const journal = aReplica();
    journal.setMonthNote(NOVEMBER, 'Good note');
    const notes = journal.ydoc.getMap(ROOT.monthNotes);
    journal.ydoc.transact(() => {
      notes.set('2026-10', 'a plain string, not Y.Text');
      notes.set('not a month', new Y.Text('x'));
    });
    expect([...journal.getSnapshot().monthNotes]).toEqual([[NOVEMBER, 'Good note']]);
  });

  it('a note change keeps the same interactions list, so screens over it need not redraw', () => {
    const journal = aReplica();
    journal.addInteraction(anInteraction());
    const before = journal.getSnapshot();
    journal.setMonthNote(NOVEMBER, 'Plan');
    const after = journal.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.interactions).toBe(before.interactions);
  });
});

describe('replaceText', () => {
  it.each([
    ['', 'new'],
    ['abc', ''],
    ['Fewer expos', 'Fewer big expos'],
    ['aaa', 'aa'],
    ['abcabc', 'abc'],
    ['café 👋', 'café 👋🏽 ok'],
  ])('turns %j into %j', (from, to) => {
    const text = new Y.Doc().getText('t');
    text.insert(0, from);
    replaceText(text, to);
    expect(text.toJSON()).toBe(to);
  });
});

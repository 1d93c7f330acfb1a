import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from '../../../../shared/analytics';
import { ROOT } from '../../../../shared/doc/schema';
import { SETTING } from '../../../../shared/doc/settings';
import { anInteraction } from '../../../fixtures/interactions';
import { aReplica, reloaded, syncBoth } from '../../../fixtures/replicas';

const STRICTER: AnalyticsSettings = {
  bands: { highFrom: 5, lowUpTo: 3 },
  weekStartsOn: 0,
  suggestions: { windowDays: 30, minMinutes: 120, dropAtOrBelow: 2.5, doMoreCount: 5 },
};

describe('analytics settings kept in the journal', () => {
  it('starts with the documented defaults', () => {
    expect(aReplica().getSnapshot().analyticsSettings).toEqual(DEFAULT_ANALYTICS_SETTINGS);
  });

  it('keeps changed settings, also after a reload', () => {
    const journal = aReplica();
    journal.setAnalyticsSettings(STRICTER);
    expect(journal.getSnapshot().analyticsSettings).toEqual(STRICTER);
    expect(reloaded(journal).getSnapshot().analyticsSettings).toEqual(STRICTER);
  });

  it('two devices changing different settings both keep their change', () => {
    const laptop = aReplica(1);
    const desktop = aReplica(2);
    laptop.setAnalyticsSettings({ ...DEFAULT_ANALYTICS_SETTINGS, weekStartsOn: 0 });
    desktop.setAnalyticsSettings({
      ...DEFAULT_ANALYTICS_SETTINGS,
      suggestions: { ...DEFAULT_ANALYTICS_SETTINGS.suggestions, windowDays: 60 },
    });
    syncBoth(laptop, desktop);
    for (const journal of [laptop, desktop]) {
      expect(journal.getSnapshot().analyticsSettings.weekStartsOn).toBe(0);
      expect(journal.getSnapshot().analyticsSettings.suggestions.windowDays).toBe(60);
    }
  });

  it('refuses bands that overlap, saying why, and changes nothing', () => {
    const journal = aReplica();
    const before = journal.encode();
    expect(() =>
      journal.setAnalyticsSettings({
        ...DEFAULT_ANALYTICS_SETTINGS,
        bands: { highFrom: 3, lowUpTo: 3 },
      }),
    ).toThrow('These settings cannot be used');
    expect(journal.encode()).toEqual(before);
  });

  it('reads garbage another client wrote as the default of that setting only', () => {
    const journal = aReplica();
    journal.setAnalyticsSettings(STRICTER);
    const settings = journal.ydoc.getMap(ROOT.settings);
    journal.ydoc.transact(() => {
      settings.set(SETTING.weekStartsOn, 'Monday');
      settings.set(SETTING.windowDays, -4);
    });
    expect(journal.getSnapshot().analyticsSettings).toEqual({
      ...STRICTER,
      weekStartsOn: DEFAULT_ANALYTICS_SETTINGS.weekStartsOn,
      suggestions: { ...STRICTER.suggestions, windowDays: 90 },
    });
  });

  it('keeps the same settings object across other changes, so figures are not recomputed', () => {
    const journal = aReplica();
    const before = journal.getSnapshot().analyticsSettings;
    journal.addInteraction(anInteraction());
    journal.setMonthNote('2026-11', 'Plan');
    journal.setAnalyticsSettings(DEFAULT_ANALYTICS_SETTINGS);
    expect(journal.getSnapshot().analyticsSettings).toBe(before);
  });
});

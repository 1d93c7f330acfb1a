import { describe, expect, it } from 'vitest';
import {
  analyticsSettingsSchema,
  DEFAULT_ANALYTICS_SETTINGS,
  readAnalyticsSettings,
} from '../../../../shared/analytics';

describe('analytics settings', () => {
  it('defaults: bands 4–5 / 3 / 1–2, Monday weeks, 90 days, 3 h, mean 2, top 3', () => {
    expect(DEFAULT_ANALYTICS_SETTINGS).toEqual({
      bands: { highFrom: 4, lowUpTo: 2 },
      weekStartsOn: 1,
      suggestions: { windowDays: 90, minMinutes: 180, dropAtOrBelow: 2, doMoreCount: 3 },
    });
    expect(analyticsSettingsSchema.safeParse(DEFAULT_ANALYTICS_SETTINGS).success).toBe(true);
  });

  it('reads valid settings as they are', () => {
    const settings = {
      bands: { highFrom: 5, lowUpTo: 3 },
      weekStartsOn: 0,
      suggestions: { windowDays: 30, minMinutes: 60, dropAtOrBelow: 2.5, doMoreCount: 5 },
    };
    expect(readAnalyticsSettings(settings)).toEqual(settings);
  });

  it.each([undefined, null, 'garbage', 42, [], { bands: 'x' }])(
    'reads %j as the defaults',
    (stored) => {
      expect(readAnalyticsSettings(stored)).toEqual(DEFAULT_ANALYTICS_SETTINGS);
    },
  );

  it('replaces each bad field by its default and keeps the good ones', () => {
    expect(
      readAnalyticsSettings({
        bands: { highFrom: 2, lowUpTo: 4 }, // crossed thresholds
        weekStartsOn: 7,
        suggestions: { windowDays: -5, minMinutes: 120, dropAtOrBelow: 'low', doMoreCount: 1.5 },
        extra: true,
      }),
    ).toEqual({
      ...DEFAULT_ANALYTICS_SETTINGS,
      suggestions: { windowDays: 90, minMinutes: 120, dropAtOrBelow: 2, doMoreCount: 3 },
    });
    expect(readAnalyticsSettings({ weekStartsOn: 6, bands: { highFrom: 5, lowUpTo: 0 } })).toEqual({
      ...DEFAULT_ANALYTICS_SETTINGS,
      weekStartsOn: 6,
    });
  });

  it('the strict schema rejects what the reader repairs', () => {
    expect(
      analyticsSettingsSchema.safeParse({ ...DEFAULT_ANALYTICS_SETTINGS, weekStartsOn: 8 }).success,
    ).toBe(false);
  });
});

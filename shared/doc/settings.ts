import type * as Y from 'yjs';
import {
  analyticsSettingsSchema,
  readAnalyticsSettings,
  type AnalyticsSettings,
} from '../analytics';

/**
 * Keys of the analytics settings in the document's `settings` map. Each setting is its own key,
 * so two devices changing different settings both keep their change; the two band thresholds
 * are one key because they are only valid together.
 */
export const SETTING = {
  bands: 'analytics.bands',
  weekStartsOn: 'analytics.weekStartsOn',
  windowDays: 'analytics.suggestions.windowDays',
  minMinutes: 'analytics.suggestions.minMinutes',
  dropAtOrBelow: 'analytics.suggestions.dropAtOrBelow',
  doMoreCount: 'analytics.suggestions.doMoreCount',
} as const;

/** The settings as stored: valid values as they are, every other one its documented default. */
export function readSettings(settings: Y.Map<unknown>): AnalyticsSettings {
  return readAnalyticsSettings({
    bands: settings.get(SETTING.bands),
    weekStartsOn: settings.get(SETTING.weekStartsOn),
    suggestions: {
      windowDays: settings.get(SETTING.windowDays),
      minMinutes: settings.get(SETTING.minMinutes),
      dropAtOrBelow: settings.get(SETTING.dropAtOrBelow),
      doMoreCount: settings.get(SETTING.doMoreCount),
    },
  });
}

/** The stored form of valid settings, key by key; throws with a readable message if invalid. */
export function settingEntries(input: unknown): [string, unknown][] {
  const result = analyticsSettingsSchema.safeParse(input);
  if (!result.success) {
    throw new Error(
      `These settings cannot be used: ${result.error.issues.map((issue) => issue.message).join('; ')}.`,
    );
  }
  const { bands, weekStartsOn, suggestions } = result.data;
  return [
    [SETTING.bands, { highFrom: bands.highFrom, lowUpTo: bands.lowUpTo }],
    [SETTING.weekStartsOn, weekStartsOn],
    [SETTING.windowDays, suggestions.windowDays],
    [SETTING.minMinutes, suggestions.minMinutes],
    [SETTING.dropAtOrBelow, suggestions.dropAtOrBelow],
    [SETTING.doMoreCount, suggestions.doMoreCount],
  ];
}

/** True when two settings say the same (so the snapshot keeps its object and screens keep their figures). */
export function sameSettings(a: AnalyticsSettings, b: AnalyticsSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

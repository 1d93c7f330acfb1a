import * as z from 'zod';
import { DEFAULT_BAND_THRESHOLDS, type Relevance } from '../domain';
import type { AnalyticsSettings, SuggestionSettings } from './types';

export const DEFAULT_SUGGESTION_SETTINGS: SuggestionSettings = {
  windowDays: 90,
  minMinutes: 180,
  dropAtOrBelow: 2,
  doMoreCount: 3,
};

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  bands: DEFAULT_BAND_THRESHOLDS,
  weekStartsOn: 1,
  suggestions: DEFAULT_SUGGESTION_SETTINGS,
};

const rating = z
  .number()
  .int()
  .min(1)
  .max(5)
  .transform((value) => value as Relevance);

const bandsSchema = z
  .object({ highFrom: rating, lowUpTo: rating })
  .refine((bands) => bands.lowUpTo < bands.highFrom, 'lowUpTo must be below highFrom');

const weekStartsOnSchema = z
  .union([0, 1, 2, 3, 4, 5, 6].map((day) => z.literal(day)))
  .transform((day) => day as AnalyticsSettings['weekStartsOn']);

const suggestionFields = {
  windowDays: z.number().int().min(1).max(3660),
  minMinutes: z.number().int().min(0),
  dropAtOrBelow: z.number().min(1).max(5),
  doMoreCount: z.number().int().min(0).max(50),
};

/** Valid analytics settings, as stored in the journal document. */
export const analyticsSettingsSchema = z.object({
  bands: bandsSchema,
  weekStartsOn: weekStartsOnSchema,
  suggestions: z.object(suggestionFields),
});

/** Each field as stored when it is valid, else its default: one bad field spoils no other. */
const lenientSchema = z
  .object({
    bands: bandsSchema.catch(DEFAULT_ANALYTICS_SETTINGS.bands),
    weekStartsOn: weekStartsOnSchema.catch(DEFAULT_ANALYTICS_SETTINGS.weekStartsOn),
    suggestions: z
      .object({
        windowDays: suggestionFields.windowDays.catch(DEFAULT_SUGGESTION_SETTINGS.windowDays),
        minMinutes: suggestionFields.minMinutes.catch(DEFAULT_SUGGESTION_SETTINGS.minMinutes),
        dropAtOrBelow: suggestionFields.dropAtOrBelow.catch(
          DEFAULT_SUGGESTION_SETTINGS.dropAtOrBelow,
        ),
        doMoreCount: suggestionFields.doMoreCount.catch(DEFAULT_SUGGESTION_SETTINGS.doMoreCount),
      })
      .catch(DEFAULT_SUGGESTION_SETTINGS),
  })
  .catch(DEFAULT_ANALYTICS_SETTINGS);

/**
 * Settings read from anywhere (another client may have written anything): valid fields as
 * they are, the rest from DEFAULT_ANALYTICS_SETTINGS, field by field.
 */
export function readAnalyticsSettings(value: unknown): AnalyticsSettings {
  return lenientSchema.parse(value);
}

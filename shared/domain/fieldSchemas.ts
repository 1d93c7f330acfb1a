import * as z from 'zod';
import { parseLocalDate } from './time';

/** Building blocks of the records' zod schemas, with messages a person understands. */

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} can be at most ${max} characters.` });

/** Trimmed text that must not be empty. */
export const requiredText = (label: string, max: number, missing: string) =>
  text(label, max)
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, { error: missing });

export const trimmedText = (label: string, max: number) =>
  text(label, max).transform((value) => value.trim());

/** A calendar date that exists (YYYY-MM-DD). */
export const calendarDate = (label: string) =>
  z
    .string({ error: `${label} must be a date.` })
    .refine((value) => parseLocalDate(value) !== null, {
      error: `${label} is not a real date (YYYY-MM-DD).`,
    });

/** A calendar date, or null for none. */
export const optionalDate = (label: string) =>
  z
    .union([z.null(), z.string()], { error: `${label} must be a date or none.` })
    .refine((value) => value === null || parseLocalDate(value) !== null, {
      error: `${label} is not a real date (YYYY-MM-DD).`,
    });

/** A list of short phrases (tags, needs, offers): trimmed, empty ones and repeats dropped. */
export const phrases = (label: string, maxLength: number, maxCount: number) =>
  z
    .array(text(label, maxLength), { error: `${label} must be a list.` })
    .max(maxCount, { error: `At most ${maxCount} entries.` })
    .transform((values) => {
      const seen = new Set<string>();
      const kept: string[] = [];
      for (const value of values.map((item) => item.trim())) {
        const key = value.toLocaleLowerCase();
        if (value.length === 0 || seen.has(key)) continue;
        seen.add(key);
        kept.push(value);
      }
      return kept;
    });

/** Ids of other records (goals, contacts): distinct, non-empty. */
export const idList = (label: string) =>
  z
    .array(z.string().min(1).max(64), { error: `${label} must be a list of ids.` })
    .max(200)
    .transform((ids) => [...new Set(ids)]);

export const relevanceOrNone = z.union([z.literal([1, 2, 3, 4, 5]), z.null()], {
  error: 'Relevance is a whole number from 1 to 5, or unrated.',
});

import * as z from 'zod';
import { calendarDate, requiredText, text, trimmedText } from './fieldSchemas';

/** Who made an introduction: the person (made) or someone for the person (received). */
export const INTRODUCTION_DIRECTIONS = ['made', 'received'] as const;
export type IntroductionDirection = (typeof INTRODUCTION_DIRECTIONS)[number];

/**
 * One entry in the introductions ledger: someone with a need put in touch with someone who
 * offers it, and what came of it.
 */
export interface IntroductionFields {
  date: string;
  direction: IntroductionDirection;
  /** The contact with the need (for "received": the person who introduced). */
  needContactId: string;
  /** The contact with the offer. */
  offerContactId: string;
  /** The need and the offer the introduction was about, as the person wrote them. */
  need: string;
  offer: string;
  outcome: string;
  /** The suggestion it came from (see connecting the dots), or null when entered by hand. */
  suggestionKey: string | null;
}

export interface Introduction extends Readonly<IntroductionFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const introductionFieldsSchema = z
  .object({
    date: calendarDate('The date'),
    direction: z.enum(INTRODUCTION_DIRECTIONS, { error: 'Made or received.' }),
    needContactId: requiredText('The contact', 64, 'Choose who needed it.'),
    offerContactId: requiredText('The contact', 64, 'Choose who offered it.'),
    need: trimmedText('The need', 200),
    offer: trimmedText('The offer', 200),
    outcome: text('What came of it', 5000),
    suggestionKey: z.union([z.null(), z.string().max(300)]),
  })
  .refine((intro) => intro.needContactId !== intro.offerContactId, {
    error: 'An introduction is between two different contacts.',
    path: ['offerContactId'],
  });

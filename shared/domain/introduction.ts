import * as z from 'zod';
import { calendarDate, requiredText, text, trimmedText } from './fieldSchemas';
import { checkedField, defineRecord, type FieldsOf } from './recordDescriptor';

/** Who made an introduction: the person (made) or someone for the person (received). */
export const INTRODUCTION_DIRECTIONS = ['made', 'received'] as const;
export type IntroductionDirection = (typeof INTRODUCTION_DIRECTIONS)[number];

/**
 * One entry in the introductions ledger: someone with a need put in touch with someone who
 * offers it, and what came of it.
 */
export const INTRODUCTION_RECORD = defineRecord({
  name: 'introduction',
  fields: {
    date: checkedField(calendarDate('The date'), '1970-01-01'),
    direction: checkedField(
      z.enum(INTRODUCTION_DIRECTIONS, { error: 'Made or received.' }),
      'made',
    ),
    /** The contact with the need (for "received": the person who introduced). */
    needContactId: checkedField(requiredText('The contact', 64, 'Choose who needed it.'), '?', {
      initial: '',
    }),
    /** The contact with the offer. */
    offerContactId: checkedField(requiredText('The contact', 64, 'Choose who offered it.'), '??', {
      initial: '',
    }),
    /** The need and the offer the introduction was about, as the person wrote them. */
    need: checkedField(trimmedText('The need', 200), ''),
    offer: checkedField(trimmedText('The offer', 200), ''),
    outcome: checkedField(text('What came of it', 5000), ''),
    /** The suggestion it came from (see connecting the dots), or null when entered by hand. */
    suggestionKey: checkedField(z.union([z.null(), z.string().max(300)]), null),
  },
  rules: [
    {
      field: 'offerContactId',
      message: 'An introduction is between two different contacts.',
      holds: (intro) => intro.needContactId !== intro.offerContactId,
    },
  ],
});

export type IntroductionFields = FieldsOf<typeof INTRODUCTION_RECORD>;

export interface Introduction extends Readonly<IntroductionFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const introductionFieldsSchema = INTRODUCTION_RECORD.schema;

import * as z from 'zod';
import { optionalDate, phrases, requiredText, text, trimmedText } from './fieldSchemas';

/** Someone the person met: "who can actually help us (as we, in turn, help them)". */
export interface ContactFields {
  name: string;
  organisation: string;
  role: string;
  /** How and where they met. */
  metHow: string;
  tags: string[];
  /** What this person needs, as short phrases ("a plant manager"). */
  needs: string[];
  /** What this person offers ("plant management experience"). */
  offers: string[];
  notes: string;
  /** A follow-up with this person, with its due and done days. */
  nextStep: string;
  nextStepDue: string | null;
  nextStepDone: string | null;
}

export interface Contact extends Readonly<ContactFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const contactFieldsSchema = z.object({
  name: requiredText('The name', 100, 'Give the contact a name.'),
  organisation: trimmedText('The organisation', 200),
  role: trimmedText('The role', 200),
  metHow: trimmedText('How you met', 500),
  tags: phrases('A tag', 50, 30),
  needs: phrases('A need', 200, 30),
  offers: phrases('An offer', 200, 30),
  notes: text('The notes', 5000),
  nextStep: text('The next step', 5000),
  nextStepDue: optionalDate('The due date'),
  nextStepDone: optionalDate('The done date'),
});

export const EMPTY_CONTACT: Omit<ContactFields, 'name'> = {
  organisation: '',
  role: '',
  metHow: '',
  tags: [],
  needs: [],
  offers: [],
  notes: '',
  nextStep: '',
  nextStepDue: null,
  nextStepDone: null,
};

import { optionalDate, phrases, requiredText, text, trimmedText } from './fieldSchemas';
import { checkedField, defineRecord, type FieldsOf } from './recordDescriptor';

/** Someone the person met: "who can actually help us (as we, in turn, help them)". */
export const CONTACT_RECORD = defineRecord({
  name: 'contact',
  fields: {
    name: checkedField(requiredText('The name', 100, 'Give the contact a name.'), '(no name)', {
      initial: '',
    }),
    organisation: checkedField(trimmedText('The organisation', 200), ''),
    role: checkedField(trimmedText('The role', 200), ''),
    /** How and where they met. */
    metHow: checkedField(trimmedText('How you met', 500), ''),
    tags: checkedField(phrases('A tag', 50, 30), []),
    /** What this person needs, as short phrases ("a plant manager"). */
    needs: checkedField(phrases('A need', 200, 30), []),
    /** What this person offers ("plant management experience"). */
    offers: checkedField(phrases('An offer', 200, 30), []),
    notes: checkedField(text('The notes', 5000), ''),
    /** A follow-up with this person, with its due and done days. */
    nextStep: checkedField(text('The next step', 5000), ''),
    nextStepDue: checkedField(optionalDate('The due date'), null),
    nextStepDone: checkedField(optionalDate('The done date'), null),
  },
});

export type ContactFields = FieldsOf<typeof CONTACT_RECORD>;

export interface Contact extends Readonly<ContactFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const contactFieldsSchema = CONTACT_RECORD.schema;

/** A new contact's fields but the name. */
export const EMPTY_CONTACT: Omit<ContactFields, 'name'> = (({ name: _name, ...rest }) => rest)(
  CONTACT_RECORD.initial,
);

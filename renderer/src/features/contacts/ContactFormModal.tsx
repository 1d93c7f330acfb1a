import {
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type ChangeEvent, type SyntheticEvent } from 'react';
import {
  EMPTY_CONTACT,
  type Contact,
  type ContactFields,
  type RecordErrors,
} from '../../../../shared/domain';
import { NotSavedAlert, errorsOf } from '../../ui/recordErrors';

interface Props {
  /** The contact to edit, or null to add one. */
  contact: Contact | null;
  onClose: () => void;
  /** Saves and returns the contact's id; throws RecordValidationError on bad input. */
  onSave: (id: string | null, fields: ContactFields) => string;
}

function fieldsOf(contact: Contact | null): ContactFields {
  if (!contact) return { ...EMPTY_CONTACT, name: '' };
  const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = contact;
  return {
    ...fields,
    tags: [...fields.tags],
    needs: [...fields.needs],
    offers: [...fields.offers],
  };
}

/** Adds or edits a contact: who they are, how you met, what they need and offer. */
export function ContactFormModal({ contact, onClose, onSave }: Props) {
  const [values, setValues] = useState(() => fieldsOf(contact));
  const [errors, setErrors] = useState<RecordErrors>({});
  const set = <K extends keyof ContactFields>(key: K, value: ContactFields[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'organisation' | 'role' | 'metHow' | 'notes' | 'nextStep') => ({
    value: values[key],
    error: errors[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.currentTarget.value),
  });
  const phrases = (key: 'tags' | 'needs' | 'offers') => ({
    value: values[key],
    error: errors[key],
    onChange: (value: string[]) => set(key, value),
    acceptValueOnBlur: true,
    splitChars: [',', ';'],
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      onSave(contact?.id ?? null, values);
      onClose();
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={contact ? 'Edit contact' : 'Add a contact'} size="lg">
      <form onSubmit={submit} noValidate aria-label="Contact">
        <Stack gap="sm">
          <NotSavedAlert message={errors.form} />
          <TextInput label="Name" required data-autofocus {...text('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Organisation" {...text('organisation')} />
            <TextInput label="Role" {...text('role')} />
          </SimpleGrid>
          <TextInput
            label="How and where you met"
            placeholder="Lunch at the Chamber mixer"
            {...text('metHow')}
          />
          <TagsInput
            label="Needs"
            description="Short phrases: “a plant manager”, “investors in food tech”"
            placeholder="Type a need, then Enter"
            {...phrases('needs')}
          />
          <TagsInput
            label="Offers"
            description="What they can help others with: “plant management experience”"
            placeholder="Type an offer, then Enter"
            {...phrases('offers')}
          />
          <TagsInput label="Tags" placeholder="Type a tag, then Enter" {...phrases('tags')} />
          <Textarea label="Notes" autosize minRows={2} maxRows={6} {...text('notes')} />
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <TextInput label="Next step with them" flex={1} {...text('nextStep')} />
            <TextInput
              type="date"
              label="Due"
              w={150}
              value={values.nextStepDue ?? ''}
              error={errors.nextStepDue}
              onChange={(event) => set('nextStepDue', event.currentTarget.value || null)}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">{contact ? 'Save contact' : 'Add contact'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

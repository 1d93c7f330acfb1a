import { Alert } from '@mantine/core';
import { RecordValidationError, type RecordErrors } from '../../../shared/domain';
import { messageOf } from './errors';

/** The per-field errors of a failed save; anything else becomes the form's error. */
export function errorsOf(error: unknown): RecordErrors {
  return error instanceof RecordValidationError ? error.errors : { form: messageOf(error) };
}

/** A form's error that belongs to no one field, above its fields; nothing when there is none. */
export function NotSavedAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" title="Not saved">
      {message}
    </Alert>
  );
}

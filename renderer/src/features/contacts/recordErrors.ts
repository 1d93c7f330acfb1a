import { RecordValidationError, type RecordErrors } from '../../../../shared/domain';
import { messageOf } from '../../ui/errors';

/** The per-field errors of a failed save; anything else becomes the form's error. */
export function errorsOf(error: unknown): RecordErrors {
  return error instanceof RecordValidationError ? error.errors : { form: messageOf(error) };
}

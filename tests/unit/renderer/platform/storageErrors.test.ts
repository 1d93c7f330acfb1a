import { describe, expect, it } from 'vitest';
import {
  isQuotaError,
  StorageError,
  toStorageError,
  type StorageProblem,
} from '../../../../renderer/src/platform/storageErrors';

describe('toStorageError', () => {
  it.each<[Exclude<StorageProblem, 'newer'>, RegExp]>([
    ['unavailable', /Allow site data for this page, or use the desktop app\.$/],
    ['blocked', /Close the other windows of Relevant and try again\.$/],
    ['timeout', /Try again; if it keeps failing, restore a backup\.$/],
    ['quota', /Free some space, then try again\.$/],
    ['unreadable', /Nothing was changed or deleted\. Try again, or restore a backup\.$/],
  ])('gives %s a message that says what to do', (problem, advice) => {
    const error = toStorageError(problem);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StorageError');
    expect(error.problem).toBe(problem);
    expect(error.message).toMatch(advice);
    expect(error.cause).toBeUndefined();
  });

  it('adds the browser’s own words after the advice, and keeps the cause', () => {
    const cause = new DOMException('The operation is insecure.', 'SecurityError');
    const error = toStorageError('unavailable', cause);
    expect(error.message).toMatch(/desktop app\. \(SecurityError: The operation is insecure\.\)$/);
    expect(error.cause).toBe(cause);
  });

  it('adds nothing for a cause that is not an Error', () => {
    const error = toStorageError('unreadable', 'something odd');
    expect(error.message).not.toContain('something odd');
    expect(error.cause).toBe('something odd');
  });
});

describe('isQuotaError', () => {
  it('recognises the browser’s QuotaExceededError', () => {
    expect(isQuotaError(new DOMException('Quota exceeded.', 'QuotaExceededError'))).toBe(true);
  });

  it('recognises it inside the plain Error y-indexeddb wraps it in', () => {
    expect(isQuotaError(new Error('QuotaExceededError: The quota has been exceeded.'))).toBe(true);
    expect(isQuotaError(new Error('Storage quota reached'))).toBe(true);
  });

  it('does not mistake other failures, or non-errors, for a full disk', () => {
    expect(isQuotaError(new DOMException('Aborted.', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('NotFoundError: No objectStore named updates'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { keywordsOf, normalisePhrase, stem } from '../../../../shared/contacts';

describe('the words of needs and offers', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalisePhrase('  Gestión de PLANTA, Zürich!  ')).toBe('gestion de planta zurich');
  });

  it('stems manager, managers, management and managing alike, and keeps short words whole', () => {
    expect(new Set(['manager', 'managers', 'management', 'managing'].map(stem))).toEqual(
      new Set(['manag']),
    );
    expect(stem('engineering')).toBe(stem('engineer'));
    expect(stem('plants')).toBe('plant');
    expect(stem('hr')).toBe('hr');
    expect(stem('bus')).toBe('bus');
  });

  it('drops words that say nothing about the need', () => {
    expect(keywordsOf('Looking for a new plant manager for our company')).toEqual([
      'plant',
      'manag',
    ]);
    expect(keywordsOf('someone experienced')).toEqual([]);
  });
});

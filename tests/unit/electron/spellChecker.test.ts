import { describe, expect, it } from 'vitest';
import {
  keepSpellingLocal,
  NO_DICTIONARY_DOWNLOADS,
  type SpellCheckerSession,
} from '../../../electron/main/spellChecker';

function fakeSession() {
  const calls: { url?: string; languages?: string[] } = {};
  const session: SpellCheckerSession = {
    setSpellCheckerDictionaryDownloadURL: (url) => (calls.url = url),
    setSpellCheckerLanguages: (languages) => (calls.languages = languages),
  };
  return { session, calls };
}

describe('the spell checker downloads nothing from a third party', () => {
  it.each(['linux', 'freebsd'] as const)('on %s: no languages, no download address', (platform) => {
    const { session, calls } = fakeSession();
    keepSpellingLocal(session, platform);
    expect(calls.languages).toEqual([]);
    expect(calls.url).toBe(NO_DICTIONARY_DOWNLOADS);
    expect(new URL(NO_DICTIONARY_DOWNLOADS).protocol).toBe('app:');
  });

  it.each(['darwin', 'win32'] as const)(
    'on %s: the system checker, languages left alone',
    (platform) => {
      const { session, calls } = fakeSession();
      keepSpellingLocal(session, platform);
      expect(calls.languages).toBeUndefined();
      expect(calls.url).toBe(NO_DICTIONARY_DOWNLOADS);
    },
  );
});

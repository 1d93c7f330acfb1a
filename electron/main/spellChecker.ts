import { APP_ORIGIN } from './appOrigin';

/** The part of Electron's Session the spell-checker policy uses. */
export interface SpellCheckerSession {
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  setSpellCheckerLanguages(languages: string[]): void;
}

/**
 * Where Chromium would fetch Hunspell dictionaries from instead of Google's servers: an
 * address of the app's own scheme, which no request can leave the machine for.
 */
export const NO_DICTIONARY_DOWNLOADS = `${APP_ORIGIN}/no-dictionary-downloads/`;

/**
 * Keeps what a person types from reaching a third party through the spell checker. macOS and
 * Windows check spelling with the system's own checker, which downloads nothing. Elsewhere
 * Chromium would download dictionaries from Google: spell checking is off there (no
 * languages), and the download address points nowhere, should a language be added.
 */
export function keepSpellingLocal(session: SpellCheckerSession, platform: NodeJS.Platform): void {
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS);
  if (platform !== 'darwin' && platform !== 'win32') session.setSpellCheckerLanguages([]);
}

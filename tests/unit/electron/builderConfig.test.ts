import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** electron-builder.yml as electron-builder reads it. */
const config = parse(
  readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
) as {
  asar?: unknown;
  electronFuses?: Record<string, unknown>;
  files?: unknown;
};

describe('the desktop package', () => {
  it('flips every fuse that closes a way into the app', () => {
    expect(config.electronFuses).toEqual(
      expect.objectContaining({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
        grantFileProtocolExtraPrivileges: false,
      }),
    );
  });

  it('packs the app into an asar archive, without sources, tests or node_modules', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', '!out/**/*.map', '!node_modules/**']),
    );
  });
});

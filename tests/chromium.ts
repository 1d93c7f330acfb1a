// Which Chromium the e2e tests and the benchmark drive, and how it is launched.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Headless flags for machines without a GPU or network (CI containers). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own browser if installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  const system = candidates.find((file): file is string => !!file && existsSync(file));
  if (system) return system;
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

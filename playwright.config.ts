// End-to-end tests: the built renderer served on loopback, driven in Chromium.
import { defineConfig } from '@playwright/test';
import { rmSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './tests/chromium';
import { SYNC_DATA_DIR, SYNC_PORT } from './tests/e2e/syncServer';

const port = Number(process.env.E2E_PORT ?? 4719);
const TIMED = /preview\.spec\.ts$/;

// The sync server starts with no journals on every run (the config is read again in each
// worker, once the server is up: only the first reading, in the main process, clears it).
if (!process.env.TEST_WORKER_INDEX) rmSync(SYNC_DATA_DIR, { recursive: true, force: true });

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // Generous: CI machines have two cores shared by the server, the browser and the runner.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    { name: 'app', testIgnore: TIMED },
    // Tests that hold the journal's storage against the app's 10 s limit run last, alone:
    // beside another test on two cores, what they do within the limit can take longer.
    { name: 'timed', testMatch: TIMED, dependencies: ['app'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `node scripts/start.mjs --web --port ${port} --quiet`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx electron/sync-server/main.ts serve --port ${SYNC_PORT} --data ${SYNC_DATA_DIR} --log-level warn`,
      port: SYNC_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});

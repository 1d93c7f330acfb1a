// The sync server the e2e tests use: started by Playwright (see playwright.config.ts) on its
// own port, with its data in a folder that each run starts empty.
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SYNC_PORT = Number(process.env.E2E_SYNC_PORT ?? 4720);
export const SYNC_DATA_DIR = path.join(tmpdir(), `relevant-e2e-sync-${SYNC_PORT}`);
export const SYNC_URL = `ws://127.0.0.1:${SYNC_PORT}`;

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveRendererFile } from '../../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/contentSecurityPolicy';

let base: string;
let root: string;
let handle: ReturnType<typeof createAppProtocolHandler>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'relevant-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><h1>Relevant</h1>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'font.woff2'), 'woff2');
  await writeFile(path.join(base, 'secret.txt'), 'outside the renderer');
  handle = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string) => handle({ url, method: 'GET' });

describe('app:// protocol', () => {
  it('serves the app with its MIME type and the CSP header', async () => {
    const response = await get('app://relevant/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<h1>Relevant</h1>');
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (file, type) => {
    const response = await get(`app://relevant/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it.each([
    'app://relevant/../secret.txt',
    'app://relevant/../../etc/passwd',
    'app://relevant/..%2fsecret.txt',
    'app://relevant/%2e%2e%2fsecret.txt',
    'app://relevant/assets/..%2f..%2fsecret.txt',
    'app://relevant/%2e%2e/secret.txt',
    'app://relevant/..%5csecret.txt',
    'app://relevant/%252e%252e%252fsecret.txt',
    'app://relevant/index.html%00.png',
    'app://relevant/%2Fetc%2Fpasswd',
    'app://relevant/%E0%A4%A',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    const body = await response.text();
    expect(body).not.toContain('outside the renderer');
    expect(body).not.toMatch(/root:/);
    // Plain `..` is already resolved by URL parsing (to a path inside the folder, which
    // then is missing or an in-app route); encoded escapes are refused outright.
    if (response.status === 200) expect(body).toContain('<h1>Relevant</h1>');
    else expect([403, 404]).toContain(response.status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://relevant/..%2fsecret.txt',
    'app://relevant/%2e%2e%2fsecret.txt',
    'app://relevant/assets/..%2f..%2fsecret.txt',
    'app://relevant/..%5csecret.txt',
    'app://relevant/index.html%00.png',
  ])('refuses an encoded escape with 403: %s', async (url) => {
    expect((await get(url)).status).toBe(403);
  });

  it('refuses other hosts and schemes', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
    expect((await get('file:///etc/passwd')).status).toBe(403);
  });

  it('answers a missing asset with 404 and an in-app route with the app', async () => {
    const missing = await get('app://relevant/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const route = await get('app://relevant/report/2026-11');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<h1>Relevant</h1>');
  });

  it('serves index.html for the bare origin and refuses writes', async () => {
    expect((await get('app://relevant/')).status).toBe(200);
    const post = await handle({ url: 'app://relevant/index.html', method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('resolveRendererFile', () => {
  it('keeps every resolved path inside the root', () => {
    expect(resolveRendererFile('/srv/renderer', 'app://relevant/a/b.js')).toBe(
      path.resolve('/srv/renderer/a/b.js'),
    );
    expect(resolveRendererFile('/srv/renderer', 'app://relevant/%2e%2e%2f%2e%2e%2fetc')).toBeNull();
    // WHATWG URL parsing resolves dot segments, encoded or not, before the path is read.
    expect(resolveRendererFile('/srv/renderer', 'app://relevant/a/%2e%2e/%2e%2e/x')).toBe(
      path.resolve('/srv/renderer/x'),
    );
    expect(resolveRendererFile('/srv/renderer', 'app://relevant/a%2f..%2f..%2fx')).toBeNull();
  });
});

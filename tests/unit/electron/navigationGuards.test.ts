import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../electron/main/appOrigin';
import { isSafeExternalUrl } from '../../../electron/main/externalLinks';
import { guardNavigation } from '../../../electron/main/navigationGuards';
import { FakeWebContents, preventableEvent } from './fakes';

function guardedContents() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const reportLinkError = vi.fn();
  guardNavigation(contents, openExternal, reportLinkError);
  return { contents, openExternal, reportLinkError };
}

describe('navigation guards', () => {
  it('prevents navigating or redirecting away from the app origin', () => {
    const { contents } = guardedContents();
    expect(contents.navigate('https://example.com/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('app://evil/index.html')).toBe(true);
    expect(contents.navigate('https://example.com/', 'will-redirect')).toBe(true);
  });

  it('allows navigating within the app origin', () => {
    const { contents } = guardedContents();
    expect(contents.navigate('app://relevant/index.html')).toBe(false);
    expect(contents.navigate('app://relevant/index.html#/report', 'will-redirect')).toBe(false);
  });

  it('refuses to attach webviews', () => {
    const { contents } = guardedContents();
    const event = preventableEvent({});
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies window.open and hands http(s) links to the system browser', () => {
    const { contents, openExternal } = guardedContents();
    expect(contents.openWindow('https://www.linkedin.com/in/someone')).toEqual({ action: 'deny' });
    expect(contents.openWindow('http://example.com/a?b=c')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([
      ['https://www.linkedin.com/in/someone'],
      ['http://example.com/a?b=c'],
    ]);
  });

  it('denies window.open for other schemes without opening anything', () => {
    const { contents, openExternal } = guardedContents();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://relevant/index.html',
      'ms-msdt:/id',
      'https://user:secret@example.com/',
      'not a url',
    ]) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reports a link the system could not open instead of throwing', async () => {
    const contents = new FakeWebContents();
    const reportLinkError = vi.fn();
    guardNavigation(contents, () => Promise.reject(new Error('no browser')), reportLinkError);
    contents.openWindow('https://example.com/');
    await vi.waitFor(() => {
      expect(reportLinkError).toHaveBeenCalledWith('https://example.com/', expect.any(Error));
    });
  });
});

describe('isAppUrl', () => {
  it('accepts only app://relevant', () => {
    expect(isAppUrl('app://relevant/index.html')).toBe(true);
    expect(isAppUrl('app://relevant')).toBe(true);
    expect(isAppUrl('app://relevant.evil/index.html')).toBe(false);
    expect(isAppUrl('app://user@relevant/')).toBe(false);
    expect(isAppUrl('https://relevant/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts http and https links without credentials', () => {
    expect(isSafeExternalUrl('https://example.com/path')).toBe(true);
    expect(isSafeExternalUrl('HTTP://EXAMPLE.COM')).toBe(true);
  });

  it('refuses other schemes, credentials, junk and overlong links', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/system32/calc.exe',
      'data:text/html,hi',
      'smb://host/share',
      'https://user@example.com/',
      '//example.com',
      'https://',
      `https://example.com/${'a'.repeat(3000)}`,
      42,
      undefined,
    ]) {
      expect(isSafeExternalUrl(url), String(url)).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { checkSyncTarget, formatSyncLink, parseSyncLink } from '../../../../shared/sync';

const target = {
  serverUrl: 'ws://127.0.0.1:1234/',
  journalId: 'Xy3_k9-abcdEFGH',
  token: 'tok_0123456789abcdefghijKLMNOP-_',
};

describe('sync link', () => {
  it('reads back what it writes, with the id and token in the fragment', () => {
    const link = formatSyncLink(target);
    expect(link).toBe(`ws://127.0.0.1:1234/#journal=${target.journalId}&token=${target.token}`);
    expect(parseSyncLink(`  ${link}\n`)).toEqual({ ok: true, target });
  });

  it('keeps a wss address with a path and lower-cases the host', () => {
    const result = parseSyncLink(
      `wss://Sync.Example.org/relevant#token=${target.token}&journal=abcdefgh`,
    );
    expect(result).toEqual({
      ok: true,
      target: {
        serverUrl: 'wss://sync.example.org/relevant',
        journalId: 'abcdefgh',
        token: target.token,
      },
    });
  });

  it.each([
    ['', 'not a sync link'],
    ['https://127.0.0.1:1234/#journal=abcdefgh&token=' + target.token, 'not a sync link'],
    ['ws://127.0.0.1:1234/', 'not a sync link'],
    ['ws://127.0.0.1:1234/#journal=abcdefgh', 'incomplete'],
    ['ws://127.0.0.1:1234/#journal=abc&token=' + target.token, 'journal id'],
    ['ws://127.0.0.1:1234/#journal=abcdefgh&token=short', 'token'],
    ['ws://127.0.0.1:99999/#journal=abcdefgh&token=' + target.token, 'server address'],
    ['ws://127.0.0.1:1234/#journal=%E0%A4%A&token=' + target.token, 'damaged'],
  ])('refuses %j and says why', (text, reason) => {
    const result = parseSyncLink(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it('checks fields typed in one by one', () => {
    expect(checkSyncTarget({ ...target, serverUrl: ' ws://[::1]:1234 ' })).toEqual({
      ok: true,
      target: { ...target, serverUrl: 'ws://[::1]:1234/' },
    });
    const wrong = checkSyncTarget({ serverUrl: 'http://x', journalId: 'a', token: 'b' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error).toMatch(/server address.*journal id.*token/s);
    }
  });
});

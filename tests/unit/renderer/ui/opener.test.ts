import { describe, expect, it, vi } from 'vitest';
import { Opener } from '../../../../renderer/src/ui/opener';

describe('Opener', () => {
  it('opens what registered last, and nothing once it has gone away', () => {
    const opener = new Opener();
    opener.open(); // nothing registered yet: no error
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = opener.use(first);
    const stopSecond = opener.use(second);
    opener.open();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    // The first going away late does not unregister the second.
    stopFirst();
    opener.open();
    expect(second).toHaveBeenCalledTimes(2);
    stopSecond();
    opener.open();
    expect(second).toHaveBeenCalledTimes(2);
  });
});

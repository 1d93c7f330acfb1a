import { describe, expect, it } from 'vitest';
import {
  installPermissionPolicy,
  type PermissionSession,
} from '../../../electron/main/permissions';

function installed() {
  let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
  let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
  installPermissionPolicy({
    setPermissionRequestHandler: (handler) => (request = handler),
    setPermissionCheckHandler: (handler) => (check = handler),
  });
  if (!request || !check) throw new Error('handlers not installed');
  const requestHandler = request;
  const checkHandler = check;
  return {
    request: (permission: string) => {
      let granted: boolean | undefined;
      requestHandler(null, permission, (answer) => (granted = answer));
      return granted;
    },
    check: (permission: string) => checkHandler(null, permission, 'app://relevant'),
  };
}

describe('permission policy', () => {
  it('grants notifications and sanitized clipboard writes', () => {
    const { request, check } = installed();
    expect(request('notifications')).toBe(true);
    expect(request('clipboard-sanitized-write')).toBe(true);
    expect(check('notifications')).toBe(true);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'unknown'])(
    'denies %s',
    (permission) => {
      const { request, check } = installed();
      expect(request(permission)).toBe(false);
      expect(check(permission)).toBe(false);
    },
  );
});

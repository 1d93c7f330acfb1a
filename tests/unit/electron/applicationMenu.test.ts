import { describe, expect, it, vi } from 'vitest';
import {
  buildMenuTemplate,
  type MenuItemTemplate,
  type MenuOptions,
} from '../../../electron/main/applicationMenu';

function menu(overrides: Partial<MenuOptions> = {}) {
  const sendCommand = vi.fn();
  const showAbout = vi.fn();
  const template = buildMenuTemplate({
    platform: 'linux',
    isPackaged: true,
    sendCommand,
    showAbout,
    ...overrides,
  });
  return { template, sendCommand, showAbout };
}

function submenu(template: MenuItemTemplate[], label: string): MenuItemTemplate[] {
  const found = template.find((item) => item.label === label);
  if (!found?.submenu) throw new Error(`No menu ${label}`);
  return found.submenu;
}

function item(items: MenuItemTemplate[], label: string): MenuItemTemplate {
  const found = items.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`No item ${label}`);
  return found;
}

const roles = (items: MenuItemTemplate[]) => items.flatMap((i) => (i.role ? [i.role] : []));

describe('application menu', () => {
  it('has File, Edit, View and Help', () => {
    expect(menu().template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('File: new interaction on CmdOrCtrl+N, backups, quit', () => {
    const { template, sendCommand } = menu();
    const file = submenu(template, 'File');
    const newInteraction = item(file, 'New interaction');
    expect(newInteraction.accelerator).toBe('CmdOrCtrl+N');
    newInteraction.click?.();
    item(file, 'Back up now').click?.();
    item(file, 'Restore from backup…').click?.();
    expect(sendCommand.mock.calls).toEqual([
      ['new-interaction'],
      ['backup-now'],
      ['restore-backup'],
    ]);
    expect(roles(file)).toEqual(['quit']);
  });

  it('Edit: undo and redo go to the renderer without registering their keys', () => {
    const { template, sendCommand } = menu();
    const edit = submenu(template, 'Edit');
    const undo = item(edit, 'Undo');
    const redo = item(edit, 'Redo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false });
    undo.click?.();
    redo.click?.();
    expect(sendCommand.mock.calls).toEqual([['undo'], ['redo']]);
    expect(roles(edit)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('View: find on CmdOrCtrl+F, zoom, and no developer tools when packaged', () => {
    const { template, sendCommand } = menu();
    const view = submenu(template, 'View');
    const find = item(view, 'Find…');
    expect(find.accelerator).toBe('CmdOrCtrl+F');
    find.click?.();
    expect(sendCommand).toHaveBeenCalledWith('find');
    expect(roles(view)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('View: reload and developer tools in development', () => {
    const view = submenu(menu({ isPackaged: false }).template, 'View');
    expect(roles(view)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Help: About shows the about box', () => {
    const { template, showAbout, sendCommand } = menu();
    item(submenu(template, 'Help'), 'About Relevant').click?.();
    expect(showAbout).toHaveBeenCalledTimes(1);
    expect(sendCommand).not.toHaveBeenCalled();
  });

  it('macOS: an app menu holds Quit, File does not', () => {
    const { template } = menu({ platform: 'darwin' });
    expect(template[0]?.label).toBe('Relevant');
    expect(roles(template[0]?.submenu ?? [])).toContain('quit');
    expect(roles(submenu(template, 'File'))).toEqual([]);
  });

  it('sends only known menu commands', () => {
    const { template, sendCommand } = menu({ isPackaged: false });
    const clickAll = (items: MenuItemTemplate[]): void => {
      for (const entry of items) {
        entry.click?.();
        clickAll(entry.submenu ?? []);
      }
    };
    clickAll(template);
    expect(sendCommand.mock.calls.map(([command]: unknown[]) => command).sort()).toEqual([
      'backup-now',
      'find',
      'new-interaction',
      'redo',
      'restore-backup',
      'undo',
    ]);
  });
});

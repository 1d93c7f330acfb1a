import type { MenuCommand } from '../../shared/ipc';

/** Built-in menu roles the app uses. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu';

/** One item of the menu template (a subset of Electron's MenuItemConstructorOptions). */
export interface MenuItemTemplate {
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'separator';
  readonly accelerator?: string;
  readonly registerAccelerator?: boolean;
  readonly click?: () => void;
  readonly submenu?: MenuItemTemplate[];
}

/** What the menu needs to know and do. */
export interface MenuOptions {
  /** process.platform: macOS gets an app menu and keeps Quit there. */
  readonly platform: string;
  /** app.isPackaged: reload and developer tools only in development. */
  readonly isPackaged: boolean;
  /** Sends a command to the focused window's renderer. */
  readonly sendCommand: (command: MenuCommand) => void;
  /** Shows the About box. */
  readonly showAbout: () => void;
}

const separator: MenuItemTemplate = { type: 'separator' };

/** The application menu: File, Edit, View, Help (and the app menu on macOS). */
export function buildMenuTemplate(options: MenuOptions): MenuItemTemplate[] {
  const { sendCommand, showAbout } = options;
  const isMac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemTemplate => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => {
      sendCommand(name);
    },
  });
  const about: MenuItemTemplate = { label: 'About Relevant', click: showAbout };

  const appMenu: MenuItemTemplate = {
    label: 'Relevant',
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItemTemplate = {
    label: 'File',
    submenu: [
      command('New interaction', 'new-interaction', 'CmdOrCtrl+N'),
      separator,
      command('Back up now', 'backup-now'),
      command('Restore from backup…', 'restore-backup'),
      ...(isMac ? [] : [separator, { role: 'quit' as const, label: 'Quit' }]),
    ],
  };
  // The renderer handles Ctrl/Cmd+Z itself (editor and journal undo), so these
  // accelerators are shown but not registered: the key press reaches the page.
  const edit: MenuItemTemplate = {
    label: 'Edit',
    submenu: [
      { ...command('Undo', 'undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
      { ...command('Redo', 'redo', 'CmdOrCtrl+Shift+Z'), registerAccelerator: false },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const developer: MenuItemTemplate[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const view: MenuItemTemplate = {
    label: 'View',
    submenu: [
      command('Find…', 'find', 'CmdOrCtrl+F'),
      separator,
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemTemplate = { label: 'Help', submenu: [about] };

  return isMac
    ? [appMenu, file, edit, view, { role: 'windowMenu' }, help]
    : [file, edit, view, help];
}

/**
 * The names in the IPC contract, as plain constants without zod: the sandboxed preload
 * bundles this module and may require nothing but 'electron'. contract.ts re-exports it
 * and checks at compile time that its schemas cover exactly these channels.
 */

/** Every request channel the renderer may invoke. */
export const IPC_CHANNELS = [
  'backup:save',
  'backup:list',
  'backup:read',
  'shell:openExternal',
  'app:info',
  'app:readyToQuit',
  'report:savePdf',
  'report:saveFile',
  'notify:show',
  'sync:readToken',
  'sync:keepToken',
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'new-interaction',
  'find',
  'undo',
  'redo',
  'restore-backup',
  'backup-now',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Messages from main to renderer. */
export interface MainEvents {
  /** A menu item or accelerator was used. */
  'menu:command': MenuCommand;
  /** The app is quitting: send a last backup now (main waits a moment for it). */
  'backup:request': 'quit';
  /** The person clicked one of the app's notifications: show what it was about. */
  'notify:clicked': null;
}
export type MainEvent = keyof MainEvents;
export const MAIN_EVENTS: readonly MainEvent[] = [
  'menu:command',
  'backup:request',
  'notify:clicked',
];

/** The global name under which the preload exposes the bridge. */
export const DESKTOP_BRIDGE_GLOBAL = 'relevantDesktop';

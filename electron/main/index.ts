/**
 * The desktop main process: wires real Electron into the app's small, separately tested
 * modules. This is the only main-process file that imports 'electron' at runtime.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './appOrigin';
import { buildMenuTemplate } from './applicationMenu';
import { createAppProtocolHandler } from './appProtocol';
import { BackupStore } from './backupStore';
import { createDesktopHandlers } from './desktopHandlers';
import { registerIpcHandlers } from './ipcRegistry';
import { sendMainEvent } from './mainEvents';
import { openMainWindow } from './mainWindow';
import { guardNavigation } from './navigationGuards';
import { installPermissionPolicy } from './permissions';
import { keepSpellingLocal } from './spellChecker';
import { installQuitFlow, type QuitFlow } from './quitFlow';
import { createNotifier } from './notifications';
import { createReportFiles } from './reportFiles';
import { claimSingleInstance } from './singleInstance';
import { SyncTokenStore } from './syncTokens';

const APP_ID = 'app.relevant.journal';
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;

// Before `ready`: the scheme's privileges, the sandbox for every renderer, the data folder.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.setAppUserModelId(APP_ID);
const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
if (userDataDir) app.setPath('userData', path.resolve(userDataDir));

/** Opens the main window; on Windows and Linux closing it quits through the quit flow. */
function createWindow(quitFlow: QuitFlow): BrowserWindow {
  const window = openMainWindow(
    (options) => new BrowserWindow(options),
    preloadPath,
    (error: unknown) => {
      console.error('Relevant could not load its window:', error);
    },
  );
  window.on('close', (event) => {
    if (process.platform !== 'darwin') quitFlow.interceptWindowClose(event);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

/** Saving the report: printing and the save dialog act on the window that asked. */
function createDesktopReportFiles() {
  return createReportFiles<IpcMainInvokeEvent>({
    printToPdf: (event, options) => event.sender.printToPDF(options),
    showSaveDialog: (event, options) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
    },
    writeFile: (file, bytes) => writeFile(file, bytes),
    documentsPath: app.getPath('documents'),
  });
}

/** A notification was clicked: bring the window forward and open the Today view. */
function showTodayFromNotification(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  sendMainEvent(mainWindow, 'notify:clicked', null);
}

/** Everything that needs a ready app: protocol, permissions, IPC, menu, window. */
function start(backups: BackupStore, quitFlow: QuitFlow): void {
  const syncTokens = new SyncTokenStore(
    path.join(app.getPath('userData'), 'sync-tokens.json'),
    safeStorage,
  );
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
  installPermissionPolicy(session.defaultSession);
  keepSpellingLocal(session.defaultSession, process.platform);
  registerIpcHandlers(
    ipcMain,
    createDesktopHandlers({
      backups,
      syncTokens,
      reportFiles: createDesktopReportFiles(),
      notifier: createNotifier(Notification, showTodayFromNotification),
      openExternal: (url) => shell.openExternal(url),
      version: app.getVersion(),
      platform: process.platform,
      onQuitBackup: () => {
        quitFlow.backupSaved();
      },
    }),
  );
  app.setAboutPanelOptions({ applicationName: 'Relevant', applicationVersion: app.getVersion() });
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    sendCommand: (command) => {
      sendMainEvent(BrowserWindow.getFocusedWindow() ?? mainWindow, 'menu:command', command);
    },
    showAbout: () => {
      app.showAboutPanel();
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  mainWindow = createWindow(quitFlow);
}

if (!claimSingleInstance(app, () => mainWindow)) {
  app.quit();
} else {
  const backups = new BackupStore({ folder: path.join(app.getPath('userData'), 'backups') });
  const quitFlow = installQuitFlow(app, {
    requestBackup: () => sendMainEvent(mainWindow, 'backup:request', 'quit'),
  });
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(
      contents,
      (url) => shell.openExternal(url),
      (url, error) => {
        console.error(`Relevant could not open ${url}:`, error);
      },
    );
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) mainWindow = createWindow(quitFlow);
  });
  app
    .whenReady()
    .then(() => {
      start(backups, quitFlow);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Relevant could not start', String(error));
      app.exit(1);
    });
}

// The sandboxed preload: exposes the typed desktop bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_GLOBAL } from '../../shared/ipc/channels';
import { createDesktopBridge } from './desktopBridge';

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_GLOBAL, createDesktopBridge(ipcRenderer));

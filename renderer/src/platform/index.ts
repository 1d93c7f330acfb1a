import { DESKTOP_BRIDGE_GLOBAL, type DesktopBridge } from '../../../shared/ipc';
import type { Platform } from './platform';
import { desktopPlatform } from './platform.electron';
import { webPlatform } from './platform.web';

export type {
  BackupService,
  PdfRequest,
  PdfResult,
  Platform,
  ReminderNotifications,
  ReminderPermission,
  ReportExports,
  SaveResult,
  TextFileRequest,
} from './platform';

/** The one place that knows where the app runs: the desktop bridge if present, else the web. */
export function detectPlatform(): Platform {
  const bridge = (window as unknown as Record<string, DesktopBridge | undefined>)[
    DESKTOP_BRIDGE_GLOBAL
  ];
  return bridge ? desktopPlatform(bridge) : webPlatform();
}

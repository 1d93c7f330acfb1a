/** Display formats, in the person's locale and time zone. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayHeading = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatTime = (iso: string) => time.format(new Date(iso));
export const formatDay = (date: Date) => dayHeading.format(date);

/** 90 → "1 h 30 min", 45 → "45 min", 0 → "0 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The local calendar day of an instant, as YYYY-MM-DD (for grouping the timeline). */
export function localDayKey(iso: string): string {
  const date = new Date(iso);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

const viewerZone = { name: 'UTC', readAt: -Infinity, offset: NaN };

/** How long the device's zone is taken as read, unless its UTC offset changes meanwhile. */
const ZONE_READ_FOR_MS = 60_000;

/** The IANA zone this device is set to (where the person is now). */
export function viewerTimeZone(): string {
  // Building the formatter that tells costs more than most renders that ask, and a device
  // changes zone rarely: read again once a minute, or at once if the UTC offset changed.
  const now = new Date();
  const offset = now.getTimezoneOffset();
  if (now.getTime() - viewerZone.readAt >= ZONE_READ_FOR_MS || offset !== viewerZone.offset) {
    viewerZone.name = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    viewerZone.readAt = now.getTime();
    viewerZone.offset = offset;
  }
  return viewerZone.name;
}

/** Value for <input type="datetime-local"> from an ISO instant, in local time. */
export function toLocalInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDayKey(iso)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** ISO instant from an <input type="datetime-local"> value (read in local time). */
export function fromLocalInputValue(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

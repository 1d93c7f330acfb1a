import type { SyncState } from '../../platform/sync/syncStatus';
import { changesLabel } from '../../platform/sync/syncStatus';

/** The header's short word for the sync state, and a sentence saying more. */
export function describeSync(state: SyncState): { label: string; detail: string } {
  switch (state.state) {
    case 'local':
      return {
        label: 'Local only',
        detail: 'This journal is kept on this device only. Set up sync to use it on another one.',
      };
    case 'paused':
      return {
        label: 'Sync paused',
        detail: `Sync is paused on this device.${waiting(state.pending)}`,
      };
    case 'offline':
      return {
        label: 'Offline',
        detail:
          (state.reason === 'no-network'
            ? 'This device has no network. '
            : 'The sync server cannot be reached; trying again with growing pauses. ') +
          `Changes are kept here and sync when the connection is back.${waiting(state.pending)}`,
      };
    case 'connecting':
      return { label: 'Connecting…', detail: 'Reaching the sync server.' };
    case 'syncing':
      return {
        label: 'Syncing',
        detail: `Connected; ${changesLabel(state.pending)} on the way to the server.`,
      };
    case 'synced':
      return { label: 'Synced', detail: 'The sync server has stored every change made here.' };
    case 'not-stored':
      return {
        label: 'Not synced',
        detail: `The sync server refused a change: ${state.reason} ${changesLabel(state.pending)} kept on this device; trying again with growing pauses.`,
      };
    case 'refused':
      return {
        label: 'Sync refused',
        detail: `${state.reason} Sync has stopped; paste the journal’s sync link again.`,
      };
  }
}

function waiting(pending: number): string {
  return pending > 0 ? ` ${changesLabel(pending)} not yet on the server.` : '';
}

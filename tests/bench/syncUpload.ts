// A first device putting a journal on the sync server: Node clients whose documents already
// hold the journal and its reflections, staying connected (so the server keeps them loaded).
import * as Y from 'yjs';
import { reflectionsDocumentName } from '../../shared/sync';
import { connectClient, waitFor, type SyncClient } from '../integration/syncHelpers';
import { progress } from './stats';

/** A client of server document `name` whose document already holds `bytes`. */
export function uploader(url: string, name: string, token: string, bytes: Uint8Array): SyncClient {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return connectClient({ url, journalId: name, token, doc });
}

let refusalNoted = false;

/**
 * Uploads a journal's reflections and resolves with the client once the server has them, or
 * with null when the server refuses the document (a server that does not know reflections
 * documents yet): the rows that need them are then left out, and the run goes on.
 */
export async function uploadReflections(
  url: string,
  journalId: string,
  token: string,
  bytes: Uint8Array,
  timeoutMs = 300_000,
): Promise<SyncClient | null> {
  const client = uploader(url, reflectionsDocumentName(journalId), token, bytes);
  try {
    await waitFor(
      () => client.isInSync() || client.refusals.length > 0,
      'the reflections to upload',
      timeoutMs,
      20,
    );
  } catch (error) {
    client.destroy();
    throw error;
  }
  if (client.isInSync()) return client;
  client.destroy();
  if (!refusalNoted) {
    progress(`  the sync server refused the reflections document: ${client.refusals.join('; ')}`);
    refusalNoted = true;
  }
  return null;
}

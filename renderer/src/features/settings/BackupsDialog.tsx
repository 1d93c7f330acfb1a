import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/ipc';
import { usePlatform } from '../../app/platformContext';
import { formatBytes, formatDateTime } from '../../ui/format';
import { messageOf } from '../../ui/errors';

interface Props {
  opened: boolean;
  onClose: () => void;
  onRestore: (id: string) => Promise<void>;
  /** The journal syncs with a server: a restore reaches the other devices too. */
  syncs?: boolean;
}

/** "Restore from backup…": lists backups with dates and sizes; restores one after confirmation. */
export function BackupsDialog({ opened, onClose, onRestore, syncs = false }: Props) {
  const { backups } = usePlatform();
  return (
    <Modal opened={opened} onClose={onClose} title="Restore from backup" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Relevant keeps the last 10 backups of your journal in {backups.location}, taken every few
          minutes while you work and when you close the app.
        </Text>
        {opened && <BackupChooser onRestore={onRestore} onDone={onClose} syncs={syncs} />}
      </Stack>
    </Modal>
  );
}

type Listing =
  | { status: 'loading' }
  | { status: 'ready'; backups: BackupInfo[] }
  | { status: 'failed'; message: string };

function BackupChooser({
  onRestore,
  onDone,
  syncs,
}: {
  onRestore: (id: string) => Promise<void>;
  onDone: () => void;
  syncs: boolean;
}) {
  const { backups } = usePlatform();
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    backups.list().then(
      (list) => live && setListing({ status: 'ready', backups: list }),
      (err: unknown) => live && setListing({ status: 'failed', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [backups]);

  const confirm = async () => {
    if (!chosen) return;
    setRestoring(true);
    setError(null);
    try {
      await onRestore(chosen.id);
      onDone();
    } catch (err) {
      setError(messageOf(err));
      setRestoring(false);
    }
  };

  return (
    <>
      {error && (
        <Alert color="red" role="alert" title="The backup was not restored">
          {error}
        </Alert>
      )}
      {chosen ? (
        <Stack>
          <Text>
            Replace the journal on this device with the backup from{' '}
            <strong>{formatDateTime(chosen.createdAt)}</strong>? Changes made since then are
            replaced; a backup of the journal as it is now is kept first.
            {syncs && ' This journal syncs: your other devices get the restored journal too.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setChosen(null)} disabled={restoring}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void confirm()} loading={restoring}>
              Restore this backup
            </Button>
          </Group>
        </Stack>
      ) : (
        <BackupTable listing={listing} onChoose={setChosen} />
      )}
    </>
  );
}

function BackupTable({
  listing,
  onChoose,
}: {
  listing: Listing;
  onChoose: (b: BackupInfo) => void;
}) {
  if (listing.status === 'loading') return <Loader aria-label="Loading backups" />;
  if (listing.status === 'failed') {
    return (
      <Alert color="red" title="Backups could not be listed">
        {listing.message}
      </Alert>
    );
  }
  if (listing.backups.length === 0) {
    return (
      <Text>No backups yet. The first one is taken a few minutes after you log something.</Text>
    );
  }
  return (
    <Table aria-label="Backups" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Taken</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {listing.backups.map((backup) => (
          <Table.Tr key={backup.id}>
            <Table.Td>{formatDateTime(backup.createdAt)}</Table.Td>
            <Table.Td>{formatBytes(backup.sizeBytes)}</Table.Td>
            <Table.Td ta="right">
              {backup.damaged ? (
                <Text size="sm" c="red.8">
                  Damaged: changed since it was taken
                </Text>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onChoose(backup)}
                  aria-label={`Restore the backup from ${formatDateTime(backup.createdAt)}`}
                >
                  Restore…
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

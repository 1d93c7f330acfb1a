import {
  Alert,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import {
  checkSyncTarget,
  formatSyncLink,
  parseSyncLink,
  type SyncTarget,
} from '../../../../shared/sync';
import { useJournalSync, useSyncState } from '../../app/syncContext';
import { describeSync } from './syncWords';

interface Props {
  readonly opened: boolean;
  readonly onClose: () => void;
}

/** Settings → Sync: connect this device to a journal on a sync server, pause, or forget it. */
export function SyncDialog({ opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Sync" size="lg">
      {opened && <SyncSettings onDone={onClose} />}
    </Modal>
  );
}

function SyncSettings({ onDone }: { onDone: () => void }) {
  const sync = useJournalSync();
  const state = useSyncState();
  const [changing, setChanging] = useState(false);
  if (state.state === 'local' || changing) {
    return (
      <ConnectForm
        onConnect={(target) => {
          sync.connect(target);
          setChanging(false);
        }}
        onCancel={changing ? () => setChanging(false) : onDone}
      />
    );
  }
  const { label, detail } = describeSync(state);
  const { target } = state;
  return (
    <Stack>
      <Alert
        color={
          state.state === 'refused'
            ? 'red'
            : state.state === 'offline' || state.state === 'not-stored'
              ? 'orange'
              : 'blue'
        }
        title={label}
        role="status"
      >
        {detail}
      </Alert>
      <Stack gap={4}>
        <Text size="sm">
          Server: <Code>{target.serverUrl}</Code>
        </Text>
        <Text size="sm">
          Journal: <Code>{target.journalId}</Code>
        </Text>
      </Stack>
      <Text size="sm" c="dimmed">
        To use this journal on another device, paste its sync link there in Sync. The link holds the
        journal’s token: share it only with your own devices.
      </Text>
      <Group justify="space-between">
        <CopyButton value={formatSyncLink(target)}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Sync link copied' : 'Copy sync link'}
            </Button>
          )}
        </CopyButton>
        <Group gap="xs">
          {state.state === 'paused' || state.state === 'refused' ? (
            <Button variant="default" onClick={() => sync.resume()}>
              {state.state === 'refused' ? 'Try again' : 'Resume sync'}
            </Button>
          ) : (
            <Button variant="default" onClick={() => sync.pause()}>
              Pause sync
            </Button>
          )}
          <Button variant="default" onClick={() => setChanging(true)}>
            Change…
          </Button>
          <ForgetButton onForget={() => sync.forget()} />
        </Group>
      </Group>
    </Stack>
  );
}

/** "Forget on this device", with a second click to confirm. */
function ForgetButton({ onForget }: { onForget: () => void }) {
  const [asked, setAsked] = useState(false);
  return asked ? (
    <Button color="red" onClick={onForget}>
      Forget: keep the journal here, stop syncing it
    </Button>
  ) : (
    <Button color="red" variant="light" onClick={() => setAsked(true)}>
      Forget on this device…
    </Button>
  );
}

function ConnectForm({
  onConnect,
  onCancel,
}: {
  onConnect: (target: SyncTarget) => void;
  onCancel: () => void;
}) {
  const [link, setLink] = useState('');
  const [parts, setParts] = useState<boolean>(false);
  const [fields, setFields] = useState({ serverUrl: '', journalId: '', token: '' });
  const [error, setError] = useState<string | null>(null);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const result = parts ? checkSyncTarget(fields) : parseSyncLink(link);
    if (result.ok) onConnect(result.target);
    else setError(result.error);
  };
  const field = (key: keyof typeof fields) => ({
    value: fields[key],
    onChange: (event: { currentTarget: HTMLInputElement }) =>
      setFields({ ...fields, [key]: event.currentTarget.value }),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          Sync keeps this journal the same on your devices through a sync server you run (see{' '}
          <Code>npm run sync-server</Code>). Each device works offline; changes meet when they
          connect again.
        </Text>
        {parts ? (
          <>
            <TextInput
              label="Server address"
              placeholder="ws://127.0.0.1:1234"
              {...field('serverUrl')}
              data-autofocus
            />
            <TextInput label="Journal id" {...field('journalId')} />
            <PasswordInput label="Token" {...field('token')} />
          </>
        ) : (
          <TextInput
            label="Sync link"
            description="Printed by “npm run sync-server -- add-journal”, or copied from Sync on a device that already syncs."
            placeholder="ws://127.0.0.1:1234/#journal=…&token=…"
            value={link}
            onChange={(event) => setLink(event.currentTarget.value)}
            data-autofocus
          />
        )}
        <Anchor component="button" type="button" size="sm" onClick={() => setParts(!parts)}>
          {parts ? 'Paste a sync link instead' : 'Enter the server, journal id and token instead'}
        </Anchor>
        {error && (
          <Alert color="red" title="Not connected" role="alert">
            {error}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          What this device holds now is merged with the journal on the server; nothing is lost.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Connect</Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { messageOf } from './errors';

interface State {
  readonly error: unknown;
}

/**
 * Around a part of the app that loads on demand (a screen, the editor): if its code cannot
 * be fetched, as when a browser went offline before it was ever loaded, that part says so
 * and the rest of the app goes on working, instead of the whole window going blank.
 */
export class LoadFailureBoundary extends Component<{ children: ReactNode; what: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Alert color="orange" title={`The ${this.props.what} could not be loaded`} role="alert">
        {`Its code could not be fetched (${messageOf(this.state.error)}). Your journal is safe; if
        this device is offline, reload once the network is back.`}
        <Button variant="default" size="xs" mt="sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Alert>
    );
  }
}

import { AppShell, Button, Container, Group, Kbd, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * The app's header: its name, `nav` (the screens) and `children` (the actions) on the right. The open journal
 * and its preview share it, so that one replaces the other without anything moving.
 */
export function AppHeader({ children, nav }: { children: ReactNode; nav: ReactNode }) {
  return (
    <AppShell.Header>
      <Container size="xl" h="100%">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Group gap="xs" align="baseline" wrap="nowrap">
              <Title order={1} size="h3">
                Relevant
              </Title>
            </Group>
            {nav}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {children}
          </Group>
        </Group>
      </Container>
    </AppShell.Header>
  );
}

/** "Log interaction", with its shortcut. */
export function LogInteractionButton({
  onClick,
  disabled,
}: {
  onClick?: () => void;
  disabled: boolean;
}) {
  return (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={onClick}
      disabled={disabled}
      rightSection={
        <Kbd size="xs" visibleFrom="xl">
          N
        </Kbd>
      }
    >
      Log interaction
    </Button>
  );
}

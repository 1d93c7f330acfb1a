import { AppShell, Button, Container, Group, Kbd, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * The app's header: its name, and `children` (the actions) on the right. The open journal
 * and its preview share it, so that one replaces the other without anything moving.
 */
export function AppHeader({ children }: { children: ReactNode }) {
  return (
    <AppShell.Header>
      <Container size="md" h="100%">
        <Group h="100%" justify="space-between">
          <Group gap="xs" align="baseline">
            <Title order={1} size="h3">
              Relevant
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              networking journal
            </Text>
          </Group>
          <Group gap="xs">{children}</Group>
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
      rightSection={<Kbd size="xs">N</Kbd>}
    >
      Log interaction
    </Button>
  );
}

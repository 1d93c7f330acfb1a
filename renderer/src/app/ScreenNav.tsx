import { Button, Group, Kbd, Menu } from '@mantine/core';
import { IconMenu2 } from '@tabler/icons-react';
import type { Route } from './route';
import { hashOf } from './route';

const SCREENS = [
  { screen: 'journal', label: 'Journal', key: 'J' },
  { screen: 'insights', label: 'Insights', key: 'I' },
  { screen: 'report', label: 'Report', key: 'R' },
] as const;

type Entry = (typeof SCREENS)[number];

const targetOf = ({ screen }: Entry): Route =>
  screen === 'report' ? { screen, month: null } : { screen };

/**
 * Links to the screens; the current one is marked for screen readers too. Wide windows show
 * them side by side, narrow ones in a menu.
 */
export function ScreenNav({ route }: { route: Route }) {
  const current = SCREENS.find(({ screen }) => screen === route.screen) ?? SCREENS[0];
  return (
    <nav aria-label="Screens">
      <Group gap={4} wrap="nowrap" visibleFrom="md">
        {SCREENS.map((entry) => {
          const isCurrent = entry === current;
          return (
            <Button
              key={entry.screen}
              component="a"
              href={hashOf(targetOf(entry))}
              variant={isCurrent ? 'light' : 'subtle'}
              aria-current={isCurrent ? 'page' : undefined}
              title={`${entry.label} (${entry.key})`}
              px="sm"
              rightSection={
                <Kbd size="xs" visibleFrom="xl">
                  {entry.key}
                </Kbd>
              }
            >
              {entry.label}
            </Button>
          );
        })}
      </Group>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" hiddenFrom="md" leftSection={<IconMenu2 size={16} />}>
            {current.label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {SCREENS.map((entry) => (
            <Menu.Item
              key={entry.screen}
              component="a"
              href={hashOf(targetOf(entry))}
              aria-current={entry === current ? 'page' : undefined}
              rightSection={<Kbd size="xs">{entry.key}</Kbd>}
            >
              {entry.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </nav>
  );
}

import { Button, Group, Kbd, Menu } from '@mantine/core';
import { IconMenu2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Route } from './route';
import { hashOf } from './route';

interface Entry {
  readonly screen: Route['screen'];
  readonly label: string;
  readonly key: string;
  /** Where the link goes (the screen's own start). */
  readonly target: Route;
}

const SCREENS: readonly Entry[] = [
  { screen: 'journal', label: 'Journal', key: 'J', target: { screen: 'journal' } },
  { screen: 'today', label: 'Today', key: 'T', target: { screen: 'today' } },
  { screen: 'insights', label: 'Insights', key: 'I', target: { screen: 'insights' } },
  { screen: 'report', label: 'Report', key: 'R', target: { screen: 'report', month: null } },
  { screen: 'goals', label: 'Goals', key: 'G', target: { screen: 'goals' } },
  { screen: 'planned', label: 'Planned', key: 'P', target: { screen: 'planned' } },
  {
    screen: 'contacts',
    label: 'Contacts',
    key: 'C',
    target: { screen: 'contacts', contactId: null },
  },
];

/**
 * Links to the screens; the current one is marked for screen readers too. Wide windows show
 * them side by side (each link's title names its key), narrow ones in a menu with the keys.
 */
export function ScreenNav({
  route,
  badges = {},
}: {
  route: Route;
  /** Shown beside a screen's name (the count of what is due beside Today); none while opening. */
  badges?: Partial<Record<Route['screen'], ReactNode>>;
}) {
  const current = SCREENS.find(({ screen }) => screen === route.screen) ?? SCREENS[0];
  return (
    <nav aria-label="Screens">
      <Group gap={2} wrap="nowrap" visibleFrom="lg">
        {SCREENS.map((entry) => {
          const isCurrent = entry === current;
          return (
            <Button
              key={entry.screen}
              component="a"
              href={hashOf(entry.target)}
              variant={isCurrent ? 'light' : 'subtle'}
              aria-current={isCurrent ? 'page' : undefined}
              title={`${entry.label} (${entry.key})`}
              px="sm"
            >
              {entry.label}
              {badges[entry.screen]}
            </Button>
          );
        })}
      </Group>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" hiddenFrom="lg" leftSection={<IconMenu2 size={16} />}>
            {current?.label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {SCREENS.map((entry) => (
            <Menu.Item
              key={entry.screen}
              component="a"
              href={hashOf(entry.target)}
              aria-current={entry === current ? 'page' : undefined}
              rightSection={<Kbd size="xs">{entry.key}</Kbd>}
            >
              {entry.label}
              {badges[entry.screen]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </nav>
  );
}

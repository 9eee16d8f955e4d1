import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea, Text, useMantineTheme } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Suspense, useEffect } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { PageLoader } from "../components/PageLoader.js";
import { hasCapability, useSignedInMe } from "../features/identity/session.js";
import { AccountMenu } from "./AccountMenu.js";
import { currentNavPath, NAVIGATION, type NavEntry, visibleNavigation } from "./navigation.js";

function NavItems({ entries, current }: { entries: readonly NavEntry[]; current: string | null }) {
  return entries.map((entry) =>
    entry.children ? (
      <NavLink
        key={entry.label}
        label={entry.label}
        defaultOpened
        childrenOffset="md"
        active={false}
        component="button"
        type="button"
      >
        <NavItems entries={entry.children} current={current} />
      </NavLink>
    ) : (
      <NavLink
        key={entry.to}
        component={Link}
        to={entry.to ?? "/"}
        label={entry.label}
        active={entry.to === current}
        aria-current={entry.to === current ? "page" : undefined}
        variant="light"
      />
    ),
  );
}

/** The signed-in frame: header with account menu, navigation (a burger below md), and the page in <main>. */
export function AppLayout() {
  const me = useSignedInMe();
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const theme = useMantineTheme();
  // Below the md breakpoint a closed navigation slides off screen; inert keeps it out of the tab order.
  const isNarrow = useMediaQuery(`(max-width: ${Number.parseFloat(theme.breakpoints.md) - 0.01}em)`) ?? false;
  const { pathname } = useLocation();
  const entries = visibleNavigation(NAVIGATION, (c) => hasCapability(me, c));

  // Following a link on a narrow screen closes the navigation again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => close(), [pathname]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "md", collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <a href="#main-content" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={navOpened ? "Close navigation" : "Open navigation"}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" fw={800} fz="lg" c="inherit" underline="never">
              Throughline
            </Anchor>
            <Text visibleFrom="sm" size="sm" c="dimmed" truncate>
              {me.organization.name}
            </Text>
          </Group>
          <AccountMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="main-navigation" aria-label="Main" inert={isNarrow && !navOpened}>
        <AppShell.Section grow component={ScrollArea}>
          <NavItems entries={entries} current={currentNavPath(entries, pathname)} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

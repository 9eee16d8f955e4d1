import { Button, Group } from "@mantine/core";
import { Link, useLocation } from "react-router";

const SECTIONS = [
  { to: "/strategy", label: "Strategy map", exact: true },
  { to: "/strategy/goals", label: "Goals" },
  { to: "/strategy/prioritizations", label: "Prioritizations" },
  { to: "/strategy/criteria", label: "Criteria" },
  { to: "/strategy/ranking", label: "Ranking" },
] as const;

function isCurrent(pathname: string, to: string, exact: boolean): boolean {
  return exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
}

/** The strategy module's own sections, above each of its pages. */
export function StrategyNav() {
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Strategy sections" gap={4} mb="md" wrap="wrap">
      {SECTIONS.map((s) => {
        const current = isCurrent(pathname, s.to, "exact" in s && s.exact);
        return (
          <Button
            key={s.to}
            component={Link}
            to={s.to}
            size="compact-sm"
            variant={current ? "light" : "subtle"}
            color={current ? "blue" : "gray"}
            aria-current={current ? "page" : undefined}
            fw={current ? 700 : 500}
          >
            {s.label}
          </Button>
        );
      })}
    </Group>
  );
}

import type { Capability } from "../../domain/identity/permissions.js";

/**
 * The main navigation as data. A new module (Strategy, Selection, Delivery, Benefits) adds one entry
 * here and its routes in router.tsx; entries the signed-in role may never use are hidden.
 */
export type NavEntry = {
  label: string;
  /** Path of the page; a group has children instead. */
  to?: string;
  capability?: Capability;
  children?: NavEntry[];
};

export const NAVIGATION: readonly NavEntry[] = [
  { label: "Projects", to: "/projects", capability: "project.read" },
  { label: "Portfolios", to: "/portfolios", capability: "portfolio.read" },
  { label: "Strategy", to: "/strategy", capability: "strategy.read" },
  { label: "Portfolio selection", to: "/selection", capability: "selection.read" },
  {
    label: "Benefits",
    children: [
      { label: "Register", to: "/benefits", capability: "benefit.read" },
      { label: "Benefits map", to: "/benefits/map", capability: "benefit.read" },
      { label: "Recommendations", to: "/benefits/recommendations", capability: "benefit.read" },
      { label: "Corrective actions", to: "/benefits/actions", capability: "benefit.read" },
      { label: "Reviews", to: "/benefits/reviews", capability: "benefit.read" },
      { label: "Roll-up", to: "/benefits/rollup", capability: "benefit.read" },
      { label: "Import measurements", to: "/benefits/import", capability: "benefit.measure" },
    ],
  },
  { label: "Meetings", to: "/meetings", capability: "meeting.read" },
  { label: "Decision log", to: "/decisions", capability: "meeting.read" },
  { label: "Action items", to: "/actions", capability: "meeting.read" },
  { label: "Audit", to: "/audit", capability: "audit.read" },
  {
    label: "Admin",
    children: [
      { label: "Users", to: "/admin/users", capability: "user.manage" },
      { label: "API tokens", to: "/admin/tokens", capability: "token.manage_own" },
    ],
  },
];

/** Every path of the menu, flattened. */
function pathsOf(entries: readonly NavEntry[]): string[] {
  return entries.flatMap((e) => (e.children ? pathsOf(e.children) : e.to ? [e.to] : []));
}

/**
 * The menu path that is current for `pathname`: the longest one it equals or lies under, so that
 * /benefits/map marks "Benefits map" and not also "Register" (/benefits).
 */
export function currentNavPath(entries: readonly NavEntry[], pathname: string): string | null {
  let best: string | null = null;
  for (const to of pathsOf(entries))
    if ((pathname === to || pathname.startsWith(`${to}/`)) && (best === null || to.length > best.length)) best = to;
  return best;
}

/** The entries visible to someone holding `can`; groups with no visible child disappear. */
export function visibleNavigation(entries: readonly NavEntry[], can: (c: Capability) => boolean): NavEntry[] {
  const out: NavEntry[] = [];
  for (const entry of entries) {
    if (entry.capability && !can(entry.capability)) continue;
    if (entry.children) {
      const children = visibleNavigation(entry.children, can);
      if (children.length > 0) out.push({ ...entry, children });
    } else {
      out.push(entry);
    }
  }
  return out;
}

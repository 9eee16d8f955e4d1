import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RefType } from "../../../domain/meetings/meeting-rules.js";
import type { Goal, Objective } from "../../../server/modules/strategy/strategy.schema.js";
import { api } from "../../api/client.js";
import type { ItemList, ProjectPage } from "../../api/types.js";

/** What an agenda item or a decision is about: a project, a goal or an objective. */
export type Reference = { refType: RefType; refId: string; refLabel: string | null };

export const REF_TYPE_LABELS: Record<RefType, string> = {
  project: "Project",
  goal: "Goal",
  objective: "Objective",
  scenario: "Selection scenario",
};

export type ReferenceOption = { value: string; label: string };

/** Projects whose code, name or description match `q` (the API's search), as select options. */
export function useProjectOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["projects", "list", { q, pick: true }],
    queryFn: async ({ signal }): Promise<ReferenceOption[]> => {
      const page = await api.get<ProjectPage>(
        "/projects",
        { q: q || undefined, limit: 20, archived: "include" },
        signal,
      );
      return page.items.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Goals and objectives are few: read them once and filter in the browser. */
export function useGoalOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["strategy", "goals", "options"],
    queryFn: async ({ signal }): Promise<ReferenceOption[]> => {
      const list = await api.get<ItemList<Goal>>("/strategy/goals", undefined, signal);
      return list.items.map((g) => ({ value: g.id, label: g.projectCode ? `${g.title} (${g.projectCode})` : g.title }));
    },
    enabled,
  });
}

export function useObjectiveOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["strategy", "objectives", "options"],
    queryFn: async ({ signal }): Promise<ReferenceOption[]> => {
      const list = await api.get<ItemList<Objective>>("/strategy/objectives", undefined, signal);
      return list.items.map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }));
    },
    enabled,
  });
}

/** Where a reference is shown in the app; objectives have no page of their own and open the strategy map. */
export function referencePath(refType: RefType, refId: string): string | null {
  if (refType === "project") return `/projects/${refId}`;
  if (refType === "goal") return `/strategy/goals/${refId}`;
  if (refType === "scenario") return `/selection/${refId}`;
  return "/strategy";
}

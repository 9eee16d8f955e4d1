import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../domain/portfolio/project-rules.js";
import type { ProjectSortField } from "../../api/types.js";
import type { ArchivedFilter, ProjectFilters } from "./projects.js";

const SORT_FIELDS: readonly ProjectSortField[] = [
  "code",
  "name",
  "status",
  "category",
  "plannedStart",
  "plannedEnd",
  "budgetTotalCents",
  "updatedAt",
];

export type ListFilters = ProjectFilters & { sort: ProjectSortField; order: "asc" | "desc"; archived: ArchivedFilter };

function list(value: string | null): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

function parseFilters(params: URLSearchParams): ListFilters {
  const sort = params.get("sort") as ProjectSortField | null;
  const archived = params.get("archived");
  return {
    q: params.get("q") ?? undefined,
    status: list(params.get("status")).filter((s): s is ProjectStatus =>
      (PROJECT_STATUSES as readonly string[]).includes(s),
    ),
    category: list(params.get("category")),
    portfolioId: params.get("portfolioId") ?? undefined,
    programId: params.get("programId") ?? undefined,
    managerId: params.get("managerId") ?? undefined,
    archived: archived === "include" || archived === "only" ? archived : "exclude",
    sort: sort && SORT_FIELDS.includes(sort) ? sort : "code",
    order: params.get("order") === "desc" ? "desc" : "asc",
  };
}

const DEFAULTS: Record<string, string> = { archived: "exclude", sort: "code", order: "asc" };

function toParams(filters: ListFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    const text = Array.isArray(value) ? value.join(",") : (value ?? "");
    if (text !== "" && DEFAULTS[key] !== text) out.set(key, String(text));
  }
  return out;
}

/**
 * The projects list's filters and sort. They render from React state, so a control reflects a change
 * at once, and are mirrored into the URL so a filtered view can be shared, reloaded and navigated
 * back to.
 */
export function useProjectFilters(): [ListFilters, (patch: Partial<ProjectFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => parseFilters(params));
  const written = useRef(params.toString());
  const current = params.toString();

  // The URL changed from outside (a link, back/forward): adopt it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the query string only
  useEffect(() => {
    if (current === written.current) return;
    written.current = current;
    setFilters(parseFilters(params));
  }, [current]);

  const update = (patch: Partial<ProjectFilters>) => {
    const next = { ...filters, ...patch } as ListFilters;
    setFilters(next);
    const nextParams = toParams(next);
    written.current = nextParams.toString();
    setParams(nextParams, { replace: true });
  };
  return [filters, update];
}

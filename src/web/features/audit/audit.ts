import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client.js";
import type { AuditPage } from "../../api/types.js";

export type AuditFilters = {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
};

export function useAuditEvents(filters: AuditFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>("/audit", { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
}

export function useProjectHistory(projectId: string) {
  return useInfiniteQuery({
    queryKey: ["projects", projectId, "history"],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>(`/projects/${projectId}/history`, { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

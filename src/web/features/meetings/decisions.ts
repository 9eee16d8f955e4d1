import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { DecisionKind } from "../../../domain/meetings/meeting-rules.js";
import { api } from "../../api/client.js";
import type { CreateDecisionBody, Decision, DecisionPage, UpdateDecisionInput } from "./meeting-types.js";
import { MEETINGS_KEY } from "./meetings.js";

export const DECISIONS_KEY = ["decisions"] as const;

export type DecisionFilters = { q?: string; kind?: DecisionKind[]; from?: string; to?: string };

/** The decision log: search and filters, newest first, in pages. */
export function useDecisionLog(filters: DecisionFilters) {
  return useInfiniteQuery({
    queryKey: [...DECISIONS_KEY, "log", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<DecisionPage>("/decisions", { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Decisions about one project, newest first. */
export function useProjectDecisions(projectId: string) {
  return useInfiniteQuery({
    queryKey: [...DECISIONS_KEY, "project", projectId],
    queryFn: ({ pageParam, signal }) =>
      api.get<DecisionPage>(`/projects/${projectId}/decisions`, { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useRefreshAfterDecisionWrite() {
  const queryClient = useQueryClient();
  return (decision: Decision) => {
    void queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
    if (decision.meetingId)
      void queryClient.invalidateQueries({ queryKey: [...MEETINGS_KEY, "one", decision.meetingId] });
  };
}

export function useSaveDecision() {
  const refresh = useRefreshAfterDecisionWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateDecisionInput } | { id?: undefined; body: CreateDecisionBody }) =>
      input.id
        ? api.patch<Decision>(`/decisions/${input.id}`, input.body)
        : api.post<Decision>("/decisions", input.body),
    onSuccess: refresh,
    // A stale version: the meeting page reloads, so the next attempt starts from what is there now.
    onError: () => void queryClient.invalidateQueries({ queryKey: [...MEETINGS_KEY, "one"] }),
  });
}

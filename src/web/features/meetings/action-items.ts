import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionStatus } from "../../../domain/meetings/meeting-rules.js";
import { api } from "../../api/client.js";
import type { ActionItem, ActionItemPage, CreateActionItemBody, UpdateActionItemInput } from "./meeting-types.js";
import { MEETINGS_KEY } from "./meetings.js";

export const ACTION_ITEMS_KEY = ["action-items"] as const;

export type ActionItemFilters = { ownerId?: string; overdue?: boolean; status?: ActionStatus[] };

/** Action items, soonest due first, in pages. */
export function useActionItems(filters: ActionItemFilters) {
  return useInfiniteQuery({
    queryKey: [...ACTION_ITEMS_KEY, "list", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<ActionItemPage>("/action-items", { ...filters, limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useRefreshAfterActionWrite() {
  const queryClient = useQueryClient();
  return (item?: ActionItem) => {
    void queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY });
    if (item?.meetingId) void queryClient.invalidateQueries({ queryKey: [...MEETINGS_KEY, "one", item.meetingId] });
  };
}

export function useCreateActionItem() {
  const refresh = useRefreshAfterActionWrite();
  return useMutation({
    mutationFn: (body: CreateActionItemBody) => api.post<ActionItem>("/action-items", body),
    onSuccess: refresh,
  });
}

export function useUpdateActionItem() {
  const refresh = useRefreshAfterActionWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateActionItemInput & { id: string }) =>
      api.patch<ActionItem>(`/action-items/${id}`, body),
    onSuccess: refresh,
    // On a stale version, show what is there now.
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY });
      void queryClient.invalidateQueries({ queryKey: [...MEETINGS_KEY, "one"] });
    },
  });
}

import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.js";
import type { Category, ItemList, ResourceRole } from "../../api/types.js";

/** Reference data changes rarely: cache it for the session. */
const REFERENCE_STALE_MS = 10 * 60_000;

export function useCategories() {
  return useQuery({
    queryKey: ["categories"],
    queryFn: ({ signal }) => api.get<ItemList<Category>>("/categories", undefined, signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useResourceRoles() {
  return useQuery({
    queryKey: ["resource-roles"],
    queryFn: ({ signal }) => api.get<ItemList<ResourceRole>>("/resource-roles", undefined, signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

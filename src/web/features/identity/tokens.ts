import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.js";
import type { ApiToken, CreatedToken, ItemList } from "../../api/types.js";

const TOKENS_KEY = ["tokens"] as const;

export function useTokens(all: boolean) {
  return useQuery({
    queryKey: [...TOKENS_KEY, { all }],
    queryFn: ({ signal }) => api.get<ItemList<ApiToken>>("/tokens", all ? { all: true } : undefined, signal),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays: number | null }) => api.post<CreatedToken>("/tokens", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/tokens/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

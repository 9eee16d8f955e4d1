import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.js";
import type { CreatedUser, CreateUserBody, ItemList, User } from "../../api/types.js";

const USERS_KEY = ["users"] as const;

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => api.get<ItemList<User>>("/users", undefined, signal),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<CreatedUser>("/users", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export type UpdateUserBody = { version: number; name?: string; role?: User["role"]; disabled?: boolean };

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: string }) => api.patch<User>(`/users/${id}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Select options for people (sponsor, manager, actor pickers); disabled accounts are left out. */
export function toUserOptions(users: readonly User[] | undefined): { value: string; label: string }[] {
  return (users ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name || u.email }));
}

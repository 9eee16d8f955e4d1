import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import type { Capability as DomainCapability } from "../../../domain/identity/permissions.js";
import { isApiError } from "../../api/api-error.js";
import { api, setCsrfToken } from "../../api/client.js";
import { ME_QUERY_KEY } from "../../api/query-client.js";
import type { Me } from "../../api/types.js";

/** The signed-in person, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>("/me");
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.isUnauthenticated) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in `Me`; only for components rendered inside the auth gate. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useSignedInMe used outside the signed-in area");
  return data;
}

/** True when the signed-in role holds the capability on at least some records. */
export function hasCapability(me: Me | null | undefined, capability: DomainCapability): boolean {
  return Boolean(me?.capabilities[capability]);
}

export function useCan(capability: DomainCapability): boolean {
  const { data } = useMe();
  return hasCapability(data, capability);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Me>("/auth/sign-in", body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Data cached for another session must not leak into this one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

/** Signs out and goes to the sign-in page (from the hook, since the menu that asked unmounts). */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>("/auth/sign-out"),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(ME_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      return navigate("/sign-in", { replace: true });
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>("/me/password", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ organizationId: string; projects: number }>("/demo"),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

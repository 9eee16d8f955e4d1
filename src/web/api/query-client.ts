import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-error.js";

export const ME_QUERY_KEY = ["me"] as const;

/**
 * One QueryClient for the app. A 401 from any call means the session ended: the cached `Me` is
 * cleared, and the auth gate sends the person to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.isUnauthenticated) client.setQueryData(ME_QUERY_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status > 0 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return client;
}

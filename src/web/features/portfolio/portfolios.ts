import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.js";
import type { CreatePortfolioBody, CreateProgramBody, CursorPage, Portfolio, Program } from "../../api/types.js";
import type { ArchivedFilter } from "./projects.js";

const PORTFOLIOS_KEY = ["portfolios"] as const;
const PROGRAMS_KEY = ["programs"] as const;

export function usePortfolios(archived: ArchivedFilter = "exclude") {
  return useQuery({
    queryKey: [...PORTFOLIOS_KEY, "list", archived],
    queryFn: ({ signal }) => api.get<CursorPage<Portfolio>>("/portfolios", { archived, limit: 500 }, signal),
  });
}

export function usePortfolio(id: string) {
  return useQuery({
    queryKey: [...PORTFOLIOS_KEY, id],
    queryFn: ({ signal }) => api.get<Portfolio>(`/portfolios/${id}`, undefined, signal),
  });
}

export type PortfolioFields = { name: string; description: string; ownerId: string | null };

export function useSavePortfolio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...fields }: PortfolioFields & { id?: string; version?: number }) =>
      id
        ? api.patch<Portfolio>(`/portfolios/${id}`, { version, ...fields })
        : api.post<Portfolio>("/portfolios", fields satisfies CreatePortfolioBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PORTFOLIOS_KEY }),
  });
}

export function useArchivePortfolio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      api.post<Portfolio>(`/portfolios/${id}/archive`, { version, archived }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PORTFOLIOS_KEY }),
  });
}

export function usePrograms(portfolioId: string | null | undefined, archived: ArchivedFilter = "exclude") {
  return useQuery({
    queryKey: [...PROGRAMS_KEY, "list", portfolioId ?? null, archived],
    queryFn: ({ signal }) =>
      api.get<CursorPage<Program>>(
        "/programs",
        { portfolioId: portfolioId ?? undefined, archived, limit: 500 },
        signal,
      ),
  });
}

export type ProgramFields = { portfolioId: string; name: string; description: string; managerId: string | null };

export function useSaveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...fields }: ProgramFields & { id?: string; version?: number }) =>
      id
        ? api.patch<Program>(`/programs/${id}`, { version, ...fields })
        : api.post<Program>("/programs", fields satisfies CreateProgramBody),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PORTFOLIOS_KEY });
      return queryClient.invalidateQueries({ queryKey: PROGRAMS_KEY });
    },
  });
}

export function useArchiveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      api.post<Program>(`/programs/${id}/archive`, { version, archived }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PROGRAMS_KEY }),
  });
}

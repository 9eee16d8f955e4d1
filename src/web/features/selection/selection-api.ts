/**
 * TanStack Query hooks for portfolio selection. Every key starts with "selection", so a write that
 * may change scenarios, runs or comparisons refreshes the module at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl, request } from "../../api/client.js";
import { DECISIONS_KEY } from "../meetings/decisions.js";
import type {
  CommitResult,
  CommitScenarioBody,
  Comparison,
  CreateScenarioBody,
  Run,
  RunList,
  Scenario,
  ScenarioList,
  StartRunBody,
  UpdateScenarioBody,
} from "./types.js";

export const SELECTION_KEY = ["selection"] as const;
const scenarioKey = (id: string) => [...SELECTION_KEY, "scenarios", id] as const;

/** How often a running solve is polled. */
export const RUN_POLL_MS = 500;

function useRefreshSelection() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SELECTION_KEY });
}

export function useScenarios(portfolioId?: string) {
  return useQuery({
    queryKey: [...SELECTION_KEY, "scenarios", "list", portfolioId ?? null],
    queryFn: ({ signal }) => api.get<ScenarioList>("/scenarios", { portfolioId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useScenario(id: string) {
  return useQuery({
    queryKey: scenarioKey(id),
    queryFn: ({ signal }) => api.get<Scenario>(`/scenarios/${id}`, undefined, signal),
    enabled: id !== "",
  });
}

export function useCreateScenario() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSelection();
  return useMutation({
    mutationFn: (body: CreateScenarioBody) => api.post<Scenario>("/scenarios", body),
    onSuccess: (scenario) => {
      queryClient.setQueryData(scenarioKey(scenario.id), scenario);
      return refresh();
    },
  });
}

export function useUpdateScenario(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateScenarioBody) => api.patch<Scenario>(`/scenarios/${id}`, body),
    onSuccess: (scenario) => {
      queryClient.setQueryData(scenarioKey(id), scenario);
      // The list, the runs (now stale) and comparisons; not this scenario, which is fresh.
      return queryClient.invalidateQueries({
        queryKey: SELECTION_KEY,
        predicate: (q) => !(q.queryKey[1] === "scenarios" && q.queryKey[2] === id),
      });
    },
  });
}

export function useDeleteScenario() {
  const refresh = useRefreshSelection();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      request<void>("DELETE", `/scenarios/${id}`, { query: { version } }),
    onSuccess: () => refresh(),
  });
}

export function useCopyScenario(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshSelection();
  return useMutation({
    mutationFn: (body: { name: string }) => api.post<Scenario>(`/scenarios/${id}/copy`, body),
    onSuccess: (scenario) => {
      queryClient.setQueryData(scenarioKey(scenario.id), scenario);
      return refresh();
    },
  });
}

/** The CPLEX-LP file of the scenario's model, as a download link target. */
export function modelDownloadUrl(id: string): string {
  return apiUrl(`/scenarios/${id}/model.lp`);
}

export function useRuns(scenarioId: string) {
  return useQuery({
    queryKey: [...SELECTION_KEY, "scenarios", scenarioId, "runs"],
    queryFn: ({ signal }) => api.get<RunList>(`/scenarios/${scenarioId}/runs`, undefined, signal),
  });
}

/** One run; polled every RUN_POLL_MS while it is running. */
export function useRun(runId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...SELECTION_KEY, "runs", runId],
    queryFn: async ({ signal }) => {
      const run = await api.get<Run>(`/selection-runs/${runId}`, undefined, signal);
      if (run.status !== "running") {
        // Finished: the scenario's latest-run summary and the runs list now say so too.
        void queryClient.invalidateQueries({ queryKey: [...SELECTION_KEY, "scenarios"] });
      }
      return run;
    },
    enabled: runId !== null,
    // A finished run never changes (only its staleness, which the scenario reports).
    staleTime: (query) => (query.state.data?.status === "running" ? 0 : 60_000),
    refetchInterval: (query) => (query.state.data?.status === "running" ? RUN_POLL_MS : false),
  });
}

export function useStartRun(scenarioId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartRunBody = {}) => api.post<Run>(`/scenarios/${scenarioId}/runs`, body),
    onSuccess: (run) => {
      queryClient.setQueryData([...SELECTION_KEY, "runs", run.id], run);
      return queryClient.invalidateQueries({ queryKey: [...SELECTION_KEY, "scenarios"] });
    },
  });
}

export function useCancelRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => api.post<Run>(`/selection-runs/${runId}/cancel`),
    onSuccess: (run) => {
      queryClient.setQueryData([...SELECTION_KEY, "runs", run.id], run);
      return queryClient.invalidateQueries({ queryKey: [...SELECTION_KEY, "scenarios"] });
    },
  });
}

export function useCommitScenario(scenarioId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshSelection();
  return useMutation({
    mutationFn: (body: CommitScenarioBody) => api.post<CommitResult>(`/scenarios/${scenarioId}/commit`, body),
    onSuccess: (result) => {
      queryClient.setQueryData(scenarioKey(scenarioId), result.scenario);
      // Approved projects changed status; the decision log has a new entry.
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      void queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
      return refresh();
    },
  });
}

export function useComparison(ids: readonly string[]) {
  return useQuery({
    queryKey: [...SELECTION_KEY, "comparison", ids.join(",")],
    queryFn: ({ signal }) => api.get<Comparison>("/scenario-comparison", { ids }, signal),
    enabled: ids.length >= 2 && ids.length <= 4,
  });
}

/**
 * TanStack Query hooks for the strategy module. Every key starts with "strategy", so a write that
 * may move scores, ranks or counts refreshes the whole module at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, request } from "../../api/client.js";
import type { ItemList, ProjectPage } from "../../api/types.js";
import type {
  AhpSession,
  CheckIn,
  CreateCriterionBody,
  CreateGoalBody,
  CreateObjectiveBody,
  CreatePrioritizationBody,
  Criterion,
  Goal,
  GoalLevel,
  GoalStatus,
  Objective,
  ProjectStrategy,
  Ranking,
  ScoringModel,
  Sensitivity,
  StrategySpend,
  UpdateCriterionBody,
  UpdateGoalBody,
  UpdateObjectiveBody,
} from "./types.js";

const S = "/strategy";
export const STRATEGY_KEY = ["strategy"] as const;

function useRefreshStrategy() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: STRATEGY_KEY });
}

// ---------- objectives ----------

export function useObjectives() {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "objectives"],
    queryFn: ({ signal }) => api.get<ItemList<Objective>>(`${S}/objectives`, undefined, signal),
  });
}

export function useSaveObjective() {
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateObjectiveBody | UpdateObjectiveBody }) =>
      id ? api.patch<Objective>(`${S}/objectives/${id}`, body) : api.post<Objective>(`${S}/objectives`, body),
    onSuccess: () => refresh(),
  });
}

// ---------- goals ----------

export type GoalFilters = { level?: GoalLevel; objectiveId?: string; projectId?: string; status?: GoalStatus };

export function useGoals(filters: GoalFilters = {}) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "goals", "list", filters],
    queryFn: ({ signal }) => api.get<ItemList<Goal>>(`${S}/goals`, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useGoal(id: string) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "goals", id],
    queryFn: ({ signal }) => api.get<Goal>(`${S}/goals/${id}`, undefined, signal),
    enabled: id !== "",
  });
}

export function useSaveGoal() {
  const queryClient = useQueryClient();
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateGoalBody | UpdateGoalBody }) =>
      id ? api.patch<Goal>(`${S}/goals/${id}`, body) : api.post<Goal>(`${S}/goals`, body),
    onSuccess: (goal) => {
      queryClient.setQueryData([...STRATEGY_KEY, "goals", goal.id], goal);
      return refresh();
    },
  });
}

export function useCheckIns(goalId: string) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "goals", goalId, "check-ins"],
    queryFn: ({ signal }) => api.get<ItemList<CheckIn>>(`${S}/goals/${goalId}/check-ins`, undefined, signal),
  });
}

export function useRecordCheckIn(goalId: string) {
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: (body: { date: string; value: number; note: string }) =>
      api.post<CheckIn>(`${S}/goals/${goalId}/check-ins`, body),
    onSuccess: () => refresh(),
  });
}

// ---------- criteria ----------

export function useCriteria() {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "criteria"],
    queryFn: ({ signal }) => api.get<ItemList<Criterion>>(`${S}/criteria`, undefined, signal),
  });
}

export function useSaveCriterion() {
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateCriterionBody | UpdateCriterionBody }) =>
      id ? api.patch<Criterion>(`${S}/criteria/${id}`, body) : api.post<Criterion>(`${S}/criteria`, body),
    onSuccess: () => refresh(),
  });
}

// ---------- prioritizations (AHP sessions) ----------

export function usePrioritizations() {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "prioritizations", "list"],
    queryFn: ({ signal }) => api.get<ItemList<AhpSession>>(`${S}/prioritizations`, undefined, signal),
  });
}

export function usePrioritization(id: string) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "prioritizations", id],
    queryFn: ({ signal }) => api.get<AhpSession>(`${S}/prioritizations/${id}`, undefined, signal),
  });
}

export function useCreatePrioritization() {
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: (body: CreatePrioritizationBody) => api.post<AhpSession>(`${S}/prioritizations`, body),
    onSuccess: () => refresh(),
  });
}

export type JudgmentBody = { a: string; b: string; value: number };

export function useSaveJudgments(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: (body: { judgments: JudgmentBody[]; submit: boolean }) =>
      request<AhpSession>("PUT", `${S}/prioritizations/${id}/judgments`, { json: body }),
    onSuccess: (session) => {
      queryClient.setQueryData([...STRATEGY_KEY, "prioritizations", id], session);
      return refresh();
    },
  });
}

export function useClosePrioritization(id: string) {
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: () => api.post<AhpSession>(`${S}/prioritizations/${id}/close`),
    onSuccess: () => refresh(),
  });
}

// ---------- scoring models, ranking, sensitivity, spend ----------

export function useScoringModels() {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "scoring-models"],
    queryFn: ({ signal }) => api.get<ItemList<ScoringModel>>(`${S}/scoring-models`, undefined, signal),
  });
}

export function usePublishModel() {
  const refresh = useRefreshStrategy();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sessionIds: string[]; note: string }) => api.post<ScoringModel>(`${S}/scoring-models`, body),
    onSuccess: () => {
      // Publishing re-scores every project: their strategy tabs are stale too.
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      return refresh();
    },
  });
}

export function useRanking(modelId: string | null) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "ranking", modelId],
    queryFn: ({ signal }) => api.get<Ranking>(`${S}/ranking`, { modelId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSensitivity(delta: number, enabled = true) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "sensitivity", delta],
    queryFn: ({ signal }) => api.get<Sensitivity>(`${S}/ranking/sensitivity`, { delta }, signal),
    enabled,
  });
}

export function useStrategySpend() {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "spend"],
    queryFn: ({ signal }) => api.get<StrategySpend>(`${S}/spend`, undefined, signal),
  });
}

// ---------- a project's strategy ----------

export function useProjectStrategy(projectId: string) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "project", projectId],
    queryFn: ({ signal }) => api.get<ProjectStrategy>(`/projects/${projectId}/strategy`, undefined, signal),
  });
}

export function useSaveProjectScores(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: (scores: { criterionId: string; value: number; rationale: string }[]) =>
      request<ProjectStrategy>("PUT", `/projects/${projectId}/scores`, { json: { scores } }),
    onSuccess: (strategy) => {
      queryClient.setQueryData([...STRATEGY_KEY, "project", projectId], strategy);
      return refresh();
    },
  });
}

export function useSaveObjectiveLinks(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshStrategy();
  return useMutation({
    mutationFn: (links: { objectiveId: string; strength: number }[]) =>
      request<ProjectStrategy>("PUT", `/projects/${projectId}/objective-links`, { json: { links } }),
    onSuccess: (strategy) => {
      queryClient.setQueryData([...STRATEGY_KEY, "project", projectId], strategy);
      return refresh();
    },
  });
}

/** Projects matching a search, for pickers (the first 20 by code). */
export function useProjectSearch(q: string) {
  return useQuery({
    queryKey: ["projects", "search", q],
    queryFn: ({ signal }) => api.get<ProjectPage>("/projects", { q, limit: 20, sort: "code" }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The most projects whose objective links the strategy map reads one by one. */
export const MAX_PROJECTS_FOR_LINKS = 200;

export type ObjectiveProjectLink = { projectId: string; code: string; name: string; strength: number };
export type ObjectiveLinksIndex = { byObjective: Map<string, ObjectiveProjectLink[]>; truncated: boolean };

/**
 * Which projects serve which objective. The API has no such list, so this reads each project's
 * strategy (at most MAX_PROJECTS_FOR_LINKS, six at a time) — only when someone opens an objective.
 */
export function useObjectiveLinksIndex(enabled: boolean) {
  return useQuery({
    queryKey: [...STRATEGY_KEY, "objective-links-index"],
    enabled,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<ObjectiveLinksIndex> => {
      const page = await api.get<ProjectPage>("/projects", { limit: MAX_PROJECTS_FOR_LINKS, sort: "code" }, signal);
      const byObjective = new Map<string, ObjectiveProjectLink[]>();
      const queue = [...page.items];
      const worker = async () => {
        for (let p = queue.shift(); p; p = queue.shift()) {
          const project = p;
          const strategy = await api.get<ProjectStrategy>(`/projects/${project.id}/strategy`, undefined, signal);
          for (const link of strategy.links) {
            const list = byObjective.get(link.objectiveId) ?? [];
            list.push({ projectId: project.id, code: project.code, name: project.name, strength: link.strength });
            byObjective.set(link.objectiveId, list);
          }
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      return { byObjective, truncated: page.nextCursor !== null };
    },
  });
}

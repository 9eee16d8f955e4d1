/**
 * TanStack Query hooks for benefits realization. Every key starts with "benefits": a measurement
 * changes tracking, recommendations, the map, roll-ups and reviews at once, so every write
 * refreshes the whole module.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type QueryParams, request } from "../../api/client.js";
import type {
  Appraisal,
  AssessResult,
  Benefit,
  BenefitCategory,
  BenefitMap,
  BenefitPage,
  BusinessCase,
  CorrectiveAction,
  CreateActionBody,
  CreateBenefitBody,
  CreateChangeBody,
  CreateMeasurementBody,
  CreateRiskBody,
  HandoverBody,
  Measurement,
  MeasurementImportReport,
  Pir,
  PirSummary,
  PutBusinessCaseBody,
  Recommendation,
  Risk,
  Rollup,
  RollupBy,
  Tracking,
  UpdateActionBody,
  UpdateBenefitBody,
  UpdateChangeBody,
  UpdateMeasurementBody,
  UpdatePirBody,
  UpdateRiskBody,
} from "./types.js";

export const BENEFITS_KEY = ["benefits"] as const;

function useRefreshBenefits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: BENEFITS_KEY });
}

/** A mutation whose success refreshes every benefits query. */
function useBenefitsMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const refresh = useRefreshBenefits();
  return useMutation({ mutationFn: fn, onSuccess: () => refresh() });
}

// ---------- register ----------

export type BenefitFilters = {
  q?: string;
  status?: string[];
  trackingStatus?: string[];
  type?: string[];
  category?: string;
  ownerId?: string;
  projectId?: string;
  objectiveId?: string;
  portfolioId?: string;
};

export function useBenefitList(filters: BenefitFilters) {
  return useInfiniteQuery({
    queryKey: [...BENEFITS_KEY, "list", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<BenefitPage>("/benefits", { ...(filters as QueryParams), limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every benefit (up to 500), for pickers. */
export function useAllBenefits(enabled = true) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "all"],
    queryFn: ({ signal }) => api.get<BenefitPage>("/benefits", { limit: 500 }, signal),
    enabled,
  });
}

export function useBenefitCategories() {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "categories"],
    queryFn: ({ signal }) => api.get<{ items: BenefitCategory[] }>("/benefit-categories", undefined, signal),
    staleTime: 300_000,
  });
}

export function useBenefit(id: string) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "benefit", id],
    queryFn: ({ signal }) => api.get<Benefit>(`/benefits/${id}`, undefined, signal),
    enabled: id !== "",
  });
}

export function useTracking(id: string) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "benefit", id, "tracking"],
    queryFn: ({ signal }) => api.get<Tracking>(`/benefits/${id}/tracking`, undefined, signal),
    enabled: id !== "",
  });
}

export function useSaveBenefit() {
  const queryClient = useQueryClient();
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: (input: { id?: string; body: CreateBenefitBody | UpdateBenefitBody }) =>
      input.id ? api.patch<Benefit>(`/benefits/${input.id}`, input.body) : api.post<Benefit>("/benefits", input.body),
    onSuccess: (benefit) => {
      queryClient.setQueryData([...BENEFITS_KEY, "benefit", benefit.id], benefit);
      return refresh();
    },
  });
}

export function useArchiveBenefit(id: string) {
  return useBenefitsMutation((body: { version: number; archived: boolean }) =>
    api.post<Benefit>(`/benefits/${id}/archive`, body),
  );
}

/** The live DOAM check and profile preview of a draft (POST /benefits/assess). */
export function useAssessment(draft: Record<string, unknown> | null) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "assess", draft],
    queryFn: ({ signal }) => request<AssessResult>("POST", "/benefits/assess", { json: draft, signal }),
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function useHandOver(id: string) {
  return useBenefitsMutation((body: HandoverBody) => api.post<Benefit>(`/benefits/${id}/handover`, body));
}

// ---------- measurements ----------

export function useMeasurements(benefitId: string) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "benefit", benefitId, "measurements"],
    queryFn: ({ signal }) =>
      api.get<{ items: Measurement[] }>(`/benefits/${benefitId}/measurements`, undefined, signal),
  });
}

export function useRecordMeasurement(benefitId: string) {
  return useBenefitsMutation((body: CreateMeasurementBody) =>
    api.post<Measurement>(`/benefits/${benefitId}/measurements`, body),
  );
}

export function useUpdateMeasurement() {
  return useBenefitsMutation(({ id, ...body }: UpdateMeasurementBody & { id: string }) =>
    api.patch<Measurement>(`/benefit-measurements/${id}`, body),
  );
}

export function useDeleteMeasurement() {
  return useBenefitsMutation(({ id, version }: { id: string; version: number }) =>
    request<void>("DELETE", `/benefit-measurements/${id}`, { query: { version } }),
  );
}

export function useImportMeasurements() {
  return useBenefitsMutation(
    (input: { file: File; contentType: string; dryRun: boolean; onDuplicate: "reject" | "update" }) =>
      api.upload<MeasurementImportReport>("/benefit-measurements/import", input.file, input.contentType, {
        dryRun: input.dryRun,
        onDuplicate: input.onDuplicate,
      }),
  );
}

// ---------- risks ----------

export function useRisks(benefitId: string) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "benefit", benefitId, "risks"],
    queryFn: ({ signal }) => api.get<{ items: Risk[] }>(`/benefits/${benefitId}/risks`, undefined, signal),
  });
}

export function useSaveRisk(benefitId: string) {
  return useBenefitsMutation((input: { id?: string; body: CreateRiskBody | UpdateRiskBody }) =>
    input.id
      ? api.patch<Risk>(`/benefit-risks/${input.id}`, input.body)
      : api.post<Risk>(`/benefits/${benefitId}/risks`, input.body),
  );
}

// ---------- recommendations and corrective actions ----------

export function useRecommendations(query: { severity?: string[]; benefitId?: string; portfolioId?: string } = {}) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "recommendations", query],
    queryFn: ({ signal }) =>
      api.get<{ items: Recommendation[] }>("/benefit-recommendations", query as QueryParams, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCorrectiveActions(query: { status?: string[]; benefitId?: string; ownerId?: string } = {}) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "actions", query],
    queryFn: ({ signal }) =>
      api.get<{ items: CorrectiveAction[] }>("/corrective-actions", query as QueryParams, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateAction() {
  return useBenefitsMutation((body: CreateActionBody) => api.post<CorrectiveAction>("/corrective-actions", body));
}

export function useUpdateAction() {
  return useBenefitsMutation(({ id, ...body }: UpdateActionBody & { id: string }) =>
    api.patch<CorrectiveAction>(`/corrective-actions/${id}`, body),
  );
}

// ---------- post-implementation reviews ----------

export function useReviews(query: { status?: string[]; projectId?: string } = {}) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "reviews", "list", query],
    queryFn: ({ signal }) => api.get<{ items: PirSummary[] }>("/pirs", query as QueryParams, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "reviews", id],
    queryFn: ({ signal }) => api.get<Pir>(`/pirs/${id}`, undefined, signal),
  });
}

export function useUpdateReview(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: (body: UpdatePirBody) => api.patch<Pir>(`/pirs/${id}`, body),
    onSuccess: (pir) => {
      queryClient.setQueryData([...BENEFITS_KEY, "reviews", id], pir);
      return refresh();
    },
  });
}

export function useSignOffReview(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: (version: number) => api.post<Pir>(`/pirs/${id}/sign-off`, { version }),
    onSuccess: (pir) => {
      queryClient.setQueryData([...BENEFITS_KEY, "reviews", id], pir);
      return refresh();
    },
  });
}

// ---------- dependency network ----------

export function useBenefitMap(query: { objectiveId?: string; portfolioId?: string; benefitId?: string }) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "map", query],
    queryFn: ({ signal }) => api.get<BenefitMap>("/benefit-map", query as QueryParams, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveChange() {
  return useBenefitsMutation((input: { id?: string; body: CreateChangeBody | UpdateChangeBody }) =>
    input.id
      ? api.patch<{ id: string }>(`/benefit-map/changes/${input.id}`, input.body)
      : api.post<{ id: string }>("/benefit-map/changes", input.body),
  );
}

export function useDeleteChange() {
  return useBenefitsMutation((id: string) => api.delete(`/benefit-map/changes/${id}`));
}

// ---------- business case and roll-up ----------

export function useBusinessCase(projectId: string) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "business-case", projectId],
    queryFn: ({ signal }) => api.get<BusinessCase>(`/projects/${projectId}/business-case`, undefined, signal),
  });
}

export function useSaveBusinessCase(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: (body: PutBusinessCaseBody) =>
      request<BusinessCase>("PUT", `/projects/${projectId}/business-case`, { json: body }),
    onSuccess: (bc) => {
      queryClient.setQueryData([...BENEFITS_KEY, "business-case", projectId], bc);
      return refresh();
    },
  });
}

export function useRollup(by: RollupBy, portfolioId?: string) {
  return useQuery({
    queryKey: [...BENEFITS_KEY, "rollup", by, portfolioId ?? null],
    queryFn: ({ signal }) => api.get<Rollup>("/benefits-rollup", { by, portfolioId }, signal),
    placeholderData: keepPreviousData,
  });
}

// ---------- reference data from other modules ----------

/** Projects (first 500 by code, archived left out) for pickers of enabling projects. */
export function useProjectOptions() {
  return useQuery({
    queryKey: ["projects", "options"],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; code: string; name: string; status: string }[]; nextCursor: string | null }>(
        "/projects",
        { limit: 500, sort: "code" },
        signal,
      ),
    staleTime: 60_000,
  });
}

export type AppraiseBody = { rate: number; cashflows: number[]; financeRate?: number; reinvestRate?: number };
export type AppraiseResult = Appraisal;

/** The pure calculator (POST /finance/appraise), for a live appraisal of flows not saved yet. */
export function useAppraise(body: AppraiseBody | null) {
  return useQuery({
    queryKey: ["finance", "appraise", body],
    queryFn: ({ signal }) => request<AppraiseResult>("POST", "/finance/appraise", { json: body, signal }),
    enabled: body !== null && body.cashflows.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

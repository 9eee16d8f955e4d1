import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProjectStatus } from "../../../domain/portfolio/project-rules.js";
import { api, apiUrl, type QueryParams } from "../../api/client.js";
import type {
  CreateProjectBody,
  ImportReport,
  Project,
  ProjectPage,
  ProjectSortField,
  UpdateProjectInput,
} from "../../api/types.js";

export type ArchivedFilter = "exclude" | "include" | "only";

export type ProjectFilters = {
  q?: string;
  status?: ProjectStatus[];
  category?: string[];
  portfolioId?: string;
  programId?: string;
  managerId?: string;
  archived?: ArchivedFilter;
  sort?: ProjectSortField;
  order?: "asc" | "desc";
};

const PROJECTS_KEY = ["projects"] as const;

function toQuery(filters: ProjectFilters): QueryParams {
  return { ...filters };
}

export function useProjectList(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: [...PROJECTS_KEY, "list", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<ProjectPage>("/projects", { ...toQuery(filters), limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function exportProjectsUrl(filters: ProjectFilters, format: "csv" | "xlsx"): string {
  return apiUrl("/projects/export", { ...toQuery(filters), format });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, id],
    queryFn: ({ signal }) => api.get<Project>(`/projects/${id}`, undefined, signal),
  });
}

function useInvalidateAfterProjectWrite() {
  const queryClient = useQueryClient();
  return (project?: Project) => {
    if (project) queryClient.setQueryData([...PROJECTS_KEY, project.id], project);
    void queryClient.invalidateQueries({ queryKey: [...PROJECTS_KEY, "list"] });
    void queryClient.invalidateQueries({ queryKey: ["portfolios"] });
    void queryClient.invalidateQueries({ queryKey: ["programs"] });
    void queryClient.invalidateQueries({ queryKey: ["me"] });
    if (project) void queryClient.invalidateQueries({ queryKey: [...PROJECTS_KEY, project.id, "history"] });
  };
}

export function useCreateProject() {
  const refresh = useInvalidateAfterProjectWrite();
  return useMutation({
    mutationFn: (body: CreateProjectBody) => api.post<Project>("/projects", body),
    onSuccess: (project) => refresh(project),
  });
}

export function useUpdateProject(id: string) {
  const refresh = useInvalidateAfterProjectWrite();
  return useMutation({
    mutationFn: (body: UpdateProjectInput) => api.patch<Project>(`/projects/${id}`, body),
    onSuccess: (project) => refresh(project),
  });
}

export function useArchiveProject(id: string) {
  const refresh = useInvalidateAfterProjectWrite();
  return useMutation({
    mutationFn: (body: { version: number; archived: boolean }) => api.post<Project>(`/projects/${id}/archive`, body),
    onSuccess: (project) => refresh(project),
  });
}

export const IMPORT_CONTENT_TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export function contentTypeForImport(file: File): string | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return IMPORT_CONTENT_TYPES.csv;
  if (name.endsWith(".xlsx")) return IMPORT_CONTENT_TYPES.xlsx;
  return undefined;
}

export function useImportProjects() {
  const refresh = useInvalidateAfterProjectWrite();
  return useMutation({
    mutationFn: ({ file, contentType, dryRun }: { file: File; contentType: string; dryRun: boolean }) =>
      api.upload<ImportReport>("/projects/import", file, contentType, { dryRun }),
    onSuccess: (report) => {
      if (!report.dryRun) refresh();
    },
  });
}

import { useNavigate, useSearchParams } from "react-router";
import { PROJECT_STATUSES } from "../../domain/portfolio/project-rules.js";
import { PageHeader } from "../components/PageHeader.js";
import { ProjectForm } from "../features/portfolio/components/ProjectForm.js";
import { emptyProjectForm, toCreateBody } from "../features/portfolio/project-form-model.js";
import { useCreateProject } from "../features/portfolio/projects.js";

export default function ProjectNewPage() {
  const [params] = useSearchParams();
  const create = useCreateProject();
  const navigate = useNavigate();
  const initial = emptyProjectForm({
    portfolioId: params.get("portfolioId"),
    programId: params.get("programId"),
  });

  return (
    <>
      <PageHeader title="New project" />
      <ProjectForm
        initial={initial}
        statusOptions={PROJECT_STATUSES}
        submitting={create.isPending}
        error={create.error}
        cancelTo="/projects"
        onSubmit={(values) => {
          const { body, problems } = toCreateBody(values);
          if (Object.keys(problems).length > 0) return problems;
          create.mutate(body, { onSuccess: (project) => void navigate(`/projects/${project.id}`) });
          return {};
        }}
      />
    </>
  );
}

import { Alert, Button, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { allowedNextStatuses } from "../../domain/portfolio/project-rules.js";
import { isApiError } from "../api/api-error.js";
import type { Project } from "../api/types.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { ProjectForm } from "../features/portfolio/components/ProjectForm.js";
import { projectToForm, toUpdateBody } from "../features/portfolio/project-form-model.js";
import { useProject, useUpdateProject } from "../features/portfolio/projects.js";

function isProject(value: unknown): value is Project {
  return typeof value === "object" && value !== null && "version" in value && "code" in value && "budget" in value;
}

export default function ProjectEditPage() {
  const { id = "" } = useParams();
  const loaded = useProject(id);
  // The version being edited: set once on load, and replaced only when the person asks to reload.
  const [base, setBase] = useState<Project | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [nothingChanged, setNothingChanged] = useState(false);
  const update = useUpdateProject(id);
  const navigate = useNavigate();

  useEffect(() => {
    if (!base && loaded.data) setBase(loaded.data);
  }, [base, loaded.data]);

  const project = base ?? loaded.data;
  if (loaded.isPending) return <PageLoader label="Loading project" />;
  if (!project) {
    return (
      <>
        <PageHeader title="Edit project" />
        <ErrorAlert error={loaded.error} title="The project could not be loaded" />
      </>
    );
  }

  const conflict = isApiError(update.error) && update.error.isConflict ? update.error : null;
  const reloadCurrent = async () => {
    const current = isProject(conflict?.current) ? conflict.current : (await loaded.refetch()).data;
    if (!current) return;
    setBase(current);
    setFormKey((k) => k + 1);
    update.reset();
  };

  const banner = conflict ? (
    <Alert color="orange" variant="light" title="Someone else changed this project" role="alert">
      <Text size="sm" mb="sm">
        Your changes were not saved because the project was changed after you opened it. Reload the current version,
        then make your changes again.
      </Text>
      <Button variant="default" onClick={() => void reloadCurrent()}>
        Reload current version
      </Button>
    </Alert>
  ) : nothingChanged ? (
    <Alert color="blue" variant="light" role="status">
      Nothing has changed yet.
    </Alert>
  ) : null;

  return (
    <>
      <PageHeader title={`Edit ${project.code}`} description={project.name} />
      <ProjectForm
        key={`${project.id}-${formKey}`}
        initial={projectToForm(project)}
        statusOptions={[project.status, ...allowedNextStatuses(project.status)]}
        submitting={update.isPending}
        error={update.error}
        cancelTo={`/projects/${project.id}`}
        banner={banner}
        onSubmit={(values) => {
          const { body, problems, changed } = toUpdateBody(values, project);
          if (Object.keys(problems).length > 0) return problems;
          setNothingChanged(changed === 0);
          if (changed === 0) return {};
          update.mutate(body, { onSuccess: (saved) => void navigate(`/projects/${saved.id}`) });
          return {};
        }}
      />
    </>
  );
}

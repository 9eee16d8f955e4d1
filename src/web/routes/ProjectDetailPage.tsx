import { Alert, Badge, Button, Tabs } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { ProjectDecisions } from "../features/meetings/components/ProjectDecisions.js";
import { BudgetTable } from "../features/portfolio/components/BudgetTable.js";
import { DemandTable } from "../features/portfolio/components/DemandTable.js";
import { DependencyLists } from "../features/portfolio/components/DependencyLists.js";
import { ProjectHistory } from "../features/portfolio/components/ProjectHistory.js";
import { ProjectOverview } from "../features/portfolio/components/ProjectOverview.js";
import { TeamList } from "../features/portfolio/components/TeamList.js";
import { useArchiveProject, useProject } from "../features/portfolio/projects.js";
import { useCategories, useResourceRoles } from "../features/portfolio/reference.js";

// The Strategy, Benefits and Business case tabs are their own chunks, loaded when opened.
const ProjectStrategyPanel = lazy(() => import("../features/strategy/components/ProjectStrategyPanel.js"));
const ProjectBenefitsPanel = lazy(() => import("../features/benefits/components/ProjectBenefitsPanel.js"));
const BusinessCasePanel = lazy(() => import("../features/benefits/components/BusinessCasePanel.js"));

const TABS = [
  { value: "overview", label: "Overview" },
  { value: "budget", label: "Budget" },
  { value: "demand", label: "Resource demand" },
  { value: "dependencies", label: "Dependencies" },
  { value: "team", label: "Team" },
  { value: "strategy", label: "Strategy" },
  { value: "benefits", label: "Benefits" },
  { value: "business-case", label: "Business case" },
  { value: "decisions", label: "Decisions" },
  { value: "history", label: "History" },
] as const;
type TabValue = (typeof TABS)[number]["value"];

export default function ProjectDetailPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: TabValue = TABS.some((t) => t.value === requested) ? (requested as TabValue) : "overview";
  const { data: project, error, isPending } = useProject(id);
  const categories = useCategories();
  const roles = useResourceRoles();
  const archive = useArchiveProject(id);
  const [confirming, setConfirming] = useState(false);

  if (isPending) return <PageLoader label="Loading project" />;
  if (!project) {
    return (
      <>
        <PageHeader title="Project" />
        <ErrorAlert error={error} title="The project could not be loaded" />
      </>
    );
  }

  const categoryName = categories.data?.items.find((c) => c.key === project.category)?.name ?? project.category;
  const roleName = (key: string) => roles.data?.items.find((r) => r.key === key)?.name ?? key;
  const isArchived = project.archivedAt !== null;

  return (
    <>
      <PageHeader
        title={`${project.code} · ${project.name}`}
        description={
          <>
            <StatusBadge status={project.status} />{" "}
            {isArchived ? (
              <Badge color="gray" variant="outline">
                Archived
              </Badge>
            ) : null}{" "}
            {project.portfolioName}
            {project.programName ? ` › ${project.programName}` : ""}
          </>
        }
        actions={
          <>
            {project.permissions.archive ? (
              <Button variant="default" onClick={() => setConfirming(true)}>
                {isArchived ? "Restore" : "Archive"}
              </Button>
            ) : null}
            {project.permissions.update ? (
              <Button component={Link} to={`/projects/${project.id}/edit`}>
                Edit
              </Button>
            ) : null}
          </>
        }
      />
      {archive.error ? <ErrorAlert error={archive.error} title="The project was not archived" /> : null}
      {isArchived ? (
        <Alert color="gray" variant="light" mb="md">
          This project is archived: it is left out of lists and totals unless you ask for archived projects.
        </Alert>
      ) : null}
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (!value || value === "overview") next.delete("tab");
              else next.set("tab", value);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List aria-label="Project sections" mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <ProjectOverview project={project} categoryName={categoryName} />
        </Tabs.Panel>
        <Tabs.Panel value="budget">
          <BudgetTable budget={project.budget} />
        </Tabs.Panel>
        <Tabs.Panel value="demand">
          <DemandTable demand={project.demand} roleName={roleName} />
        </Tabs.Panel>
        <Tabs.Panel value="dependencies">
          <DependencyLists project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamList project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="strategy">
          <Suspense fallback={<PageLoader label="Loading strategy" />}>
            <ProjectStrategyPanel projectId={project.id} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="benefits">
          <Suspense fallback={<PageLoader label="Loading benefits" />}>
            <ProjectBenefitsPanel projectId={project.id} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="business-case">
          <Suspense fallback={<PageLoader label="Loading the business case" />}>
            <BusinessCasePanel projectId={project.id} mayEdit={project.permissions.update} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="decisions">
          <ProjectDecisions projectId={project.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ProjectHistory projectId={project.id} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={confirming}
        title={isArchived ? "Restore project" : "Archive project"}
        confirmLabel={isArchived ? "Restore" : "Archive"}
        danger={!isArchived}
        loading={archive.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          archive.mutate({ version: project.version, archived: !isArchived }, { onSettled: () => setConfirming(false) })
        }
      >
        {isArchived
          ? `Restore ${project.code} to the active lists?`
          : `Archive ${project.code}? It disappears from lists and totals, and can be restored later.`}
      </ConfirmModal>
    </>
  );
}

import { Anchor, Title } from "@mantine/core";
import { Link } from "react-router";
import type { Project } from "../../../api/types.js";
import { DefinitionGrid } from "../../../components/DefinitionGrid.js";
import { formatDate, formatDateTime, humanize } from "../../../components/format.js";
import { StatusBadge } from "../../../components/StatusBadge.js";
import { useMoney } from "../../../components/use-money.js";

export function ProjectOverview({ project, categoryName }: { project: Project; categoryName: string }) {
  const money = useMoney();
  return (
    <>
      <Title order={2} size="h3" mb="sm">
        Overview
      </Title>
      <DefinitionGrid
        items={[
          { label: "Code", value: project.code },
          { label: "Name", value: project.name },
          { label: "Status", value: <StatusBadge status={project.status} /> },
          {
            label: "Portfolio",
            value: (
              <Anchor component={Link} to={`/portfolios/${project.portfolioId}`}>
                {project.portfolioName}
              </Anchor>
            ),
          },
          { label: "Program", value: project.programName ?? "—" },
          { label: "Category", value: categoryName },
          { label: "Lifecycle stage", value: humanize(project.lifecycleStage) },
          { label: "Sponsor", value: project.sponsorName ?? "—" },
          { label: "Manager", value: project.managerName ?? "—" },
          { label: "Planned start", value: formatDate(project.plannedStart) },
          { label: "Planned end", value: formatDate(project.plannedEnd) },
          { label: "Budget total", value: money.format(project.budgetTotalCents) },
          { label: "Description", value: project.description || "—", wide: true },
          { label: "Created", value: formatDateTime(project.createdAt) },
          { label: "Last updated", value: formatDateTime(project.updatedAt) },
          { label: "Archived", value: project.archivedAt ? formatDateTime(project.archivedAt) : "No" },
        ]}
      />
    </>
  );
}

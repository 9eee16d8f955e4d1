import { Button, Group, Paper, Text } from "@mantine/core";
import { Link } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { LoadMore } from "../components/LoadMore.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { useCan } from "../features/identity/session.js";
import { ProjectFiltersBar } from "../features/portfolio/components/ProjectFiltersBar.js";
import { ProjectsTable } from "../features/portfolio/components/ProjectsTable.js";
import { exportProjectsUrl, useProjectList } from "../features/portfolio/projects.js";
import { useCategories } from "../features/portfolio/reference.js";
import { useProjectFilters } from "../features/portfolio/use-project-filters.js";

export default function ProjectsPage() {
  const [filters, setFilters] = useProjectFilters();
  const list = useProjectList(filters);
  const categories = useCategories();
  const mayCreate = useCan("project.create");
  const mayImport = useCan("project.import");
  const mayExport = useCan("project.export");

  const projects = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const categoryName = (key: string) => categories.data?.items.find((c) => c.key === key)?.name ?? key;
  const { sort, order, archived, ...rest } = filters;
  const exportFilters = { ...rest, sort, order, archived };

  return (
    <>
      <PageHeader
        title="Projects"
        actions={
          <>
            {mayExport ? (
              <>
                <Button component="a" href={exportProjectsUrl(exportFilters, "csv")} download variant="default">
                  Export CSV
                </Button>
                <Button component="a" href={exportProjectsUrl(exportFilters, "xlsx")} download variant="default">
                  Export XLSX
                </Button>
              </>
            ) : null}
            {mayImport ? (
              <Button component={Link} to="/projects/import" variant="default">
                Import
              </Button>
            ) : null}
            {mayCreate ? (
              <Button component={Link} to="/projects/new">
                New project
              </Button>
            ) : null}
          </>
        }
      />
      <ProjectFiltersBar filters={filters} onChange={setFilters} />
      <Group justify="space-between" mb="xs">
        <Text size="sm" role="status" aria-live="polite">
          {total === undefined ? "\u00a0" : `${total} project${total === 1 ? "" : "s"}`}
          {total !== undefined && projects.length < total ? ` · showing ${projects.length}` : ""}
        </Text>
      </Group>
      {list.error ? <ErrorAlert error={list.error} title="Projects could not be loaded" /> : null}
      {list.isPending ? (
        <PageLoader label="Loading projects" />
      ) : projects.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No projects match these filters.</Text>
        </Paper>
      ) : (
        <ProjectsTable
          projects={projects}
          sort={sort}
          order={order}
          onSort={(s, o) => setFilters({ sort: s, order: o })}
          categoryName={categoryName}
        />
      )}
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
    </>
  );
}

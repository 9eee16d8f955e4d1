import { Anchor, Badge, Button, Group, Paper, Switch, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Program } from "../api/types.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { DefinitionGrid } from "../components/DefinitionGrid.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { useMoney } from "../components/use-money.js";
import { useCan } from "../features/identity/session.js";
import { useUsers } from "../features/identity/users.js";
import { PortfolioFormModal } from "../features/portfolio/components/PortfolioFormModal.js";
import { ProgramFormModal } from "../features/portfolio/components/ProgramFormModal.js";
import { useArchiveProgram, usePortfolio, usePrograms } from "../features/portfolio/portfolios.js";

/** One portfolio: its figures and the programs within it. */
export default function PortfolioDetailPage() {
  const { id = "" } = useParams();
  const portfolio = usePortfolio(id);
  const [showArchived, setShowArchived] = useState(false);
  const programs = usePrograms(id, showArchived ? "include" : "exclude");
  const users = useUsers();
  const mayWrite = useCan("portfolio.write");
  const mayCreateProject = useCan("project.create");
  const archive = useArchiveProgram();
  const money = useMoney();
  const [editingPortfolio, setEditingPortfolio] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Program | null>(null);
  const [archiving, setArchiving] = useState<Program | null>(null);

  if (portfolio.isPending) return <PageLoader label="Loading portfolio" />;
  const p = portfolio.data;
  if (!p) {
    return (
      <>
        <PageHeader title="Portfolio" />
        <ErrorAlert error={portfolio.error} title="The portfolio could not be loaded" />
      </>
    );
  }
  const userName = (userId: string | null) =>
    userId ? (users.data?.items.find((u) => u.id === userId)?.name ?? "—") : "—";
  const items = (programs.data?.items ?? []).filter((prog) => prog.portfolioId === id);

  return (
    <>
      <PageHeader
        title={p.name}
        description={p.archivedAt ? "Archived portfolio" : "Portfolio"}
        actions={
          <>
            <Button component={Link} to={`/projects?portfolioId=${p.id}`} variant="default">
              View projects
            </Button>
            {mayCreateProject ? (
              <Button component={Link} to={`/projects/new?portfolioId=${p.id}`} variant="default">
                New project
              </Button>
            ) : null}
            {mayWrite ? (
              <Button variant="default" onClick={() => setEditingPortfolio(true)}>
                Edit portfolio
              </Button>
            ) : null}
          </>
        }
      />
      <Paper withBorder p="md" mb="lg">
        <DefinitionGrid
          items={[
            { label: "Projects", value: p.projectCount },
            { label: "Budget", value: money.format(p.budgetTotalCents) },
            { label: "Owner", value: userName(p.ownerId) },
            { label: "Description", value: p.description || "—", wide: true },
          ]}
        />
      </Paper>

      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          Programs
        </Title>
        <Group>
          <Switch
            label="Show archived programs"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          {mayWrite ? <Button onClick={() => setCreating(true)}>New program</Button> : null}
        </Group>
      </Group>
      <ErrorAlert error={programs.error} title="Programs could not be loaded" />
      <ErrorAlert error={archive.error} title="The program was not archived" />
      {programs.isPending ? (
        <PageLoader label="Loading programs" />
      ) : items.length === 0 ? (
        <Text>This portfolio has no programs. Projects can belong to the portfolio directly.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table striped aria-label="Programs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th className="numeric">Projects</Table.Th>
                {mayWrite ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((prog) => (
                <Table.Tr key={prog.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {prog.name}
                      </Text>
                      {prog.archivedAt ? (
                        <Badge size="xs" color="gray" variant="outline">
                          Archived
                        </Badge>
                      ) : null}
                    </Group>
                    {prog.description ? (
                      <Text size="xs" lineClamp={2}>
                        {prog.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{userName(prog.managerId)}</Table.Td>
                  <Table.Td className="numeric">
                    <Anchor component={Link} to={`/projects?portfolioId=${id}&programId=${prog.id}`}>
                      {prog.projectCount}
                    </Anchor>
                  </Table.Td>
                  {mayWrite ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(prog)}
                          aria-label={`Edit ${prog.name}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color={prog.archivedAt ? undefined : "red"}
                          onClick={() => setArchiving(prog)}
                          aria-label={`${prog.archivedAt ? "Restore" : "Archive"} ${prog.name}`}
                        >
                          {prog.archivedAt ? "Restore" : "Archive"}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <PortfolioFormModal opened={editingPortfolio} portfolio={p} onClose={() => setEditingPortfolio(false)} />
      <ProgramFormModal
        opened={creating || editing !== null}
        program={editing}
        portfolioId={id}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <ConfirmModal
        opened={archiving !== null}
        title={archiving?.archivedAt ? "Restore program" : "Archive program"}
        confirmLabel={archiving?.archivedAt ? "Restore" : "Archive"}
        danger={!archiving?.archivedAt}
        loading={archive.isPending}
        onCancel={() => setArchiving(null)}
        onConfirm={() =>
          archiving &&
          archive.mutate(
            { id: archiving.id, version: archiving.version, archived: !archiving.archivedAt },
            { onSettled: () => setArchiving(null) },
          )
        }
      >
        {archiving?.archivedAt ? `Restore the program ${archiving.name}?` : `Archive the program ${archiving?.name}?`}
      </ConfirmModal>
    </>
  );
}

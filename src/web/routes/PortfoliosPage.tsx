import { Anchor, Badge, Button, Group, Paper, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { Portfolio } from "../api/types.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { useMoney } from "../components/use-money.js";
import { useCan } from "../features/identity/session.js";
import { PortfolioFormModal } from "../features/portfolio/components/PortfolioFormModal.js";
import { useArchivePortfolio, usePortfolios } from "../features/portfolio/portfolios.js";

export default function PortfoliosPage() {
  const [showArchived, setShowArchived] = useState(false);
  const portfolios = usePortfolios(showArchived ? "include" : "exclude");
  const mayWrite = useCan("portfolio.write");
  const archive = useArchivePortfolio();
  const money = useMoney();
  const [editing, setEditing] = useState<Portfolio | null>(null);
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<Portfolio | null>(null);
  const items = portfolios.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Portfolios"
        description="Portfolios group programs and projects; each shows its project count and planned budget."
        actions={mayWrite ? <Button onClick={() => setCreating(true)}>New portfolio</Button> : null}
      />
      <Group mb="md">
        <Switch
          label="Show archived"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
      </Group>
      <ErrorAlert error={portfolios.error} title="Portfolios could not be loaded" />
      <ErrorAlert error={archive.error} title="The portfolio was not archived" />
      {portfolios.isPending ? (
        <PageLoader label="Loading portfolios" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No portfolios yet.{mayWrite ? " Create one to start adding programs and projects." : ""}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped highlightOnHover aria-label="Portfolios">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th className="numeric">Projects</Table.Th>
                <Table.Th className="numeric">Budget</Table.Th>
                {mayWrite ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/portfolios/${p.id}`} fw={600}>
                        {p.name}
                      </Anchor>
                      {p.archivedAt ? (
                        <Badge size="xs" color="gray" variant="outline">
                          Archived
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {p.description || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td className="numeric">
                    <Anchor component={Link} to={`/projects?portfolioId=${p.id}`}>
                      {p.projectCount}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="numeric">{money.format(p.budgetTotalCents)}</Table.Td>
                  {mayWrite ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color={p.archivedAt ? undefined : "red"}
                          onClick={() => setArchiving(p)}
                          aria-label={`${p.archivedAt ? "Restore" : "Archive"} ${p.name}`}
                        >
                          {p.archivedAt ? "Restore" : "Archive"}
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
      <PortfolioFormModal
        opened={creating || editing !== null}
        portfolio={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <ConfirmModal
        opened={archiving !== null}
        title={archiving?.archivedAt ? "Restore portfolio" : "Archive portfolio"}
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
        {archiving?.archivedAt
          ? `Restore the portfolio ${archiving.name}?`
          : `Archive the portfolio ${archiving?.name}? It is hidden from lists and can be restored later.`}
      </ConfirmModal>
    </>
  );
}

import { Anchor, Badge, Button, Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDateTime } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { NewPrioritizationModal } from "../../features/strategy/components/NewPrioritizationModal.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { levelLabel } from "../../features/strategy/labels.js";
import { useCriteria, usePrioritizations } from "../../features/strategy/strategy-api.js";
import type { AhpSession } from "../../features/strategy/types.js";

function yourPart(s: AhpSession): string {
  if (!s.mine) return "Not invited";
  if (s.mine.submittedAt) return "Submitted";
  if (s.status !== "open") return "Not submitted";
  return s.mine.judgments.length > 0 ? "Draft saved" : "Your judgments are awaited";
}

export default function PrioritizationsPage() {
  const sessions = usePrioritizations();
  const criteria = useCriteria();
  const mayManage = useCan("ahp.manage");
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const items = sessions.data?.items ?? [];

  return (
    <>
      <StrategyNav />
      <PageHeader
        title="Prioritizations"
        description="Executives weigh the criteria by comparing them in pairs (AHP); the PMO publishes the agreed weights."
        actions={mayManage ? <Button onClick={() => setCreating(true)}>New prioritization</Button> : null}
      />
      <ErrorAlert error={sessions.error} title="Prioritizations could not be loaded" />
      {sessions.isPending ? (
        <PageLoader label="Loading prioritizations" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            No prioritizations yet.
            {mayManage ? " Define the criteria, then open a prioritization and invite the executives." : ""}
          </Text>
        </Paper>
      ) : (
        <ScrollTable label="Prioritizations" minWidth={820}>
          <Table striped highlightOnHover aria-label="Prioritizations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Business unit</Table.Th>
                <Table.Th scope="col">Criteria level</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Submitted
                </Table.Th>
                <Table.Th scope="col">Your part</Table.Th>
                <Table.Th scope="col">Opened</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => {
                const submitted = s.participants.filter((p) => p.submittedAt).length;
                const awaited = s.mine !== null && !s.mine.submittedAt && s.status === "open";
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/strategy/prioritizations/${s.id}`} fw={600}>
                        {s.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.businessUnit || "—"}</Table.Td>
                    <Table.Td>{levelLabel(s.parentCriterionId, criteria.data?.items)}</Table.Td>
                    <Table.Td>
                      <Badge color={s.status === "open" ? "green" : "gray"} variant="outline">
                        {s.status === "open" ? "Open" : "Closed"}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="numeric">
                      {submitted} of {s.participants.length}
                    </Table.Td>
                    <Table.Td>{awaited ? <strong>{yourPart(s)}</strong> : yourPart(s)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(s.createdAt)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {mayManage ? (
        <NewPrioritizationModal
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={(s) => void navigate(`/strategy/prioritizations/${s.id}`)}
        />
      ) : null}
    </>
  );
}

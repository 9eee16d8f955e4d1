import { Table, Text } from "@mantine/core";
import { consistencyThreshold } from "../../../../domain/strategy/ahp.js";
import { formatDateTime } from "../../../components/format.js";
import { formatCr } from "../labels.js";
import type { AhpSession } from "../types.js";
import { ScrollTable } from "./ScrollTable.js";

/** Who has submitted, when, and how consistent each participant's judgments are. */
export function ParticipantsTable({ session }: { session: AhpSession }) {
  const n = session.criteria.length;
  const pairs = (n * (n - 1)) / 2;
  const threshold = consistencyThreshold(n);
  return (
    <ScrollTable label="Participants" minWidth={440}>
      <Table striped aria-label="Participants">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Participant</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Submitted at</Table.Th>
            <Table.Th scope="col" className="numeric">
              CR
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {session.participants.map((p) => {
            const status = p.submittedAt
              ? "Submitted"
              : p.judgmentCount === 0
                ? "Not started"
                : `Draft: ${p.judgmentCount} of ${pairs} compared`;
            return (
              <Table.Tr key={p.userId}>
                <Table.Th scope="row" fw={400}>
                  {p.name}
                </Table.Th>
                <Table.Td>{status}</Table.Td>
                <Table.Td>{formatDateTime(p.submittedAt)}</Table.Td>
                <Table.Td className="numeric">
                  {p.consistencyRatio === null ? (
                    "—"
                  ) : (
                    <Text span size="sm">
                      {formatCr(p.consistencyRatio)} ·{" "}
                      {p.consistencyRatio <= threshold ? "consistent" : <strong>inconsistent</strong>}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

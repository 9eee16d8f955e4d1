import { Anchor, Table, Text, Title } from "@mantine/core";
import type { Project } from "../../../api/types.js";

export function TeamList({ project }: { project: Project }) {
  return (
    <>
      <Title order={2} size="h3" mb="sm">
        Team
      </Title>
      <Text size="sm" mb="sm">
        Sponsor: {project.sponsorName ?? "none"} · Manager: {project.managerName ?? "none"}
      </Text>
      {project.team.length === 0 ? (
        <Text>No team members have been added.</Text>
      ) : (
        <Table striped withTableBorder aria-label="Team members" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.team.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>
                  <Anchor href={`mailto:${m.email}`}>{m.email}</Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

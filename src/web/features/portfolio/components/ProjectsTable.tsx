import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { ProjectSortField, ProjectSummary } from "../../../api/types.js";
import { formatDate } from "../../../components/format.js";
import { SortableTh, type SortOrder } from "../../../components/SortableTh.js";
import { StatusBadge } from "../../../components/StatusBadge.js";
import { useMoney } from "../../../components/use-money.js";

type Props = {
  projects: readonly ProjectSummary[];
  sort: ProjectSortField;
  order: SortOrder;
  onSort: (sort: ProjectSortField, order: SortOrder) => void;
  categoryName: (key: string) => string;
};

export function ProjectsTable({ projects, sort, order, onSort, categoryName }: Props) {
  const money = useMoney();
  const th = { sort, order, onSort };
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Projects">
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="code" {...th}>
              Code
            </SortableTh>
            <SortableTh field="name" {...th}>
              Name
            </SortableTh>
            <SortableTh field="status" {...th}>
              Status
            </SortableTh>
            <SortableTh field="category" {...th}>
              Category
            </SortableTh>
            <Table.Th>Portfolio</Table.Th>
            <Table.Th>Manager</Table.Th>
            <SortableTh field="plannedStart" {...th}>
              Planned start
            </SortableTh>
            <SortableTh field="plannedEnd" {...th}>
              Planned end
            </SortableTh>
            <SortableTh field="budgetTotalCents" align="right" {...th}>
              Budget
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Anchor component={Link} to={`/projects/${p.id}`} fw={600}>
                  {p.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{p.name}</Text>
                  {p.archivedAt ? (
                    <Badge size="xs" color="gray" variant="outline">
                      Archived
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>{categoryName(p.category)}</Table.Td>
              <Table.Td>
                {p.portfolioName}
                {p.programName ? <Text size="xs">{p.programName}</Text> : null}
              </Table.Td>
              <Table.Td>{p.managerName ?? "—"}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(p.plannedStart)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(p.plannedEnd)}</Table.Td>
              <Table.Td className="numeric">{money.format(p.budgetTotalCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

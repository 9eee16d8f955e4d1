import { Table, Text, Title } from "@mantine/core";
import type { Project } from "../../../api/types.js";
import { formatHours, formatPeriod } from "../../../components/format.js";

/** Resource demand in hours: one row per resource role, one column per month, with totals. */
export function DemandTable({ demand, roleName }: { demand: Project["demand"]; roleName: (key: string) => string }) {
  const periods = [...new Set(demand.map((d) => d.period))].sort();
  const roles = [...new Set(demand.map((d) => d.roleKey))].sort((a, b) => roleName(a).localeCompare(roleName(b)));
  const hours = new Map(demand.map((d) => [`${d.roleKey}/${d.period}`, d.hours]));
  const cell = (role: string, period: string) => hours.get(`${role}/${period}`) ?? 0;
  const roleTotal = (role: string) => periods.reduce((s, p) => s + cell(role, p), 0);
  const periodTotal = (period: string) => roles.reduce((s, r) => s + cell(r, period), 0);
  const total = demand.reduce((s, d) => s + d.hours, 0);

  return (
    <>
      <Title order={2} size="h3" mb="sm">
        Resource demand
      </Title>
      {demand.length === 0 ? (
        <Text>No resource demand has been planned for this project.</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            Hours per resource role and month.
          </Text>
          <Table.ScrollContainer
            minWidth={Math.max(480, 160 + periods.length * 90)}
            type="native"
            tabIndex={0}
            role="region"
            aria-label="Resource demand, scrollable"
          >
            <Table striped withTableBorder withColumnBorders aria-label="Resource demand by role and month">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Role</Table.Th>
                  {periods.map((p) => (
                    <Table.Th key={p} scope="col" className="numeric">
                      {formatPeriod(p)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" className="numeric">
                    Total
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roles.map((r) => (
                  <Table.Tr key={r}>
                    <Table.Th scope="row" fw={400}>
                      {roleName(r)}
                    </Table.Th>
                    {periods.map((p) => (
                      <Table.Td key={p} className="numeric">
                        {cell(r, p) === 0 ? "" : formatHours(cell(r, p))}
                      </Table.Td>
                    ))}
                    <Table.Td className="numeric" fw={600}>
                      {formatHours(roleTotal(r))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row">Total</Table.Th>
                  {periods.map((p) => (
                    <Table.Td key={p} className="numeric">
                      {formatHours(periodTotal(p))}
                    </Table.Td>
                  ))}
                  <Table.Td className="numeric">{formatHours(total)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </>
  );
}

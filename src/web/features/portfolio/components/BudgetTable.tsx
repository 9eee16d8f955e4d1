import { Table, Text, Title } from "@mantine/core";
import type { Project } from "../../../api/types.js";
import { formatPeriod } from "../../../components/format.js";
import { useMoney } from "../../../components/use-money.js";

type Row = { period: string; capex: number; opex: number };

export function budgetRows(budget: Project["budget"]): Row[] {
  const byPeriod = new Map<string, Row>();
  for (const line of budget) {
    const row = byPeriod.get(line.period) ?? { period: line.period, capex: 0, opex: 0 };
    row[line.expenseType] += line.amountCents;
    byPeriod.set(line.period, row);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** The budget by month, capex and opex side by side, with totals. */
export function BudgetTable({ budget }: { budget: Project["budget"] }) {
  const money = useMoney();
  const rows = budgetRows(budget);
  const capex = rows.reduce((s, r) => s + r.capex, 0);
  const opex = rows.reduce((s, r) => s + r.opex, 0);
  return (
    <>
      <Title order={2} size="h3" mb="sm">
        Budget
      </Title>
      {rows.length === 0 ? (
        <Text>No budget has been planned for this project.</Text>
      ) : (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table striped withTableBorder aria-label="Budget by month" maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Month</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Capex
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Opex
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Total
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.period}>
                  <Table.Th scope="row" fw={400}>
                    {formatPeriod(r.period)}
                  </Table.Th>
                  <Table.Td className="numeric">{money.format(r.capex)}</Table.Td>
                  <Table.Td className="numeric">{money.format(r.opex)}</Table.Td>
                  <Table.Td className="numeric">{money.format(r.capex + r.opex)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th scope="row">Total</Table.Th>
                <Table.Td className="numeric">{money.format(capex)}</Table.Td>
                <Table.Td className="numeric">{money.format(opex)}</Table.Td>
                <Table.Td className="numeric">{money.format(capex + opex)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

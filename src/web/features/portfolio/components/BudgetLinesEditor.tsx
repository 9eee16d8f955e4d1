import { Button, Group, NativeSelect, Table, Text, TextInput, Title } from "@mantine/core";
import { parseMoneyToCents } from "../../../../domain/portfolio/project-rules.js";
import { addMonths } from "../../../../domain/shared/period.js";
import { formatMoney } from "../../../components/format.js";
import { type BudgetRow, type FormProblems, newRowKey } from "../project-form-model.js";

const EXPENSE_OPTIONS = [
  { value: "capex", label: "Capex" },
  { value: "opex", label: "Opex" },
];

/** Editable budget lines: month, capex/opex and an amount in currency units. */
export function BudgetLinesEditor({
  rows,
  onChange,
  problems,
  currency,
  firstPeriod,
}: {
  rows: BudgetRow[];
  onChange: (rows: BudgetRow[]) => void;
  problems: FormProblems;
  currency: string;
  firstPeriod: string;
}) {
  const update = (i: number, patch: Partial<BudgetRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const last = rows[rows.length - 1];
    const period = last?.period ? addMonths(last.period, 1) : firstPeriod;
    onChange([...rows, { key: newRowKey(), period, expenseType: last?.expenseType ?? "opex", amount: "" }]);
  };
  const total = rows.reduce((s, r) => s + (parseMoneyToCents(r.amount) ?? 0), 0);

  return (
    <section aria-labelledby="budget-lines-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="budget-lines-heading">
          Budget
        </Title>
        <Text size="sm">Total: {formatMoney(total, currency)}</Text>
      </Group>
      {problems.budget ? (
        <Text c="red.8" size="sm" role="alert" mb="xs">
          Budget: {problems.budget}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text size="sm" mb="xs">
          No budget lines yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table aria-label="Budget lines" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th>Expense type</Table.Th>
                <Table.Th>Amount ({currency})</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const n = i + 1;
                return (
                  <Table.Tr key={row.key} style={{ verticalAlign: "top" }}>
                    <Table.Td>
                      <TextInput
                        type="month"
                        aria-label={`Budget line ${n} month`}
                        placeholder="YYYY-MM"
                        value={row.period}
                        onChange={(e) => update(i, { period: e.currentTarget.value })}
                        error={problems[`budget.${i}.period`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Budget line ${n} expense type`}
                        data={EXPENSE_OPTIONS}
                        value={row.expenseType}
                        onChange={(e) => update(i, { expenseType: e.currentTarget.value as BudgetRow["expenseType"] })}
                        error={problems[`budget.${i}.expenseType`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Budget line ${n} amount`}
                        inputMode="decimal"
                        placeholder="0.00"
                        value={row.amount}
                        onChange={(e) => update(i, { amount: e.currentTarget.value })}
                        error={problems[`budget.${i}.amountCents`]}
                        styles={{ input: { textAlign: "right" } }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        aria-label={`Remove budget line ${n}`}
                        onClick={() => onChange(rows.filter((_, j) => j !== i))}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Button variant="default" onClick={add} mt="xs">
        Add budget line
      </Button>
    </section>
  );
}

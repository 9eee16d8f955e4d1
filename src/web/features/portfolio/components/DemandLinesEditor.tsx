import { Button, NativeSelect, Table, Text, TextInput, Title } from "@mantine/core";
import { addMonths } from "../../../../domain/shared/period.js";
import type { ResourceRole } from "../../../api/types.js";
import { type DemandRow, type FormProblems, newRowKey } from "../project-form-model.js";

/** Editable resource demand lines: resource role, month and hours. */
export function DemandLinesEditor({
  rows,
  onChange,
  problems,
  roles,
  firstPeriod,
}: {
  rows: DemandRow[];
  onChange: (rows: DemandRow[]) => void;
  problems: FormProblems;
  roles: readonly ResourceRole[];
  firstPeriod: string;
}) {
  const update = (i: number, patch: Partial<DemandRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const last = rows[rows.length - 1];
    const period = last?.period ? addMonths(last.period, 1) : firstPeriod;
    onChange([...rows, { key: newRowKey(), roleKey: last?.roleKey ?? roles[0]?.key ?? "", period, hours: "" }]);
  };
  const roleOptions = [
    { value: "", label: "Choose a role", disabled: true },
    ...roles.map((r) => ({ value: r.key, label: r.name })),
  ];
  // A line may name a role that has since been removed; keep it selectable so the value shows.
  const withUnknown = (key: string) =>
    key && !roles.some((r) => r.key === key) ? [...roleOptions, { value: key, label: key }] : roleOptions;

  return (
    <section aria-labelledby="demand-lines-heading">
      <Title order={2} size="h4" id="demand-lines-heading" mb="xs">
        Resource demand
      </Title>
      {problems.demand ? (
        <Text c="red.8" size="sm" role="alert" mb="xs">
          Resource demand: {problems.demand}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text size="sm" mb="xs">
          No resource demand lines yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table aria-label="Resource demand lines" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                <Table.Th>Month</Table.Th>
                <Table.Th>Hours</Table.Th>
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
                      <NativeSelect
                        aria-label={`Demand line ${n} role`}
                        data={withUnknown(row.roleKey)}
                        value={row.roleKey}
                        onChange={(e) => update(i, { roleKey: e.currentTarget.value })}
                        error={problems[`demand.${i}.roleKey`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        type="month"
                        aria-label={`Demand line ${n} month`}
                        placeholder="YYYY-MM"
                        value={row.period}
                        onChange={(e) => update(i, { period: e.currentTarget.value })}
                        error={problems[`demand.${i}.period`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Demand line ${n} hours`}
                        inputMode="decimal"
                        placeholder="0"
                        value={row.hours}
                        onChange={(e) => update(i, { hours: e.currentTarget.value })}
                        error={problems[`demand.${i}.hours`]}
                        styles={{ input: { textAlign: "right" } }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        aria-label={`Remove demand line ${n}`}
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
        Add demand line
      </Button>
    </section>
  );
}

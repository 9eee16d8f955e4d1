import { Button, Table, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { formatPeriod } from "../../../components/format.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { fillAllMonths } from "../scenario-form-model.js";

export type LimitColumn = {
  key: string;
  /** Column header, e.g. "Budget (EUR)". */
  label: string;
  /** Lower-case noun for input names: "budget" → "Budget in Jan 2027". */
  noun: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  problem: (monthIndex: number) => string | undefined;
  inputMode: "decimal" | "numeric";
};

/**
 * A month × column table of limits typed as text (an empty cell is no limit that month), with a
 * "Fill all months" button per column that copies its first value down.
 */
export function MonthlyLimitsTable({
  label,
  months,
  columns,
  readOnly,
  footer,
}: {
  label: string;
  months: readonly string[];
  columns: readonly LimitColumn[];
  readOnly: boolean;
  /** Extra rows below the months (totals). */
  footer?: ReactNode;
}) {
  const setCell = (column: LimitColumn, i: number, value: string) =>
    column.onChange(months.map((_, j) => (j === i ? value : (column.values[j] ?? ""))));
  return (
    <ScrollTable label={label} minWidth={160 + columns.length * 190}>
      <Table aria-label={label} verticalSpacing={4} withRowBorders={false} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Month</Table.Th>
            {columns.map((c) => (
              <Table.Th scope="col" key={c.key} className="numeric">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
          {readOnly ? null : (
            <Table.Tr>
              <Table.Td>
                <span className="visually-hidden">Fill helpers</span>
              </Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.key} style={{ textAlign: "right" }}>
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={`Fill all months with the first ${c.noun}`}
                    onClick={() => c.onChange(fillAllMonths(months.map((_, j) => c.values[j] ?? "")))}
                    disabled={!c.values.some((v) => v.trim() !== "")}
                  >
                    Fill all months
                  </Button>
                </Table.Td>
              ))}
            </Table.Tr>
          )}
        </Table.Thead>
        <Table.Tbody>
          {months.map((m, i) => (
            <Table.Tr key={m}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
                {formatPeriod(m)}
              </Table.Th>
              {columns.map((c) => {
                const problem = c.problem(i);
                return (
                  <Table.Td key={c.key}>
                    <TextInput
                      aria-label={`${c.noun.charAt(0).toUpperCase()}${c.noun.slice(1)} in ${formatPeriod(m)}`}
                      inputMode={c.inputMode}
                      placeholder="No limit"
                      value={c.values[i] ?? ""}
                      onChange={(e) => setCell(c, i, e.currentTarget.value)}
                      error={problem}
                      readOnly={readOnly}
                      size="xs"
                      styles={{ input: { textAlign: "right" } }}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer ? <Table.Tfoot>{footer}</Table.Tfoot> : null}
      </Table>
    </ScrollTable>
  );
}

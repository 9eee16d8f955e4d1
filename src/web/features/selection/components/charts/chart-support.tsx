import { Table, VisuallyHidden } from "@mantine/core";

/** Axis labels in compact currency ("€1.2M"); amounts arrive in cents. */
export function compactMoney(currency: string): (cents: number) => string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(undefined, {
      style: "currency",
      currency,
      notation: "compact",
      maximumFractionDigits: 1,
    });
  } catch {
    format = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });
  }
  return (cents) => format.format(cents / 100);
}

/**
 * The numbers behind a chart as a table only assistive technology reads (the chart itself is an
 * image with a summary for a name).
 */
export function HiddenDataTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}) {
  return (
    <VisuallyHidden>
      <Table>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.join("|")}>
              {r.map((cell, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of one row, in column order
                  <Table.Th key={i} scope="row">
                    {cell}
                  </Table.Th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of one row, in column order
                  <Table.Td key={i}>{cell}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </VisuallyHidden>
  );
}

/** Dark enough on white (≥ 3:1) for lines that mark limits. */
export const LIMIT_COLOR = "#212529";

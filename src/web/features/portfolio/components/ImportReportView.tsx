import { Alert, Table, Text } from "@mantine/core";
import type { ImportReport } from "../../../api/types.js";

/** The row report of an import or a dry run: counts, then one table row per problem. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const problems = report.problems;
  const rows = `${report.rows} row${report.rows === 1 ? "" : "s"}`;
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  const summary = report.dryRun
    ? `Checked ${rows}: ${report.valid} valid, ${count}.`
    : problems.length > 0
      ? `Nothing was imported: the file has ${count}.`
      : `Imported ${report.created} project${report.created === 1 ? "" : "s"} from ${rows}.`;
  return (
    <>
      <Alert
        color={problems.length > 0 ? "red" : "green"}
        variant="light"
        title={
          problems.length > 0
            ? "The file has problems"
            : report.dryRun
              ? "The file is ready to import"
              : "Import finished"
        }
        role="status"
      >
        {summary}
        {problems.length > 0 && report.dryRun ? " Fix them in the file and check it again." : ""}
      </Alert>
      {problems.length > 0 ? (
        <Table.ScrollContainer minWidth={560} type="native" mah={480}>
          <Table striped aria-label="Import problems" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="numeric">Line</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Message</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p, i) => (
                // Problems have no id; a line can hold several, so the index keeps keys unique.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Tr key={i}>
                  <Table.Td className="numeric">{p.line}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {p.field || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </>
  );
}

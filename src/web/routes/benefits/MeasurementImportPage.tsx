import { Alert, Anchor, Button, Group, Input, Paper, Radio, Stack, Table, Text } from "@mantine/core";
import { type ChangeEvent, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../../api/api-error.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useImportMeasurements } from "../../features/benefits/benefits-api.js";
import type { MeasurementImportReport } from "../../features/benefits/types.js";
import { contentTypeForImport } from "../../features/portfolio/projects.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";

/** The header the import expects, as a CSV template with one example row. */
export const MEASUREMENT_TEMPLATE =
  "benefit,period,value,measured_on,evidence,source\nBEN-001,2026-10,125,2026-11-05,Monthly report,Claims system\n";

/** A refused import (422) carries its row report in the problem's `report` field. */
function reportOf(error: unknown): MeasurementImportReport | undefined {
  if (isApiError(error) && error.status === 422 && error.problem.report)
    return error.problem.report as MeasurementImportReport;
  return undefined;
}

function ReportView({ report }: { report: MeasurementImportReport }) {
  const problems = report.problems;
  const rows = `${report.rows} row${report.rows === 1 ? "" : "s"}`;
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  const summary = report.dryRun
    ? problems.length > 0
      ? `Checked ${rows}: ${count}.`
      : `Checked ${rows}: no problems; importing adds ${report.created} and corrects ${report.updated}.`
    : problems.length > 0
      ? `Nothing was imported: the file has ${count}.`
      : `Imported ${rows}: ${report.created} new, ${report.updated} corrected.`;
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
        <ScrollTable label="Import problems" minWidth={560}>
          <Table striped aria-label="Import problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" className="numeric">
                  Line
                </Table.Th>
                <Table.Th scope="col">Column</Table.Th>
                <Table.Th scope="col">Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; a line can hold several
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
        </ScrollTable>
      ) : null}
    </>
  );
}

/** Import measurements: choose a file, check it (dry run), read the row report, then import. */
export default function MeasurementImportPage() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<"reject" | "update">("reject");
  const [report, setReport] = useState<MeasurementImportReport | null>(null);
  const importer = useImportMeasurements();
  const contentType = file ? contentTypeForImport(file) : undefined;
  const templateUrl = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(MEASUREMENT_TEMPLATE)}`, []);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.currentTarget.files?.[0] ?? null);
    setReport(null);
    importer.reset();
  };

  const run = (dryRun: boolean) => {
    if (!file || !contentType) return;
    importer.mutate(
      { file, contentType, dryRun, onDuplicate },
      { onSuccess: (r) => setReport(r), onError: (e) => setReport(reportOf(e) ?? null) },
    );
  };

  const checked = report?.dryRun === true;
  const imported = report !== null && !report.dryRun && report.problems.length === 0;
  const mayImport = checked && report.problems.length === 0 && report.rows > 0;
  const errorWithoutReport = importer.error && !reportOf(importer.error) ? importer.error : null;

  return (
    <>
      <PageHeader
        title="Import measurements"
        description="Record many benefits' monthly values at once from a CSV or Excel (XLSX) file. Nothing is saved until you press Import."
      />
      <Stack maw={900}>
        <Paper withBorder p="lg">
          <Stack>
            <Text size="sm">
              One row per benefit and month, with the columns <code>benefit</code> (its code), <code>period</code>{" "}
              (YYYY-MM), <code>value</code>, and optionally <code>measured_on</code> (YYYY-MM-DD), <code>evidence</code>{" "}
              and <code>source</code>.{" "}
              <Anchor href={templateUrl} download="measurements-template.csv">
                Download the CSV template
              </Anchor>
            </Text>
            <Input.Wrapper
              label="File"
              labelProps={{ htmlFor: inputId }}
              description="A .csv or .xlsx file"
              error={file && !contentType ? "Choose a .csv or .xlsx file" : undefined}
            >
              <input
                id={inputId}
                type="file"
                accept=".csv,.xlsx,text/csv"
                onChange={choose}
                style={{ display: "block", marginTop: 6 }}
              />
            </Input.Wrapper>
            <Radio.Group
              label="A month that already has a value"
              value={onDuplicate}
              onChange={(v) => {
                setOnDuplicate(v as "reject" | "update");
                setReport(null);
              }}
            >
              <Group mt={6}>
                <Radio value="reject" label="Is a problem: keep the recorded value" />
                <Radio value="update" label="Is corrected to the file's value" />
              </Group>
            </Radio.Group>
            <Group>
              <Button
                variant={mayImport ? "default" : "filled"}
                disabled={!contentType}
                loading={importer.isPending && importer.variables?.dryRun === true}
                onClick={() => run(true)}
              >
                Check file
              </Button>
              <Button
                disabled={!mayImport || imported}
                loading={importer.isPending && importer.variables?.dryRun === false}
                onClick={() => run(false)}
              >
                Import
              </Button>
            </Group>
            {!checked && !imported && contentType ? (
              <Text size="sm">Check the file first; Import is enabled when the check finds no problems.</Text>
            ) : null}
          </Stack>
        </Paper>
        <ErrorAlert error={errorWithoutReport} title="The file could not be processed" />
        {report ? <ReportView report={report} /> : null}
        {imported ? (
          <Anchor component={Link} to="/benefits">
            Go to the benefits register
          </Anchor>
        ) : null}
      </Stack>
    </>
  );
}

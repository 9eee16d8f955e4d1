import { Anchor, Button, Group, Input, Paper, Stack, Text } from "@mantine/core";
import { type ChangeEvent, useId, useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../api/api-error.js";
import type { ImportReport } from "../api/types.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageHeader } from "../components/PageHeader.js";
import { ImportReportView } from "../features/portfolio/components/ImportReportView.js";
import { contentTypeForImport, useImportProjects } from "../features/portfolio/projects.js";

/** A refused import (422) carries its row report in the problem's `report` field. */
function reportOf(error: unknown): ImportReport | undefined {
  if (isApiError(error) && error.status === 422 && error.problem.report) return error.problem.report as ImportReport;
  return undefined;
}

/** Import projects: choose a file, check it (dry run), read the row report, then import. */
export default function ProjectImportPage() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const importer = useImportProjects();
  const contentType = file ? contentTypeForImport(file) : undefined;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.currentTarget.files?.[0] ?? null);
    setReport(null);
    importer.reset();
  };

  const run = (dryRun: boolean) => {
    if (!file || !contentType) return;
    importer.mutate(
      { file, contentType, dryRun },
      {
        onSuccess: (r) => setReport(r),
        onError: (e) => setReport(reportOf(e) ?? null),
      },
    );
  };

  const checked = report?.dryRun === true;
  const imported = report !== null && !report.dryRun && report.problems.length === 0;
  const mayImport = checked && report.problems.length === 0 && report.valid > 0;
  const errorWithoutReport = importer.error && !reportOf(importer.error) ? importer.error : null;

  return (
    <>
      <PageHeader
        title="Import projects"
        description="Add many projects at once from a CSV or Excel (XLSX) file. Nothing is saved until you press Import."
      />
      <Stack maw={900}>
        <Paper withBorder p="lg">
          <Stack>
            <Input.Wrapper
              label="File"
              labelProps={{ htmlFor: inputId }}
              description="A .csv or .xlsx file with one project per row. Tip: an export of the projects list has the expected columns."
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
        {report ? <ImportReportView report={report} /> : null}
        {imported ? (
          <Anchor component={Link} to="/projects">
            Go to the projects
          </Anchor>
        ) : null}
      </Stack>
    </>
  );
}

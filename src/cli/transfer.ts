import fs from "node:fs/promises";
import path from "node:path";
import { type Command, Option } from "commander";
import {
  ExportQuerySchema,
  type ImportReport,
  PROJECT_SORT_FIELDS,
} from "../server/modules/portfolio/portfolio.schema.js";
import type { ImportFormat } from "../server/modules/portfolio/project-transfer.js";
import { AppError } from "../server/platform/errors.js";
import { progressBar } from "./progress.js";
import {
  action,
  contextFor,
  EXIT,
  parseOptions,
  readStdin,
  resolveOrganization,
  UsageError,
  withServices,
  writeStdout,
} from "./runtime.js";

/** Files with more rows than this show progress even when stderr is not a terminal (CI logs). */
const PROGRESS_ROWS_WITHOUT_TTY = 50;

type ImportOptions = { org?: string; dryRun?: boolean; as?: string; format?: ImportFormat };
type ExportOptions = {
  org?: string;
  format?: ImportFormat;
  output?: string;
  status?: string;
  category?: string;
  q?: string;
  archived?: string;
  sort?: string;
  order?: string;
  as?: string;
};

/** `import projects` and `export projects`: the spreadsheet layout of src/server/modules/portfolio/project-transfer.ts. */
export function registerTransferCommands(program: Command): void {
  const importCommand = program.command("import").description("Import records from CSV or XLSX files");
  importCommand
    .command("projects")
    .description(
      "Import projects from a CSV or XLSX file (the layout `export projects` writes). Every row is checked first; " +
        "problems are listed as `line N, column C: message` and nothing is imported (exit 1). " +
        "Otherwise all rows are created in one transaction.",
    )
    .argument("<file>", "a .csv or .xlsx file, or - to read CSV from stdin")
    .option("--org <id>", "organization to import into (default: the first organization)")
    .option("--dry-run", "check every row and report, without importing")
    .option("--as <email>", "act as this person, with their role in the organization (default: the system, as admin)")
    .addOption(
      new Option("--format <format>", "file format (default: from the file's extension)").choices(["csv", "xlsx"]),
    )
    .action(
      action(async (file: string, options: ImportOptions) => {
        const format = options.format ?? formatOfFile(file);
        const data = await readInput(file);
        await withServices(async ({ services }) => {
          const org = await resolveOrganization(services, options.org);
          const ctx = await contextFor(services, org.id, options.as);
          const progress = progressBar(
            "importing",
            // The service reports steps: two per row (insert, then dependencies).
            (steps) => process.stderr.isTTY === true || steps / 2 > PROGRESS_ROWS_WITHOUT_TTY,
          );
          let report: ImportReport;
          try {
            report = await services.transfer.importProjects(ctx, {
              data,
              format,
              dryRun: options.dryRun === true,
              onProgress: progress.update,
            });
          } catch (e) {
            progress.stop();
            // A refused import carries its report: print it, then the error line.
            const failed = e instanceof AppError ? reportOf(e) : undefined;
            if (failed) printReport({ ...failed, dryRun: options.dryRun === true }, org.name);
            throw e;
          }
          progress.stop();
          printReport(report, org.name);
          if (report.problems.length > 0) {
            process.exitCode = EXIT.invalid;
            console.error(`error: the file has ${report.problems.length} problems (dry run; nothing was imported)`);
          }
        });
      }),
    );

  const exportCommand = program.command("export").description("Export records to CSV or XLSX files");
  exportCommand
    .command("projects")
    .description(
      "Export projects with their budget, demand, dependencies and team, in the layout `import projects` reads. " +
        "Writes CSV to stdout unless --output is given; XLSX needs --output.",
    )
    .option("--org <id>", "organization to export from (default: the first organization)")
    .addOption(
      new Option("--format <format>", "csv or xlsx (default: from the --output extension, else csv)").choices([
        "csv",
        "xlsx",
      ]),
    )
    .option("-o, --output <file>", "write to this file instead of stdout")
    .option("--status <list>", "only these statuses, comma-separated (e.g. active,on_hold)")
    .option("--category <list>", "only these category keys, comma-separated")
    .option("--q <text>", "only projects matching this search (word prefixes, as in the app's search box)")
    .addOption(
      new Option("--archived <mode>", "archived projects").choices(["exclude", "include", "only"]).default("exclude"),
    )
    .addOption(new Option("--sort <field>", "sort by").choices(PROJECT_SORT_FIELDS).default("code"))
    .addOption(new Option("--order <order>", "sort order").choices(["asc", "desc"]).default("asc"))
    .option("--as <email>", "act as this person, with their role in the organization (default: the system, as admin)")
    .action(
      action(async (options: ExportOptions) => {
        const format = options.format ?? (options.output?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
        if (format === "xlsx" && options.output === undefined) {
          throw new UsageError("an XLSX export needs --output FILE (a workbook is not for a terminal)");
        }
        const query = {
          format,
          status: options.status,
          category: options.category,
          q: options.q,
          archived: options.archived,
          sort: options.sort,
          order: options.order,
        };
        const parsed = parseOptions(ExportQuerySchema, dropUndefined(query));
        const file = await withServices(async ({ services }) => {
          const org = await resolveOrganization(services, options.org);
          const ctx = await contextFor(services, org.id, options.as);
          return services.transfer.exportProjects(ctx, parsed);
        });
        if (options.output === undefined) {
          await writeStdout(file.body);
          return;
        }
        await fs.writeFile(options.output, file.body);
        console.error(`Wrote ${file.body.length} bytes to ${options.output}`);
      }),
    );
}

function formatOfFile(file: string): ImportFormat {
  if (file === "-") return "csv";
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new UsageError(
    `cannot tell the format of "${file}" from its extension; name it .csv or .xlsx, or pass --format`,
  );
}

async function readInput(file: string): Promise<Buffer> {
  if (file === "-") return readStdin();
  try {
    return await fs.readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a folder" : err.message;
    throw new UsageError(`cannot read "${file}": ${reason}`);
  }
}

function reportOf(e: AppError): ImportReport | undefined {
  const report = e.details.report as ImportReport | undefined;
  return report && Array.isArray(report.problems) ? report : undefined;
}

function printReport(report: ImportReport, organizationName: string): void {
  console.log(`${report.dryRun ? "Dry run of an import" : "Import"} into "${organizationName}"`);
  console.log(`rows: ${report.rows}`);
  console.log(`valid: ${report.valid}`);
  console.log(`created: ${report.created}`);
  if (report.problems.length > 0) console.log(`problems: ${report.problems.length}`);
  for (const p of report.problems) console.log(`line ${p.line}, column ${p.field}: ${p.message}`);
}

function dropUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

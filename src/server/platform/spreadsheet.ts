/**
 * Reading an uploaded spreadsheet (CSV or the first sheet of an XLSX workbook) into rows of text
 * cells keyed by lower-cased header, with the line each row came from, for the importers (projects,
 * benefit measurements). Unreadable files are validation errors; header problems come from the
 * caller's check.
 */
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "./errors.js";

export type SheetRow = { line: number; cells: Record<string, string> };
export type ImportRowProblem = { line: number; field: string; message: string };

export async function readSheet(
  data: Buffer,
  format: "csv" | "xlsx",
  checkHeader: (header: string[]) => ImportRowProblem[],
): Promise<{ rows: SheetRow[]; problems: ImportRowProblem[] }> {
  return format === "csv" ? readCsv(data, checkHeader) : readXlsx(data, checkHeader);
}

function readCsv(
  data: Buffer,
  checkHeader: (header: string[]) => ImportRowProblem[],
): { rows: SheetRow[]; problems: ImportRowProblem[] } {
  const problems: ImportRowProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(data, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new AppError("validation", `The CSV cannot be read: ${err.message}`, {
      fields: [{ path: "(body)", message: err.message }],
      report: {
        dryRun: true,
        rows: 0,
        valid: 0,
        created: 0,
        problems: [{ line: err.lines ?? 0, field: "(file)", message: err.message }],
      },
    });
  }
  const [headerRecord, ...body] = records;
  if (!headerRecord)
    throw new AppError("validation", "The file is empty", { fields: [{ path: "(body)", message: "is empty" }] });
  const header = headerRecord.record.map((h) => h.trim().toLowerCase());
  problems.push(...checkHeader(header));
  const rows = body.map(({ record, info }) => {
    // csv-parse counts the line where a record ends; a quoted cell may span lines, and people
    // look for a row where it starts.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== header.length) {
      problems.push({
        line,
        field: "(row)",
        message: `has ${record.length} cells where the header has ${header.length}`,
      });
    }
    return { line, cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])) };
  });
  return { rows, problems };
}

async function readXlsx(
  data: Buffer,
  checkHeader: (header: string[]) => ImportRowProblem[],
): Promise<{ rows: SheetRow[]; problems: ImportRowProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError("validation", `The XLSX file cannot be read: ${(e as Error).message}`, {
      fields: [{ path: "(body)", message: "is not a readable XLSX workbook" }],
    });
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0)
    throw new AppError("validation", "The workbook is empty", { fields: [{ path: "(body)", message: "is empty" }] });
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col - 1] = cellText(cell.value).trim().toLowerCase();
  });
  const problems = checkHeader(header);
  const rows: SheetRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Record<string, string> = {};
    let any = false;
    header.forEach((h, i) => {
      const text = cellText(row.getCell(i + 1).value);
      if (text.trim() !== "") any = true;
      cells[h] = text;
    });
    if (any) rows.push({ line: r, cells });
  }
  return { rows, problems };
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value);
}

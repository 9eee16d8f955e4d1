/**
 * Project import and export in one spreadsheet layout, so an export imports back unchanged.
 *
 * Columns: code, name, description, portfolio, program, category, lifecycle_stage, status,
 * sponsor_email, manager_email, planned_start, planned_end, depends_on (codes separated by ';'),
 * team_emails (';'), then one column per time-phased value:
 *   opex:YYYY-MM / capex:YYYY-MM   budget in currency units (e.g. 1250.50)
 *   demand:ROLE_KEY:YYYY-MM        hours of that resource role in that month
 * A dry run validates every row and reports each problem with its line and column; a real import
 * checks the same and then writes all rows in one transaction, or nothing.
 */
import { stringify as stringifyCsv } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { findDependencyCycle, formatCents, parseMoneyToCents } from "../../../domain/portfolio/project-rules.js";
import { authorize } from "../../platform/authorize.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { readSheet, type SheetRow } from "../../platform/spreadsheet.js";
import {
  type CreateProjectInput,
  CreateProjectSchema,
  type ExportQuery,
  type ImportReport,
  type ImportRowProblem,
} from "./portfolio.schema.js";
import * as store from "./portfolio.store.js";
import type { ProjectService } from "./project.service.js";

export type ImportFormat = "csv" | "xlsx";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const MAX_IMPORT_ROWS = 20_000;

const FIXED_COLUMNS = [
  "code",
  "name",
  "description",
  "portfolio",
  "program",
  "category",
  "lifecycle_stage",
  "status",
  "sponsor_email",
  "manager_email",
  "planned_start",
  "planned_end",
  "depends_on",
  "team_emails",
] as const;

const FIELD_TO_COLUMN: Record<string, string> = {
  code: "code",
  name: "name",
  description: "description",
  portfolioId: "portfolio",
  programId: "program",
  category: "category",
  lifecycleStage: "lifecycle_stage",
  status: "status",
  sponsorId: "sponsor_email",
  managerId: "manager_email",
  plannedStart: "planned_start",
  plannedEnd: "planned_end",
  dependencies: "depends_on",
  team: "team_emails",
};

const PHASED = /^(opex|capex):(\d{4}-\d{2})$|^demand:([a-z0-9][a-z0-9_-]*):(\d{4}-\d{2})$/;

export type ImportProgress = (done: number, total: number) => void;

export class ProjectTransferService {
  constructor(
    private readonly db: Db,
    private readonly projects: ProjectService,
  ) {}

  async importProjects(
    ctx: RequestContext,
    input: { data: Buffer; format: ImportFormat; dryRun: boolean; onProgress?: ImportProgress },
  ): Promise<ImportReport> {
    authorize(ctx, "project.import");
    const { rows, problems: sheetProblems } = await readSheet(input.data, input.format, checkHeader);
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new AppError("validation", `A file may hold at most ${MAX_IMPORT_ROWS} projects; split it`, {
        fields: [{ path: "(body)", message: `has ${rows.length} rows` }],
      });
    }
    const org = ctx.actor.organizationId;
    const run = async (db: Db): Promise<ImportReport> => {
      const prepared = await this.prepare(db, org, rows);
      const problems = [...sheetProblems, ...prepared.problems].sort((a, b) => a.line - b.line);
      // Line 1 is the header: its problems block the import but are not a data row's.
      const validRows = rows.length - new Set(problems.filter((p) => p.line > 1).map((p) => p.line)).size;
      const report = { dryRun: input.dryRun, rows: rows.length, valid: Math.max(0, validRows), created: 0, problems };
      if (input.dryRun) return report;
      if (problems.length > 0) {
        throw new AppError("infeasible_input", `The file has ${problems.length} problems; nothing was imported`, {
          report,
        });
      }
      const total = prepared.drafts.length;
      for (const [i, d] of prepared.drafts.entries()) {
        await this.projects.insertDraft(db, ctx, d.id, d.draft, { action: "import", deferDependencies: true });
        if (input.onProgress && (i % 25 === 0 || i === total - 1)) input.onProgress(i + 1, total * 2);
      }
      for (const [i, d] of prepared.drafts.entries()) {
        await this.projects.writeChildren(db, org, d.id, { dependencies: d.draft.dependencies });
        if (input.onProgress && (i % 25 === 0 || i === total - 1)) input.onProgress(total + i + 1, total * 2);
      }
      return { ...report, created: total };
    };
    return input.dryRun ? run(this.db) : inTransaction(this.db, run);
  }

  /** Resolves names, emails and codes to ids and validates every row; collects all problems. */
  private async prepare(db: Db, org: string, rows: SheetRow[]) {
    const problems: ImportRowProblem[] = [];
    const [portfolios, programs, emails] = await Promise.all([
      store.findPortfolios(db, org, { archived: "include", limit: 100_000 }),
      store.findPrograms(db, org, { archived: "include", limit: 100_000 }),
      store.findMembersByEmail(db, org),
    ]);
    const portfolioByName = new Map(
      portfolios.flatMap((p) => [[p.name.toLowerCase(), p.id] as const, [p.id, p.id] as const]),
    );
    const programByName = new Map(
      programs.flatMap((p) => [[p.name.toLowerCase(), p.id] as const, [p.id, p.id] as const]),
    );
    const fileCodes = new Map<string, string>(); // code → new id
    const duplicateCodes = new Set<string>();
    for (const row of rows) {
      const code = row.cells.code?.trim() ?? "";
      if (!code) continue;
      if (fileCodes.has(code)) duplicateCodes.add(code);
      else fileCodes.set(code, newId());
    }
    const referenced = [...new Set(rows.flatMap((r) => splitList(r.cells.depends_on)))];
    const existingCodes = await store.findProjectIdsByCodes(db, org, referenced);

    const drafts: { id: string; line: number; draft: CreateProjectInput }[] = [];
    const edges = new Map<string, string[]>();
    const lineOfCode = new Map<string, number>();
    for (const row of rows) {
      const c = row.cells;
      const add = (column: string, message: string) => problems.push({ line: row.line, field: column, message });
      const lineProblems = problems.length;
      const code = c.code?.trim() ?? "";
      if (duplicateCodes.has(code)) add("code", `${code} appears more than once in the file`);
      lineOfCode.set(code, row.line);

      const lookup = (column: string, map: Map<string, string>, what: string, required: boolean): string | null => {
        const v = c[column]?.trim() ?? "";
        if (!v) {
          if (required) add(column, "is required");
          return null;
        }
        const id = map.get(v.toLowerCase()) ?? map.get(v);
        if (!id) add(column, `no ${what} named "${v}"`);
        return id ?? null;
      };
      const portfolioId = lookup("portfolio", portfolioByName, "portfolio", true);
      const programId = lookup("program", programByName, "program", false);
      const sponsorId = lookup("sponsor_email", emails, "member with email", false);
      const managerId = lookup("manager_email", emails, "member with email", false);
      const team = splitList(c.team_emails).flatMap((e) => {
        const id = emails.get(e.toLowerCase());
        if (!id) add("team_emails", `no member with email "${e}"`);
        return id ? [{ userId: id }] : [];
      });
      const dependencies = splitList(c.depends_on).flatMap((depCode) => {
        const id = fileCodes.get(depCode) ?? existingCodes.get(depCode);
        if (!id) add("depends_on", `no project with code "${depCode}" in the file or the organization`);
        if (depCode === code) add("depends_on", "a project cannot depend on itself");
        return id && depCode !== code ? [{ dependsOnId: id, kind: "requires" as const }] : [];
      });
      edges.set(
        code,
        splitList(c.depends_on).filter((d) => fileCodes.has(d)),
      );

      const budget: { period: string; expenseType: "capex" | "opex"; amountCents: number }[] = [];
      const demand: { roleKey: string; period: string; hours: number }[] = [];
      const phasedColumn: string[] = [];
      const demandColumns: string[] = [];
      for (const [column, raw] of Object.entries(c)) {
        const m = PHASED.exec(column);
        const value = raw.trim();
        if (!m || value === "") continue;
        if (m[1]) {
          const cents = parseMoneyToCents(value);
          if (cents === undefined)
            add(column, `"${value}" is not an amount (use digits and an optional . with 2 decimals)`);
          else {
            budget.push({ period: m[2] as string, expenseType: m[1] as "capex" | "opex", amountCents: cents });
            phasedColumn.push(column);
          }
        } else {
          const hours = Number(value);
          if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(hours))
            add(column, `"${value}" is not a number of hours`);
          else {
            demand.push({ roleKey: m[3] as string, period: m[4] as string, hours });
            demandColumns.push(column);
          }
        }
      }
      const candidate = {
        code,
        name: c.name ?? "",
        description: c.description ?? "",
        portfolioId: portfolioId ?? undefined,
        programId,
        category: c.category?.trim() ?? "",
        lifecycleStage: c.lifecycle_stage?.trim() || undefined,
        status: c.status?.trim() || undefined,
        sponsorId,
        managerId,
        plannedStart: c.planned_start?.trim() ?? "",
        plannedEnd: c.planned_end?.trim() ?? "",
        budget,
        demand,
        dependencies: [],
        team,
      };
      const columnOf = (path: string): string => {
        const [head, index] = path.split(".");
        if (head === "budget" && index !== undefined) return phasedColumn[Number(index)] ?? "budget";
        if (head === "demand" && index !== undefined) return demandColumns[Number(index)] ?? "demand";
        return FIELD_TO_COLUMN[head ?? ""] ?? head ?? "(row)";
      };
      if (problems.length > lineProblems && !portfolioId) continue;
      const parsed = CreateProjectSchema.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === "portfolioId" && !portfolioId) continue; // already reported as a name
          add(columnOf(issue.path.join(".")), issue.message);
        }
        continue;
      }
      const draft = { ...parsed.data, dependencies };
      const seen = new Set([...fileCodes.keys()].filter((k) => k !== code));
      for (const p of await this.projects.checkDraft(db, org, draft, undefined, {
        skipReferences: { dependencies: true },
      })) {
        if (p.path === "code" && seen.has(code) && !duplicateCodes.has(code)) continue;
        add(columnOf(p.path), p.message);
      }
      drafts.push({ id: fileCodes.get(code) ?? newId(), line: row.line, draft });
    }
    const cycle = findDependencyCycle(edges);
    if (cycle) {
      problems.push({
        line: lineOfCode.get(cycle[0] as string) ?? 0,
        field: "depends_on",
        message: `dependency cycle: ${cycle.join(" → ")}`,
      });
    }
    return { problems, drafts };
  }

  async exportProjects(
    ctx: RequestContext,
    query: ExportQuery,
  ): Promise<{ body: Buffer; contentType: string; filename: string }> {
    authorize(ctx, "project.export");
    const { format, ...filter } = query;
    const projects = await this.projects.listAll(ctx, filter);
    const [portfolios, programs, users] = await Promise.all([
      store.findPortfolios(this.db, ctx.actor.organizationId, { archived: "include", limit: 100_000 }),
      store.findPrograms(this.db, ctx.actor.organizationId, { archived: "include", limit: 100_000 }),
      store.findMembersByEmail(this.db, ctx.actor.organizationId),
    ]);
    const portfolioName = new Map(portfolios.map((p) => [p.id, p.name]));
    const programName = new Map(programs.map((p) => [p.id, p.name]));
    const emailOf = new Map([...users.entries()].map(([email, id]) => [id, email]));
    const phased = new Set<string>();
    for (const p of projects) {
      for (const b of p.budget) phased.add(`${b.expenseType}:${b.period}`);
      for (const d of p.demand) phased.add(`demand:${d.roleKey}:${d.period}`);
    }
    const phasedColumns = [...phased].sort((a, b) => {
      const [ka, pa] = [a.slice(0, a.lastIndexOf(":")), a.slice(a.lastIndexOf(":") + 1)];
      const [kb, pb] = [b.slice(0, b.lastIndexOf(":")), b.slice(b.lastIndexOf(":") + 1)];
      return ka === kb ? pa.localeCompare(pb) : rank(ka) - rank(kb) || ka.localeCompare(kb);
    });
    const header = [...FIXED_COLUMNS, ...phasedColumns];
    const records = projects.map((p) => {
      const cells: Record<string, string> = {
        code: p.code,
        name: p.name,
        description: p.description,
        portfolio: portfolioName.get(p.portfolioId) ?? p.portfolioId,
        program: p.programId ? (programName.get(p.programId) ?? p.programId) : "",
        category: p.category,
        lifecycle_stage: p.lifecycleStage,
        status: p.status,
        sponsor_email: p.sponsorId ? (emailOf.get(p.sponsorId) ?? "") : "",
        manager_email: p.managerId ? (emailOf.get(p.managerId) ?? "") : "",
        planned_start: p.plannedStart,
        planned_end: p.plannedEnd,
        depends_on: p.dependencies.map((d) => d.dependsOnCode).join(";"),
        team_emails: p.team.map((t) => t.email).join(";"),
      };
      for (const b of p.budget) cells[`${b.expenseType}:${b.period}`] = formatCents(b.amountCents);
      for (const d of p.demand) cells[`demand:${d.roleKey}:${d.period}`] = String(d.hours);
      return header.map((h) => cells[h] ?? "");
    });
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === "csv") {
      const body = Buffer.from(stringifyCsv([header, ...records]), "utf8");
      return { body, contentType: "text/csv; charset=utf-8", filename: `projects-${stamp}.csv` };
    }
    const wb = new ExcelJS.Workbook();
    wb.creator = "Throughline";
    const ws = wb.addWorksheet("Projects", { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
    ws.addRow(header).font = { bold: true };
    for (const r of records) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      col.width = i < 2 ? 18 : i === 2 ? 40 : 14;
    });
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    return { body, contentType: XLSX_MIME, filename: `projects-${stamp}.xlsx` };
  }
}

const rank = (key: string) => (key === "opex" ? 0 : key === "capex" ? 1 : 2);

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function checkHeader(header: string[]): ImportRowProblem[] {
  const problems: ImportRowProblem[] = [];
  for (const required of ["code", "name", "portfolio", "category", "planned_start", "planned_end"]) {
    if (!header.includes(required)) problems.push({ line: 1, field: required, message: "column is missing" });
  }
  for (const h of header) {
    if (!(FIXED_COLUMNS as readonly string[]).includes(h) && !PHASED.test(h) && h !== "")
      problems.push({ line: 1, field: h, message: "unknown column" });
  }
  return problems;
}

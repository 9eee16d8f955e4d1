/**
 * The API contract, as types inferred from the server's zod schemas. Type-only imports: no server
 * code reaches the bundle.
 */
import type { z } from "zod";
import type { AuditEvent, AuditPageSchema } from "../../server/modules/audit/audit.schema.js";
import type {
  ApiToken,
  CreatedTokenSchema,
  CreatedUserSchema,
  CreateUserSchema,
  Me,
  User,
} from "../../server/modules/identity/identity.schema.js";
import type {
  Category,
  CreatePortfolioSchema,
  CreateProgramSchema,
  CreateProjectSchema,
  ImportReport,
  Portfolio,
  Program,
  Project,
  ProjectPage,
  ProjectSortField,
  ProjectSummary,
  ResourceRole,
  UpdateProjectInput,
} from "../../server/modules/portfolio/portfolio.schema.js";

export type {
  ApiToken,
  AuditEvent,
  Category,
  ImportReport,
  Me,
  Portfolio,
  Program,
  Project,
  ProjectPage,
  ProjectSortField,
  ProjectSummary,
  ResourceRole,
  UpdateProjectInput,
  User,
};

export type AuditPage = z.infer<typeof AuditPageSchema>;
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
export type CreatedUser = z.infer<typeof CreatedUserSchema>;
export type CreateUserBody = z.input<typeof CreateUserSchema>;
export type CreateProjectBody = z.input<typeof CreateProjectSchema>;
export type CreatePortfolioBody = z.input<typeof CreatePortfolioSchema>;
export type CreateProgramBody = z.input<typeof CreateProgramSchema>;
export type ItemList<T> = { items: T[] };
export type CursorPage<T> = { items: T[]; nextCursor: string | null };

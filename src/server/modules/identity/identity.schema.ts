import { z } from "zod";
import { ROLES } from "../../../domain/identity/permissions.js";

export const RoleSchema = z.enum(ROLES);
const IdSchema = z.uuid({ message: "must be a valid id (UUID)" });

export const SignInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")).pipe(z.string().max(254)),
  password: z.string().min(1, "is required").max(1024),
  organizationId: IdSchema.optional(),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const OrganizationSchema = z.object({ id: z.string(), name: z.string(), currency: z.string() });
export type Organization = z.infer<typeof OrganizationSchema>;

export const CapabilityMapSchema = z.record(z.string(), z.enum(["all", "own"]));

export const MeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), mustChangePassword: z.boolean() }),
  organization: OrganizationSchema,
  role: RoleSchema,
  /** Capabilities this role holds ("all" or "own"), so the UI can show what the caller may do. */
  capabilities: CapabilityMapSchema,
  organizations: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
  csrfToken: z.string().nullable(),
  via: z.enum(["session", "token"]),
  /** True when the organization holds no projects yet: the welcome screen offers the demo. */
  isEmpty: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "is required").max(1024),
  newPassword: z.string().min(12, "must be at least 12 characters").max(1024),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")).pipe(z.string().max(254)),
  name: z.string().trim().min(1, "is required").max(200),
  role: RoleSchema,
  password: z.string().min(12, "must be at least 12 characters").max(1024).optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;
export const CreatedUserSchema = z.object({
  user: UserSchema,
  /** Present only when the server generated the password; shown once. */
  oneTimePassword: z.string().nullable(),
});

export const UpdateUserSchema = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1, "is required").max(200).optional(),
  role: RoleSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const ApiTokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const CreateTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type CreateTokenInput = z.infer<typeof CreateTokenSchema>;
export const CreatedTokenSchema = z.object({ token: ApiTokenSchema, secret: z.string() });

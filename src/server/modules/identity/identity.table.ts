import type { Generated } from "kysely";

export interface OrganizationsTable {
  id: string;
  name: string;
  settings: Generated<string>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  must_change_password: Generated<number>;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  organization_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  organization_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

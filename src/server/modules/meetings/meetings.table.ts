import type { Generated } from "kysely";

export interface MeetingsTable {
  organization_id: string;
  id: string;
  title: string;
  meeting_type: string;
  starts_at: string;
  duration_minutes: Generated<number>;
  location: Generated<string>;
  notes: Generated<string>;
  status: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface MeetingAttendeesTable {
  organization_id: string;
  meeting_id: string;
  user_id: string;
  attendance: string;
}

export interface AgendaItemsTable {
  organization_id: string;
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  notes: Generated<string>;
  ref_type: string | null;
  ref_id: string | null;
}

export interface DecisionsTable {
  organization_id: string;
  id: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  kind: string;
  title: string;
  rationale: Generated<string>;
  ref_type: string | null;
  ref_id: string | null;
  /** JSON array of user ids */
  decided_by: Generated<string>;
  decided_on: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ActionItemsTable {
  organization_id: string;
  id: string;
  meeting_id: string | null;
  decision_id: string | null;
  title: string;
  owner_user_id: string | null;
  due_date: string;
  status: string;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

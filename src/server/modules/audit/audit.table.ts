export interface AuditEventsTable {
  organization_id: string;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_name: string;
  entity_type: string;
  entity_id: string;
  action: string;
  /** JSON: { field: { before, after } } */
  changes: string;
  request_id: string | null;
}

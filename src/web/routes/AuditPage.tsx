import { Anchor, Badge, Group, Paper, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import type { AuditEvent } from "../api/types.js";
import { ChangeList } from "../components/ChangeList.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { formatDateTime, humanize } from "../components/format.js";
import { LoadMore } from "../components/LoadMore.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { type AuditFilters, useAuditEvents } from "../features/audit/audit.js";
import { useAuditFormatter } from "../features/audit/use-audit-formatter.js";
import { toUserOptions, useUsers } from "../features/identity/users.js";

const ENTITY_TYPES = [
  "project",
  "portfolio",
  "program",
  "user",
  "api_token",
  "organization",
  "category",
  "resource_role",
];

const ENTITY_PATHS: Record<string, string> = { project: "/projects/", portfolio: "/portfolios/" };

function EntityCell({ event, label }: { event: AuditEvent; label: string }) {
  const base = ENTITY_PATHS[event.entityType];
  return (
    <>
      <Text size="xs">{humanize(event.entityType)}</Text>
      {base ? (
        <Anchor component={Link} to={`${base}${event.entityId}`} size="sm">
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
    </>
  );
}

/** The organization's audit trail: who changed what, when, with each field's before and after. */
export default function AuditPage() {
  const users = useUsers();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [action, setAction] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const filters: AuditFilters = {
    entityType: entityType ?? undefined,
    actorId: actorId ?? undefined,
    action: debouncedAction || undefined,
    from: from || undefined,
    to: to || undefined,
  };
  const audit = useAuditEvents(filters);
  const events = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const format = useAuditFormatter();

  return (
    <>
      <PageHeader title="Audit trail" description="Every change in the organization: who, when and what changed." />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label="Entity type"
          placeholder="Any"
          clearable
          data={ENTITY_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
          value={entityType}
          onChange={setEntityType}
          w={{ base: "100%", xs: 180 }}
        />
        <Select
          label="Actor"
          placeholder="Anyone"
          clearable
          searchable
          data={toUserOptions(users.data?.items)}
          value={actorId}
          onChange={setActorId}
          w={{ base: "100%", xs: 200 }}
        />
        <TextInput
          label="Action"
          placeholder="e.g. update"
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
          w={{ base: "100%", xs: 160 }}
        />
        <TextInput
          label="From"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={{ base: "100%", xs: 170 }}
        />
        <TextInput
          label="To"
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={{ base: "100%", xs: 170 }}
        />
      </Group>
      <ErrorAlert error={audit.error} title="The audit trail could not be loaded" />
      {audit.isPending ? (
        <PageLoader label="Loading audit events" />
      ) : events.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No events match these filters.</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table striped verticalSpacing="xs" aria-label="Audit events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Entity</Table.Th>
                <Table.Th>Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.id} style={{ verticalAlign: "top" }}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                  </Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="dark">
                      {humanize(e.action)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <EntityCell event={e} label={format.entity(e)} />
                  </Table.Td>
                  <Table.Td>
                    <ChangeList changes={e.changes} format={format} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore
        hasNextPage={audit.hasNextPage}
        isFetchingNextPage={audit.isFetchingNextPage}
        fetchNextPage={audit.fetchNextPage}
      />
    </>
  );
}

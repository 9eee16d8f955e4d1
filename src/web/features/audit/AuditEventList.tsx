import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import type { AuditEvent } from "../../api/types.js";
import { ChangeList } from "../../components/ChangeList.js";
import { formatDateTime, humanize } from "../../components/format.js";
import { useAuditFormatter } from "./use-audit-formatter.js";

/** Audit events as a time line of cards: who, when, what, and each field's before → after. */
export function AuditEventList({ events }: { events: readonly AuditEvent[] }) {
  const format = useAuditFormatter();
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
      {events.map((e) => (
        <Paper key={e.id} withBorder p="sm" component="li">
          <Group gap="xs" mb={4} wrap="wrap">
            <Badge variant="outline" color="dark">
              {humanize(e.action)}
            </Badge>
            <Text size="sm" fw={600}>
              {e.actorName}
            </Text>
            <Text size="sm" component="time" dateTime={e.occurredAt}>
              {formatDateTime(e.occurredAt)}
            </Text>
          </Group>
          <ChangeList changes={e.changes} format={format} />
        </Paper>
      ))}
    </Stack>
  );
}

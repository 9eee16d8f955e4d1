import { Anchor, Group, Select, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from "../../../../domain/meetings/meeting-rules.js";
import { formatDate } from "../../../components/format.js";
import { useSignedInMe } from "../../identity/session.js";
import type { ActionItem } from "../meeting-types.js";
import { ActionStatusBadge, OverdueBadge } from "./MeetingBadges.js";

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));

/** Who may change an item's status: meeting.write or action.update on every item, or its owner. */
export function useMayUpdateAction(): (item: ActionItem) => boolean {
  const me = useSignedInMe();
  const grant = me.capabilities["action.update"];
  const mayWrite = Boolean(me.capabilities["meeting.write"]);
  return (item) => mayWrite || grant === "all" || (grant === "own" && item.ownerId === me.user.id);
}

/**
 * Action items: title, where they came from, owner, due date (overdue said in words) and status,
 * which those allowed change in place.
 */
export function ActionItemsTable({
  items,
  label,
  showMeeting = true,
  onStatusChange,
  pendingId,
}: {
  items: readonly ActionItem[];
  label: string;
  showMeeting?: boolean;
  onStatusChange: (item: ActionItem, status: ActionStatus) => void;
  /** The item whose change is being saved. */
  pendingId?: string | null;
}) {
  const mayUpdate = useMayUpdateAction();
  return (
    <Table.ScrollContainer minWidth={showMeeting ? 900 : 720} type="native">
      <Table striped verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Action</Table.Th>
            {showMeeting ? <Table.Th>Meeting</Table.Th> : null}
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} style={{ verticalAlign: "top" }}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {a.title}
                </Text>
              </Table.Td>
              {showMeeting ? (
                <Table.Td>
                  {a.meetingId ? (
                    <Anchor component={Link} to={`/meetings/${a.meetingId}`} size="sm">
                      {a.meetingTitle ?? "Meeting"}
                    </Anchor>
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
              ) : null}
              <Table.Td>
                <Text size="sm">{a.ownerName ?? "(no longer a member)"}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Group gap={6} wrap="nowrap">
                  <time dateTime={a.dueDate}>{formatDate(a.dueDate)}</time>
                  {a.overdue ? <OverdueBadge /> : null}
                </Group>
                {a.status === "done" && a.completedAt ? <Text size="xs">Done {formatDate(a.completedAt)}</Text> : null}
              </Table.Td>
              <Table.Td>
                {mayUpdate(a) ? (
                  <Select
                    aria-label={`Status of "${a.title}"`}
                    size="xs"
                    w={140}
                    data={STATUS_OPTIONS}
                    value={a.status}
                    allowDeselect={false}
                    disabled={pendingId === a.id}
                    onChange={(v) => {
                      if (v && v !== a.status) onStatusChange(a, v as ActionStatus);
                    }}
                    comboboxProps={{ withinPortal: true }}
                  />
                ) : (
                  <ActionStatusBadge status={a.status} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

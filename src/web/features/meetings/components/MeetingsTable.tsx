import { Anchor, Loader, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { MEETING_TYPE_LABELS } from "../../../../domain/meetings/meeting-rules.js";
import { formatDuration, formatMeetingTime } from "../meeting-format.js";
import type { MeetingSummary } from "../meeting-types.js";
import { useMeeting } from "../meetings.js";
import { MeetingStatusBadge } from "./MeetingBadges.js";

/**
 * The list's summaries carry no attendee count, so each row reads its meeting (cached for the
 * detail page) until the API adds a count to the summary.
 */
function AttendeeCount({ meetingId }: { meetingId: string }) {
  const meeting = useMeeting(meetingId);
  if (meeting.isPending) return <Loader size="xs" role="img" aria-label="Counting attendees" />;
  if (!meeting.data) return <>—</>;
  const total = meeting.data.attendees.length;
  const attended = meeting.data.attendees.filter((a) => a.attendance === "attended").length;
  return (
    <>
      {total}
      {attended > 0 ? (
        <Text span size="xs" display="block">
          {attended} attended
        </Text>
      ) : null}
    </>
  );
}

export function MeetingsTable({ meetings, label }: { meetings: readonly MeetingSummary[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Meeting</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th className="numeric">Attendees</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/meetings/${m.id}`} fw={600}>
                  {m.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{MEETING_TYPE_LABELS[m.type]}</Table.Td>
              <Table.Td>
                <time dateTime={m.startsAt}>{formatMeetingTime(m.startsAt, m.endsAt)}</time>
                <Text span size="xs" display="block">
                  {formatDuration(m.durationMinutes)}
                </Text>
              </Table.Td>
              <Table.Td>{m.location || "—"}</Table.Td>
              <Table.Td>
                <MeetingStatusBadge status={m.status} />
              </Table.Td>
              <Table.Td className="numeric">
                <AttendeeCount meetingId={m.id} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

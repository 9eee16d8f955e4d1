import { Group, List, Text, Title } from "@mantine/core";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { humanize } from "../../../components/format.js";
import { useUsers } from "../../identity/users.js";
import type { Meeting } from "../meeting-types.js";
import type { useUpdateMeeting } from "../meetings.js";
import { type AttendeeDraft, AttendeesEditor } from "./AttendeesEditor.js";

/**
 * Attendees and their attendance. Writers edit in place: each change sends the whole list (the
 * API replaces it), and while one is saving the list shows what was asked for.
 */
export function AttendeesSection({
  meeting,
  mayWrite,
  update,
}: {
  meeting: Meeting;
  mayWrite: boolean;
  update: ReturnType<typeof useUpdateMeeting>;
}) {
  const users = useUsers();
  const saved: AttendeeDraft[] = meeting.attendees.map((a) => ({ userId: a.userId, attendance: a.attendance }));
  const pending = update.isPending ? update.variables?.attendees : undefined;
  const shown = pending ?? saved;
  const knownNames = Object.fromEntries(meeting.attendees.map((a) => [a.userId, a.name]));
  const counts = {
    attended: meeting.attendees.filter((a) => a.attendance === "attended").length,
    apologies: meeting.attendees.filter((a) => a.attendance === "apologies").length,
  };
  const serverErrors = isApiError(update.error) && update.error.status === 400 ? update.error.fieldErrors : {};

  return (
    <section aria-labelledby="attendees-heading">
      <Group justify="space-between" mb="sm" align="baseline">
        <Title order={2} size="h3" id="attendees-heading">
          Attendees
        </Title>
        {meeting.attendees.length === 0 ? null : (
          <Text size="sm">
            {`${meeting.attendees.length} ${meeting.attendees.length === 1 ? "person" : "people"} · ${counts.attended} attended · ${counts.apologies} sent apologies`}
          </Text>
        )}
      </Group>
      {mayWrite ? (
        <>
          <ErrorAlert
            error={isApiError(update.error) && update.error.isConflict ? null : update.error}
            title="The attendees were not saved"
            hideFields={(p) => p.startsWith("attendees")}
          />
          <AttendeesEditor
            value={shown}
            onChange={(next) => update.mutate({ attendees: next })}
            users={users.data?.items}
            knownNames={knownNames}
            label="People invited"
            errors={serverErrors}
          />
        </>
      ) : meeting.attendees.length === 0 ? (
        <Text>Nobody is invited yet.</Text>
      ) : (
        <List spacing={4} aria-label="Attendees">
          {meeting.attendees.map((a) => (
            <List.Item key={a.userId}>
              {a.name} — {humanize(a.attendance)}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

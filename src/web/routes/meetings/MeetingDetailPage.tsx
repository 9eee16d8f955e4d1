import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { MEETING_TYPE_LABELS, type MeetingStatus } from "../../../domain/meetings/meeting-rules.js";
import { isApiError } from "../../api/api-error.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { DefinitionGrid } from "../../components/DefinitionGrid.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { useUpdateActionItem } from "../../features/meetings/action-items.js";
import { ActionItemFormModal } from "../../features/meetings/components/ActionItemFormModal.js";
import { ActionItemsTable } from "../../features/meetings/components/ActionItemsTable.js";
import { AgendaSection } from "../../features/meetings/components/AgendaSection.js";
import { AttendeesSection } from "../../features/meetings/components/AttendeesSection.js";
import { DecisionFormModal } from "../../features/meetings/components/DecisionFormModal.js";
import { DecisionsTable } from "../../features/meetings/components/DecisionsTable.js";
import { MeetingStatusBadge } from "../../features/meetings/components/MeetingBadges.js";
import { MeetingFormModal } from "../../features/meetings/components/MeetingFormModal.js";
import { formatDuration, formatMeetingTime, localZoneName } from "../../features/meetings/meeting-format.js";
import type { Decision, Meeting } from "../../features/meetings/meeting-types.js";
import {
  inviteUrl,
  meetingKey,
  minutesUrl,
  useAddAgendaItem,
  useMeeting,
  useRemoveAgendaItem,
  useUpdateAgendaItem,
  useUpdateMeeting,
} from "../../features/meetings/meetings.js";

function isMeeting(value: unknown): value is Meeting {
  return typeof value === "object" && value !== null && "version" in value && "agenda" in value;
}

function Section({ children }: { children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      {children}
    </Paper>
  );
}

/** One meeting: when and where, attendance, the agenda, the decisions taken and the actions that follow. */
export default function MeetingDetailPage() {
  const { id = "" } = useParams();
  const loaded = useMeeting(id);
  const mayWrite = useCan("meeting.write");
  const queryClient = useQueryClient();
  const status = useUpdateMeeting(id);
  const attendees = useUpdateMeeting(id);
  const addItem = useAddAgendaItem(id);
  const updateItem = useUpdateAgendaItem(id);
  const removeItem = useRemoveAgendaItem(id);
  const updateAction = useUpdateActionItem();
  const [editing, setEditing] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [decision, setDecision] = useState<Decision | "new" | null>(null);
  const [addingAction, setAddingAction] = useState(false);

  const meeting = loaded.data;
  if (loaded.isPending) return <PageLoader label="Loading meeting" />;
  if (!meeting) {
    return (
      <>
        <PageHeader title="Meeting" />
        <ErrorAlert error={loaded.error} title="The meeting could not be loaded" />
      </>
    );
  }

  // Any write to the meeting (its details, attendees, agenda) that named a stale version.
  const writes = [status, attendees, addItem, updateItem, removeItem];
  const conflict = writes.map((w) => w.error).find((e) => isApiError(e) && e.isConflict);
  const reloadCurrent = async () => {
    const current = isApiError(conflict) ? conflict.current : undefined;
    if (isMeeting(current)) queryClient.setQueryData(meetingKey(id), current);
    else await loaded.refetch();
    for (const w of writes) w.reset();
  };
  const setStatus = (next: MeetingStatus) => status.mutate({ status: next });
  const zone = localZoneName(new Date(meeting.startsAt));
  const when = formatMeetingTime(meeting.startsAt, meeting.endsAt);

  return (
    <>
      <PageHeader
        title={meeting.title}
        description={
          <Group gap="xs" component="span">
            <MeetingStatusBadge status={meeting.status} />
            <span>
              {MEETING_TYPE_LABELS[meeting.type]} · <time dateTime={meeting.startsAt}>{when}</time>
              {meeting.location ? ` · ${meeting.location}` : ""}
            </span>
          </Group>
        }
        actions={
          <>
            <Button component="a" href={minutesUrl(meeting.id)} download variant="default">
              Download minutes (Markdown)
            </Button>
            <Button component="a" href={inviteUrl(meeting.id)} download variant="default">
              Download invite (.ics)
            </Button>
            {mayWrite ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        {conflict ? (
          <Alert color="orange" variant="light" title="Someone else changed this meeting" role="alert">
            <Text size="sm" mb="sm">
              Your change was not saved because the meeting was changed after you opened it. Reload the current version,
              then make your change again.
            </Text>
            <Button variant="default" onClick={() => void reloadCurrent()}>
              Reload current version
            </Button>
          </Alert>
        ) : null}

        <Section>
          <Group justify="space-between" align="flex-start" mb="sm">
            <Title order={2} size="h3">
              Details
            </Title>
            {mayWrite ? (
              <Group gap="xs">
                {meeting.status !== "held" ? (
                  <Button
                    onClick={() => setStatus("held")}
                    loading={status.isPending && status.variables?.status === "held"}
                  >
                    Mark as held
                  </Button>
                ) : null}
                {meeting.status === "planned" ? (
                  <Button variant="default" color="red" onClick={() => setConfirmCancel(true)}>
                    Cancel meeting
                  </Button>
                ) : (
                  <Button
                    variant="default"
                    onClick={() => setStatus("planned")}
                    loading={status.isPending && status.variables?.status === "planned"}
                  >
                    Mark as planned
                  </Button>
                )}
              </Group>
            ) : null}
          </Group>
          {isApiError(status.error) && status.error.isConflict ? null : (
            <ErrorAlert error={status.error} title="The status was not changed" />
          )}
          <DefinitionGrid
            items={[
              { label: "When", value: `${when}${zone ? ` (${zone})` : ""}` },
              { label: "Duration", value: formatDuration(meeting.durationMinutes) },
              { label: "Type", value: MEETING_TYPE_LABELS[meeting.type] },
              { label: "Location", value: meeting.location || "—" },
              { label: "Status", value: <MeetingStatusBadge status={meeting.status} /> },
              ...(meeting.notes ? [{ label: "Notes", value: meeting.notes, wide: true }] : []),
            ]}
          />
        </Section>

        <Section>
          <AttendeesSection meeting={meeting} mayWrite={mayWrite} update={attendees} />
        </Section>

        <Section>
          <AgendaSection meeting={meeting} mayWrite={mayWrite} add={addItem} update={updateItem} remove={removeItem} />
        </Section>

        <Section>
          <section aria-labelledby="decisions-heading">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h3" id="decisions-heading">
                Decisions
              </Title>
              {mayWrite ? (
                <Button variant="default" onClick={() => setDecision("new")}>
                  Record decision
                </Button>
              ) : null}
            </Group>
            {meeting.decisions.length === 0 ? (
              <Text>No decisions recorded in this meeting.</Text>
            ) : (
              <DecisionsTable
                decisions={meeting.decisions}
                label="Decisions in this meeting"
                rationale="full"
                showMeeting={false}
                onEdit={mayWrite ? (d) => setDecision(d) : undefined}
              />
            )}
          </section>
        </Section>

        <Section>
          <section aria-labelledby="actions-heading">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h3" id="actions-heading">
                Action items
              </Title>
              {mayWrite ? (
                <Button variant="default" onClick={() => setAddingAction(true)}>
                  Add action item
                </Button>
              ) : null}
            </Group>
            <ErrorAlert
              error={updateAction.error}
              title={
                isApiError(updateAction.error) && updateAction.error.isConflict
                  ? "Someone else changed this action item; the list now shows the current version"
                  : "The action item was not changed"
              }
            />
            {meeting.actionItems.length === 0 ? (
              <Text>No action items from this meeting.</Text>
            ) : (
              <ActionItemsTable
                items={meeting.actionItems}
                label="Action items from this meeting"
                showMeeting={false}
                pendingId={updateAction.isPending ? updateAction.variables?.id : null}
                onStatusChange={(a, next) => updateAction.mutate({ id: a.id, version: a.version, status: next })}
              />
            )}
          </section>
        </Section>
      </Stack>

      {mayWrite ? (
        <>
          <MeetingFormModal opened={editing} meeting={meeting} onClose={() => setEditing(false)} />
          <ConfirmModal
            opened={confirmCancel}
            title="Cancel meeting"
            confirmLabel="Cancel meeting"
            loading={status.isPending}
            onCancel={() => setConfirmCancel(false)}
            onConfirm={() => status.mutate({ status: "cancelled" }, { onSettled: () => setConfirmCancel(false) })}
          >
            Cancel “{meeting.title}”? The invite changes to cancelled; the meeting can be planned again later.
          </ConfirmModal>
          <DecisionFormModal
            opened={decision !== null}
            meeting={meeting}
            decision={decision === "new" ? null : decision}
            onClose={() => setDecision(null)}
          />
          <ActionItemFormModal opened={addingAction} meeting={meeting} onClose={() => setAddingAction(false)} />
        </>
      ) : null}
    </>
  );
}

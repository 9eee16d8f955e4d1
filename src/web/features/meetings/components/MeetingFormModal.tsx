import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import {
  MAX_DURATION_MINUTES,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type MeetingType,
  MIN_DURATION_MINUTES,
} from "../../../../domain/meetings/meeting-rules.js";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { useUsers } from "../../identity/users.js";
import { fromDateTimeLocal, localZoneName, toDateTimeLocal } from "../meeting-format.js";
import type { Meeting } from "../meeting-types.js";
import { type MeetingChange, useCreateMeeting, useUpdateMeeting } from "../meetings.js";
import { type AttendeeDraft, AttendeesEditor } from "./AttendeesEditor.js";

export const MEETING_TYPE_OPTIONS = MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }));

type Values = {
  title: string;
  type: MeetingType | null;
  startsAt: string;
  durationMinutes: number | string;
  location: string;
  notes: string;
  attendees: AttendeeDraft[];
};

const SHOWN = new Set(["title", "type", "startsAt", "durationMinutes", "location", "notes"]);
const isShown = (path: string) => SHOWN.has(path) || path === "attendees" || path.startsWith("attendees.");

function toValues(meeting: Meeting | null): Values {
  if (!meeting) {
    // A new meeting starts at the next full hour.
    const next = new Date();
    next.setHours(next.getHours() + 1, 0, 0, 0);
    return {
      title: "",
      type: "steering_committee",
      startsAt: toDateTimeLocal(next.toISOString()),
      durationMinutes: 60,
      location: "",
      notes: "",
      attendees: [],
    };
  }
  return {
    title: meeting.title,
    type: meeting.type,
    startsAt: toDateTimeLocal(meeting.startsAt),
    durationMinutes: meeting.durationMinutes,
    location: meeting.location,
    notes: meeting.notes,
    attendees: meeting.attendees.map((a) => ({ userId: a.userId, attendance: a.attendance })),
  };
}

/**
 * Schedule a meeting (no `meeting`: with its attendees) or edit one's details. An edit sends the
 * version it was opened with and only the fields that changed; a stale version offers to reload.
 */
export function MeetingFormModal({
  opened,
  meeting,
  onClose,
  onSaved,
}: {
  opened: boolean;
  meeting: Meeting | null;
  onClose: () => void;
  onSaved?: (meeting: Meeting) => void;
}) {
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meeting?.id ?? "");
  const save = meeting ? update : create;
  const users = useUsers();
  const [base, setBase] = useState<Meeting | null>(meeting);
  const [values, setValues] = useState<Values>(() => toValues(meeting));
  const [problems, setProblems] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setBase(meeting);
    setValues(toValues(meeting));
    setProblems({});
    create.reset();
    update.reset();
  }, [opened]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const serverErrors = isApiError(save.error) && save.error.status === 400 ? save.error.fieldErrors : {};
  const errors: Record<string, string> = { ...serverErrors, ...problems };
  const conflict = isApiError(save.error) && save.error.isConflict ? save.error : null;
  const zone = localZoneName();

  const reloadCurrent = () => {
    const current = conflict?.current as Meeting | undefined;
    if (!current || typeof current !== "object" || !("version" in current)) return;
    setBase(current);
    setValues(toValues(current));
    update.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const startsAt = fromDateTimeLocal(values.startsAt);
    if (!values.title.trim()) found.title = "is required";
    if (!values.type) found.type = "is required";
    if (!startsAt) found.startsAt = "is required (date and time)";
    const duration = typeof values.durationMinutes === "number" ? values.durationMinutes : Number.NaN;
    if (!Number.isInteger(duration)) found.durationMinutes = "is required (whole minutes)";
    setProblems(found);
    if (Object.keys(found).length > 0 || !startsAt || !values.type) return;

    if (!base) {
      create.mutate(
        {
          title: values.title,
          type: values.type,
          startsAt,
          durationMinutes: duration,
          location: values.location,
          notes: values.notes,
          attendees: values.attendees,
        },
        { onSuccess: (saved) => (onSaved ? onSaved(saved) : onClose()) },
      );
      return;
    }
    const change: MeetingChange = { version: base.version };
    if (values.title !== base.title) change.title = values.title;
    if (values.type !== base.type) change.type = values.type;
    if (Date.parse(startsAt) !== Date.parse(base.startsAt)) change.startsAt = startsAt;
    if (duration !== base.durationMinutes) change.durationMinutes = duration;
    if (values.location !== base.location) change.location = values.location;
    if (values.notes !== base.notes) change.notes = values.notes;
    if (Object.keys(change).length === 1) {
      onClose();
      return;
    }
    update.mutate(change, { onSuccess: (saved) => (onSaved ? onSaved(saved) : onClose()) });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={meeting ? "Edit meeting" : "New meeting"} size="xl">
      <form onSubmit={submit} noValidate aria-label={meeting ? "Edit meeting" : "New meeting"}>
        <Stack>
          {conflict ? (
            <Alert color="orange" variant="light" title="Someone else changed this meeting" role="alert">
              Your changes were not saved because the meeting was changed after you opened it. Reload the current
              version, then make your changes again.
              <Button display="block" mt="sm" variant="default" onClick={reloadCurrent}>
                Reload current version
              </Button>
            </Alert>
          ) : (
            <ErrorAlert
              error={save.error}
              title={meeting ? "The meeting was not saved" : "The meeting was not scheduled"}
              hideFields={isShown}
            />
          )}
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={values.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              required
              allowDeselect={false}
              data={MEETING_TYPE_OPTIONS}
              value={values.type}
              onChange={(v) => set("type", v as MeetingType | null)}
              error={errors.type}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Location"
              placeholder="Room, or a video call link"
              maxLength={200}
              value={values.location}
              onChange={(e) => set("location", e.currentTarget.value)}
              error={errors.location}
            />
            <TextInput
              label="Date and time"
              description={zone ? `Your local time (${zone})` : "Your local time"}
              type="datetime-local"
              required
              value={values.startsAt}
              onChange={(e) => set("startsAt", e.currentTarget.value)}
              error={errors.startsAt}
            />
            <NumberInput
              label="Duration (minutes)"
              description={`${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES}`}
              required
              min={MIN_DURATION_MINUTES}
              max={MAX_DURATION_MINUTES}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              value={values.durationMinutes}
              onChange={(v) => set("durationMinutes", v)}
              error={errors.durationMinutes}
            />
          </SimpleGrid>
          <Textarea
            label="Notes"
            description="Markdown"
            autosize
            minRows={3}
            maxRows={12}
            value={values.notes}
            onChange={(e) => set("notes", e.currentTarget.value)}
            error={errors.notes}
          />
          {meeting ? null : (
            <AttendeesEditor
              value={values.attendees}
              onChange={(next) => set("attendees", next)}
              users={users.data?.items}
              errors={errors}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {meeting ? "Save" : "Schedule meeting"}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

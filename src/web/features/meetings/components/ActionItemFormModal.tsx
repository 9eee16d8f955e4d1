import { Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { useCreateActionItem } from "../action-items.js";
import type { Meeting } from "../meeting-types.js";

const SHOWN = new Set(["title", "ownerId", "dueDate", "decisionId"]);

/** Assign an action item from this meeting, optionally following from one of its decisions. */
export function ActionItemFormModal({
  opened,
  meeting,
  onClose,
}: {
  opened: boolean;
  meeting: Meeting;
  onClose: () => void;
}) {
  const create = useCreateActionItem();
  const users = useUsers();
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setTitle("");
    setOwnerId(null);
    setDueDate("");
    setDecisionId(null);
    setProblems({});
    create.reset();
  }, [opened]);

  const serverErrors = isApiError(create.error) && create.error.status === 400 ? create.error.fieldErrors : {};
  const errors: Record<string, string> = { ...serverErrors, ...problems };
  // Attendees first: they are the usual owners.
  const attendeeIds = new Set(meeting.attendees.map((a) => a.userId));
  const options = toUserOptions(users.data?.items).sort(
    (a, b) => Number(attendeeIds.has(b.value)) - Number(attendeeIds.has(a.value)),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = "is required";
    if (!ownerId) found.ownerId = "is required";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = "is required";
    setProblems(found);
    if (Object.keys(found).length > 0 || !ownerId) return;
    create.mutate({ meetingId: meeting.id, decisionId, title, ownerId, dueDate }, { onSuccess: onClose });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title="Add action item" size="lg">
      <form onSubmit={submit} noValidate aria-label="Add action item">
        <Stack>
          <ErrorAlert error={create.error} title="The action item was not saved" hideFields={(p) => SHOWN.has(p)} />
          <TextInput
            label="Title"
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Owner"
              required
              searchable
              placeholder="Choose a person"
              data={options}
              value={ownerId}
              onChange={setOwnerId}
              error={errors.ownerId}
              nothingFoundMessage="Nobody found"
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Due date"
              type="date"
              required
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
            />
          </SimpleGrid>
          <Select
            label="Follows from decision"
            placeholder="None"
            clearable
            data={meeting.decisions.map((d) => ({ value: d.id, label: d.title }))}
            value={decisionId}
            onChange={setDecisionId}
            error={errors.decisionId}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add action item
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

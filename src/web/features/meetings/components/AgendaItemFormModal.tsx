import { Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import type { AgendaItem, Meeting } from "../meeting-types.js";
import type { useAddAgendaItem, useUpdateAgendaItem } from "../meetings.js";
import type { Reference } from "../references.js";
import { ReferencePicker, toRefFields } from "./ReferencePicker.js";

const SHOWN = new Set(["title", "notes", "refType", "refId"]);

function toReference(item: AgendaItem | null): Reference | null {
  return item?.refType && item.refId ? { refType: item.refType, refId: item.refId, refLabel: item.refLabel } : null;
}

/**
 * Add an agenda item, or edit one. An edit names the meeting's version as it was when the form
 * opened; a stale one shows the page's "Someone else changed this meeting" notice.
 */
export function AgendaItemFormModal({
  opened,
  meeting,
  item,
  add,
  update,
  onClose,
}: {
  opened: boolean;
  meeting: Meeting;
  item: AgendaItem | null;
  add: ReturnType<typeof useAddAgendaItem>;
  update: ReturnType<typeof useUpdateAgendaItem>;
  onClose: () => void;
}) {
  const save = item ? update : add;
  const [version, setVersion] = useState(meeting.version);
  const [title, setTitle] = useState("");
  const [notes, setNotes] = useState("");
  const [reference, setReference] = useState<Reference | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [session, setSession] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setVersion(meeting.version);
    setTitle(item?.title ?? "");
    setNotes(item?.notes ?? "");
    setReference(toReference(item));
    setProblems({});
    setSession((n) => n + 1);
    add.reset();
    update.reset();
  }, [opened]);

  const serverErrors = isApiError(save.error) && save.error.status === 400 ? save.error.fieldErrors : {};
  const errors: Record<string, string> = { ...serverErrors, ...problems };

  // A stale version closes the form: the page shows its notice and offers the current meeting.
  const closeOnConflict = (e: unknown) => {
    if (isApiError(e) && e.isConflict) onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = "is required";
    if (reference && !reference.refId) found.refId = `choose a ${reference.refType}, or set About to nothing`;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const ref = toRefFields(reference);
    if (!item) {
      add.mutate({ title, notes, ...ref }, { onSuccess: onClose, onError: closeOnConflict });
      return;
    }
    const change: Parameters<typeof update.mutate>[0] = { itemId: item.id, version };
    if (title !== item.title) change.title = title;
    if (notes !== item.notes) change.notes = notes;
    if (ref.refType !== item.refType || ref.refId !== item.refId) {
      change.refType = ref.refType;
      change.refId = ref.refId;
    }
    if (Object.keys(change).length === 2) {
      onClose();
      return;
    }
    update.mutate(change, { onSuccess: onClose, onError: closeOnConflict });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={item ? "Edit agenda item" : "Add agenda item"} size="lg">
      <form onSubmit={submit} noValidate aria-label={item ? "Edit agenda item" : "Add agenda item"}>
        <Stack>
          {isApiError(save.error) && save.error.isConflict ? null : (
            <ErrorAlert error={save.error} title="The agenda item was not saved" hideFields={(p) => SHOWN.has(p)} />
          )}
          <TextInput
            label="Title"
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <ReferencePicker
            key={session}
            value={reference}
            onChange={setReference}
            error={errors.refId ?? errors.refType}
          />
          <Textarea
            label="Notes"
            description="Markdown"
            autosize
            minRows={3}
            maxRows={10}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {item ? "Save" : "Add item"}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

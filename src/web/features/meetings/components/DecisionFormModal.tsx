import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { DECISION_KIND_LABELS, DECISION_KINDS, type DecisionKind } from "../../../../domain/meetings/meeting-rules.js";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { useSaveDecision } from "../decisions.js";
import { localDate } from "../meeting-format.js";
import type { Decision, Meeting, UpdateDecisionInput } from "../meeting-types.js";
import type { Reference } from "../references.js";
import { ReferencePicker, toRefFields } from "./ReferencePicker.js";

export const DECISION_KIND_OPTIONS = DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }));

type Values = {
  kind: DecisionKind | null;
  title: string;
  rationale: string;
  agendaItemId: string | null;
  reference: Reference | null;
  decidedBy: string[];
  decidedOn: string;
};

const SHOWN = new Set(["kind", "title", "rationale", "agendaItemId", "refType", "refId", "decidedBy", "decidedOn"]);
const isShown = (p: string) => SHOWN.has(p) || p.startsWith("decidedBy.");

function toValues(meeting: Meeting, decision: Decision | null): Values {
  if (!decision) {
    return {
      kind: null,
      title: "",
      rationale: "",
      agendaItemId: null,
      reference: null,
      decidedBy: [],
      decidedOn: localDate(new Date(meeting.startsAt)),
    };
  }
  return {
    kind: decision.kind,
    title: decision.title,
    rationale: decision.rationale,
    agendaItemId: decision.agendaItemId,
    reference:
      decision.refType && decision.refId
        ? { refType: decision.refType, refId: decision.refId, refLabel: decision.refLabel }
        : null,
    decidedBy: decision.decidedBy.map((p) => p.userId),
    decidedOn: decision.decidedOn,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Record a decision taken in this meeting, or edit one. Choosing an agenda item fills in what the
 * decision is about from the item, while "About" is still empty.
 */
export function DecisionFormModal({
  opened,
  meeting,
  decision,
  onClose,
}: {
  opened: boolean;
  meeting: Meeting;
  decision: Decision | null;
  onClose: () => void;
}) {
  const save = useSaveDecision();
  const users = useUsers();
  const [values, setValues] = useState<Values>(() => toValues(meeting, decision));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [pickerKey, setPickerKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setValues(toValues(meeting, decision));
    setProblems({});
    setPickerKey((k) => k + 1);
    save.reset();
  }, [opened]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const serverErrors = isApiError(save.error) && save.error.status === 400 ? save.error.fieldErrors : {};
  const errors: Record<string, string> = { ...serverErrors, ...problems };
  const decidedByError = Object.entries(errors)
    .filter(([p]) => p === "decidedBy" || p.startsWith("decidedBy."))
    .map(([, m]) => m)
    .join("; ");

  // People who decided may have left the organization; they stay listed under their recorded name.
  const userOptions = toUserOptions(users.data?.items);
  for (const p of decision?.decidedBy ?? []) {
    if (!userOptions.some((o) => o.value === p.userId)) userOptions.push({ value: p.userId, label: p.name });
  }
  const attendeeIds = meeting.attendees.filter((a) => a.attendance !== "apologies").map((a) => a.userId);

  const chooseAgendaItem = (id: string | null) => {
    const item = meeting.agenda.find((a) => a.id === id);
    setValues((v) => ({
      ...v,
      agendaItemId: id,
      reference:
        v.reference === null && item?.refType && item.refId
          ? { refType: item.refType, refId: item.refId, refLabel: item.refLabel }
          : v.reference,
    }));
    if (values.reference === null && item?.refType) setPickerKey((k) => k + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.kind) found.kind = "is required";
    if (!values.title.trim()) found.title = "is required";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.decidedOn)) found.decidedOn = "is required";
    if (values.reference && !values.reference.refId)
      found.refId = `choose a ${values.reference.refType}, or set About to nothing`;
    setProblems(found);
    if (Object.keys(found).length > 0 || !values.kind) return;
    const ref = toRefFields(values.reference);
    if (!decision) {
      save.mutate(
        {
          body: {
            meetingId: meeting.id,
            agendaItemId: values.agendaItemId,
            kind: values.kind,
            title: values.title,
            rationale: values.rationale,
            ...ref,
            decidedBy: values.decidedBy,
            decidedOn: values.decidedOn,
          },
        },
        { onSuccess: onClose },
      );
      return;
    }
    const body: UpdateDecisionInput = { version: decision.version };
    if (values.kind !== decision.kind) body.kind = values.kind;
    if (values.title !== decision.title) body.title = values.title;
    if (values.rationale !== decision.rationale) body.rationale = values.rationale;
    if (values.agendaItemId !== decision.agendaItemId) body.agendaItemId = values.agendaItemId;
    if (ref.refType !== decision.refType || ref.refId !== decision.refId) {
      body.refType = ref.refType;
      body.refId = ref.refId;
    }
    if (
      !sameSet(
        values.decidedBy,
        decision.decidedBy.map((p) => p.userId),
      )
    )
      body.decidedBy = values.decidedBy;
    if (values.decidedOn !== decision.decidedOn) body.decidedOn = values.decidedOn;
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    save.mutate({ id: decision.id, body }, { onSuccess: onClose });
  };

  const conflict = isApiError(save.error) && save.error.isConflict;

  return (
    <AppModal opened={opened} onClose={onClose} title={decision ? "Edit decision" : "Record decision"} size="xl">
      <form onSubmit={submit} noValidate aria-label={decision ? "Edit decision" : "Record decision"}>
        <Stack>
          {conflict ? (
            <Alert color="orange" variant="light" title="Someone else changed this decision" role="alert">
              Your changes were not saved because the decision was changed after you opened it. Close this form to see
              the current version, then make your changes again.
              <Button display="block" mt="sm" variant="default" onClick={onClose}>
                Close and show the current version
              </Button>
            </Alert>
          ) : (
            <ErrorAlert error={save.error} title="The decision was not saved" hideFields={isShown} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Kind"
              required
              allowDeselect={false}
              placeholder="Choose"
              data={DECISION_KIND_OPTIONS}
              value={values.kind}
              onChange={(v) => set("kind", v as DecisionKind | null)}
              error={errors.kind}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
            <TextInput
              label="Decided on"
              type="date"
              required
              value={values.decidedOn}
              onChange={(e) => set("decidedOn", e.currentTarget.value)}
              error={errors.decidedOn}
            />
          </SimpleGrid>
          <TextInput
            label="Title"
            description="What was decided, in one line"
            required
            maxLength={300}
            value={values.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Rationale"
            description="Why; Markdown"
            autosize
            minRows={3}
            maxRows={12}
            value={values.rationale}
            onChange={(e) => set("rationale", e.currentTarget.value)}
            error={errors.rationale}
          />
          <Select
            label="Agenda item"
            placeholder="Not under an agenda item"
            clearable
            data={meeting.agenda.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))}
            value={values.agendaItemId}
            onChange={chooseAgendaItem}
            error={errors.agendaItemId}
            comboboxProps={{ withinPortal: true }}
          />
          <ReferencePicker
            key={pickerKey}
            value={values.reference}
            onChange={(r) => set("reference", r)}
            error={errors.refId ?? errors.refType}
          />
          <MultiSelect
            label="Decided by"
            placeholder={values.decidedBy.length ? undefined : "Not recorded"}
            searchable
            clearable
            data={userOptions}
            value={values.decidedBy}
            onChange={(v) => set("decidedBy", v)}
            error={decidedByError || undefined}
            nothingFoundMessage="Nobody found"
            comboboxProps={{ withinPortal: true }}
          />
          {attendeeIds.length > 0 && !sameSet(values.decidedBy, attendeeIds) ? (
            <Button
              variant="subtle"
              size="xs"
              style={{ alignSelf: "flex-start" }}
              onClick={() => set("decidedBy", attendeeIds)}
            >
              Fill in the attendees
            </Button>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {decision ? "Save" : "Record decision"}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

import { Button, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { ROLE_LABELS } from "../../../../domain/identity/permissions.js";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { useCreatePrioritization, useCriteria } from "../strategy-api.js";
import type { AhpSession } from "../types.js";

const TOP = "top";
const SHOWN = new Set(["name", "description", "businessUnit", "parentCriterionId", "participantIds"]);

/** Opens a prioritization of one level of criteria and invites the people who will judge it. */
export function NewPrioritizationModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (session: AhpSession) => void;
}) {
  const create = useCreatePrioritization();
  const criteria = useCriteria();
  const users = useUsers();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [businessUnit, setBusinessUnit] = useState("");
  const [level, setLevel] = useState<string>(TOP);
  const [participantIds, setParticipantIds] = useState<string[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setName("");
    setDescription("");
    setBusinessUnit("");
    setLevel(TOP);
    setParticipantIds([]);
    create.reset();
  }, [opened]);

  const active = (criteria.data?.items ?? []).filter((c) => !c.archivedAt);
  const childrenOf = (parent: string | null) => active.filter((c) => c.parentId === parent);
  const levelOptions = [
    { value: TOP, label: "Top-level criteria" },
    ...active
      .filter((c) => childrenOf(c.id).length >= 2)
      .map((c) => ({ value: c.id, label: `Sub-criteria of ${c.name}` })),
  ];
  const compared = childrenOf(level === TOP ? null : level);
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : {};
  const participantError = Object.entries(fieldErrors)
    .filter(([p]) => p.startsWith("participantIds"))
    .map(([, m]) => m)
    .join("; ");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, description, businessUnit, parentCriterionId: level === TOP ? null : level, participantIds },
      {
        onSuccess: (session) => {
          onCreated(session);
          onClose();
        },
      },
    );
  };

  return (
    <AppModal opened={opened} onClose={onClose} title="New prioritization" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert
            error={create.error}
            title="The prioritization was not opened"
            hideFields={(p) => SHOWN.has(p.split(".")[0] ?? p)}
          />
          <TextInput
            label="Name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            data-autofocus
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldErrors.description}
          />
          <TextInput
            label="Business unit"
            maxLength={120}
            value={businessUnit}
            onChange={(e) => setBusinessUnit(e.currentTarget.value)}
            error={fieldErrors.businessUnit}
          />
          <Select
            label="Criteria level"
            required
            allowDeselect={false}
            data={levelOptions}
            value={level}
            onChange={(v) => setLevel(v ?? TOP)}
            error={fieldErrors.parentCriterionId}
          />
          <Text size="sm">
            {compared.length < 2
              ? "This level has fewer than two criteria: define criteria first."
              : `Compares ${compared.length} criteria: ${compared.map((c) => c.name).join(", ")}.`}
          </Text>
          <MultiSelect
            label="Participants"
            description="Only executives, PMO staff and administrators can give judgments."
            required
            searchable
            data={toUserOptions(users.data?.items).map((o) => {
              const role = users.data?.items.find((u) => u.id === o.value)?.role;
              return { ...o, label: role ? `${o.label} (${ROLE_LABELS[role]})` : o.label };
            })}
            value={participantIds}
            onChange={setParticipantIds}
            error={participantError || undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Open prioritization
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { useCreateAction } from "../benefits-api.js";
import { addDaysIso, ruleTitle, todayIso } from "../labels.js";
import type { CorrectiveAction } from "../types.js";

const SHOWN = new Set(["title", "description", "ownerId", "dueDate", "expectedEffect"]);

export type ActionSource = {
  benefitId: string;
  benefitCode: string;
  rule: string | null;
  reason: string;
  suggestedAction: string;
  defaultOwnerId: string | null;
};

/** Raise a corrective action on a benefit, from a recommendation (its rule is kept) or by hand. */
export function RaiseActionModal({
  source,
  onClose,
  onCreated,
}: {
  source: ActionSource | null;
  onClose: () => void;
  onCreated?: (action: CorrectiveAction) => void;
}) {
  const create = useCreateAction();
  const users = useUsers();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [expectedEffect, setExpectedEffect] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!source) return;
    setTitle(source.rule ? `${ruleTitle(source.rule)}: ${source.benefitCode}` : "");
    setDescription(source.suggestedAction);
    setOwnerId(source.defaultOwnerId);
    setDueDate(addDaysIso(todayIso(), 30));
    setExpectedEffect("");
    setProblems({});
    create.reset();
  }, [source]);

  const serverErrors = isApiError(create.error) && create.error.status === 400 ? create.error.fieldErrors : {};
  const errors = { ...serverErrors, ...problems };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!source) return;
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = "is required";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = "is required";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        benefitId: source.benefitId,
        rule: source.rule,
        title,
        description,
        ownerId,
        dueDate,
        expectedEffect,
      },
      {
        onSuccess: (action) => {
          onCreated?.(action);
          onClose();
        },
      },
    );
  };

  return (
    <AppModal opened={source !== null} onClose={onClose} title="Raise corrective action" size="lg">
      <form onSubmit={submit} noValidate aria-label="Raise corrective action">
        <Stack>
          {source?.reason ? (
            <Text size="sm">
              <strong>Why:</strong> {source.reason}
            </Text>
          ) : null}
          <ErrorAlert error={create.error} title="The action was not raised" hideFields={(p) => SHOWN.has(p)} />
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <Textarea
            label="What will be done"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Action owner"
              searchable
              clearable
              placeholder="Choose a person"
              data={toUserOptions(users.data?.items)}
              value={ownerId}
              onChange={setOwnerId}
              error={errors.ownerId}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Due date"
              type="date"
              required
              min={todayIso()}
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
            />
          </SimpleGrid>
          <Textarea
            label="Expected effect"
            description="What should change in the KPI, and by when"
            autosize
            minRows={2}
            value={expectedEffect}
            onChange={(e) => setExpectedEffect(e.currentTarget.value)}
            error={errors.expectedEffect}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Raise action
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { useCopyScenario } from "../selection-api.js";
import type { Scenario } from "../types.js";

/** Copies a scenario under a new name and opens the copy. */
export function CopyScenarioModal({
  opened,
  onClose,
  scenario,
}: {
  opened: boolean;
  onClose: () => void;
  scenario: Scenario;
}) {
  const copy = useCopyScenario(scenario.id);
  const navigate = useNavigate();
  const [name, setName] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setName(`${scenario.name} (copy)`.slice(0, 120));
    copy.reset();
  }, [opened]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    copy.mutate(
      { name },
      {
        onSuccess: (s) => {
          onClose();
          void navigate(`/selection/${s.id}`);
        },
      },
    );
  };
  const fieldErrors = isApiError(copy.error) ? copy.error.fieldErrors : {};
  return (
    <AppModal opened={opened} onClose={onClose} title="Copy scenario">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={copy.error} title="The scenario was not copied" hideFields={(p) => p === "name"} />
          <Text size="sm">The copy keeps the settings, candidates and constraints as saved, without runs.</Text>
          <TextInput
            label="Name of the copy"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={copy.isPending}>
              Copy
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import type { Portfolio } from "../../../api/types.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { useSavePortfolio } from "../portfolios.js";

const SHOWN = new Set(["name", "description", "ownerId"]);

/** Create a portfolio (no `portfolio`) or edit one. */
export function PortfolioFormModal({
  opened,
  portfolio,
  onClose,
  onSaved,
}: {
  opened: boolean;
  portfolio: Portfolio | null;
  onClose: () => void;
  onSaved?: (p: Portfolio) => void;
}) {
  const save = useSavePortfolio();
  const users = useUsers();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the fields each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setName(portfolio?.name ?? "");
    setDescription(portfolio?.description ?? "");
    setOwnerId(portfolio?.ownerId ?? null);
    save.reset();
  }, [opened, portfolio]);

  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: portfolio?.id, version: portfolio?.version, name, description, ownerId },
      {
        onSuccess: (saved) => {
          onSaved?.(saved);
          onClose();
        },
      },
    );
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={portfolio ? "Edit portfolio" : "New portfolio"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert
            error={save.error}
            title={
              isApiError(save.error) && save.error.isConflict
                ? "Someone else changed this portfolio"
                : "The portfolio was not saved"
            }
            hideFields={(p) => SHOWN.has(p)}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            data-autofocus
          />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldErrors.description}
          />
          <Select
            label="Owner"
            placeholder="None"
            clearable
            searchable
            data={toUserOptions(users.data?.items)}
            value={ownerId}
            onChange={setOwnerId}
            error={fieldErrors.ownerId}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

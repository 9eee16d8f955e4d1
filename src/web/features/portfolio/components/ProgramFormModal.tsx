import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import type { Program } from "../../../api/types.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { usePortfolios, useSaveProgram } from "../portfolios.js";

const SHOWN = new Set(["name", "description", "managerId", "portfolioId"]);

/** Create a program in a portfolio (no `program`) or edit one, including moving it to another portfolio. */
export function ProgramFormModal({
  opened,
  program,
  portfolioId,
  onClose,
}: {
  opened: boolean;
  program: Program | null;
  portfolioId: string;
  onClose: () => void;
}) {
  const save = useSaveProgram();
  const users = useUsers();
  const portfolios = usePortfolios();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [managerId, setManagerId] = useState<string | null>(null);
  const [targetPortfolioId, setTargetPortfolioId] = useState<string | null>(portfolioId);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the fields each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setName(program?.name ?? "");
    setDescription(program?.description ?? "");
    setManagerId(program?.managerId ?? null);
    setTargetPortfolioId(program?.portfolioId ?? portfolioId);
    save.reset();
  }, [opened, program]);

  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: program?.id,
        version: program?.version,
        portfolioId: targetPortfolioId ?? portfolioId,
        name,
        description,
        managerId,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={program ? "Edit program" : "New program"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert
            error={save.error}
            title={
              isApiError(save.error) && save.error.isConflict
                ? "Someone else changed this program"
                : "The program was not saved"
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
            label="Manager"
            placeholder="None"
            clearable
            searchable
            data={toUserOptions(users.data?.items)}
            value={managerId}
            onChange={setManagerId}
            error={fieldErrors.managerId}
          />
          {program ? (
            <Select
              label="Portfolio"
              required
              allowDeselect={false}
              data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={targetPortfolioId}
              onChange={setTargetPortfolioId}
              error={fieldErrors.portfolioId}
            />
          ) : null}
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

import { Button, Group, MultiSelect, Select, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { useAllBenefits, useProjectOptions, useSaveChange } from "../benefits-api.js";

export type BusinessChangeDraft = {
  id?: string;
  label: string;
  ownerId: string | null;
  projectIds: string[];
  benefitIds: string[];
};

const FIELDS = new Set(["label", "ownerId", "projectIds", "benefitIds"]);

/** Add or edit a business change: what must change in the business, who owns it, which projects enable it, which benefits it enables. */
export function BusinessChangeModal({ change, onClose }: { change: BusinessChangeDraft | null; onClose: () => void }) {
  const save = useSaveChange();
  const users = useUsers();
  const projects = useProjectOptions();
  const benefits = useAllBenefits(change !== null);
  const [label, setLabel] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [benefitIds, setBenefitIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | undefined>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!change) return;
    setLabel(change.label);
    setOwnerId(change.ownerId);
    setProjectIds(change.projectIds);
    setBenefitIds(change.benefitIds);
    setProblem(undefined);
    save.reset();
  }, [change]);

  const errors = isApiError(save.error) && save.error.status === 400 ? save.error.fieldErrors : {};
  const listError = (prefix: string) =>
    Object.entries(errors)
      .filter(([p]) => p === prefix || p.startsWith(`${prefix}.`))
      .map(([, m]) => m)
      .join("; ") || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!change) return;
    if (!label.trim()) {
      setProblem("is required");
      return;
    }
    setProblem(undefined);
    save.mutate(
      change.id
        ? { id: change.id, body: { label, ownerId, projectIds, benefitIds } }
        : { body: { label, ownerId, projectIds, benefitIds } },
      { onSuccess: onClose },
    );
  };

  const title = change?.id ? "Edit business change" : "Add business change";
  return (
    <AppModal opened={change !== null} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          <ErrorAlert
            error={save.error}
            title="The business change was not saved"
            hideFields={(p) => FIELDS.has(p.split(".")[0] ?? p)}
          />
          <TextInput
            label="Business change"
            description="How the business will work differently, e.g. “Claims are triaged by rules”"
            required
            maxLength={200}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={problem ?? errors.label}
            data-autofocus
          />
          <Select
            label="Owner"
            searchable
            clearable
            placeholder="None"
            data={toUserOptions(users.data?.items)}
            value={ownerId}
            onChange={setOwnerId}
            error={errors.ownerId}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Enabled by projects"
            searchable
            clearable
            placeholder={projectIds.length ? undefined : "Choose projects"}
            data={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
            value={projectIds}
            onChange={setProjectIds}
            error={listError("projectIds")}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Enables benefits"
            searchable
            clearable
            placeholder={benefitIds.length ? undefined : "Choose benefits"}
            data={(benefits.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.title}` }))}
            value={benefitIds}
            onChange={setBenefitIds}
            error={listError("benefitIds")}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save business change
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { KIND_LABELS } from "../labels.js";
import { useSaveObjective } from "../strategy-api.js";
import type { CreateObjectiveBody, Objective, ObjectiveKind, ObjectiveStatus } from "../types.js";

type Values = {
  parentId: string | null;
  kind: ObjectiveKind;
  code: string;
  title: string;
  description: string;
  ownerId: string | null;
  horizonStart: string;
  horizonEnd: string;
  status: ObjectiveStatus;
  weight: number | string;
  sortOrder: number | string;
};

const FIELDS = [
  "parentId",
  "kind",
  "code",
  "title",
  "description",
  "ownerId",
  "horizonStart",
  "horizonEnd",
  "status",
  "weight",
  "sortOrder",
] as const;
const SHOWN = new Set<string>(FIELDS);

function thisYear(): { start: string; end: string } {
  const y = new Date().getFullYear();
  return { start: `${y}-01`, end: `${y + 2}-12` };
}

function toValues(o: Objective | null, defaults: Partial<Values>): Values {
  const horizon = thisYear();
  return o
    ? {
        parentId: o.parentId,
        kind: o.kind,
        code: o.code,
        title: o.title,
        description: o.description,
        ownerId: o.ownerId,
        horizonStart: o.horizonStart,
        horizonEnd: o.horizonEnd,
        status: o.status,
        weight: o.weight,
        sortOrder: o.sortOrder,
      }
    : {
        parentId: null,
        kind: "organizational",
        code: "",
        title: "",
        description: "",
        ownerId: null,
        horizonStart: horizon.start,
        horizonEnd: horizon.end,
        status: "active",
        weight: 1,
        sortOrder: 0,
        ...defaults,
      };
}

/** Ids of an objective and everything under it: none of them may become its parent. */
function selfAndDescendants(id: string, all: readonly Objective[]): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of all) {
      if (o.parentId && out.has(o.parentId) && !out.has(o.id)) {
        out.add(o.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Create an objective (no `objective`) or edit one, sending only the fields that changed. */
export function ObjectiveFormModal({
  opened,
  objective,
  objectives,
  defaults = {},
  onClose,
}: {
  opened: boolean;
  objective: Objective | null;
  objectives: readonly Objective[];
  defaults?: Partial<Values>;
  onClose: () => void;
}) {
  const save = useSaveObjective();
  const users = useUsers();
  const [values, setValues] = useState<Values>(() => toValues(objective, defaults));

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setValues(toValues(objective, defaults));
    save.reset();
  }, [opened, objective]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const excluded = objective ? selfAndDescendants(objective.id, objectives) : new Set<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateObjectiveBody = {
      ...values,
      weight: typeof values.weight === "number" ? values.weight : Number(values.weight || 0),
      sortOrder: typeof values.sortOrder === "number" ? values.sortOrder : Number(values.sortOrder || 0),
    };
    if (objective) {
      const changes: Record<string, unknown> = { version: objective.version };
      for (const f of FIELDS) if (body[f] !== objective[f]) changes[f] = body[f];
      save.mutate({ id: objective.id, body: changes as { version: number } }, { onSuccess: onClose });
    } else {
      save.mutate({ body }, { onSuccess: onClose });
    }
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={objective ? "Edit objective" : "New objective"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert
            error={save.error}
            title={
              isApiError(save.error) && save.error.isConflict
                ? "Someone else changed this objective; close and reopen it to see the current version"
                : "The objective was not saved"
            }
            hideFields={(p) => SHOWN.has(p)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Code"
              description="Unique, e.g. O1 or PMO-2"
              required
              maxLength={20}
              value={values.code}
              onChange={(e) => set("code", e.currentTarget.value)}
              error={fieldErrors.code}
              data-autofocus
            />
            <Select
              label="Kind"
              required
              allowDeselect={false}
              data={(["organizational", "pmo"] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              value={values.kind}
              onChange={(v) => set("kind", (v as ObjectiveKind | null) ?? values.kind)}
              error={fieldErrors.kind}
            />
          </SimpleGrid>
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={values.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={fieldErrors.title}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={fieldErrors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Parent objective"
              placeholder="None (top level)"
              clearable
              searchable
              data={objectives
                .filter((o) => !excluded.has(o.id))
                .map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))}
              value={values.parentId}
              onChange={(v) => set("parentId", v)}
              error={fieldErrors.parentId}
            />
            <Select
              label="Owner"
              placeholder="None"
              clearable
              searchable
              data={toUserOptions(users.data?.items)}
              value={values.ownerId}
              onChange={(v) => set("ownerId", v)}
              error={fieldErrors.ownerId}
            />
            <TextInput
              label="Horizon start"
              type="month"
              placeholder="YYYY-MM"
              required
              value={values.horizonStart}
              onChange={(e) => set("horizonStart", e.currentTarget.value)}
              error={fieldErrors.horizonStart}
            />
            <TextInput
              label="Horizon end"
              type="month"
              placeholder="YYYY-MM"
              required
              value={values.horizonEnd}
              onChange={(e) => set("horizonEnd", e.currentTarget.value)}
              error={fieldErrors.horizonEnd}
            />
            <Select
              label="Status"
              required
              allowDeselect={false}
              data={[
                { value: "draft", label: "Draft" },
                { value: "active", label: "Active" },
                { value: "achieved", label: "Achieved" },
                { value: "retired", label: "Retired" },
              ]}
              value={values.status}
              onChange={(v) => set("status", (v as ObjectiveStatus | null) ?? values.status)}
              error={fieldErrors.status}
            />
            <NumberInput
              label="Weight"
              description="Relative importance; only active objectives count"
              min={0}
              max={1000}
              decimalScale={3}
              value={values.weight}
              onChange={(v) => set("weight", v)}
              error={fieldErrors.weight}
            />
            <NumberInput
              label="Sort order"
              min={0}
              max={10000}
              allowDecimal={false}
              value={values.sortOrder}
              onChange={(v) => set("sortOrder", v)}
              error={fieldErrors.sortOrder}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save objective
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

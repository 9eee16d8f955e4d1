import {
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { SOURCE_LABELS } from "../labels.js";
import { useSaveCriterion } from "../strategy-api.js";
import type { CreateCriterionBody, Criterion, CriterionSource } from "../types.js";

type LevelRow = { key: string; value: number | string; label: string; description: string };
type Values = {
  parentId: string | null;
  key: string;
  name: string;
  description: string;
  source: CriterionSource;
  scaleMin: number | string;
  scaleMax: number | string;
  higherIsBetter: boolean;
  levels: LevelRow[];
  sortOrder: number | string;
  archived: boolean;
};

let levelCounter = 0;
const levelKey = () => {
  levelCounter += 1;
  return `level-${levelCounter}`;
};

function toValues(c: Criterion | null, parentId: string | null): Values {
  return c
    ? {
        parentId: c.parentId,
        key: c.key,
        name: c.name,
        description: c.description,
        source: c.source,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
        higherIsBetter: c.higherIsBetter,
        levels: c.levels.map((l) => ({ key: levelKey(), ...l })),
        sortOrder: c.sortOrder,
        archived: c.archivedAt !== null,
      }
    : {
        parentId,
        key: "",
        name: "",
        description: "",
        source: "scale",
        scaleMin: 0,
        scaleMax: 5,
        higherIsBetter: true,
        levels: [],
        sortOrder: 0,
        archived: false,
      };
}

const num = (v: number | string) => (typeof v === "number" ? v : Number(v || 0));
const SCALAR = ["parentId", "key", "name", "description", "source", "scaleMin", "scaleMax", "higherIsBetter"] as const;

function isShown(path: string): boolean {
  return (SCALAR as readonly string[]).includes(path) || path === "sortOrder" || path.startsWith("levels");
}

/** Create or edit a criterion: its source, its scale and the anchored levels that explain the scale. */
export function CriterionFormModal({
  opened,
  criterion,
  parentId = null,
  criteria,
  onClose,
}: {
  opened: boolean;
  criterion: Criterion | null;
  parentId?: string | null;
  criteria: readonly Criterion[];
  onClose: () => void;
}) {
  const save = useSaveCriterion();
  const [values, setValues] = useState<Values>(() => toValues(criterion, parentId));

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setValues(toValues(criterion, parentId));
    save.reset();
  }, [opened, criterion, parentId]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const setLevel = (i: number, patch: Partial<LevelRow>) =>
    set(
      "levels",
      values.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)),
    );
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const isScale = values.source === "scale";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateCriterionBody = {
      parentId: values.parentId,
      key: values.key,
      name: values.name,
      description: values.description,
      source: values.source,
      scaleMin: num(values.scaleMin),
      scaleMax: num(values.scaleMax),
      higherIsBetter: values.higherIsBetter,
      levels: values.levels.map((l) => ({ value: num(l.value), label: l.label, description: l.description })),
      sortOrder: num(values.sortOrder),
    };
    if (criterion) {
      const changes: Record<string, unknown> = { version: criterion.version };
      for (const f of SCALAR) if (body[f] !== criterion[f]) changes[f] = body[f];
      if (body.sortOrder !== criterion.sortOrder) changes.sortOrder = body.sortOrder;
      if (JSON.stringify(body.levels) !== JSON.stringify(criterion.levels)) changes.levels = body.levels;
      if (values.archived !== (criterion.archivedAt !== null)) changes.archived = values.archived;
      save.mutate({ id: criterion.id, body: changes as { version: number } }, { onSuccess: onClose });
    } else {
      save.mutate({ body }, { onSuccess: onClose });
    }
  };

  const parentOptions = criteria
    .filter((c) => c.id !== criterion?.id && c.parentId !== criterion?.id)
    .map((c) => ({ value: c.id, label: c.name }));

  return (
    <AppModal opened={opened} onClose={onClose} title={criterion ? "Edit criterion" : "New criterion"} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert
            error={save.error}
            title={
              isApiError(save.error) && save.error.isConflict
                ? "Someone else changed this criterion; close and reopen it to see the current version"
                : "The criterion was not saved"
            }
            hideFields={isShown}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              maxLength={120}
              value={values.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={fieldErrors.name}
              data-autofocus
            />
            <TextInput
              label="Key"
              description="Lowercase letters, digits, - and _"
              required
              maxLength={40}
              value={values.key}
              onChange={(e) => set("key", e.currentTarget.value)}
              error={fieldErrors.key}
            />
            <Select
              label="Parent criterion"
              placeholder="None (top level)"
              clearable
              data={parentOptions}
              value={values.parentId}
              onChange={(v) => set("parentId", v)}
              error={fieldErrors.parentId}
            />
            <Select
              label="Source"
              required
              allowDeselect={false}
              data={(["scale", "alignment", "npv"] as const).map((s) => ({ value: s, label: SOURCE_LABELS[s] ?? s }))}
              value={values.source}
              onChange={(v) => set("source", (v as CriterionSource | null) ?? values.source)}
              error={fieldErrors.source}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={fieldErrors.description}
          />
          {isScale ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label="Scale minimum"
                  value={values.scaleMin}
                  onChange={(v) => set("scaleMin", v)}
                  error={fieldErrors.scaleMin}
                />
                <NumberInput
                  label="Scale maximum"
                  value={values.scaleMax}
                  onChange={(v) => set("scaleMax", v)}
                  error={fieldErrors.scaleMax}
                />
                <Switch
                  label="Higher is better"
                  description="Turn off for risk, cost or effort"
                  mt="lg"
                  checked={values.higherIsBetter}
                  onChange={(e) => set("higherIsBetter", e.currentTarget.checked)}
                />
              </SimpleGrid>
              <section aria-labelledby="levels-heading">
                <Title order={3} size="h5" id="levels-heading">
                  Anchored levels
                </Title>
                <Text size="sm" mb="xs">
                  Labelled points on the scale, so that everyone scores alike (e.g. 1 = “Nice to have”).
                </Text>
                {fieldErrors.levels ? (
                  <Text c="red.8" size="sm" role="alert">
                    {fieldErrors.levels}
                  </Text>
                ) : null}
                {values.levels.length > 0 ? (
                  <Table aria-label="Anchored levels" verticalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={110}>Value</Table.Th>
                        <Table.Th>Label</Table.Th>
                        <Table.Th>Description</Table.Th>
                        <Table.Th>
                          <span className="visually-hidden">Actions</span>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {values.levels.map((l, i) => {
                        const n = i + 1;
                        return (
                          <Table.Tr key={l.key} style={{ verticalAlign: "top" }}>
                            <Table.Td>
                              <NumberInput
                                aria-label={`Level ${n} value`}
                                value={l.value}
                                onChange={(v) => setLevel(i, { value: v })}
                                error={fieldErrors[`levels.${i}.value`]}
                              />
                            </Table.Td>
                            <Table.Td>
                              <TextInput
                                aria-label={`Level ${n} label`}
                                maxLength={60}
                                value={l.label}
                                onChange={(e) => setLevel(i, { label: e.currentTarget.value })}
                                error={fieldErrors[`levels.${i}.label`]}
                              />
                            </Table.Td>
                            <Table.Td>
                              <TextInput
                                aria-label={`Level ${n} description`}
                                maxLength={500}
                                value={l.description}
                                onChange={(e) => setLevel(i, { description: e.currentTarget.value })}
                                error={fieldErrors[`levels.${i}.description`]}
                              />
                            </Table.Td>
                            <Table.Td>
                              <Button
                                variant="subtle"
                                color="red"
                                aria-label={`Remove level ${n}`}
                                onClick={() =>
                                  set(
                                    "levels",
                                    values.levels.filter((_, j) => j !== i),
                                  )
                                }
                              >
                                Remove
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                ) : null}
                <Button
                  variant="default"
                  mt="xs"
                  onClick={() => {
                    const last = values.levels.at(-1);
                    const next = last ? num(last.value) + 1 : num(values.scaleMin);
                    set("levels", [...values.levels, { key: levelKey(), value: next, label: "", description: "" }]);
                  }}
                >
                  Add level
                </Button>
              </section>
            </>
          ) : (
            <Text size="sm">
              {values.source === "alignment"
                ? "Scored from each project's objective links and the objectives' weights."
                : "Scored from the project's business case (net present value) once the benefits module provides it; until then it counts as missing."}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Sort order"
              min={0}
              max={10000}
              allowDecimal={false}
              value={values.sortOrder}
              onChange={(v) => set("sortOrder", v)}
              error={fieldErrors.sortOrder}
            />
            {criterion ? (
              <Switch
                label="Archived"
                description="Left out of new prioritizations; published models keep it"
                mt="lg"
                checked={values.archived}
                onChange={(e) => set("archived", e.currentTarget.checked)}
              />
            ) : null}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save criterion
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

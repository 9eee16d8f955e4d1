import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { assessSmart } from "../../../../domain/strategy/smart.js";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import {
  type FormProblems,
  type GoalFormValues,
  isGoalFieldPath,
  smartContextFor,
  toSmartInput,
} from "../goal-form-model.js";
import { DIRECTION_LABELS, KIND_LABELS, LEVEL_LABELS, todayIso } from "../labels.js";
import { useObjectives } from "../strategy-api.js";
import type { GoalDirection, GoalLevel, GoalStatus } from "../types.js";
import { MilestonesEditor } from "./MilestonesEditor.js";
import { ProjectPicker } from "./ProjectPicker.js";
import { SmartPanel } from "./SmartPanel.js";

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const LEVELS: GoalLevel[] = ["organizational", "project", "pmo"];
const DIRECTIONS: GoalDirection[] = ["increase", "decrease", "maintain"];
const STATUSES: { value: GoalStatus; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "finished", label: "Finished" },
  { value: "cancelled", label: "Cancelled" },
];

/**
 * The goal form for create and edit, with the SMART check beside it, recomputed on every keystroke
 * by the same pure function the server uses. Field errors from the API's 400 show beside their inputs.
 */
export function GoalForm({
  initial,
  initialProjectLabel,
  onSubmit,
  submitting,
  error,
  cancelTo,
  banner,
}: {
  initial: GoalFormValues;
  initialProjectLabel?: string | null;
  /** Returns problems found before sending; empty when the form was sent. */
  onSubmit: (values: GoalFormValues) => FormProblems;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  banner?: ReactNode;
}) {
  const [values, setValues] = useState(initial);
  const [clientProblems, setClientProblems] = useState<FormProblems>({});
  const messagesRef = useRef<HTMLDivElement>(null);
  const objectives = useObjectives();
  const users = useUsers();

  useEffect(() => {
    if (!error && Object.keys(clientProblems).length === 0) return;
    messagesRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    messagesRef.current?.focus({ preventScroll: true });
  }, [error, clientProblems]);

  const serverProblems = isApiError(error) && error.status === 400 ? error.fieldErrors : {};
  const problems: FormProblems = { ...serverProblems, ...clientProblems };
  const set = <K extends keyof GoalFormValues>(field: K, value: GoalFormValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  const objective = objectives.data?.items.find((o) => o.id === values.objectiveId);
  const smart = useMemo(
    () => assessSmart(toSmartInput(values), smartContextFor(objective, todayIso())),
    [values, objective],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setClientProblems(onSubmit(values));
  };
  const hasProblems = Object.keys(clientProblems).length > 0 || (isApiError(error) && error.status === 400);
  const objectiveOptions = (["organizational", "pmo"] as const).map((kind) => ({
    group: `${KIND_LABELS[kind]} objectives`,
    items: (objectives.data?.items ?? [])
      .filter((o) => o.kind === kind)
      .map((o) => ({
        value: o.id,
        label: `${o.code} · ${o.title}${o.status === "active" ? "" : ` (${o.status})`}`,
      })),
  }));
  const unitSuffix = values.unit ? ` (${values.unit})` : "";

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <form onSubmit={submit} noValidate aria-label="Goal">
          <Stack>
            <Stack ref={messagesRef} tabIndex={-1} gap="sm" style={{ outline: "none", scrollMarginTop: 72 }}>
              {banner}
              {hasProblems ? (
                <Alert color="red" variant="light" title="The goal was not saved" role="alert">
                  Please correct the fields marked below.
                  {isApiError(error) && Object.keys(error.fieldErrors).some((p) => !isGoalFieldPath(p)) ? (
                    <ErrorAlert error={error} title="Other problems" hideFields={isGoalFieldPath} />
                  ) : null}
                </Alert>
              ) : isApiError(error) && error.status === 409 && banner ? null : (
                <ErrorAlert error={error} title="The goal was not saved" />
              )}
            </Stack>

            <FormSection title="Goal">
              <Stack gap="sm">
                <div>
                  <Text size="sm" fw={500} id="goal-level-label" mb={4}>
                    Level
                  </Text>
                  <SegmentedControl
                    aria-labelledby="goal-level-label"
                    data={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
                    value={values.level}
                    onChange={(v) => set("level", v as GoalLevel)}
                  />
                  {problems.level ? (
                    <Text c="red.8" size="sm" mt={4}>
                      {problems.level}
                    </Text>
                  ) : null}
                </div>
                <TextInput
                  label="Title"
                  description="Name the metric and the number, e.g. “Raise NPS from 32 to 45 by December 2027”"
                  required
                  maxLength={200}
                  value={values.title}
                  onChange={(e) => set("title", e.currentTarget.value)}
                  error={problems.title}
                />
                <Textarea
                  label="Description"
                  autosize
                  minRows={2}
                  maxRows={10}
                  value={values.description}
                  onChange={(e) => set("description", e.currentTarget.value)}
                  error={problems.description}
                />
                <TextInput
                  label="Scope"
                  description="The population or area the goal covers, e.g. “customers in the EU”"
                  maxLength={500}
                  value={values.scope}
                  onChange={(e) => set("scope", e.currentTarget.value)}
                  error={problems.scope}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label="Objective"
                    description="The strategic objective this goal serves"
                    placeholder="None"
                    clearable
                    searchable
                    data={objectiveOptions}
                    value={values.objectiveId}
                    onChange={(v) => set("objectiveId", v)}
                    error={problems.objectiveId}
                  />
                  {values.level === "project" ? (
                    <ProjectPicker
                      required
                      value={values.projectId}
                      onChange={(v) => set("projectId", v)}
                      initialLabel={initialProjectLabel}
                      error={problems.projectId}
                    />
                  ) : null}
                  <Select
                    label="Owner"
                    placeholder="None"
                    clearable
                    searchable
                    data={toUserOptions(users.data?.items)}
                    value={values.ownerId}
                    onChange={(v) => set("ownerId", v)}
                    error={problems.ownerId}
                  />
                  <Select
                    label="Status"
                    required
                    allowDeselect={false}
                    data={STATUSES}
                    value={values.status}
                    onChange={(v) => set("status", (v as GoalStatus | null) ?? values.status)}
                    error={problems.status}
                  />
                </SimpleGrid>
              </Stack>
            </FormSection>

            <FormSection title="Measure">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label="Metric name"
                    placeholder="e.g. Net promoter score"
                    maxLength={200}
                    value={values.metricName}
                    onChange={(e) => set("metricName", e.currentTarget.value)}
                    error={problems.metricName}
                  />
                  <TextInput
                    label="Unit"
                    placeholder="e.g. points, %, EUR"
                    maxLength={40}
                    value={values.unit}
                    onChange={(e) => set("unit", e.currentTarget.value)}
                    error={problems.unit}
                  />
                  <Select
                    label="Direction"
                    required
                    allowDeselect={false}
                    data={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
                    value={values.direction}
                    onChange={(v) => set("direction", (v as GoalDirection | null) ?? values.direction)}
                    error={problems.direction}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={`Baseline value${unitSuffix}`}
                    inputMode="decimal"
                    value={values.baselineValue}
                    onChange={(e) => set("baselineValue", e.currentTarget.value)}
                    error={problems.baselineValue}
                  />
                  <TextInput
                    label="Baseline date"
                    type="date"
                    value={values.baselineDate}
                    onChange={(e) => set("baselineDate", e.currentTarget.value)}
                    error={problems.baselineDate}
                  />
                  <TextInput
                    label={`Target value${unitSuffix}`}
                    inputMode="decimal"
                    value={values.targetValue}
                    onChange={(e) => set("targetValue", e.currentTarget.value)}
                    error={problems.targetValue}
                  />
                  <TextInput
                    label="Target date"
                    type="date"
                    value={values.targetDate}
                    onChange={(e) => set("targetDate", e.currentTarget.value)}
                    error={problems.targetDate}
                  />
                </SimpleGrid>
                {values.direction === "maintain" ? (
                  <TextInput
                    label={`Tolerance${unitSuffix}`}
                    description="± band around the target within which the value counts as maintained"
                    inputMode="decimal"
                    maw={320}
                    value={values.tolerance}
                    onChange={(e) => set("tolerance", e.currentTarget.value)}
                    error={problems.tolerance}
                  />
                ) : null}
                <MilestonesEditor
                  rows={values.milestones}
                  onChange={(rows) => set("milestones", rows)}
                  problems={problems}
                  unit={values.unit}
                />
              </Stack>
            </FormSection>

            <Group justify="flex-end">
              <Button component={Link} to={cancelTo} variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={submitting}>
                Save goal
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <div style={{ position: "sticky", top: 72 }}>
          <SmartPanel
            smart={smart}
            live
            note="Checked as you type. The saved goal is also compared with the pace of finished goals."
          />
        </div>
      </Grid.Col>
    </Grid>
  );
}

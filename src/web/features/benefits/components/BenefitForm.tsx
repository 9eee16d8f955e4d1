import {
  ActionIcon,
  Alert,
  Button,
  Grid,
  Group,
  List,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, lazy, type ReactNode, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { useMoney } from "../../../components/use-money.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { ChartFallback } from "../../strategy/components/ChartFallback.js";
import { useObjectives } from "../../strategy/strategy-api.js";
import {
  type BenefitFormValues,
  type FormProblems,
  isBenefitFieldPath,
  newRowKey,
  type ObjectiveRow,
  toAssessDraft,
} from "../benefit-form-model.js";
import { useAssessment, useBenefitCategories, useProjectOptions } from "../benefits-api.js";
import {
  BENEFIT_STATUS_LABELS,
  BENEFIT_TYPE_LABELS,
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  TOLERANCE_KIND_LABELS,
} from "../labels.js";
import type { BenefitStatus, BenefitType, Direction, Frequency, ToleranceKind } from "../types.js";
import { DoamPanel } from "./DoamPanel.js";
import { ProfileEditor } from "./ProfileEditor.js";

const ProfilePreviewChart = lazy(() => import("./charts/ProfilePreviewChart.js"));

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/**
 * The benefit form for create and edit, with the DOAM check and the profile preview beside it,
 * asked of the server (POST /benefits/assess) a moment after each change. Field errors from the
 * API's 400 show beside their inputs.
 */
export function BenefitForm({
  initial,
  onSubmit,
  submitting,
  error,
  cancelTo,
  isEdit = false,
  storedProfile = [],
  banner,
}: {
  initial: BenefitFormValues;
  /** Returns problems found before sending; empty when the form was sent. */
  onSubmit: (values: BenefitFormValues) => FormProblems;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  isEdit?: boolean;
  /** On edit: the profile the benefit has now, shown while it is kept. */
  storedProfile?: readonly { period: string; planned: number }[];
  banner?: ReactNode;
}) {
  const [values, setValues] = useState(initial);
  const [clientProblems, setClientProblems] = useState<FormProblems>({});
  const messagesRef = useRef<HTMLDivElement>(null);
  const users = useUsers();
  const categories = useBenefitCategories();
  const projects = useProjectOptions();
  const objectives = useObjectives();
  const { currency } = useMoney();

  // The live check: the draft as it stands, a moment after the last change.
  const draft = useMemo(() => toAssessDraft(values), [values]);
  const [debounced] = useDebouncedValue(draft, 400);
  const assessment = useAssessment(debounced);
  const lastGenerated = useRef<{ period: string; planned: number }[] | null>(null);
  if (values.profileMode === "generated" && assessment.data?.profile) lastGenerated.current = assessment.data.profile;

  useEffect(() => {
    if (!error && Object.keys(clientProblems).length === 0) return;
    messagesRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    messagesRef.current?.focus({ preventScroll: true });
  }, [error, clientProblems]);

  const serverProblems = isApiError(error) && error.status === 400 ? error.fieldErrors : {};
  const problems: FormProblems = { ...serverProblems, ...clientProblems };
  const patch = (p: Partial<BenefitFormValues>) => setValues((v) => ({ ...v, ...p }));
  const set = <K extends keyof BenefitFormValues>(field: K, value: BenefitFormValues[K]) =>
    setValues((v) => {
      const next = { ...v, [field]: value };
      // The profile starts at the baseline's month unless someone chose another month.
      if (field === "baselineDate" && (v.profileStart === "" || v.profileStart === v.baselineDate.slice(0, 7)))
        next.profileStart = String(value).slice(0, 7);
      return next;
    });
  const setObjective = (index: number, p: Partial<ObjectiveRow>) =>
    patch({ objectives: values.objectives.map((o, i) => (i === index ? { ...o, ...p } : o)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setClientProblems(onSubmit(values));
  };
  const hasProblems = Object.keys(clientProblems).length > 0 || (isApiError(error) && error.status === 400);
  const unit = values.unit ? ` (${values.unit})` : "";
  const userOptions = toUserOptions(users.data?.items);
  const preview =
    values.profileMode === "keep"
      ? storedProfile
      : values.profileMode === "none"
        ? null
        : (assessment.data?.profile ?? null);
  const assessProblems = assessment.data?.problems ?? [];
  const projectOptions = (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));
  const objectiveOptions = (objectives.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.code} · ${o.title}${o.status === "active" ? "" : ` (${o.status})`}`,
  }));

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <form onSubmit={submit} noValidate aria-label="Benefit">
          <Stack>
            <Stack ref={messagesRef} tabIndex={-1} gap="sm" style={{ outline: "none", scrollMarginTop: 72 }}>
              {banner}
              {hasProblems ? (
                <Alert color="red" variant="light" title="The benefit was not saved" role="alert">
                  Please correct the fields marked below.
                  {isApiError(error) && Object.keys(error.fieldErrors).some((p) => !isBenefitFieldPath(p)) ? (
                    <ErrorAlert error={error} title="Other problems" hideFields={isBenefitFieldPath} />
                  ) : null}
                </Alert>
              ) : isApiError(error) && error.status === 409 && banner ? null : (
                <ErrorAlert error={error} title="The benefit was not saved" />
              )}
            </Stack>

            <FormSection title="Benefit">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label="Code"
                    required
                    maxLength={20}
                    placeholder="e.g. BEN-014"
                    value={values.code}
                    onChange={(e) => set("code", e.currentTarget.value)}
                    error={problems.code}
                  />
                  <Select
                    label="Type"
                    required
                    allowDeselect={false}
                    data={options(BENEFIT_TYPE_LABELS)}
                    value={values.type}
                    onChange={(v) => set("type", (v as BenefitType | null) ?? values.type)}
                    error={problems.type}
                  />
                  <Select
                    label="Category"
                    required
                    placeholder="Choose a category"
                    data={(categories.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
                    value={values.category}
                    onChange={(v) => set("category", v)}
                    error={problems.category}
                  />
                </SimpleGrid>
                <TextInput
                  label="Title"
                  description="Say what improves, e.g. “Faster claims settlement”"
                  required
                  maxLength={200}
                  value={values.title}
                  onChange={(e) => set("title", e.currentTarget.value)}
                  error={problems.title}
                />
                <Textarea
                  label="Description"
                  description="What changes, and for whom, once the projects deliver"
                  autosize
                  minRows={2}
                  maxRows={10}
                  value={values.description}
                  onChange={(e) => set("description", e.currentTarget.value)}
                  error={problems.description}
                />
                <TextInput
                  label="Beneficiaries"
                  description="Who gains, e.g. “claims clerks and customers”"
                  maxLength={500}
                  value={values.beneficiaries}
                  onChange={(e) => set("beneficiaries", e.currentTarget.value)}
                  error={problems.beneficiaries}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label="Responsible owner"
                    placeholder="None"
                    clearable
                    searchable
                    data={userOptions}
                    value={values.responsibleOwnerId}
                    onChange={(v) => set("responsibleOwnerId", v)}
                    error={problems.responsibleOwnerId}
                  />
                  <Select
                    label="Accountable owner"
                    placeholder="None"
                    clearable
                    searchable
                    data={userOptions}
                    value={values.accountableOwnerId}
                    onChange={(v) => set("accountableOwnerId", v)}
                    error={problems.accountableOwnerId}
                  />
                  <Select
                    label="Status"
                    required
                    allowDeselect={false}
                    data={options(BENEFIT_STATUS_LABELS)}
                    value={values.status}
                    onChange={(v) => set("status", (v as BenefitStatus | null) ?? values.status)}
                    error={problems.status}
                  />
                </SimpleGrid>
                <Switch
                  label="Dis-benefit (an outcome someone sees as negative)"
                  checked={values.isDisbenefit}
                  onChange={(e) => set("isDisbenefit", e.currentTarget.checked)}
                  error={problems.isDisbenefit}
                />
              </Stack>
            </FormSection>

            <FormSection title="Measure">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label="KPI"
                    placeholder="e.g. Claims settled per week"
                    maxLength={200}
                    value={values.kpiName}
                    onChange={(e) => set("kpiName", e.currentTarget.value)}
                    error={problems.kpiName}
                  />
                  <TextInput
                    label="Unit"
                    placeholder="e.g. claims, days, %"
                    maxLength={40}
                    value={values.unit}
                    onChange={(e) => set("unit", e.currentTarget.value)}
                    error={problems.unit}
                  />
                  <Select
                    label="Direction"
                    required
                    allowDeselect={false}
                    data={options(DIRECTION_LABELS)}
                    value={values.direction}
                    onChange={(v) => set("direction", (v as Direction | null) ?? values.direction)}
                    error={problems.direction}
                  />
                </SimpleGrid>
                <Textarea
                  label="Measurement method"
                  description="How a value is obtained, e.g. “median days from receipt to approval, per month”"
                  autosize
                  minRows={2}
                  value={values.method}
                  onChange={(e) => set("method", e.currentTarget.value)}
                  error={problems.method}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label="Data source"
                    placeholder="e.g. Claims system weekly report"
                    maxLength={500}
                    value={values.dataSource}
                    onChange={(e) => set("dataSource", e.currentTarget.value)}
                    error={problems.dataSource}
                  />
                  <Select
                    label="Measurement frequency"
                    required
                    allowDeselect={false}
                    data={options(FREQUENCY_LABELS)}
                    value={values.frequency}
                    onChange={(v) => set("frequency", (v as Frequency | null) ?? values.frequency)}
                    error={problems.frequency}
                  />
                </SimpleGrid>
              </Stack>
            </FormSection>

            <FormSection title="Baseline, target and tolerance">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={`Baseline value${unit}`}
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
                    label={`Target value${unit}`}
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
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label="Tolerance kind"
                    required
                    allowDeselect={false}
                    data={options(TOLERANCE_KIND_LABELS)}
                    value={values.toleranceKind}
                    onChange={(v) => set("toleranceKind", (v as ToleranceKind | null) ?? values.toleranceKind)}
                    error={problems.toleranceKind}
                  />
                  <TextInput
                    label={values.toleranceKind === "percent" ? "Tolerance (%)" : `Tolerance${unit}`}
                    description={
                      values.toleranceKind === "percent"
                        ? "How far behind the profile, as a share of the planned change, before it is an exception"
                        : "How far behind the profile, in the KPI's unit, before it is an exception"
                    }
                    required
                    inputMode="decimal"
                    value={values.toleranceValue}
                    onChange={(e) => set("toleranceValue", e.currentTarget.value)}
                    error={problems.toleranceValue}
                  />
                  <TextInput
                    label={`Value per unit (${currency})`}
                    description="Money one unit of the KPI is worth, for business cases and value at risk"
                    inputMode="decimal"
                    value={values.valuePerUnit}
                    onChange={(e) => set("valuePerUnit", e.currentTarget.value)}
                    error={problems.valuePerUnitCents}
                  />
                </SimpleGrid>
              </Stack>
            </FormSection>

            <FormSection title="Realization profile">
              <ProfileEditor
                values={values}
                onChange={patch}
                problems={problems}
                preview={lastGenerated.current}
                isEdit={isEdit}
                storedMonths={storedProfile.length}
              />
            </FormSection>

            <FormSection title="Golden thread">
              <Stack gap="sm">
                <Textarea
                  label="Business change"
                  description="How the business will work differently to turn the project outputs into the benefit"
                  autosize
                  minRows={2}
                  value={values.businessChange}
                  onChange={(e) => set("businessChange", e.currentTarget.value)}
                  error={problems.businessChange}
                />
                <Textarea
                  label="Attribution note"
                  description="What else could move the KPI (other initiatives, the market, the season), and how this benefit's share is told apart"
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={values.attributionNote}
                  onChange={(e) => set("attributionNote", e.currentTarget.value)}
                  error={problems.attributionNote}
                />
                <MultiSelect
                  label="Enabling projects"
                  placeholder={values.projectIds.length ? undefined : "Choose projects"}
                  searchable
                  clearable
                  data={projectOptions}
                  value={values.projectIds}
                  onChange={(v) => set("projectIds", v)}
                  error={
                    problems.projectIds ??
                    Object.entries(problems)
                      .filter(([p]) => /^projectIds\.\d+$/.test(p))
                      .map(([, m]) => m)
                      .join("; ")
                  }
                  nothingFoundMessage="No matching project"
                />
                <Stack gap={6}>
                  <Text size="sm" fw={500} id="objectives-label">
                    Objectives served
                  </Text>
                  {values.objectives.length === 0 ? (
                    <Text size="sm">No objective yet.</Text>
                  ) : (
                    values.objectives.map((o, i) => (
                      <Group key={o.key} align="flex-start" gap="sm" wrap="nowrap">
                        <Select
                          label={`Objective ${i + 1}`}
                          placeholder="Choose an objective"
                          searchable
                          data={objectiveOptions}
                          value={o.objectiveId}
                          onChange={(v) => setObjective(i, { objectiveId: v })}
                          error={problems[`objectives.${i}.objectiveId`]}
                          style={{ flex: 1 }}
                        />
                        <TextInput
                          label={`Weight of objective ${i + 1}`}
                          description="0 to 1"
                          inputMode="decimal"
                          w={140}
                          value={o.weight}
                          onChange={(e) => setObjective(i, { weight: e.currentTarget.value })}
                          error={problems[`objectives.${i}.weight`]}
                        />
                        <ActionIcon
                          mt={28}
                          variant="subtle"
                          color="red"
                          aria-label={`Remove objective ${i + 1}`}
                          onClick={() => patch({ objectives: values.objectives.filter((_, j) => j !== i) })}
                        >
                          <span aria-hidden="true">✕</span>
                        </ActionIcon>
                      </Group>
                    ))
                  )}
                  <div>
                    <Button
                      variant="default"
                      size="compact-sm"
                      onClick={() =>
                        patch({
                          objectives: [
                            ...values.objectives,
                            { key: newRowKey("objective"), objectiveId: null, weight: "1" },
                          ],
                        })
                      }
                    >
                      Add objective
                    </Button>
                  </div>
                </Stack>
              </Stack>
            </FormSection>

            <Group justify="flex-end">
              <Button component={Link} to={cancelTo} variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={submitting}>
                Save benefit
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <Stack style={{ position: "sticky", top: 72 }} gap="md">
          <DoamPanel
            doam={assessment.data?.doam}
            live
            checking={assessment.isFetching}
            note="Checked by the server a moment after you type. A benefit enters the register when it passes all four."
          />
          <Paper withBorder p="md" component="section" aria-labelledby="profile-preview-heading">
            <Title order={2} size="h4" id="profile-preview-heading" mb="xs">
              Profile preview
            </Title>
            {preview && preview.length > 0 ? (
              <Suspense fallback={<ChartFallback />}>
                <ProfilePreviewChart points={preview} unit={values.unit} />
              </Suspense>
            ) : (
              <Text size="sm">
                {values.profileMode === "keep"
                  ? "The stored profile is kept."
                  : values.profileMode === "none"
                    ? "No profile: tracking assumes a straight line from the baseline to the target."
                    : "Enter the baseline, the target and the start month to see the profile."}
              </Text>
            )}
            {assessProblems.length > 0 ? (
              <List size="sm" mt="xs" data-testid="assess-problems">
                {assessProblems.map((p) => (
                  <List.Item key={`${p.path}:${p.message}`}>
                    {p.path}: {p.message}
                  </List.Item>
                ))}
              </List>
            ) : null}
            {assessment.error ? <ErrorAlert error={assessment.error} title="The check could not run" /> : null}
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

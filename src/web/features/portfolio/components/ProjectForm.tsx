import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { DEFAULT_LIFECYCLE_STAGES, type ProjectStatus } from "../../../../domain/portfolio/project-rules.js";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { humanize } from "../../../components/format.js";
import { useMoney } from "../../../components/use-money.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { usePortfolios, usePrograms } from "../portfolios.js";
import { type FormProblems, isFormFieldPath, type ProjectFormValues } from "../project-form-model.js";
import { useCategories, useResourceRoles } from "../reference.js";
import { BudgetLinesEditor } from "./BudgetLinesEditor.js";
import { DemandLinesEditor } from "./DemandLinesEditor.js";

function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

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

/**
 * The project form for create and edit. Field errors come from the client's own conversions and from
 * the API's 400 (`errors[].path`), each shown beside its input.
 */
export function ProjectForm({
  initial,
  statusOptions,
  onSubmit,
  submitting,
  error,
  cancelTo,
  banner,
}: {
  initial: ProjectFormValues;
  statusOptions: readonly ProjectStatus[];
  /** Returns problems found before sending; empty when the form was sent. */
  onSubmit: (values: ProjectFormValues) => FormProblems;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  banner?: ReactNode;
}) {
  const [values, setValues] = useState(initial);
  const [clientProblems, setClientProblems] = useState<FormProblems>({});
  const messagesRef = useRef<HTMLDivElement>(null);

  // A refused save is reported at the top of the form: bring it into view and read it out.
  useEffect(() => {
    if (!error && Object.keys(clientProblems).length === 0) return;
    messagesRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    messagesRef.current?.focus({ preventScroll: true });
  }, [error, clientProblems]);
  const money = useMoney();
  const portfolios = usePortfolios();
  const programs = usePrograms(values.portfolioId);
  const categories = useCategories();
  const roles = useResourceRoles();
  const users = useUsers();

  const serverProblems = isApiError(error) && error.status === 400 ? error.fieldErrors : {};
  const problems: FormProblems = { ...serverProblems, ...clientProblems };
  const set = <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setClientProblems(onSubmit(values));
  };

  const userOptions = toUserOptions(users.data?.items);
  const stageOptions = [...new Set([...DEFAULT_LIFECYCLE_STAGES, values.lifecycleStage])].map((s) => ({
    value: s,
    label: humanize(s),
  }));
  const firstPeriod = /^\d{4}-\d{2}/.test(values.plannedStart) ? values.plannedStart.slice(0, 7) : thisMonth();
  const noPortfolios = portfolios.isSuccess && portfolios.data.items.length === 0;
  const hasProblems = Object.keys(clientProblems).length > 0 || (isApiError(error) && error.status === 400);

  return (
    <form onSubmit={submit} noValidate aria-label="Project">
      <Stack>
        <Stack ref={messagesRef} tabIndex={-1} gap="sm" style={{ outline: "none", scrollMarginTop: 72 }}>
          {banner}
          {noPortfolios ? (
            <Alert color="yellow" variant="light" title="No portfolio yet">
              Every project belongs to a portfolio.{" "}
              <Anchor component={Link} to="/portfolios">
                Create a portfolio
              </Anchor>{" "}
              first.
            </Alert>
          ) : null}
          {hasProblems ? (
            <Alert color="red" variant="light" title="The project was not saved" role="alert">
              Please correct the fields marked below.
              {isApiError(error) && Object.keys(error.fieldErrors).some((p) => !isFormFieldPath(p)) ? (
                <ErrorAlert error={error} title="Other problems" hideFields={isFormFieldPath} />
              ) : null}
            </Alert>
          ) : isApiError(error) && error.status === 409 && banner ? null : (
            <ErrorAlert error={error} title="The project was not saved" />
          )}
        </Stack>

        <FormSection title="Project">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Code"
              description="Short unique reference, e.g. PRJ-042"
              required
              maxLength={20}
              value={values.code}
              onChange={(e) => set("code", e.currentTarget.value)}
              error={problems.code}
            />
            <TextInput
              label="Name"
              required
              value={values.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={problems.name}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label="Description"
            autosize
            minRows={3}
            maxRows={12}
            value={values.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={problems.description}
          />
        </FormSection>

        <FormSection title="Classification">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Select
              label="Portfolio"
              required
              searchable
              data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={values.portfolioId}
              onChange={(v) =>
                setValues((cur) => ({
                  ...cur,
                  portfolioId: v,
                  programId: v === cur.portfolioId ? cur.programId : null,
                }))
              }
              error={problems.portfolioId}
            />
            <Select
              label="Program"
              placeholder={values.portfolioId ? "None" : "Choose a portfolio first"}
              clearable
              searchable
              disabled={!values.portfolioId}
              data={(programs.data?.items ?? [])
                .filter((p) => p.portfolioId === values.portfolioId)
                .map((p) => ({ value: p.id, label: p.name }))}
              value={values.programId}
              onChange={(v) => set("programId", v)}
              error={problems.programId}
            />
            <Select
              label="Category"
              required
              data={(categories.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
              value={values.category}
              onChange={(v) => set("category", v)}
              error={problems.category}
            />
            <Select
              label="Lifecycle stage"
              required
              allowDeselect={false}
              data={stageOptions}
              value={values.lifecycleStage}
              onChange={(v) => set("lifecycleStage", v ?? values.lifecycleStage)}
              error={problems.lifecycleStage}
            />
            <Select
              label="Status"
              required
              allowDeselect={false}
              data={statusOptions.map((s) => ({ value: s, label: humanize(s) }))}
              value={values.status}
              onChange={(v) => set("status", (v as ProjectStatus | null) ?? values.status)}
              error={problems.status}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title="People and schedule">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Sponsor"
              placeholder="None"
              clearable
              searchable
              data={userOptions}
              value={values.sponsorId}
              onChange={(v) => set("sponsorId", v)}
              error={problems.sponsorId}
            />
            <Select
              label="Manager"
              placeholder="None"
              clearable
              searchable
              data={userOptions}
              value={values.managerId}
              onChange={(v) => set("managerId", v)}
              error={problems.managerId}
            />
            <TextInput
              label="Planned start"
              type="date"
              required
              value={values.plannedStart}
              onChange={(e) => set("plannedStart", e.currentTarget.value)}
              error={problems.plannedStart}
            />
            <TextInput
              label="Planned end"
              type="date"
              required
              value={values.plannedEnd}
              onChange={(e) => set("plannedEnd", e.currentTarget.value)}
              error={problems.plannedEnd}
            />
          </SimpleGrid>
        </FormSection>

        <Paper withBorder p="md">
          <BudgetLinesEditor
            rows={values.budget}
            onChange={(rows) => set("budget", rows)}
            problems={problems}
            currency={money.currency}
            firstPeriod={firstPeriod}
          />
        </Paper>
        <Paper withBorder p="md">
          <DemandLinesEditor
            rows={values.demand}
            onChange={(rows) => set("demand", rows)}
            problems={problems}
            roles={roles.data?.items ?? []}
            firstPeriod={firstPeriod}
          />
        </Paper>

        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

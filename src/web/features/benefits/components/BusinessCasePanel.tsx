import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatPeriod } from "../../../components/format.js";
import { PageLoader } from "../../../components/PageLoader.js";
import { useMoney } from "../../../components/use-money.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { newRowKey } from "../benefit-form-model.js";
import { type AppraiseBody, useAppraise, useBusinessCase, useSaveBusinessCase } from "../benefits-api.js";
import { formatNumber, formatPct } from "../labels.js";
import type { Appraisal, BusinessCase } from "../types.js";

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

type FlowRow = { key: string; year: string; costs: string; benefits: string };
type CaseForm = {
  discountRate: string;
  financeRate: string;
  reinvestRate: string;
  firstYear: string;
  flows: FlowRow[];
  benefitsFromProfiles: boolean;
  notes: string;
};

const pct = (rate: number | null) => (rate === null ? "" : String(Math.round(rate * 100_000) / 1000));
const money = (cents: number) => String(cents / 100);

function formOf(bc: BusinessCase | null): CaseForm {
  const year = new Date().getFullYear();
  if (!bc)
    return {
      discountRate: "8",
      financeRate: "",
      reinvestRate: "",
      firstYear: String(year),
      flows: [0, 1, 2, 3].map((i) => ({ key: newRowKey("flow"), year: String(year + i), costs: "0", benefits: "0" })),
      benefitsFromProfiles: false,
      notes: "",
    };
  return {
    discountRate: pct(bc.discountRate),
    financeRate: pct(bc.financeRate),
    reinvestRate: pct(bc.reinvestRate),
    firstYear: String(bc.firstYear),
    flows: bc.flows.map((f) => ({
      key: newRowKey("flow"),
      year: String(f.year),
      costs: money(f.costsCents),
      benefits: money(f.benefitsCents),
    })),
    benefitsFromProfiles: bc.benefitsFromProfiles,
    notes: bc.notes,
  };
}

type Parsed = {
  body: {
    discountRate: number;
    financeRate: number | null;
    reinvestRate: number | null;
    firstYear: number;
    flows: { year: number; costsCents: number; benefitsCents: number }[];
    benefitsFromProfiles: boolean;
    notes: string;
  };
  problems: Record<string, string>;
};

function parse(f: CaseForm): Parsed {
  const problems: Record<string, string> = {};
  const num = (v: string, path: string, required: boolean): number | null => {
    if (v.trim() === "") {
      if (required) problems[path] = "is required";
      return null;
    }
    if (!NUMBER.test(v)) {
      problems[path] = "enter a number";
      return null;
    }
    return Number(v);
  };
  const discount = num(f.discountRate, "discountRate", true);
  const finance = num(f.financeRate, "financeRate", false);
  const reinvest = num(f.reinvestRate, "reinvestRate", false);
  const firstYear = num(f.firstYear, "firstYear", true);
  const flows = f.flows.map((row, i) => ({
    year: Math.round(num(row.year, `flows.${i}.year`, true) ?? 0),
    costsCents: Math.round((num(row.costs, `flows.${i}.costsCents`, true) ?? 0) * 100),
    benefitsCents: Math.round((num(row.benefits, `flows.${i}.benefitsCents`, true) ?? 0) * 100),
  }));
  return {
    body: {
      discountRate: (discount ?? 0) / 100,
      financeRate: finance === null ? null : finance / 100,
      reinvestRate: reinvest === null ? null : reinvest / 100,
      firstYear: Math.round(firstYear ?? 0),
      flows,
      benefitsFromProfiles: f.benefitsFromProfiles,
      notes: f.notes,
    },
    problems,
  };
}

/** Net flows from the first year to the last, in currency units, for the calculator. */
function toAppraise(p: Parsed): AppraiseBody | null {
  if (Object.keys(p.problems).length > 0 || p.body.flows.length === 0) return null;
  const { firstYear, flows } = p.body;
  const last = Math.max(firstYear, ...flows.map((f) => f.year));
  if (last - firstYear > 100 || flows.some((f) => f.year < firstYear)) return null;
  const cashflows = Array.from({ length: last - firstYear + 1 }, (_, i) =>
    flows.filter((f) => f.year === firstYear + i).reduce((t, f) => t + (f.benefitsCents - f.costsCents) / 100, 0),
  );
  return {
    rate: p.body.discountRate,
    cashflows,
    ...(p.body.financeRate === null ? {} : { financeRate: p.body.financeRate }),
    ...(p.body.reinvestRate === null ? {} : { reinvestRate: p.body.reinvestRate }),
  };
}

function Metric({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </div>
  );
}

const years = (n: number | null) => (n === null ? "Never" : `${formatNumber(n)} years`);

/** NPV, IRR (with its "none" and "multiple" cases in words), MIRR, paybacks, ROI and BCR. */
export function AppraisalFigures({
  appraisal,
  formatMoney,
}: {
  appraisal: Appraisal;
  formatMoney: (cents: number) => string;
}) {
  const irr =
    appraisal.irrKind === "unique"
      ? formatPct(appraisal.irr === null ? null : appraisal.irr * 100)
      : appraisal.irrKind === "none"
        ? "None"
        : "Multiple";
  const irrHint =
    appraisal.irrKind === "none"
      ? "No discount rate between −99 % and 1000 % makes the NPV zero."
      : appraisal.irrKind === "multiple"
        ? "The flows change sign more than once, so several rates make the NPV zero: read the NPV or the MIRR."
        : "The discount rate at which the NPV is zero";
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" data-testid="appraisal">
      <Metric
        label="NPV"
        value={appraisal.npv === null ? "—" : formatMoney(Math.round(appraisal.npv * 100))}
        hint="Net present value at the discount rate"
      />
      <Metric label="IRR" value={irr} hint={irrHint} />
      <Metric
        label="MIRR"
        value={formatPct(appraisal.mirr === null ? null : appraisal.mirr * 100)}
        hint="Modified IRR, with the finance and reinvestment rates"
      />
      <Metric label="Payback" value={years(appraisal.paybackPeriods)} hint="Until the cumulative flow reaches zero" />
      <Metric
        label="Discounted payback"
        value={years(appraisal.discountedPaybackPeriods)}
        hint="The same, with discounted flows"
      />
      <Metric
        label="ROI"
        value={formatPct(appraisal.roi === null ? null : appraisal.roi * 100)}
        hint="(Inflows − outflows) / outflows, undiscounted"
      />
      <Metric
        label="BCR"
        value={appraisal.bcr === null ? "—" : formatNumber(appraisal.bcr)}
        hint="Present value of benefits / of costs"
      />
    </SimpleGrid>
  );
}

function CaseEditor({
  projectId,
  current,
  onDone,
}: {
  projectId: string;
  current: BusinessCase | null;
  onDone: () => void;
}) {
  const save = useSaveBusinessCase(projectId);
  const { currency, format } = useMoney();
  const [form, setForm] = useState(() => formOf(current));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const parsed = useMemo(() => parse(form), [form]);
  const [debounced] = useDebouncedValue(
    useMemo(() => toAppraise(parsed), [parsed]),
    400,
  );
  const preview = useAppraise(debounced);
  const serverErrors = isApiError(save.error) && save.error.status === 400 ? save.error.fieldErrors : {};
  const errors = { ...serverErrors, ...problems };
  const setRow = (i: number, patch: Partial<FlowRow>) =>
    setForm({ ...form, flows: form.flows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems(parsed.problems);
    if (Object.keys(parsed.problems).length > 0) return;
    save.mutate({ version: current?.version ?? null, ...parsed.body }, { onSuccess: onDone });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-editor-heading">
      <form onSubmit={submit} noValidate aria-label="Business case">
        <Stack gap="sm">
          <Title order={2} size="h5" id="case-editor-heading">
            {current ? "Edit the business case" : "New business case"}
          </Title>
          <ErrorAlert
            error={save.error}
            title="The business case was not saved"
            hideFields={(p) => /^(discountRate|financeRate|reinvestRate|firstYear|notes|flows\.\d+\.\w+)$/.test(p)}
          />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput
              label="Discount rate (% a year)"
              required
              inputMode="decimal"
              value={form.discountRate}
              onChange={(e) => setForm({ ...form, discountRate: e.currentTarget.value })}
              error={errors.discountRate}
            />
            <TextInput
              label="Finance rate (%)"
              description="For MIRR; the discount rate if empty"
              inputMode="decimal"
              value={form.financeRate}
              onChange={(e) => setForm({ ...form, financeRate: e.currentTarget.value })}
              error={errors.financeRate}
            />
            <TextInput
              label="Reinvestment rate (%)"
              description="For MIRR; the discount rate if empty"
              inputMode="decimal"
              value={form.reinvestRate}
              onChange={(e) => setForm({ ...form, reinvestRate: e.currentTarget.value })}
              error={errors.reinvestRate}
            />
            <TextInput
              label="First year (t = 0)"
              required
              inputMode="numeric"
              value={form.firstYear}
              onChange={(e) => setForm({ ...form, firstYear: e.currentTarget.value })}
              error={errors.firstYear}
            />
          </SimpleGrid>
          <Table aria-label="Cash flows by year" withRowBorders={false} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Year</Table.Th>
                <Table.Th scope="col">Costs ({currency})</Table.Th>
                <Table.Th scope="col">Benefits ({currency})</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Remove</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.flows.map((row, i) => (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <TextInput
                      aria-label={`Year of row ${i + 1}`}
                      inputMode="numeric"
                      w={100}
                      value={row.year}
                      onChange={(e) => setRow(i, { year: e.currentTarget.value })}
                      error={errors[`flows.${i}.year`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Costs in ${row.year || `row ${i + 1}`}`}
                      inputMode="decimal"
                      value={row.costs}
                      onChange={(e) => setRow(i, { costs: e.currentTarget.value })}
                      error={errors[`flows.${i}.costsCents`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Benefits in ${row.year || `row ${i + 1}`}`}
                      inputMode="decimal"
                      value={row.benefits}
                      onChange={(e) => setRow(i, { benefits: e.currentTarget.value })}
                      error={errors[`flows.${i}.benefitsCents`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${row.year || `row ${i + 1}`}`}
                      onClick={() => setForm({ ...form, flows: form.flows.filter((_, j) => j !== i) })}
                    >
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <div>
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => {
                const last = Number(form.flows.at(-1)?.year ?? form.firstYear);
                setForm({
                  ...form,
                  flows: [
                    ...form.flows,
                    {
                      key: newRowKey("flow"),
                      year: String(Number.isFinite(last) ? last + 1 : ""),
                      costs: "0",
                      benefits: "0",
                    },
                  ],
                });
              }}
            >
              Add year
            </Button>
          </div>
          <Switch
            label="Add the planned money of the project's financial benefits (their profiles × value per unit) to the benefits"
            checked={form.benefitsFromProfiles}
            onChange={(e) => setForm({ ...form, benefitsFromProfiles: e.currentTarget.checked })}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={form.notes}
            onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })}
            error={errors.notes}
          />
          {preview.data ? (
            <Paper bg="var(--mantine-color-gray-0)" p="sm" aria-live="polite">
              <Text size="sm" fw={600} mb="xs">
                Appraisal of the flows as entered{form.benefitsFromProfiles ? " (without the benefits' profiles)" : ""}
              </Text>
              <AppraisalFigures appraisal={preview.data} formatMoney={format} />
            </Paper>
          ) : null}
          <Group justify="flex-end">
            {current ? (
              <Button variant="default" onClick={onDone}>
                Cancel
              </Button>
            ) : null}
            <Button type="submit" loading={save.isPending}>
              Save business case
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The project's business case: yearly flows, the appraisal, and benefits planned against realized to date. */
export default function BusinessCasePanel({ projectId, mayEdit }: { projectId: string; mayEdit: boolean }) {
  const bc = useBusinessCase(projectId);
  const { format } = useMoney();
  const [editing, setEditing] = useState(false);
  const missing = isApiError(bc.error) && bc.error.status === 404;

  if (bc.isPending) return <PageLoader label="Loading the business case" />;
  if (bc.error && !missing) return <ErrorAlert error={bc.error} title="The business case could not be loaded" />;
  if (!bc.data) {
    return (
      <Stack>
        <Text>This project has no business case yet.</Text>
        {mayEdit ? <CaseEditor projectId={projectId} current={null} onDone={() => setEditing(false)} /> : null}
      </Stack>
    );
  }
  const data = bc.data;
  const r = data.realizedToDate;
  const share = r.plannedBenefitsCents > 0 ? (r.realizedBenefitsCents / r.plannedBenefitsCents) * 100 : null;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="appraisal-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="appraisal-heading">
            Appraisal
          </Title>
          {mayEdit && !editing ? (
            <Button variant="default" size="compact-sm" onClick={() => setEditing(true)}>
              Edit business case
            </Button>
          ) : null}
        </Group>
        {data.warnings.length > 0 ? (
          <Alert color="yellow" variant="light" title="Warnings" mb="sm">
            <List size="sm">
              {data.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <AppraisalFigures appraisal={data.planned} formatMoney={format} />
        <Text size="xs" c="dimmed" mt="sm">
          Discount rate {formatPct(data.discountRate * 100)} a year; t = 0 is {data.firstYear}.
          {data.benefitsFromProfiles ? " Benefits include the planned money of the project's financial benefits." : ""}
        </Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="realized-heading">
        <Title order={2} size="h4" id="realized-heading" mb="sm">
          Benefits planned against realized to date
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Metric label="Planned to date" value={format(r.plannedBenefitsCents)} />
          <Metric label="Realized to date" value={format(r.realizedBenefitsCents)} />
          <Metric label="Share realized" value={formatPct(share)} hint={`As of ${formatPeriod(r.asOf)}`} />
        </SimpleGrid>
        {share !== null ? (
          <Progress
            mt="sm"
            value={Math.max(0, Math.min(100, share))}
            aria-label="Share of the planned benefits realized to date"
          />
        ) : (
          <Text size="xs" c="dimmed" mt="xs">
            Benefits count here when they have a value per unit.
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="flows-heading">
        <Title order={2} size="h4" id="flows-heading" mb="sm">
          Net cash flows by year
        </Title>
        <ScrollTable label="Net cash flows" minWidth={560}>
          <Table striped aria-label="Net cash flows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Year</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Costs
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Benefits
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  From benefit profiles
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Net
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.netFlowsCents.map((n) => {
                const f = data.flows.find((x) => x.year === n.year);
                return (
                  <Table.Tr key={n.year}>
                    <Table.Th scope="row">{n.year}</Table.Th>
                    <Table.Td className="numeric">{format(f?.costsCents ?? 0)}</Table.Td>
                    <Table.Td className="numeric">{format(f?.benefitsCents ?? 0)}</Table.Td>
                    <Table.Td className="numeric">{format(n.profileBenefitsCents)}</Table.Td>
                    <Table.Td className="numeric" fw={600}>
                      {format(n.netCents)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {data.notes ? (
          <Alert color="gray" variant="light" mt="sm" title="Notes">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {data.notes}
            </Text>
          </Alert>
        ) : null}
      </Paper>
      {editing ? <CaseEditor projectId={projectId} current={data} onDone={() => setEditing(false)} /> : null}
    </Stack>
  );
}

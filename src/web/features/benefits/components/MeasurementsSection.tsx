import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ConfirmModal } from "../../../components/ConfirmModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatDate, formatDateTime, formatPeriod } from "../../../components/format.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { useDeleteMeasurement, useRecordMeasurement, useUpdateMeasurement } from "../benefits-api.js";
import { currentMonth, formatWithUnit, todayIso } from "../labels.js";
import type { Measurement } from "../types.js";

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const FIELDS = new Set(["period", "value", "measuredOn", "evidence", "source"]);

function isMeasurement(value: unknown): value is Measurement {
  return typeof value === "object" && value !== null && "period" in value && "version" in value && "id" in value;
}

const VIA: Record<Measurement["recordedVia"], string> = { manual: "by hand", import: "imported", token: "API feed" };

/**
 * Records a month's value. A month holds one value: when the month has one already, the server's
 * 409 names it, and the form shows it and offers to correct it instead.
 */
export function RecordMeasurementForm({ benefitId, unit }: { benefitId: string; unit: string }) {
  const record = useRecordMeasurement(benefitId);
  const correct = useUpdateMeasurement();
  const [period, setPeriod] = useState(() => currentMonth(-1));
  const [value, setValue] = useState("");
  const [measuredOn, setMeasuredOn] = useState(todayIso);
  const [evidence, setEvidence] = useState("");
  const [source, setSource] = useState("");
  const [valueProblem, setValueProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const fieldErrors = isApiError(record.error) && record.error.status === 400 ? record.error.fieldErrors : {};
  const existing =
    isApiError(record.error) && record.error.status === 409 && isMeasurement(record.error.current)
      ? record.error.current
      : null;
  const u = unit ? ` (${unit})` : "";

  const clear = (message: string) => {
    setValue("");
    setEvidence("");
    setSource("");
    setDone(message);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    correct.reset();
    if (!NUMBER.test(value)) {
      setValueProblem("enter a number, such as 40 or 12.5");
      return;
    }
    setValueProblem(undefined);
    record.mutate(
      { period, value: Number(value), measuredOn: measuredOn || undefined, evidence, source },
      { onSuccess: (m) => clear(`Recorded ${formatWithUnit(m.value, unit)} for ${formatPeriod(m.period)}.`) },
    );
  };

  const correctExisting = () => {
    if (!existing) return;
    correct.mutate(
      {
        id: existing.id,
        version: existing.version,
        value: Number(value),
        ...(measuredOn ? { measuredOn } : {}),
        // Empty fields keep what the recorded value has.
        ...(evidence.trim() ? { evidence } : {}),
        ...(source.trim() ? { source } : {}),
      },
      {
        onSuccess: (m) => {
          record.reset();
          clear(`Corrected ${formatPeriod(m.period)} to ${formatWithUnit(m.value, unit)}.`);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="record-measurement-heading">
      <form onSubmit={submit} noValidate aria-label="Record measurement">
        <Stack gap="sm">
          <Title order={3} size="h5" id="record-measurement-heading">
            Record measurement
          </Title>
          {existing ? (
            <Alert
              color="orange"
              variant="light"
              title={`${formatPeriod(existing.period)} has a value already`}
              role="alert"
            >
              <Text size="sm" mb="xs">
                The value recorded for {formatPeriod(existing.period)} is{" "}
                <strong data-testid="existing-value">{formatWithUnit(existing.value, unit)}</strong>, measured on{" "}
                {formatDate(existing.measuredOn)}. A month holds one value: correct it to the value you entered instead.
              </Text>
              <Group gap="sm">
                <Button size="compact-sm" onClick={correctExisting} loading={correct.isPending}>
                  Correct it to {formatWithUnit(Number(value), unit)}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => record.reset()}>
                  Keep the recorded value
                </Button>
              </Group>
              <ErrorAlert error={correct.error} title="The value was not corrected" />
            </Alert>
          ) : (
            <ErrorAlert
              error={record.error}
              title="The measurement was not recorded"
              hideFields={(p) => FIELDS.has(p)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Month"
              type="month"
              required
              max={currentMonth()}
              value={period}
              onChange={(e) => setPeriod(e.currentTarget.value)}
              error={fieldErrors.period}
            />
            <TextInput
              label={`Value${u}`}
              required
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={valueProblem ?? fieldErrors.value}
            />
            <TextInput
              label="Measured on"
              type="date"
              max={todayIso()}
              value={measuredOn}
              onChange={(e) => setMeasuredOn(e.currentTarget.value)}
              error={fieldErrors.measuredOn}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label="Evidence"
              description="Where the value can be checked: a report, a query, a link"
              autosize
              minRows={1}
              maxLength={5000}
              value={evidence}
              onChange={(e) => setEvidence(e.currentTarget.value)}
              error={fieldErrors.evidence}
            />
            <TextInput
              label="Source"
              placeholder="e.g. Claims system"
              maxLength={500}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              error={fieldErrors.source}
            />
          </SimpleGrid>
          <Group justify="space-between">
            <Text size="sm" role="status">
              {done ?? ""}
            </Text>
            <Button type="submit" loading={record.isPending}>
              Record measurement
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EditMeasurementModal({
  measurement,
  unit,
  onClose,
}: {
  measurement: Measurement | null;
  unit: string;
  onClose: () => void;
}) {
  const update = useUpdateMeasurement();
  const [value, setValue] = useState("");
  const [measuredOn, setMeasuredOn] = useState("");
  const [evidence, setEvidence] = useState("");
  const [source, setSource] = useState("");
  const [valueProblem, setValueProblem] = useState<string | undefined>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!measurement) return;
    setValue(String(measurement.value));
    setMeasuredOn(measurement.measuredOn);
    setEvidence(measurement.evidence);
    setSource(measurement.source);
    setValueProblem(undefined);
    update.reset();
  }, [measurement]);

  const fieldErrors = isApiError(update.error) && update.error.status === 400 ? update.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!measurement) return;
    if (!NUMBER.test(value)) {
      setValueProblem("enter a number, such as 40 or 12.5");
      return;
    }
    update.mutate(
      { id: measurement.id, version: measurement.version, value: Number(value), measuredOn, evidence, source },
      { onSuccess: onClose },
    );
  };

  return (
    <AppModal
      opened={measurement !== null}
      onClose={onClose}
      title={`Correct ${measurement ? formatPeriod(measurement.period) : "measurement"}`}
    >
      <form onSubmit={submit} noValidate aria-label="Correct measurement">
        <Stack>
          <ErrorAlert
            error={update.error}
            title="The measurement was not corrected"
            hideFields={(p) => FIELDS.has(p)}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={`Value${unit ? ` (${unit})` : ""}`}
              required
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={valueProblem ?? fieldErrors.value}
              data-autofocus
            />
            <TextInput
              label="Measured on"
              type="date"
              value={measuredOn}
              onChange={(e) => setMeasuredOn(e.currentTarget.value)}
              error={fieldErrors.measuredOn}
            />
          </SimpleGrid>
          <Textarea
            label="Evidence"
            autosize
            minRows={1}
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
            error={fieldErrors.evidence}
          />
          <TextInput
            label="Source"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={fieldErrors.source}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save correction
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The benefit's measurements, newest first, with corrections and deletion for those who may measure. */
export function MeasurementsTable({
  items,
  unit,
  mayMeasure,
}: {
  items: readonly Measurement[];
  unit: string;
  mayMeasure: boolean;
}) {
  const [editing, setEditing] = useState<Measurement | null>(null);
  const [deleting, setDeleting] = useState<Measurement | null>(null);
  const remove = useDeleteMeasurement();
  const sorted = [...items].sort((a, b) => b.period.localeCompare(a.period));

  if (sorted.length === 0) return <Text mb="md">No measurements recorded yet.</Text>;
  return (
    <>
      <ErrorAlert error={remove.error} title="The measurement was not deleted" />
      <ScrollTable label="Measurements" minWidth={760}>
        <Table striped aria-label="Measurements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col" className="numeric">
                Value
              </Table.Th>
              <Table.Th scope="col" style={{ whiteSpace: "nowrap" }}>
                Measured on
              </Table.Th>
              <Table.Th scope="col">Evidence and source</Table.Th>
              <Table.Th scope="col">Recorded</Table.Th>
              {mayMeasure ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((m) => (
              <Table.Tr key={m.id} data-period={m.period}>
                <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                  {formatPeriod(m.period)}
                </Table.Th>
                <Table.Td className="numeric">{formatWithUnit(m.value, unit)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(m.measuredOn)}</Table.Td>
                <Table.Td>
                  {m.evidence || "—"}
                  {m.source ? (
                    <Text size="xs" c="dimmed">
                      {m.source}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {m.recordedBy?.name ?? "—"}
                  <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }} title={formatDateTime(m.updatedAt)}>
                    {VIA[m.recordedVia]}, {formatDate(m.updatedAt)}
                  </Text>
                </Table.Td>
                {mayMeasure ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(m)}>
                        Correct<span className="visually-hidden"> {formatPeriod(m.period)}</span>
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeleting(m)}>
                        Delete<span className="visually-hidden"> {formatPeriod(m.period)}</span>
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <EditMeasurementModal measurement={editing} unit={unit} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title="Delete measurement"
        confirmLabel="Delete"
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate({ id: deleting.id, version: deleting.version }, { onSettled: () => setDeleting(null) })
        }
      >
        Delete the value {deleting ? formatWithUnit(deleting.value, unit) : ""} of{" "}
        {deleting ? formatPeriod(deleting.period) : ""}? Tracking and the forecast are recomputed without it.
      </ConfirmModal>
    </>
  );
}

import { Button, Group, Paper, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { todayIso } from "../labels.js";
import { useRecordCheckIn } from "../strategy-api.js";

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Records the metric's value on a date; a second check-in on the same date corrects the first. */
export function CheckInForm({ goalId, unit }: { goalId: string; unit: string }) {
  const record = useRecordCheckIn(goalId);
  const [date, setDate] = useState(todayIso);
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [valueProblem, setValueProblem] = useState<string | undefined>();
  const [recorded, setRecorded] = useState(false);
  const fieldErrors = isApiError(record.error) ? record.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRecorded(false);
    if (!NUMBER.test(value)) {
      setValueProblem("enter a number, such as 40 or 12.5");
      return;
    }
    setValueProblem(undefined);
    record.mutate(
      { date, value: Number(value), note },
      {
        onSuccess: () => {
          setValue("");
          setNote("");
          setRecorded(true);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="check-in-form-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id="check-in-form-heading">
            Record check-in
          </Title>
          <ErrorAlert
            error={record.error}
            title="The check-in was not recorded"
            hideFields={(p) => ["date", "value", "note"].includes(p)}
          />
          <Group align="flex-start" grow wrap="wrap">
            <TextInput
              label="Date"
              type="date"
              required
              max={todayIso()}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={fieldErrors.date}
            />
            <TextInput
              label={`Value${unit ? ` (${unit})` : ""}`}
              required
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={valueProblem ?? fieldErrors.value}
            />
          </Group>
          <Textarea
            label="Note"
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldErrors.note}
          />
          <Group justify="space-between">
            <span role="status">{recorded ? "Check-in recorded." : ""}</span>
            <Button type="submit" loading={record.isPending}>
              Record check-in
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

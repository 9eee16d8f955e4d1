import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatDate } from "../../../components/format.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { useHandOver } from "../benefits-api.js";
import { formatWithUnit, todayIso } from "../labels.js";
import type { Benefit } from "../types.js";

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const FIELDS = new Set(["toUserId", "projectId", "handedOverOn", "remaining", "remainingValue"]);

/** Hand-overs of the benefit to its operational owner, and the form to record one. */
export function HandoverSection({ benefit }: { benefit: Benefit }) {
  const handOver = useHandOver(benefit.id);
  const users = useUsers();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [handedOverOn, setHandedOverOn] = useState(todayIso);
  const [remaining, setRemaining] = useState("");
  const [remainingValue, setRemainingValue] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const serverErrors = isApiError(handOver.error) && handOver.error.status === 400 ? handOver.error.fieldErrors : {};
  const errors = { ...serverErrors, ...problems };
  const history = [...benefit.handovers].sort((a, b) => b.handedOverOn.localeCompare(a.handedOverOn));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found: Record<string, string> = {};
    if (!toUserId) found.toUserId = "choose the operational owner";
    if (remainingValue.trim() && !NUMBER.test(remainingValue)) found.remainingValue = "enter a number";
    setProblems(found);
    if (Object.keys(found).length > 0 || !toUserId) return;
    handOver.mutate(
      {
        toUserId,
        projectId,
        handedOverOn: handedOverOn || undefined,
        remaining,
        remainingValue: remainingValue.trim() ? Number(remainingValue) : null,
      },
      {
        onSuccess: () => {
          setDone(true);
          setRemaining("");
          setRemainingValue("");
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        Operational owner: <strong>{benefit.operationalOwner?.name ?? "not handed over yet"}</strong>. Tracking
        continues after the hand-over.
      </Text>
      {history.length > 0 ? (
        <ScrollTable label="Hand-over history" minWidth={640}>
          <Table striped aria-label="Hand-over history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">From → to</Table.Th>
                <Table.Th scope="col">Project</Table.Th>
                <Table.Th scope="col">What remains</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(h.handedOverOn)}</Table.Td>
                  <Table.Td>
                    {h.from?.name ?? "—"} → {h.to?.name ?? "—"}
                  </Table.Td>
                  <Table.Td>{benefit.projects.find((p) => p.id === h.projectId)?.code ?? "—"}</Table.Td>
                  <Table.Td>
                    {h.remaining || "—"}
                    {h.remainingValue !== null ? (
                      <Text size="xs">Remaining: {formatWithUnit(h.remainingValue, benefit.unit)}</Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text size="sm">No hand-over recorded yet.</Text>
      )}
      {benefit.permissions.edit ? (
        <Paper withBorder p="md" component="section" aria-labelledby="handover-form-heading">
          <form onSubmit={submit} noValidate aria-label="Hand over">
            <Stack gap="sm">
              <Title order={3} size="h5" id="handover-form-heading">
                Hand over to operations
              </Title>
              <ErrorAlert
                error={handOver.error}
                title="The hand-over was not recorded"
                hideFields={(p) => FIELDS.has(p)}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label="Hand over to"
                  required
                  searchable
                  placeholder="Choose a person"
                  data={toUserOptions(users.data?.items)}
                  value={toUserId}
                  onChange={setToUserId}
                  error={errors.toUserId}
                />
                <Select
                  label="At the closure of"
                  placeholder="No project"
                  clearable
                  data={benefit.projects.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
                  value={projectId}
                  onChange={setProjectId}
                  error={errors.projectId}
                />
                <TextInput
                  label="Handed over on"
                  type="date"
                  value={handedOverOn}
                  onChange={(e) => setHandedOverOn(e.currentTarget.value)}
                  error={errors.handedOverOn}
                />
              </SimpleGrid>
              <Group align="flex-start" grow wrap="wrap">
                <Textarea
                  label="What remains to be realized"
                  autosize
                  minRows={2}
                  value={remaining}
                  onChange={(e) => setRemaining(e.currentTarget.value)}
                  error={errors.remaining}
                />
                <TextInput
                  label={`Remaining value${benefit.unit ? ` (${benefit.unit})` : ""}`}
                  inputMode="decimal"
                  value={remainingValue}
                  onChange={(e) => setRemainingValue(e.currentTarget.value)}
                  error={errors.remainingValue}
                />
              </Group>
              <Group justify="space-between">
                <Text size="sm" role="status">
                  {done ? "Hand-over recorded." : ""}
                </Text>
                <Button type="submit" loading={handOver.isPending}>
                  Record hand-over
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
    </Stack>
  );
}

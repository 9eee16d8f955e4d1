import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { isApiError } from "../../api/api-error.js";
import { AppModal } from "../../components/AppModal.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCorrectiveActions, useUpdateAction } from "../../features/benefits/benefits-api.js";
import { ActionStatusBadge, OverdueBadge } from "../../features/benefits/components/badges.js";
import { ACTION_STATUS_LABELS, ruleTitle } from "../../features/benefits/labels.js";
import type { ActionStatus, CorrectiveAction } from "../../features/benefits/types.js";
import { useCan } from "../../features/identity/session.js";
import { toUserOptions, useUsers } from "../../features/identity/users.js";
import { listParam } from "../../features/meetings/use-url-filters.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";

const STATUSES = Object.keys(ACTION_STATUS_LABELS) as ActionStatus[];
const FIELDS = new Set(["title", "status", "ownerId", "dueDate", "expectedEffect", "description"]);

function UpdateActionModal({ action, onClose }: { action: CorrectiveAction | null; onClose: () => void }) {
  const update = useUpdateAction();
  const users = useUsers();
  const [status, setStatus] = useState<ActionStatus>("open");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [expectedEffect, setExpectedEffect] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!action) return;
    setStatus(action.status);
    setOwnerId(action.owner?.id ?? null);
    setDueDate(action.dueDate);
    setExpectedEffect(action.expectedEffect);
    update.reset();
  }, [action]);

  const errors = isApiError(update.error) && update.error.status === 400 ? update.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    const body: Record<string, unknown> = { version: action.version };
    if (status !== action.status) body.status = status;
    if (ownerId !== (action.owner?.id ?? null)) body.ownerId = ownerId;
    if (dueDate !== action.dueDate) body.dueDate = dueDate;
    if (expectedEffect !== action.expectedEffect) body.expectedEffect = expectedEffect;
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    update.mutate({ id: action.id, ...(body as { version: number }) }, { onSuccess: onClose });
  };

  return (
    <AppModal opened={action !== null} onClose={onClose} title="Update corrective action" size="lg">
      <form onSubmit={submit} noValidate aria-label="Update corrective action">
        <Stack>
          <Text size="sm" fw={600}>
            {action?.title}
          </Text>
          <ErrorAlert error={update.error} title="The action was not updated" hideFields={(p) => FIELDS.has(p)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Status"
              allowDeselect={false}
              data={STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
              value={status}
              onChange={(v) => setStatus((v as ActionStatus | null) ?? status)}
              error={errors.status}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
            <Select
              label="Action owner"
              searchable
              clearable
              placeholder="None"
              data={toUserOptions(users.data?.items)}
              value={ownerId}
              onChange={setOwnerId}
              error={errors.ownerId}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Due date"
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
            />
          </SimpleGrid>
          <Textarea
            label="Expected effect"
            autosize
            minRows={2}
            value={expectedEffect}
            onChange={(e) => setExpectedEffect(e.currentTarget.value)}
            error={errors.expectedEffect}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Corrective actions raised on benefits, by due date; after the due date, whether the trend improved. */
export default function CorrectiveActionsPage() {
  const [params, setParams] = useSearchParams();
  const status = listParam(params.get("status"), STATUSES);
  const highlight = params.get("highlight");
  const list = useCorrectiveActions({ status });
  const mayWrite = useCan("corrective_action.write");
  const [editing, setEditing] = useState<CorrectiveAction | null>(null);
  const items = list.data?.items ?? [];

  useEffect(() => {
    if (!highlight || !list.data) return;
    document.getElementById(`action-${highlight}`)?.scrollIntoView({ block: "center" });
  }, [highlight, list.data]);

  return (
    <>
      <PageHeader
        title="Corrective actions"
        description="Actions raised when a benefit falls behind. Once an action is past its due date, the trend of the KPI since it was raised is compared with the trend before."
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <MultiSelect
          label="Status"
          placeholder={status.length ? undefined : "Any status"}
          data={STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (v.length) next.set("status", v.join(","));
                else next.delete("status");
                return next;
              },
              { replace: true },
            )
          }
          clearable
          w={{ base: "100%", xs: 300 }}
        />
      </Group>
      <ErrorAlert error={list.error} title="Corrective actions could not be loaded" />
      {list.isPending ? (
        <PageLoader label="Loading corrective actions" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No corrective actions{status.length ? " with this status" : " yet"}.</Text>
        </Paper>
      ) : (
        <ScrollTable label="Corrective actions" minWidth={1000}>
          <Table striped aria-label="Corrective actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Benefit</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Effect</Table.Th>
                {mayWrite ? (
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr
                  key={a.id}
                  id={`action-${a.id}`}
                  aria-current={a.id === highlight ? "true" : undefined}
                  bg={a.id === highlight ? "var(--mantine-color-yellow-0)" : undefined}
                >
                  <Table.Th scope="row">
                    {a.title}
                    <Text size="xs" c="dimmed" fw={400}>
                      {ruleTitle(a.rule)}
                    </Text>
                    {a.expectedEffect ? (
                      <Text size="xs" fw={400}>
                        Expected: {a.expectedEffect}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>
                    <Anchor component={Link} to={`/benefits/${a.benefitId}`} size="sm">
                      {a.benefitCode}
                    </Anchor>
                    <Text size="xs">{a.benefitTitle}</Text>
                  </Table.Td>
                  <Table.Td>{a.owner?.name ?? "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatDate(a.dueDate)}
                    {a.overdue ? (
                      <div>
                        <OverdueBadge />
                      </div>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <ActionStatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td maw={320}>
                    {a.effect ? (
                      <>
                        <Badge
                          color={a.effect.improved === true ? "green" : a.effect.improved === false ? "red" : "gray"}
                          variant="light"
                          mb={4}
                        >
                          {a.effect.improved === true
                            ? "Trend improved"
                            : a.effect.improved === false
                              ? "Trend did not improve"
                              : "Not enough data"}
                        </Badge>
                        <Text size="xs">{a.effect.summary}</Text>
                      </>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Judged after the due date
                      </Text>
                    )}
                  </Table.Td>
                  {mayWrite ? (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)}>
                        Update<span className="visually-hidden"> {a.title}</span>
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <UpdateActionModal action={editing} onClose={() => setEditing(null)} />
    </>
  );
}

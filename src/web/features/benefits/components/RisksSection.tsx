import { Button, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatDate } from "../../../components/format.js";
import { toUserOptions, useUsers } from "../../identity/users.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { useRisks, useSaveRisk } from "../benefits-api.js";
import { formatNumber, formatPct, formatWithUnit } from "../labels.js";
import type { Risk, Tracking } from "../types.js";

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const FIELDS = new Set([
  "title",
  "description",
  "probability",
  "impactPct",
  "proximity",
  "ownerId",
  "response",
  "status",
]);

/** Add or edit a risk to a benefit: probability, impact as a share of the planned change, proximity, owner, response. */
function RiskModal({
  benefitId,
  risk,
  opened,
  onClose,
}: {
  benefitId: string;
  risk: Risk | null;
  opened: boolean;
  onClose: () => void;
}) {
  const save = useSaveRisk(benefitId);
  const users = useUsers();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [probability, setProbability] = useState("");
  const [impact, setImpact] = useState("");
  const [proximity, setProximity] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [response, setResponse] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setTitle(risk?.title ?? "");
    setDescription(risk?.description ?? "");
    setProbability(risk ? String(Math.round(risk.probability * 1000) / 10) : "");
    setImpact(risk ? String(risk.impactPct) : "");
    setProximity(risk?.proximity ?? "");
    setOwnerId(risk?.owner?.id ?? null);
    setResponse(risk?.response ?? "");
    setProblems({});
    save.reset();
  }, [opened, risk]);

  const serverErrors = isApiError(save.error) && save.error.status === 400 ? save.error.fieldErrors : {};
  const errors = { ...serverErrors, ...problems };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = "is required";
    if (!NUMBER.test(probability)) found.probability = "enter a percentage, such as 30";
    if (!NUMBER.test(impact)) found.impactPct = "enter a percentage, such as 40";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const fields = {
      title,
      description,
      probability: Number(probability) / 100,
      impactPct: Number(impact),
      proximity: proximity || null,
      ownerId,
      response,
    };
    save.mutate(risk ? { id: risk.id, body: { version: risk.version, ...fields } } : { body: fields }, {
      onSuccess: onClose,
    });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={risk ? "Edit risk" : "Add risk"} size="lg">
      <form onSubmit={submit} noValidate aria-label={risk ? "Edit risk" : "Add risk"}>
        <Stack>
          <ErrorAlert error={save.error} title="The risk was not saved" hideFields={(p) => FIELDS.has(p)} />
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Probability (%)"
              required
              inputMode="decimal"
              value={probability}
              onChange={(e) => setProbability(e.currentTarget.value)}
              error={errors.probability}
            />
            <TextInput
              label="Impact (% of the benefit)"
              required
              inputMode="decimal"
              value={impact}
              onChange={(e) => setImpact(e.currentTarget.value)}
              error={errors.impactPct}
            />
            <TextInput
              label="Proximity"
              description="When it could occur"
              type="date"
              value={proximity}
              onChange={(e) => setProximity(e.currentTarget.value)}
              error={errors.proximity}
            />
          </SimpleGrid>
          <Select
            label="Risk owner"
            searchable
            clearable
            placeholder="None"
            data={toUserOptions(users.data?.items)}
            value={ownerId}
            onChange={setOwnerId}
            error={errors.ownerId}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label="Response"
            description="What is done to reduce the probability or the impact"
            autosize
            minRows={2}
            value={response}
            onChange={(e) => setResponse(e.currentTarget.value)}
            error={errors.response}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {risk ? "Save risk" : "Add risk"}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Risks to the benefit, their exposure, and the realization expected once they are weighed in. */
export function RisksSection({
  benefitId,
  unit,
  plannedChange,
  risk,
  mayEdit,
}: {
  benefitId: string;
  unit: string;
  /** abs(target − baseline), to put the exposure in context. */
  plannedChange: number | null;
  risk: Tracking["risk"] | undefined;
  mayEdit: boolean;
}) {
  const risks = useRisks(benefitId);
  const save = useSaveRisk(benefitId);
  const [editing, setEditing] = useState<Risk | null>(null);
  const [adding, setAdding] = useState(false);
  const items = risks.data?.items ?? [];

  return (
    <Stack gap="sm">
      {risk ? (
        <Text size="sm" data-testid="risk-summary">
          Exposure of the open risks: <strong>{formatWithUnit(risk.exposure, unit)}</strong>
          {plannedChange ? ` of a planned change of ${formatWithUnit(plannedChange, unit)}` : ""}. Expected realization
          after risks: <strong>{formatPct(risk.expectedRealizationPct)}</strong>.
        </Text>
      ) : null}
      <ErrorAlert error={risks.error ?? save.error} title="Risks could not be loaded or saved" />
      {items.length === 0 ? (
        <Text size="sm">No risks recorded.</Text>
      ) : (
        <ScrollTable label="Risks" minWidth={820}>
          <Table striped aria-label="Risks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Risk</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Probability
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Impact
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Exposure
                </Table.Th>
                <Table.Th scope="col">Proximity</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                {mayEdit ? (
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={r.status === "open" ? 600 : 400}>
                    {r.title}
                    {r.response ? (
                      <Text size="xs" c="dimmed" fw={400}>
                        Response: {r.response}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td className="numeric">{formatPct(r.probability * 100)}</Table.Td>
                  <Table.Td className="numeric">{formatPct(r.impactPct)}</Table.Td>
                  <Table.Td className="numeric">{formatPct(r.exposurePct)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.proximity)}</Table.Td>
                  <Table.Td>{r.owner?.name ?? "—"}</Table.Td>
                  <Table.Td>{r.status === "open" ? "Open" : "Closed"}</Table.Td>
                  {mayEdit ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)}>
                          Edit<span className="visually-hidden"> {r.title}</span>
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() =>
                            save.mutate({
                              id: r.id,
                              body: { version: r.version, status: r.status === "open" ? "closed" : "open" },
                            })
                          }
                        >
                          {r.status === "open" ? "Close" : "Reopen"}
                          <span className="visually-hidden"> {r.title}</span>
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {mayEdit ? (
        <div>
          <Button variant="default" size="compact-sm" onClick={() => setAdding(true)}>
            Add risk
          </Button>
        </div>
      ) : null}
      <RiskModal
        benefitId={benefitId}
        risk={editing}
        opened={adding || editing !== null}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
      />
      {items.length > 0 ? (
        <Text size="xs" c="dimmed">
          Exposure = probability × impact, as a share of the benefit. {formatNumber(items.length)} risk
          {items.length === 1 ? "" : "s"}, {items.filter((r) => r.status === "open").length} open.
        </Text>
      ) : null}
    </Stack>
  );
}

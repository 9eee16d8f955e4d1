import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatDateTime } from "../../../components/format.js";
import { PageLoader } from "../../../components/PageLoader.js";
import { formatNumber, SOURCE_LABELS, STRENGTH_LABELS } from "../labels.js";
import {
  useCriteria,
  useObjectives,
  useProjectStrategy,
  useSaveObjectiveLinks,
  useSaveProjectScores,
} from "../strategy-api.js";
import type { Criterion, Objective, ProjectStrategy } from "../types.js";
import { ScrollTable } from "./ScrollTable.js";

const scoreFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;

/** The Strategy tab of a project: its priority, its history per model, its objective links and its scores. */
export default function ProjectStrategyPanel({ projectId }: { projectId: string }) {
  const strategy = useProjectStrategy(projectId);
  const objectives = useObjectives();
  const criteria = useCriteria();

  if (strategy.isPending) return <PageLoader label="Loading strategy" />;
  if (!strategy.data) return <ErrorAlert error={strategy.error} title="The project's strategy could not be loaded" />;
  const s = strategy.data;

  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <section aria-labelledby="priority-heading">
          <Title order={2} size="h3" id="priority-heading" mb="sm">
            Priority
          </Title>
          {s.priority ? (
            <Paper withBorder p="md">
              <Text fz="xl" fw={700}>
                Score {scoreFormat.format(s.priority.score)}
                {s.priority.rank !== null ? ` · rank ${s.priority.rank}` : ""}
              </Text>
              <Text size="sm">
                Under the active scoring model, version {s.priority.modelVersion}.{" "}
                <Anchor component={Link} to="/strategy/ranking" underline="always">
                  See the ranking
                </Anchor>
              </Text>
            </Paper>
          ) : (
            <Text>No scoring model has been published yet, so the project has no priority score.</Text>
          )}
        </section>
        <section aria-labelledby="priority-history-heading">
          <Title order={2} size="h3" id="priority-history-heading" mb="sm">
            Score by model version
          </Title>
          {s.history.length === 0 ? (
            <Text>No scores yet.</Text>
          ) : (
            <Table striped aria-label="Score by model version" maw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Model version</Table.Th>
                  <Table.Th scope="col" className="numeric">
                    Score
                  </Table.Th>
                  <Table.Th scope="col">Computed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...s.history]
                  .sort((a, b) => b.modelVersion - a.modelVersion)
                  .map((h) => (
                    <Table.Tr key={h.modelVersion}>
                      <Table.Td>Version {h.modelVersion}</Table.Td>
                      <Table.Td className="numeric">{scoreFormat.format(h.score)}</Table.Td>
                      <Table.Td>{formatDateTime(h.computedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      </SimpleGrid>
      <ObjectiveLinks projectId={projectId} strategy={s} objectives={objectives.data?.items ?? []} />
      <CriterionScores projectId={projectId} strategy={s} criteria={criteria.data?.items ?? []} />
    </Stack>
  );
}

function ObjectiveLinks({
  projectId,
  strategy,
  objectives,
}: {
  projectId: string;
  strategy: ProjectStrategy;
  objectives: readonly Objective[];
}) {
  const save = useSaveObjectiveLinks(projectId);
  const initial = () => Object.fromEntries(strategy.links.map((l) => [l.objectiveId, String(l.strength)]));
  const [strengths, setStrengths] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the form when the saved links change
  useEffect(() => setStrengths(initial()), [strategy.links]);

  // Linkable: every objective still open, plus any already linked.
  const linked = new Set(strategy.links.map((l) => l.objectiveId));
  const shown = objectives.filter((o) => o.status === "active" || o.status === "draft" || linked.has(o.id));

  if (!strategy.canEdit) {
    return (
      <section aria-labelledby="links-heading">
        <Title order={2} size="h3" id="links-heading" mb="sm">
          Objective links
        </Title>
        {strategy.links.length === 0 ? (
          <Text>This project is not linked to any objective.</Text>
        ) : (
          <Table striped aria-label="Objective links" maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Objective</Table.Th>
                <Table.Th scope="col">Strength</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {strategy.links.map((l) => (
                <Table.Tr key={l.objectiveId}>
                  <Table.Td>
                    {l.code} · {l.title}
                  </Table.Td>
                  <Table.Td>{STRENGTH_LABELS[l.strength] ?? l.strength}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="links-heading">
      <Title order={2} size="h3" id="links-heading" mb={4}>
        Objective links
      </Title>
      <Text size="sm" mb="sm">
        How strongly this project serves each objective, from 0 (not at all) to 3 (strongly). Only active objectives
        count towards alignment and spend.
      </Text>
      {shown.length === 0 ? (
        <Text>
          No objectives yet.{" "}
          <Anchor component={Link} to="/strategy" underline="always">
            Define them on the strategy map
          </Anchor>
          .
        </Text>
      ) : (
        <Stack gap="sm" maw={720}>
          <Table striped aria-label="Objective links">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Objective</Table.Th>
                <Table.Th scope="col">Strength</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    {o.code} · {o.title}
                    {o.status === "active" ? "" : ` (${o.status})`}
                  </Table.Td>
                  <Table.Td w={200}>
                    <NativeSelect
                      aria-label={`Strength of the link to ${o.code}`}
                      data={STRENGTH_LABELS.map((label, v) => ({ value: String(v), label }))}
                      value={strengths[o.id] ?? "0"}
                      onChange={(e) => {
                        // Read the value now: the event's target is gone when the updater runs.
                        const strength = e.currentTarget.value;
                        setSaved(false);
                        setStrengths((cur) => ({ ...cur, [o.id]: strength }));
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ErrorAlert error={save.error} title="The objective links were not saved" />
          <Group justify="space-between">
            <span role="status">{saved ? "Objective links saved." : ""}</span>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  Object.entries(strengths)
                    .filter(([, v]) => v !== "0")
                    .map(([objectiveId, v]) => ({ objectiveId, strength: Number(v) })),
                  { onSuccess: () => setSaved(true) },
                )
              }
            >
              Save objective links
            </Button>
          </Group>
        </Stack>
      )}
    </section>
  );
}

type ScoreRow = { value: string; rationale: string };

function CriterionScores({
  projectId,
  strategy,
  criteria,
}: {
  projectId: string;
  strategy: ProjectStrategy;
  criteria: readonly Criterion[];
}) {
  const save = useSaveProjectScores(projectId);
  const initial = () =>
    Object.fromEntries(
      strategy.scores.map((sc) => [sc.criterionId, { value: String(sc.value), rationale: sc.rationale }]),
    ) as Record<string, ScoreRow>;
  const [rows, setRows] = useState<Record<string, ScoreRow>>(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the form when the saved scores change
  useEffect(() => setRows(initial()), [strategy.scores]);

  const active = criteria.filter((c) => !c.archivedAt);
  const hasChildren = (c: Criterion) => active.some((x) => x.parentId === c.id);
  const leaves = active.filter((c) => !hasChildren(c));
  const scored = leaves.filter((c) => c.source === "scale");
  const derived = leaves.filter((c) => c.source !== "scale");
  const serverErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const order = scored.filter((c) => (rows[c.id]?.value ?? "") !== "");
  const errorFor = (c: Criterion) => {
    const i = order.indexOf(c);
    return (
      problems[c.id] ??
      (i >= 0 ? (serverErrors[`scores.${i}.value`] ?? serverErrors[`scores.${i}.criterionId`]) : undefined)
    );
  };
  const setRow = (id: string, patch: Partial<ScoreRow>) => {
    setSaved(false);
    setRows((cur) => ({ ...cur, [id]: { value: "", rationale: "", ...cur[id], ...patch } }));
  };

  const submit = () => {
    const found: Record<string, string> = {};
    const scores = order.map((c) => {
      const row = rows[c.id] as ScoreRow;
      if (!NUMBER.test(row.value)) found[c.id] = "enter a number";
      return { criterionId: c.id, value: Number(row.value), rationale: row.rationale };
    });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(scores, { onSuccess: () => setSaved(true) });
  };

  return (
    <section aria-labelledby="scores-heading">
      <Title order={2} size="h3" id="scores-heading" mb={4}>
        Criterion scores
      </Title>
      <Text size="sm" mb="sm">
        The project's score on each criterion scored by hand. Leave a score empty when it is not known yet: it then
        counts as missing.
      </Text>
      {scored.length === 0 ? (
        <Text>
          No hand-scored criteria yet.{" "}
          <Anchor component={Link} to="/strategy/criteria" underline="always">
            Define the criteria
          </Anchor>
          .
        </Text>
      ) : (
        <Stack gap="sm">
          <ScrollTable label="Criterion scores" minWidth={720}>
            <Table striped aria-label="Criterion scores" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Criterion</Table.Th>
                  <Table.Th scope="col">Score</Table.Th>
                  <Table.Th scope="col">Rationale</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scored.map((c) => {
                  const row = rows[c.id] ?? { value: "", rationale: "" };
                  const scale = `${formatNumber(c.scaleMin)}–${formatNumber(c.scaleMax)}${c.higherIsBetter ? "" : ", lower is better"}`;
                  const levelText = (v: string) => {
                    const level = c.levels.find((l) => String(l.value) === v);
                    return level ? `${formatNumber(level.value)} · ${level.label}` : v;
                  };
                  return (
                    <Table.Tr key={c.id} style={{ verticalAlign: "top" }}>
                      <Table.Th scope="row" fw={600}>
                        {c.name}
                        <Text size="xs" fw={400}>
                          Scale {scale}
                        </Text>
                      </Table.Th>
                      <Table.Td w={260}>
                        {!strategy.canEdit ? (
                          row.value === "" ? (
                            "—"
                          ) : (
                            levelText(row.value)
                          )
                        ) : c.levels.length > 0 ? (
                          <Select
                            aria-label={`Score on ${c.name}`}
                            placeholder="Not scored"
                            clearable
                            data={[...c.levels]
                              .sort((a, b) => a.value - b.value)
                              .map((l) => ({
                                value: String(l.value),
                                label: `${formatNumber(l.value)} · ${l.label}`,
                              }))}
                            renderOption={({ option }) => {
                              const level = c.levels.find((l) => String(l.value) === option.value);
                              return (
                                <div>
                                  <Text size="sm">{option.label}</Text>
                                  {level?.description ? <Text size="xs">{level.description}</Text> : null}
                                </div>
                              );
                            }}
                            value={row.value === "" ? null : row.value}
                            onChange={(v) => setRow(c.id, { value: v ?? "" })}
                            error={errorFor(c)}
                          />
                        ) : (
                          <TextInput
                            aria-label={`Score on ${c.name}`}
                            placeholder="Not scored"
                            inputMode="decimal"
                            value={row.value}
                            onChange={(e) => setRow(c.id, { value: e.currentTarget.value })}
                            error={errorFor(c)}
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {strategy.canEdit ? (
                          <TextInput
                            aria-label={`Rationale for the score on ${c.name}`}
                            maxLength={2000}
                            value={row.rationale}
                            onChange={(e) => setRow(c.id, { rationale: e.currentTarget.value })}
                          />
                        ) : (
                          row.rationale || "—"
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {strategy.canEdit ? (
            <>
              <ErrorAlert
                error={save.error}
                title="The scores were not saved"
                hideFields={(p) => /^scores\.\d+\.(value|criterionId)$/.test(p)}
              />
              {Object.keys(problems).length > 0 ? (
                <Alert color="red" variant="light" role="alert">
                  Correct the scores marked above.
                </Alert>
              ) : null}
              <Group justify="space-between">
                <span role="status">{saved ? "Scores saved." : ""}</span>
                <Button loading={save.isPending} onClick={submit}>
                  Save scores
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      )}
      {derived.length > 0 ? (
        <Text size="sm" mt="sm">
          Derived from data, not scored here:{" "}
          {derived.map((c) => `${c.name} (${SOURCE_LABELS[c.source] ?? c.source})`).join("; ")}.
        </Text>
      ) : null}
    </section>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../../api/api-error.js";
import { DefinitionGrid } from "../../components/DefinitionGrid.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate, formatDateTime } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useReview, useSignOffReview, useUpdateReview } from "../../features/benefits/benefits-api.js";
import { OverdueBadge, PirStatusBadge, TrackingStatusBadge } from "../../features/benefits/components/badges.js";
import { formatNumber, formatPct, RATING_LABELS } from "../../features/benefits/labels.js";
import type { Pir, UpdatePirBody } from "../../features/benefits/types.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

type ItemDraft = { actual: string; comment: string };
type Draft = {
  rating: string | null;
  summary: string;
  lessons: string;
  recommendations: string;
  items: Record<string, ItemDraft>;
};

function draftOf(pir: Pir): Draft {
  return {
    rating: pir.rating === null ? null : String(pir.rating),
    summary: pir.summary,
    lessons: pir.lessons,
    recommendations: pir.recommendations,
    items: Object.fromEntries(
      pir.items.map((i) => [i.benefitId, { actual: i.actual === null ? "" : String(i.actual), comment: i.comment }]),
    ),
  };
}

/** The PATCH body: the version plus what differs from the review as loaded; problems for bad numbers. */
function bodyOf(pir: Pir, d: Draft, complete: boolean): { body: UpdatePirBody; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const body: UpdatePirBody = { version: pir.version };
  const rating = d.rating === null ? null : Number(d.rating);
  if (rating !== pir.rating) body.rating = rating;
  if (d.summary !== pir.summary) body.summary = d.summary;
  if (d.lessons !== pir.lessons) body.lessons = d.lessons;
  if (d.recommendations !== pir.recommendations) body.recommendations = d.recommendations;
  const items: NonNullable<UpdatePirBody["items"]> = [];
  pir.items.forEach((item, i) => {
    const e = d.items[item.benefitId];
    if (!e) return;
    let actual: number | null = null;
    if (e.actual.trim() !== "") {
      if (!NUMBER.test(e.actual)) {
        problems[`items.${i}.actual`] = "enter a number";
        return;
      }
      actual = Number(e.actual);
    }
    const change: { benefitId: string; actual?: number | null; comment?: string } = { benefitId: item.benefitId };
    if (actual !== item.actual) change.actual = actual;
    if (e.comment !== item.comment) change.comment = e.comment;
    if (Object.keys(change).length > 1) items.push(change);
  });
  if (items.length) body.items = items;
  if (complete) body.complete = true;
  return { body, problems };
}

export default function ReviewPage() {
  const { id = "" } = useParams();
  const { data: pir, error, isPending, refetch } = useReview(id);
  const update = useUpdateReview(id);
  const signOff = useSignOffReview(id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);

  // A fresh copy of the review (after a save or a reload) replaces the edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the loaded review only
  useEffect(() => setDraft(null), [pir]);

  if (isPending) return <PageLoader label="Loading review" />;
  if (!pir) {
    return (
      <>
        <PageHeader title="Post-implementation review" />
        <ErrorAlert error={error} title="The review could not be loaded" />
      </>
    );
  }

  const current = draft ?? draftOf(pir);
  const editable = pir.permissions.edit;
  const serverErrors = isApiError(update.error) && update.error.status === 400 ? update.error.fieldErrors : {};
  const errors = { ...serverErrors, ...problems };
  const conflict = isApiError(update.error) && update.error.isConflict ? update.error : null;
  const setItem = (benefitId: string, patch: Partial<ItemDraft>) =>
    setDraft({
      ...current,
      items: {
        ...current.items,
        [benefitId]: { ...(current.items[benefitId] ?? { actual: "", comment: "" }), ...patch },
      },
    });

  const send = (complete: boolean) => {
    setSaved(null);
    const { body, problems: found } = bodyOf(pir, current, complete);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(body, { onSuccess: () => setSaved(complete ? "The review is completed." : "Saved.") });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };

  return (
    <>
      <PageHeader
        title={`Review of ${pir.projectCode} · ${pir.projectName}`}
        description={
          <Group gap={6} component="span">
            <PirStatusBadge status={pir.status} />
            {pir.overdue ? <OverdueBadge /> : null}
            <span>
              {pir.offsetMonths} months after closure, due {formatDate(pir.dueDate)}
            </span>
          </Group>
        }
        actions={
          <>
            <Button component={Link} to={`/benefits/reviews/${pir.id}/print`} variant="default">
              Printable report
            </Button>
            {pir.permissions.signOff ? (
              <Button onClick={() => signOff.mutate(pir.version)} loading={signOff.isPending}>
                Sign off
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={signOff.error} title="The review was not signed off" />
        {conflict ? (
          <Alert color="orange" variant="light" title="Someone else changed this review" role="alert">
            <Text size="sm" mb="sm">
              {conflict.detail}
            </Text>
            <Button
              variant="default"
              onClick={() => {
                update.reset();
                void refetch();
              }}
            >
              Reload current version
            </Button>
          </Alert>
        ) : null}
        <Paper withBorder p="md" component="section" aria-labelledby="pir-people-heading">
          <Title order={2} size="h4" id="pir-people-heading" mb="sm">
            Review
          </Title>
          <DefinitionGrid
            items={[
              {
                label: "Project",
                value: (
                  <Anchor component={Link} to={`/projects/${pir.projectId}?tab=benefits`}>
                    {pir.projectCode} · {pir.projectName}
                  </Anchor>
                ),
              },
              { label: "Sponsor", value: pir.sponsor?.name ?? "—" },
              {
                label: "Completed",
                value: pir.completedAt ? `${formatDateTime(pir.completedAt)} by ${pir.completedBy?.name ?? "—"}` : "—",
              },
              {
                label: "Signed off",
                value: pir.signedOffAt ? `${formatDateTime(pir.signedOffAt)} by ${pir.signedOffBy?.name ?? "—"}` : "—",
              },
            ]}
          />
        </Paper>
        <form onSubmit={submit} noValidate aria-label="Post-implementation review">
          <Stack gap="lg">
            <ErrorAlert
              error={conflict ? null : update.error}
              title="The review was not saved"
              hideFields={(p) => /^(rating|summary|lessons|recommendations|items\.\d+\.(actual|comment))$/.test(p)}
            />
            <Paper withBorder p="md" component="section" aria-labelledby="pir-items-heading">
              <Title order={2} size="h4" id="pir-items-heading" mb="sm">
                Benefits: planned against actual
              </Title>
              {pir.items.length === 0 ? (
                <Text size="sm">The project has no benefits.</Text>
              ) : (
                <ScrollTable label="Benefits reviewed" minWidth={980}>
                  <Table striped aria-label="Benefits reviewed" verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Benefit</Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Planned
                        </Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Actual
                        </Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Realization
                        </Table.Th>
                        <Table.Th scope="col">Tracking</Table.Th>
                        <Table.Th scope="col">Comment</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {pir.items.map((item, i) => {
                        const d = current.items[item.benefitId] ?? { actual: "", comment: "" };
                        return (
                          <Table.Tr key={item.benefitId}>
                            <Table.Th scope="row">
                              <Anchor component={Link} to={`/benefits/${item.benefitId}`} fw={600} size="sm">
                                {item.benefitCode}
                              </Anchor>
                              <Text size="xs" fw={400}>
                                {item.benefitTitle}
                              </Text>
                            </Table.Th>
                            <Table.Td className="numeric">
                              {formatNumber(item.planned)} {item.unit}
                            </Table.Td>
                            <Table.Td className="numeric">
                              {editable ? (
                                <TextInput
                                  aria-label={`Actual of ${item.benefitCode}${item.unit ? ` (${item.unit})` : ""}`}
                                  inputMode="decimal"
                                  w={120}
                                  ml="auto"
                                  value={d.actual}
                                  onChange={(e) => setItem(item.benefitId, { actual: e.currentTarget.value })}
                                  error={errors[`items.${i}.actual`]}
                                />
                              ) : (
                                `${formatNumber(item.actual)} ${item.unit}`
                              )}
                            </Table.Td>
                            <Table.Td className="numeric">{formatPct(item.realizationPct)}</Table.Td>
                            <Table.Td>
                              <TrackingStatusBadge status={item.trackingStatus} />
                            </Table.Td>
                            <Table.Td>
                              {editable ? (
                                <Textarea
                                  aria-label={`Comment on ${item.benefitCode}`}
                                  autosize
                                  minRows={1}
                                  value={d.comment}
                                  onChange={(e) => setItem(item.benefitId, { comment: e.currentTarget.value })}
                                  error={errors[`items.${i}.comment`]}
                                />
                              ) : (
                                item.comment || "—"
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="pir-findings-heading">
              <Title order={2} size="h4" id="pir-findings-heading" mb="sm">
                Findings
              </Title>
              <Stack gap="sm">
                <Radio.Group
                  label="Rating"
                  description="How well the project delivered its benefits"
                  value={current.rating ?? ""}
                  onChange={(v) => setDraft({ ...current, rating: v || null })}
                  error={errors.rating}
                >
                  <Group mt={6} gap="md">
                    {RATING_LABELS.map((label, i) => (
                      <Radio key={label} value={String(i + 1)} label={label} disabled={!editable} />
                    ))}
                  </Group>
                </Radio.Group>
                <Textarea
                  label="Summary"
                  autosize
                  minRows={2}
                  readOnly={!editable}
                  value={current.summary}
                  onChange={(e) => setDraft({ ...current, summary: e.currentTarget.value })}
                  error={errors.summary}
                />
                <Textarea
                  label="Lessons learned"
                  autosize
                  minRows={2}
                  readOnly={!editable}
                  value={current.lessons}
                  onChange={(e) => setDraft({ ...current, lessons: e.currentTarget.value })}
                  error={errors.lessons}
                />
                <Textarea
                  label="Recommendations"
                  autosize
                  minRows={2}
                  readOnly={!editable}
                  value={current.recommendations}
                  onChange={(e) => setDraft({ ...current, recommendations: e.currentTarget.value })}
                  error={errors.recommendations}
                />
              </Stack>
            </Paper>
            {editable ? (
              <Group justify="space-between">
                <Text size="sm" role="status">
                  {saved ?? ""}
                </Text>
                <Group gap="sm">
                  <Button type="submit" variant="default" loading={update.isPending && !update.variables?.complete}>
                    Save
                  </Button>
                  {pir.status === "scheduled" ? (
                    <Button
                      onClick={() => send(true)}
                      loading={update.isPending && Boolean(update.variables?.complete)}
                    >
                      Complete review
                    </Button>
                  ) : null}
                </Group>
              </Group>
            ) : (
              <Text size="sm">
                {pir.status === "signed_off"
                  ? "This review is signed off and can no longer change."
                  : "You may read this review."}
              </Text>
            )}
          </Stack>
        </form>
      </Stack>
    </>
  );
}

import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDateTime } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { ConsistencyBadge } from "../../features/strategy/components/ConsistencyPanel.js";
import { MyJudgments } from "../../features/strategy/components/MyJudgments.js";
import { ParticipantsTable } from "../../features/strategy/components/ParticipantsTable.js";
import { PublishModelModal } from "../../features/strategy/components/PublishModelModal.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { WeightBars } from "../../features/strategy/components/WeightBars.js";
import { formatCr, levelLabel } from "../../features/strategy/labels.js";
import {
  useClosePrioritization,
  useCriteria,
  usePrioritization,
  usePrioritizations,
} from "../../features/strategy/strategy-api.js";
import type { ScoringModel } from "../../features/strategy/types.js";

export default function PrioritizationPage() {
  const { id = "" } = useParams();
  const { data: session, error, isPending } = usePrioritization(id);
  const sessions = usePrioritizations();
  const criteria = useCriteria();
  const mayManage = useCan("ahp.manage");
  const close = useClosePrioritization(id);
  const [closing, setClosing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<ScoringModel | null>(null);

  if (isPending) return <PageLoader label="Loading prioritization" />;
  if (!session) {
    return (
      <>
        <StrategyNav />
        <PageHeader title="Prioritization" />
        <ErrorAlert error={error} title="The prioritization could not be loaded" />
      </>
    );
  }
  const isOpen = session.status === "open";
  const submitted = session.participants.filter((p) => p.submittedAt).length;

  return (
    <>
      <StrategyNav />
      <PageHeader
        title={session.name}
        description={
          <Group gap="xs">
            <Badge color={isOpen ? "green" : "gray"} variant="outline">
              {isOpen ? "Open" : "Closed"}
            </Badge>
            <span>{levelLabel(session.parentCriterionId, criteria.data?.items)}</span>
            {session.businessUnit ? <span>· {session.businessUnit}</span> : null}
            <span>
              · {submitted} of {session.participants.length} submitted
            </span>
          </Group>
        }
        actions={
          mayManage ? (
            <>
              {isOpen ? (
                <Button variant="default" onClick={() => setClosing(true)}>
                  Close prioritization
                </Button>
              ) : null}
              <Button onClick={() => setPublishing(true)} disabled={!session.group}>
                Publish weights
              </Button>
            </>
          ) : null
        }
      />
      {session.description ? (
        <Text mb="md" style={{ whiteSpace: "pre-wrap" }}>
          {session.description}
        </Text>
      ) : null}
      {published ? (
        <Alert color="green" variant="light" title={`Scoring model version ${published.version} published`} mb="md">
          Every project has been scored under the new weights.{" "}
          <Anchor component={Link} to="/strategy/ranking" underline="always">
            See the ranking
          </Anchor>
        </Alert>
      ) : null}
      <ErrorAlert error={close.error} title="The prioritization was not closed" />

      <Stack gap="xl">
        {session.mine ? (
          <MyJudgments key={session.id} session={session} />
        ) : (
          <Alert color="gray" variant="light">
            You are not invited to give judgments in this prioritization. You can follow its progress below.
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <section aria-labelledby="participants-heading">
            <Title order={2} size="h3" id="participants-heading" mb="xs">
              Participants
            </Title>
            <ParticipantsTable session={session} />
          </section>
          <section aria-labelledby="group-heading">
            <Title order={2} size="h3" id="group-heading" mb="xs">
              Group result
            </Title>
            {session.group ? (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Text size="sm">
                    Geometric mean of the judgments of {session.group.submitted} submitted participant
                    {session.group.submitted === 1 ? "" : "s"}.
                  </Text>
                  <Group gap="xs">
                    <ConsistencyBadge consistent={session.group.consistent} />
                    <Text fw={600}>
                      CR {formatCr(session.group.cr)} (threshold {formatCr(session.group.threshold)})
                    </Text>
                  </Group>
                  <WeightBars
                    label="Group weights"
                    color="teal"
                    items={session.group.weights.map((w, k) => ({
                      key: session.criteria[k]?.id ?? String(k),
                      name: session.criteria[k]?.name ?? `Criterion ${k + 1}`,
                      weight: w,
                    }))}
                  />
                </Stack>
              </Paper>
            ) : (
              <Text>The group result appears once a participant has submitted.</Text>
            )}
            {session.closedAt ? (
              <Text size="sm" mt="xs">
                Closed {formatDateTime(session.closedAt)}.
              </Text>
            ) : null}
          </section>
        </SimpleGrid>
      </Stack>

      <ConfirmModal
        opened={closing}
        title="Close prioritization"
        confirmLabel="Close prioritization"
        danger={false}
        loading={close.isPending}
        onCancel={() => setClosing(false)}
        onConfirm={() => close.mutate(undefined, { onSettled: () => setClosing(false) })}
      >
        Close {session.name}? Participants can no longer change their judgments. The group result stays available for
        publishing.
      </ConfirmModal>
      {mayManage ? (
        <PublishModelModal
          opened={publishing}
          onClose={() => setPublishing(false)}
          session={session}
          sessions={sessions.data?.items ?? []}
          criteria={criteria.data?.items ?? []}
          onPublished={setPublished}
        />
      ) : null}
    </>
  );
}

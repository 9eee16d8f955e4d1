import { Alert, Anchor, Button, Group, MultiSelect, Stack, Text, Textarea } from "@mantine/core";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { usePublishModel, useScoringModels } from "../strategy-api.js";
import type { AhpSession, Criterion, ScoringModel } from "../types.js";

/**
 * Confirms publishing the group weights of a prioritization (plus, optionally, prioritizations of
 * sub-criteria) as the next scoring model version, which re-scores every project.
 */
export function PublishModelModal({
  opened,
  onClose,
  session,
  sessions,
  criteria,
  onPublished,
}: {
  opened: boolean;
  onClose: () => void;
  session: AhpSession;
  sessions: readonly AhpSession[];
  criteria: readonly Criterion[];
  onPublished: (model: ScoringModel) => void;
}) {
  const publish = usePublishModel();
  const models = useScoringModels();
  const [extra, setExtra] = useState<string[]>([]);
  const [note, setNote] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setExtra([]);
    setNote("");
    publish.reset();
  }, [opened]);

  const nameOf = (id: string | null) => criteria.find((c) => c.id === id)?.name ?? "top level";
  const candidates = sessions.filter((s) => s.id !== session.id && s.group !== null);
  const nextVersion = (models.data?.items[0]?.version ?? 0) + 1;
  const fieldErrors = isApiError(publish.error) ? publish.error.fieldErrors : {};

  return (
    <AppModal opened={opened} onClose={onClose} title="Publish weights" size="lg">
      <Stack>
        <Text>
          Publish the group weights of <strong>{session.name}</strong> as scoring model version {nextVersion}? Every
          project is scored again under the new model, which becomes the active one. Earlier versions and their scores
          stay as they were.
        </Text>
        {session.group ? (
          <Text size="sm">
            The weights come from {session.group.submitted} submitted participant
            {session.group.submitted === 1 ? "" : "s"}.
          </Text>
        ) : (
          <Alert color="orange" variant="light">
            Nobody has submitted judgments in this prioritization yet, so there are no weights to publish.
          </Alert>
        )}
        {candidates.length > 0 ? (
          <MultiSelect
            label="Also publish these prioritizations"
            description="One per level: the top level and, optionally, the sub-criteria of a criterion."
            placeholder="None"
            data={candidates.map((s) => ({
              value: s.id,
              label: `${s.name} (${s.parentCriterionId ? `sub-criteria of ${nameOf(s.parentCriterionId)}` : "top level"})`,
            }))}
            value={extra}
            onChange={setExtra}
            clearable
            searchable
          />
        ) : null}
        <Textarea
          label="Note"
          description="Why these weights, for the model's history (optional)."
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldErrors.note}
        />
        <ErrorAlert error={publish.error} title="The weights were not published" hideFields={(p) => p === "note"} />
        <Text size="sm">
          The result appears on the{" "}
          <Anchor component={Link} to="/strategy/ranking" underline="always">
            ranking
          </Anchor>
          .
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={publish.isPending}
            disabled={!session.group}
            onClick={() =>
              publish.mutate(
                { sessionIds: [session.id, ...extra], note },
                {
                  onSuccess: (model) => {
                    onPublished(model);
                    onClose();
                  },
                },
              )
            }
          >
            Publish version {nextVersion}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

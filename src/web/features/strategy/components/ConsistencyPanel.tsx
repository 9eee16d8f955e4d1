import { Alert, Badge, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { formatCr } from "../labels.js";
import { describeJudgment, type LiveConsistency, pairKey } from "../pairwise-model.js";
import { WeightBars } from "./WeightBars.js";

/** How many of the worst judgments to offer for revision. */
const MAX_SUGGESTIONS = 3;

/** The consistency verdict in words and colour. */
export function ConsistencyBadge({ consistent }: { consistent: boolean }) {
  return (
    <Badge
      color={consistent ? "green" : "red"}
      variant="light"
      leftSection={<span aria-hidden="true">{consistent ? "✓" : "✕"}</span>}
    >
      {consistent ? "Consistent" : "Inconsistent"}
    </Badge>
  );
}

/**
 * The executive's own result, recomputed in the browser on every change: the consistency ratio
 * against its threshold, the weights, and the judgments most at odds with the rest, each with the
 * Saaty value that would agree with the weights and a button to use it.
 */
export function ConsistencyPanel({
  criteria,
  live,
  onUseSuggested,
  disabled,
}: {
  criteria: readonly { id: string; name: string }[];
  live: LiveConsistency;
  onUseSuggested: (key: string, value: number) => void;
  disabled?: boolean;
}) {
  const name = (k: number) => criteria[k]?.name ?? `Criterion ${k + 1}`;
  if (!live.complete) {
    return (
      <Stack gap="xs">
        <Title order={2} size="h4">
          Your consistency
        </Title>
        <Text role="status" aria-live="polite" aria-atomic="true" data-testid="consistency-status">
          {live.missing === 1 ? "1 comparison missing" : `${live.missing} comparisons missing`}. Your weights and
          consistency ratio appear when every pair is compared.
        </Text>
      </Stack>
    );
  }
  const e = live.evaluation;
  const suggestions = e.consistent
    ? []
    : e.inconsistentJudgments
        .filter((j) => Math.abs(Math.log(j.suggestedSaaty / j.given)) > 1e-9)
        .slice(0, MAX_SUGGESTIONS);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Your consistency
      </Title>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="consistency-status">
        <Group gap="xs">
          <ConsistencyBadge consistent={e.consistent} />
          <Text fw={600}>
            CR {formatCr(e.cr)} (threshold {formatCr(e.threshold)}): {e.consistent ? "consistent" : "inconsistent"}
          </Text>
        </Group>
      </div>
      {e.consistent ? null : (
        <Alert color="orange" variant="light" title="Your judgments contradict each other">
          A consistency ratio above {formatCr(e.threshold)} means some answers do not fit together (for example A more
          important than B, B more important than C, but C more important than A). Revisit the judgments below.
        </Alert>
      )}
      <Title order={3} size="h5">
        Your weights
      </Title>
      <WeightBars
        label="Your weights"
        items={e.weights.map((w, k) => ({ key: criteria[k]?.id ?? String(k), name: name(k), weight: w }))}
      />
      {suggestions.length > 0 ? (
        <>
          <Title order={3} size="h5">
            Judgments to reconsider
          </Title>
          <List spacing="sm" listStyleType="none" p={0} m={0}>
            {suggestions.map((s) => {
              const pair = `${name(s.i)} versus ${name(s.j)}`;
              return (
                <List.Item key={pairKey(s.i, s.j)}>
                  <Text size="sm" fw={600}>
                    {pair}
                  </Text>
                  <Text size="sm">You said: {describeJudgment(s.given, name(s.i), name(s.j))}.</Text>
                  <Text size="sm">
                    Consistent with your other answers: {describeJudgment(s.suggestedSaaty, name(s.i), name(s.j))}.
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    mt={4}
                    disabled={disabled}
                    aria-label={`Use suggested value for ${pair}`}
                    onClick={() => onUseSuggested(pairKey(s.i, s.j), s.suggestedSaaty)}
                  >
                    Use suggested
                  </Button>
                </List.Item>
              );
            })}
          </List>
        </>
      ) : null}
    </Stack>
  );
}

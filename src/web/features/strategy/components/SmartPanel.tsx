import { Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { SMART_LETTER_NAMES, SMART_LETTERS } from "../../../../domain/strategy/smart.js";
import type { Verdict } from "../labels.js";
import type { SmartResult } from "../types.js";
import { VerdictBadge } from "./badges.js";

/**
 * The five SMART letters, each with its verdict (symbol, word and colour), reasons and suggestion.
 * `live` marks the panel as recomputed while typing: the overall verdict is then announced politely.
 */
export function SmartPanel({
  smart,
  title = "SMART check",
  live = false,
  note,
}: {
  smart: SmartResult;
  title?: string;
  live?: boolean;
  note?: string;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="smart-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} size="h4" id="smart-heading">
            {title}
          </Title>
          <div role={live ? "status" : undefined} aria-live={live ? "polite" : undefined} aria-atomic="true">
            <VerdictBadge verdict={smart.overall} prefix="Overall" />
          </div>
        </Group>
        {note ? <Text size="sm">{note}</Text> : null}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label="SMART letters">
          {SMART_LETTERS.map((letter) => {
            const check = smart[letter];
            const verdict = check.verdict as Verdict;
            return (
              <li key={letter} data-testid={`smart-${letter}`}>
                <Group gap="xs" wrap="nowrap" align="center">
                  <Text fw={800} fz="lg" w="1.5rem" ta="center" aria-hidden="true">
                    {letter}
                  </Text>
                  <Text fw={600} size="sm">
                    <span className="visually-hidden">{letter}: </span>
                    {SMART_LETTER_NAMES[letter]}
                  </Text>
                  <VerdictBadge verdict={verdict} />
                </Group>
                {check.reasons.length > 0 ? (
                  <List size="sm" ml="2rem" spacing={2}>
                    {check.reasons.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                ) : null}
                {check.suggestion ? (
                  <Text size="sm" ml="2rem" mt={2}>
                    <strong>Suggestion:</strong> {check.suggestion}
                  </Text>
                ) : null}
              </li>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}

import { Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { DOAM_TEST_NAMES, type DoamTest } from "../../../../domain/benefits/doam.js";
import type { Doam } from "../types.js";

const LETTERS: Record<DoamTest, string> = { described: "D", observable: "O", attributable: "A", measurable: "M" };

export function DoamVerdict({ pass, prefix }: { pass: boolean; prefix?: string }) {
  return (
    <Badge
      color={pass ? "green" : "red"}
      variant="light"
      leftSection={<span aria-hidden="true">{pass ? "✓" : "✕"}</span>}
    >
      {prefix ? `${prefix}: ` : ""}
      {pass ? "Pass" : "Fail"}
    </Badge>
  );
}

/**
 * The DOAM test (Described, Observable, Attributable, Measurable): each letter's verdict and the
 * reasons it fails. `live` marks the panel as recomputed while typing: the overall verdict is then
 * announced politely.
 */
export function DoamPanel({
  doam,
  live = false,
  note,
  checking = false,
}: {
  doam: Doam | undefined;
  live?: boolean;
  note?: string;
  checking?: boolean;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="doam-heading" data-testid="doam-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} size="h4" id="doam-heading">
            DOAM check
          </Title>
          <div role={live ? "status" : undefined} aria-live={live ? "polite" : undefined} aria-atomic="true">
            {doam ? <DoamVerdict pass={doam.pass} prefix="Overall" /> : <Text size="sm">Checking…</Text>}
          </div>
        </Group>
        {note ? <Text size="sm">{note}</Text> : null}
        {checking ? (
          <Text size="xs" c="dimmed">
            Checking the latest changes…
          </Text>
        ) : null}
        {doam ? (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label="DOAM tests">
            {doam.tests.map((t) => (
              <li key={t.test} data-testid={`doam-${t.test}`}>
                <Group gap="xs" wrap="nowrap" align="center">
                  <Text fw={800} fz="lg" w="1.5rem" ta="center" aria-hidden="true">
                    {LETTERS[t.test]}
                  </Text>
                  <Text fw={600} size="sm">
                    {DOAM_TEST_NAMES[t.test]}
                  </Text>
                  <DoamVerdict pass={t.pass} />
                </Group>
                {t.reasons.length > 0 ? (
                  <List size="sm" ml="2rem" spacing={2}>
                    {t.reasons.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                ) : null}
              </li>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { ruleTitle } from "../labels.js";
import { SeverityBadge } from "./badges.js";

export type RecommendationItem = {
  benefitId: string;
  benefitCode?: string;
  benefitTitle?: string;
  rule: string;
  severity: "info" | "warning" | "critical";
  reason: string;
  suggestedAction: string;
  /** An open corrective action already raised for this benefit and rule. */
  openAction: { id: string; title: string } | null;
};

/**
 * What the rules advise, worst first: severity, the rule, the reason and the suggested action, with
 * "Raise corrective action" or a link to the action already open for it.
 */
export function RecommendationList({
  items,
  mayRaise,
  onRaise,
  showBenefit = false,
  label = "Recommendations",
}: {
  items: readonly RecommendationItem[];
  mayRaise: boolean;
  onRaise: (item: RecommendationItem) => void;
  showBenefit?: boolean;
  label?: string;
}) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={label}>
      {items.map((r) => (
        <Paper
          component="li"
          key={`${r.benefitId}:${r.rule}:${r.reason}`}
          withBorder
          p="sm"
          data-rule={r.rule}
          style={{
            borderLeft: `4px solid var(--mantine-color-${r.severity === "critical" ? "red" : r.severity === "warning" ? "orange" : "blue"}-7)`,
          }}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={4} style={{ flex: "1 1 320px" }}>
              <Group gap="xs" wrap="wrap">
                <SeverityBadge severity={r.severity} />
                <Text fw={700} size="sm">
                  {ruleTitle(r.rule)}
                </Text>
                {showBenefit && r.benefitCode ? (
                  <Anchor component={Link} to={`/benefits/${r.benefitId}`} size="sm" fw={600}>
                    {r.benefitCode} · {r.benefitTitle}
                  </Anchor>
                ) : null}
              </Group>
              <Text size="sm">{r.reason}</Text>
              <Text size="sm">
                <strong>Suggested:</strong> {r.suggestedAction}
              </Text>
            </Stack>
            {r.openAction ? (
              <Anchor component={Link} to={`/benefits/actions?highlight=${r.openAction.id}`} size="sm">
                Open action: {r.openAction.title}
              </Anchor>
            ) : mayRaise ? (
              <Button size="compact-sm" variant="light" onClick={() => onRaise(r)}>
                Raise corrective action
                <span className="visually-hidden">
                  {" "}
                  for {ruleTitle(r.rule).toLowerCase()}
                  {showBenefit && r.benefitCode ? ` on ${r.benefitCode}` : ""}
                </span>
              </Button>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

import { Group, Progress, Text } from "@mantine/core";
import { formatPercent } from "../labels.js";

/** Progress towards the target as a bar with the percentage written beside it. */
export function GoalProgress({ progress, label }: { progress: number | null; label: string }) {
  if (progress === null) return <Text size="sm">—</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={Math.max(0, Math.min(100, progress))}
        w={80}
        size="md"
        aria-label={`${label}: progress ${formatPercent(progress)}`}
      />
      <Text size="sm" className="numeric">
        {formatPercent(progress)}
      </Text>
    </Group>
  );
}

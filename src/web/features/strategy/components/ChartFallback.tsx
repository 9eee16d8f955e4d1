import { Center, Group, Loader, Text } from "@mantine/core";

/** Shown while a chart's code loads: a spinner for the eye, words for everyone. */
export function ChartFallback() {
  return (
    <Center py="md" role="status">
      <Group gap="xs">
        <Loader size="sm" aria-hidden="true" />
        <Text size="sm">Loading chart…</Text>
      </Group>
    </Center>
  );
}

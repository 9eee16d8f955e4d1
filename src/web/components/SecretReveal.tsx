import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";

/** A secret shown exactly once (API token, one-time password), with a copy button. */
export function SecretReveal({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Alert color="yellow" variant="light" title={label}>
      <Stack gap="xs">
        <Text size="sm">{note}</Text>
        <Group gap="sm" wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: "break-all" }}>
            {value}
          </Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button variant={copied ? "light" : "default"} color={copied ? "green" : undefined} onClick={copy}>
                {copied ? "Copied" : "Copy"}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

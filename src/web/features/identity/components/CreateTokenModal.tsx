import { Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import type { CreatedToken } from "../../../api/types.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { SecretReveal } from "../../../components/SecretReveal.js";
import { useCreateToken } from "../tokens.js";

const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

/** Create a personal API token; its secret is shown once, with a copy button. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [created, setCreated] = useState<CreatedToken | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setName("");
    setExpiry("90");
    setCreated(null);
    create.reset();
  }, [opened]);

  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, expiresInDays: expiry === "never" ? null : Number(expiry) }, { onSuccess: setCreated });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={created ? "Token created" : "New API token"} size="lg">
      {created ? (
        <Stack>
          <SecretReveal
            label="Token secret"
            value={created.secret}
            note="Copy the secret now and keep it somewhere safe: it is shown only once. Send it as `Authorization: Bearer <secret>`."
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">A token lets scripts and other tools use the API with your permissions.</Text>
            <ErrorAlert
              error={create.error}
              title="The token was not created"
              hideFields={(p) => p === "name" || p === "expiresInDays"}
            />
            <TextInput
              label="Token name"
              description="What the token is for, e.g. “Power BI refresh”"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrors.name}
              data-autofocus
            />
            <Select
              label="Expires after"
              allowDeselect={false}
              data={EXPIRY_OPTIONS}
              value={expiry}
              onChange={(v) => setExpiry(v ?? expiry)}
              error={fieldErrors.expiresInDays}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}

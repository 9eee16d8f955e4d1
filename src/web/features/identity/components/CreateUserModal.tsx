import { Button, Group, PasswordInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "../../../../domain/identity/permissions.js";
import { isApiError } from "../../../api/api-error.js";
import type { CreatedUser } from "../../../api/types.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { SecretReveal } from "../../../components/SecretReveal.js";
import { useCreateUser } from "../users.js";

const SHOWN = new Set(["email", "name", "role", "password"]);
export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Create a user; a generated one-time password is shown once, with a copy button. */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [password, setPassword] = useState("");
  const [created, setCreated] = useState<CreatedUser | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setEmail("");
    setName("");
    setRole("member");
    setPassword("");
    setCreated(null);
    create.reset();
  }, [opened]);

  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ email, name, role, password: password || undefined }, { onSuccess: setCreated });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={created ? "User created" : "New user"} size="lg">
      {created ? (
        <Stack>
          <Text>
            {created.user.name} ({created.user.email}) can now sign in as {ROLE_LABELS[created.user.role]}.
          </Text>
          {created.oneTimePassword ? (
            <SecretReveal
              label="One-time password"
              value={created.oneTimePassword}
              note="Give this password to the person. It is shown only now; they must choose their own at first sign-in."
            />
          ) : (
            <Text size="sm">They sign in with the password you set, and must change it at first sign-in.</Text>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={create.error} title="The user was not created" hideFields={(p) => SHOWN.has(p)} />
            <TextInput
              label="Email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
              data-autofocus
            />
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrors.name}
            />
            <Select
              label="Role"
              required
              allowDeselect={false}
              data={ROLE_OPTIONS}
              value={role}
              onChange={(v) => setRole((v as Role | null) ?? role)}
              error={fieldErrors.role}
            />
            <PasswordInput
              label="Initial password"
              description="Optional, at least 12 characters. Leave empty to generate a one-time password."
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create user
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}

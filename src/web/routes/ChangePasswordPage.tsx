import { Alert, Button, Paper, PasswordInput, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../api/api-error.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageHeader } from "../components/PageHeader.js";
import { useChangePassword, useSignedInMe } from "../features/identity/session.js";

const MIN_LENGTH = 12;

export default function ChangePasswordPage() {
  const me = useSignedInMe();
  const change = useChangePassword();
  const navigate = useNavigate();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirm, setConfirm] = useState("");
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);

  const tooShort = newPassword.length < MIN_LENGTH ? `must be at least ${MIN_LENGTH} characters` : undefined;
  const mismatch = confirm !== newPassword ? "does not match the new password" : undefined;
  const fieldErrors = isApiError(change.error) ? change.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setDone(false);
    if (tooShort || mismatch || !currentPassword) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent("");
          setNew("");
          setConfirm("");
          setChecked(false);
          setDone(true);
          if (me.user.mustChangePassword) void navigate("/", { replace: true });
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Change password" />
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {me.user.mustChangePassword ? (
              <Alert color="yellow" variant="light" title="Choose a new password">
                Your password was set by someone else. Choose your own before you continue.
              </Alert>
            ) : null}
            {done ? (
              <Alert color="green" variant="light" role="status">
                Your password has been changed.
              </Alert>
            ) : null}
            <ErrorAlert
              error={change.error}
              title="The password was not changed"
              hideFields={(p) => p === "currentPassword" || p === "newPassword"}
            />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={(checked && !currentPassword ? "is required" : undefined) ?? fieldErrors.currentPassword}
            />
            <PasswordInput
              label="New password"
              description={`At least ${MIN_LENGTH} characters`}
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => setNew(e.currentTarget.value)}
              error={(checked ? tooShort : undefined) ?? fieldErrors.newPassword}
            />
            <PasswordInput
              label="Confirm new password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={checked ? mismatch : undefined}
            />
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

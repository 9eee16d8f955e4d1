import { Badge, Button, Code, Group, Paper, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import type { ApiToken } from "../api/types.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { formatDate, formatDateTime } from "../components/format.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { CreateTokenModal } from "../features/identity/components/CreateTokenModal.js";
import { useCan } from "../features/identity/session.js";
import { useRevokeToken, useTokens } from "../features/identity/tokens.js";

function tokenState(t: ApiToken): { label: string; color: string } {
  if (t.revokedAt) return { label: "Revoked", color: "gray" };
  if (t.expiresAt && new Date(t.expiresAt).getTime() < Date.now()) return { label: "Expired", color: "orange" };
  return { label: "Active", color: "green" };
}

/** Personal API tokens: list, create (secret shown once), revoke. Admins may see everyone's. */
export default function TokensPage() {
  const mayManageAll = useCan("token.manage_all");
  const [showAll, setShowAll] = useState(false);
  const all = mayManageAll && showAll;
  const tokens = useTokens(all);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and tools call the Throughline API on your behalf."
        actions={<Button onClick={() => setCreating(true)}>New token</Button>}
      />
      {mayManageAll ? (
        <Group mb="md">
          <Switch
            label="Show everyone's tokens"
            checked={showAll}
            onChange={(e) => setShowAll(e.currentTarget.checked)}
          />
        </Group>
      ) : null}
      <ErrorAlert error={tokens.error} title="Tokens could not be loaded" />
      <ErrorAlert error={revoke.error} title="The token was not revoked" />
      {tokens.isPending ? (
        <PageLoader label="Loading tokens" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No API tokens yet.</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={800} type="native">
          <Table striped verticalSpacing="xs" aria-label="API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Prefix</Table.Th>
                {all ? <Table.Th>Owner</Table.Th> : null}
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => {
                const state = tokenState(t);
                return (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    {all ? <Table.Td>{t.userEmail}</Table.Td> : null}
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(t.createdAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {t.expiresAt ? formatDate(t.expiresAt) : "Never"}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={state.color} variant="outline">
                        {state.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {t.revokedAt ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(t)}
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke token"
        confirmLabel="Revoke"
        loading={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      >
        Revoke the token “{revoking?.name}”? Anything using it stops working at once. This cannot be undone.
      </ConfirmModal>
    </>
  );
}

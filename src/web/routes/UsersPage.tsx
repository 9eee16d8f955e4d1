import { Badge, Button, Select, Table, Text } from "@mantine/core";
import { useState } from "react";
import type { Role } from "../../domain/identity/permissions.js";
import type { User } from "../api/types.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { formatDate } from "../components/format.js";
import { PageHeader } from "../components/PageHeader.js";
import { PageLoader } from "../components/PageLoader.js";
import { CreateUserModal, ROLE_OPTIONS } from "../features/identity/components/CreateUserModal.js";
import { useSignedInMe } from "../features/identity/session.js";
import { useUpdateUser, useUsers } from "../features/identity/users.js";

/** Administration of the organization's people: create, change role, disable or enable. */
export default function UsersPage() {
  const me = useSignedInMe();
  const users = useUsers();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [toggling, setToggling] = useState<User | null>(null);
  const items = users.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Users"
        description="People in this organization and their roles."
        actions={<Button onClick={() => setCreating(true)}>New user</Button>}
      />
      <ErrorAlert error={users.error} title="Users could not be loaded" />
      <ErrorAlert error={update.error} title="The user was not changed" />
      {users.isPending ? (
        <PageLoader label="Loading users" />
      ) : (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table striped verticalSpacing="xs" aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => {
                const isMe = u.id === me.user.id;
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      {u.name}
                      {isMe ? (
                        <Text span size="xs">
                          {" "}
                          (you)
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Role of ${u.name}`}
                        data={ROLE_OPTIONS}
                        value={u.role}
                        allowDeselect={false}
                        disabled={isMe || (update.isPending && update.variables?.id === u.id)}
                        onChange={(role) =>
                          role && role !== u.role && update.mutate({ id: u.id, version: u.version, role: role as Role })
                        }
                        w={190}
                        size="xs"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={u.disabled ? "gray" : "green"} variant="outline">
                        {u.disabled ? "Disabled" : "Active"}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(u.createdAt)}</Table.Td>
                    <Table.Td>
                      {isMe ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color={u.disabled ? undefined : "red"}
                          onClick={() => setToggling(u)}
                          aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.name}`}
                        >
                          {u.disabled ? "Enable" : "Disable"}
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
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={toggling !== null}
        title={toggling?.disabled ? "Enable user" : "Disable user"}
        confirmLabel={toggling?.disabled ? "Enable" : "Disable"}
        danger={!toggling?.disabled}
        loading={update.isPending}
        onCancel={() => setToggling(null)}
        onConfirm={() =>
          toggling &&
          update.mutate(
            { id: toggling.id, version: toggling.version, disabled: !toggling.disabled },
            { onSettled: () => setToggling(null) },
          )
        }
      >
        {toggling?.disabled
          ? `Let ${toggling.name} sign in again?`
          : `Disable ${toggling?.name}? They can no longer sign in, and their sessions and API tokens stop working.`}
      </ConfirmModal>
    </>
  );
}

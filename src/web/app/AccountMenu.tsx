import { Button, Menu } from "@mantine/core";
import { Link } from "react-router";
import { ROLE_LABELS } from "../../domain/identity/permissions.js";
import { useSignedInMe, useSignOut } from "../features/identity/session.js";

export function AccountMenu() {
  const me = useSignedInMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="dark" aria-label={`Account: ${me.user.name}`}>
          {me.user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.email} · {ROLE_LABELS[me.role]}
        </Menu.Label>
        <Menu.Item component={Link} to="/account/password">
          Change password
        </Menu.Item>
        <Menu.Item onClick={() => signOut.mutate()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

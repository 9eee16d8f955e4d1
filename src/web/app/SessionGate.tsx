import { Alert, Button, Center } from "@mantine/core";
import { Suspense } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { describeError } from "../api/api-error.js";
import { PageLoader } from "../components/PageLoader.js";
import { useMe } from "../features/identity/session.js";
import { AppLayout } from "./AppLayout.js";

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * The signed-in area: sends anonymous visitors to sign in (remembering where they were going) and
 * holds people who must change their password on that page until they do. `bare` pages (printable
 * reports) get a plain <main> instead of the frame with its header and navigation.
 */
export function SessionGate({ bare = false }: { bare?: boolean }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoader label="Checking your session" />;
  if (error) {
    return (
      <main>
        <Center p="xl">
          <Alert color="red" title="Throughline could not be reached" role="alert">
            {describeError(error)}
            <Button mt="sm" variant="default" onClick={() => void refetch()} display="block">
              Try again
            </Button>
          </Alert>
        </Center>
      </main>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  if (bare) {
    return (
      <main id="main-content">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>
    );
  }
  return <AppLayout />;
}

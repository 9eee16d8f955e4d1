import { Alert, Anchor, Container, Title } from "@mantine/core";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a new deploy). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "Unknown error";
  return (
    <main>
      <Container py="xl">
        <Title order={1} size="h2" mb="md">
          This page could not be shown
        </Title>
        <Alert color="red" role="alert" mb="md">
          {message}
        </Alert>
        <Anchor component={Link} to="/" reloadDocument>
          Back to the start page
        </Anchor>
      </Container>
    </main>
  );
}

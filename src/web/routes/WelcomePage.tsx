import { Alert, Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { Link, Navigate, useNavigate } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageHeader } from "../components/PageHeader.js";
import { hasCapability, useLoadDemo, useSignedInMe } from "../features/identity/session.js";

/** First screen of an organization without projects: load the demo or start from scratch. */
export default function WelcomePage() {
  const me = useSignedInMe();
  const loadDemo = useLoadDemo();
  const navigate = useNavigate();
  const mayLoadDemo = hasCapability(me, "organization.manage");
  const mayCreate = hasCapability(me, "project.create");

  if (!me.isEmpty && !loadDemo.isPending && !loadDemo.isSuccess) return <Navigate to="/projects" replace />;

  return (
    <>
      <PageHeader
        title={`Welcome to Throughline, ${me.user.name}`}
        description={`${me.organization.name} has no projects yet.`}
      />
      <Stack maw={760}>
        <ErrorAlert error={loadDemo.error} title="The demo organization was not loaded" />
        {loadDemo.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            Loaded {loadDemo.data.projects} demo projects.
          </Alert>
        ) : null}
        {mayLoadDemo ? (
          <Card withBorder padding="lg">
            <Title order={2} size="h3" mb="xs">
              Explore with demo data
            </Title>
            <Text mb="md">
              Fill this organization with a realistic example: portfolios, programs and projects with budgets, resource
              demand and dependencies. Useful to try Throughline before entering your own data.
            </Text>
            <Group>
              <Button
                loading={loadDemo.isPending}
                onClick={() => loadDemo.mutate(undefined, { onSuccess: () => void navigate("/projects") })}
              >
                Load demo organization
              </Button>
            </Group>
          </Card>
        ) : null}
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="xs">
            Start with your own portfolio
          </Title>
          <List mb="md" size="sm">
            <List.Item>Create a portfolio (and programs within it, if you use them).</List.Item>
            <List.Item>Add projects one by one, or import them from a CSV or Excel file.</List.Item>
          </List>
          <Group>
            {mayCreate ? (
              <Button component={Link} to="/projects/new" variant={mayLoadDemo ? "default" : "filled"}>
                Create your first project
              </Button>
            ) : (
              <Text size="sm">Ask your PMO or an administrator to add the first projects.</Text>
            )}
            {hasCapability(me, "portfolio.write") ? (
              <Button component={Link} to="/portfolios" variant="default">
                Set up portfolios
              </Button>
            ) : null}
            {hasCapability(me, "project.import") ? (
              <Button component={Link} to="/projects/import" variant="default">
                Import projects
              </Button>
            ) : null}
          </Group>
        </Card>
      </Stack>
    </>
  );
}

import { Anchor, Group, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageLoader } from "../../../components/PageLoader.js";
import { useProjectDecisions } from "../decisions.js";
import { DecisionsTable } from "./DecisionsTable.js";

/** The project detail page's "Decisions" tab: the decision log limited to this project. */
export function ProjectDecisions({ projectId }: { projectId: string }) {
  const log = useProjectDecisions(projectId);
  const decisions = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Group justify="space-between" mb="sm" align="baseline">
        <Title order={2} size="h3">
          Decisions
        </Title>
        <Anchor component={Link} to="/decisions" size="sm">
          Open the decision log
        </Anchor>
      </Group>
      <ErrorAlert error={log.error} title="The decisions could not be loaded" />
      {log.isPending ? (
        <PageLoader label="Loading decisions" />
      ) : decisions.length === 0 ? (
        <Text>No decisions have been recorded about this project.</Text>
      ) : (
        <DecisionsTable
          decisions={decisions}
          label="Decisions about this project"
          showReference={false}
          showDecidedBy={false}
        />
      )}
      <LoadMore
        hasNextPage={log.hasNextPage}
        isFetchingNextPage={log.isFetchingNextPage}
        fetchNextPage={log.fetchNextPage}
      />
    </>
  );
}

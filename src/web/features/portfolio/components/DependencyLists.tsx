import { Anchor, List, SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { Project } from "../../../api/types.js";
import { humanize } from "../../../components/format.js";

/** What this project depends on, and which projects depend on it. */
export function DependencyLists({ project }: { project: Project }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <section aria-labelledby="depends-on-heading">
        <Title order={2} size="h3" mb="sm" id="depends-on-heading">
          Depends on
        </Title>
        {project.dependencies.length === 0 ? (
          <Text>This project depends on no other project.</Text>
        ) : (
          <List spacing="xs">
            {project.dependencies.map((d) => (
              <List.Item key={d.dependsOnId}>
                <Anchor component={Link} to={`/projects/${d.dependsOnId}`}>
                  {d.dependsOnCode} · {d.dependsOnName}
                </Anchor>{" "}
                <Text span size="sm">
                  ({humanize(d.kind)})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>
      <section aria-labelledby="dependents-heading">
        <Title order={2} size="h3" mb="sm" id="dependents-heading">
          Dependents
        </Title>
        {project.dependents.length === 0 ? (
          <Text>No other project depends on this one.</Text>
        ) : (
          <List spacing="xs">
            {project.dependents.map((d) => (
              <List.Item key={d.projectId}>
                <Anchor component={Link} to={`/projects/${d.projectId}`}>
                  {d.code} · {d.name}
                </Anchor>{" "}
                <Text span size="sm">
                  ({humanize(d.kind)})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </SimpleGrid>
  );
}

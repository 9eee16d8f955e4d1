import { Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { ConfirmModal } from "../../../components/ConfirmModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import type { AgendaItem, Meeting } from "../meeting-types.js";
import type { useAddAgendaItem, useRemoveAgendaItem, useUpdateAgendaItem } from "../meetings.js";
import { AgendaItemFormModal } from "./AgendaItemFormModal.js";
import { ReferenceLink } from "./ReferenceLink.js";

const notConflict = (e: unknown) => (isApiError(e) && e.isConflict ? null : e);

/** The agenda in order: each item, what it is about, its notes; writers add, edit, move and remove. */
export function AgendaSection({
  meeting,
  mayWrite,
  add,
  update,
  remove,
}: {
  meeting: Meeting;
  mayWrite: boolean;
  add: ReturnType<typeof useAddAgendaItem>;
  update: ReturnType<typeof useUpdateAgendaItem>;
  remove: ReturnType<typeof useRemoveAgendaItem>;
}) {
  const [editing, setEditing] = useState<AgendaItem | "new" | null>(null);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const items = meeting.agenda;
  const decisionsUnder = (itemId: string) => meeting.decisions.filter((d) => d.agendaItemId === itemId).length;
  // Reordering moves the item's node, which drops the focus. Once the agenda shows the item at its
  // new place, put the focus back on the same control (or its twin, at an end of the list).
  const [refocus, setRefocus] = useState<{ id: string; direction: "up" | "down"; position: number } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    if (items.find((i) => i.id === refocus.id)?.position !== refocus.position) return;
    setRefocus(null);
    const other = refocus.direction === "up" ? "down" : "up";
    const same = document.querySelector<HTMLButtonElement>(`[data-move="${refocus.id}-${refocus.direction}"]`);
    const twin = document.querySelector<HTMLButtonElement>(`[data-move="${refocus.id}-${other}"]`);
    (same && !same.disabled ? same : twin)?.focus();
  }, [items, refocus]);
  const move = (item: AgendaItem, direction: "up" | "down") => {
    const position = item.position + (direction === "up" ? -1 : 1);
    update.mutate({ itemId: item.id, position }, { onSuccess: () => setRefocus({ id: item.id, direction, position }) });
  };

  return (
    <section aria-labelledby="agenda-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="agenda-heading">
          Agenda
        </Title>
        {mayWrite ? (
          <Button variant="default" onClick={() => setEditing("new")}>
            Add agenda item
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={notConflict(update.error)} title="The agenda was not changed" />
      <ErrorAlert error={notConflict(remove.error)} title="The agenda item was not removed" />
      {items.length === 0 ? (
        <Text>No agenda items yet.</Text>
      ) : (
        <Box component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-label="Agenda items">
          {items.map((item, index) => (
            <Paper component="li" withBorder p="sm" mb="xs" key={item.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Group align="flex-start" gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 240 }}>
                  <Text fw={700} miw={24}>
                    {item.position}.
                  </Text>
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Text fw={600}>{item.title}</Text>
                    {item.refType ? (
                      <Text size="sm">
                        About: <ReferenceLink refType={item.refType} refId={item.refId} refLabel={item.refLabel} />
                      </Text>
                    ) : null}
                    {item.notes ? (
                      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                        {item.notes}
                      </Text>
                    ) : null}
                  </Stack>
                </Group>
                {mayWrite ? (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      disabled={index === 0}
                      aria-label={`Move "${item.title}" up`}
                      data-move={`${item.id}-up`}
                      onClick={() => move(item, "up")}
                    >
                      <span aria-hidden="true">↑</span>&nbsp;Up
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      disabled={index === items.length - 1}
                      aria-label={`Move "${item.title}" down`}
                      data-move={`${item.id}-down`}
                      onClick={() => move(item, "down")}
                    >
                      <span aria-hidden="true">↓</span>&nbsp;Down
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit agenda item "${item.title}"`}
                      onClick={() => setEditing(item)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove agenda item "${item.title}"`}
                      onClick={() => setRemoving(item)}
                    >
                      Remove
                    </Button>
                  </Group>
                ) : null}
              </Group>
            </Paper>
          ))}
        </Box>
      )}
      {mayWrite ? (
        <>
          <AgendaItemFormModal
            opened={editing !== null}
            meeting={meeting}
            item={editing === "new" ? null : editing}
            add={add}
            update={update}
            onClose={() => setEditing(null)}
          />
          <ConfirmModal
            opened={removing !== null}
            title="Remove agenda item"
            confirmLabel="Remove"
            loading={remove.isPending}
            onCancel={() => setRemoving(null)}
            onConfirm={() => removing && remove.mutate({ itemId: removing.id }, { onSettled: () => setRemoving(null) })}
          >
            Remove “{removing?.title}” from the agenda?
            {removing && decisionsUnder(removing.id) > 0
              ? ` Its ${decisionsUnder(removing.id)} decision(s) stay on the meeting.`
              : ""}
          </ConfirmModal>
        </>
      ) : null}
    </section>
  );
}

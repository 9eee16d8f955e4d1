import { Button, MultiSelect, Select, Stack, Table, Text } from "@mantine/core";
import { ATTENDANCES, type Attendance } from "../../../../domain/meetings/meeting-rules.js";
import type { FieldErrors } from "../../../api/api-error.js";
import type { User } from "../../../api/types.js";
import { humanize } from "../../../components/format.js";
import { toUserOptions } from "../../identity/users.js";

export type AttendeeDraft = { userId: string; attendance: Attendance };

export const ATTENDANCE_OPTIONS = ATTENDANCES.map((a) => ({ value: a, label: humanize(a) }));

/**
 * Who is invited and whether they came: a searchable multi-select of people, then each chosen
 * person with their attendance. Field errors arrive as `attendees.N.userId`.
 */
export function AttendeesEditor({
  value,
  onChange,
  users,
  knownNames = {},
  errors = {},
  label = "Attendees",
}: {
  value: readonly AttendeeDraft[];
  onChange: (next: AttendeeDraft[]) => void;
  users: readonly User[] | undefined;
  /** Names of attendees who may no longer be listed among the users (left, disabled). */
  knownNames?: Record<string, string>;
  errors?: FieldErrors;
  label?: string;
}) {
  const options = toUserOptions(users);
  const nameOf = (id: string) => options.find((o) => o.value === id)?.label ?? knownNames[id] ?? "(no longer a member)";
  for (const a of value) {
    if (!options.some((o) => o.value === a.userId)) options.push({ value: a.userId, label: nameOf(a.userId) });
  }
  const listError = Object.entries(errors)
    .filter(([path]) => path === "attendees" || path.startsWith("attendees."))
    .map(([path, message]) => {
      const index = Number(path.split(".")[1]);
      const who = Number.isInteger(index) && value[index] ? `${nameOf(value[index].userId)}: ` : "";
      return `${who}${message}`;
    })
    .join("; ");

  return (
    <Stack gap="xs">
      <MultiSelect
        label={label}
        description="Record each person's attendance below"
        placeholder={value.length ? undefined : "Choose people"}
        searchable
        clearable
        data={options}
        value={value.map((a) => a.userId)}
        onChange={(ids) =>
          onChange(ids.map((id) => value.find((a) => a.userId === id) ?? { userId: id, attendance: "invited" }))
        }
        nothingFoundMessage="Nobody found"
        error={listError || undefined}
        comboboxProps={{ withinPortal: true }}
      />
      {value.length > 0 ? (
        <Table.ScrollContainer minWidth={400} type="native">
          <Table verticalSpacing={4} aria-label="Attendance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Attendance</Table.Th>
                <Table.Th style={{ position: "relative" }}>
                  <span className="visually-hidden">Remove</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.map((a) => {
                const name = nameOf(a.userId);
                return (
                  <Table.Tr key={a.userId}>
                    <Table.Td>
                      <Text size="sm">{name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Attendance of ${name}`}
                        size="xs"
                        data={ATTENDANCE_OPTIONS}
                        value={a.attendance}
                        allowDeselect={false}
                        onChange={(v) =>
                          onChange(
                            value.map((x) =>
                              x.userId === a.userId
                                ? { ...x, attendance: (v as Attendance | null) ?? x.attendance }
                                : x,
                            ),
                          )
                        }
                        w={150}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${name}`}
                        onClick={() => onChange(value.filter((x) => x.userId !== a.userId))}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

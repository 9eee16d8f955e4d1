import { Alert, List } from "@mantine/core";
import { describeError, isApiError } from "../api/api-error.js";

/**
 * Shows a failed call: the problem's detail, any field errors that no input displays
 * (`unshownFields` filters them), and the request id to quote when reporting it.
 */
export function ErrorAlert({
  error,
  title = "Something went wrong",
  hideFields,
}: {
  error: unknown;
  title?: string;
  /** Field paths already shown beside their inputs. */
  hideFields?: (path: string) => boolean;
}) {
  if (!error) return null;
  const fields = isApiError(error) ? Object.entries(error.fieldErrors).filter(([path]) => !hideFields?.(path)) : [];
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {describeError(error)}
      {fields.length > 0 ? (
        <List size="sm" mt="xs">
          {fields.map(([path, message]) => (
            <List.Item key={path}>
              {path === "_" ? "" : `${path}: `}
              {message}
            </List.Item>
          ))}
        </List>
      ) : null}
      {isApiError(error) && error.requestId ? (
        <div style={{ fontSize: "var(--mantine-font-size-xs)", marginTop: 4 }}>Request id: {error.requestId}</div>
      ) : null}
    </Alert>
  );
}

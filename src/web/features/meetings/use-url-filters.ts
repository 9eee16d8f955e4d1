import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * A list's filters in React state (so controls update at once), mirrored into the URL so a view
 * can be shared, reloaded and navigated back to; as the projects list does.
 */
export function useUrlFilters<F extends object>(
  parse: (params: URLSearchParams) => F,
  serialize: (filters: F) => URLSearchParams,
): [F, (patch: Partial<F>) => void] {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => parse(params));
  // Query strings this hook wrote and the router has not shown yet, the latest last. The router
  // applies them asynchronously, so after two quick changes the first one can arrive after the
  // second was made; it must not be taken for a change from outside.
  const written = useRef<string[]>([params.toString()]);
  const current = params.toString();

  // The URL changed from outside (a link, back/forward): adopt it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the query string only
  useEffect(() => {
    const index = written.current.lastIndexOf(current);
    if (index >= 0) {
      written.current = written.current.slice(index);
      return;
    }
    written.current = [current];
    setFilters(parse(params));
  }, [current]);

  const update = (patch: Partial<F>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    const nextParams = serialize(next);
    written.current = [...written.current, nextParams.toString()];
    setParams(nextParams, { replace: true });
  };
  return [filters, update];
}

/** Comma list from a query parameter, keeping only known values. */
export function listParam<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  return (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** A YYYY-MM-DD query parameter, or "" when absent or malformed. */
export function dateParam(value: string | null): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "";
}

import { Center, Loader, VisuallyHidden } from "@mantine/core";

/** A spinner announced to assistive technology by the text in its status region, not by an aria-label on the span. */
export function PageLoader({ label = "Loading" }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader role="presentation" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}

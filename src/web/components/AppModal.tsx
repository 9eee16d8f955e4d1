import { type MantineSize, Modal } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * Mantine's Modal built from its parts so that the header is a plain <div> (a <header> inside the
 * dialog counts as a second banner landmark) and the close button has a name.
 */
export function AppModal({
  opened,
  onClose,
  title,
  size = "md",
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: MantineSize;
  children: ReactNode;
}) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

import { Button } from '@mantine/core';
import { type ReactNode, useState } from 'react';

/**
 * A part of the closeout that is recorded once and may be corrected (the reasons, the decision,
 * the meeting): its form shows until it is recorded, and afterwards only when the user asks to
 * correct it. `changeable` is whether this user may change it here at all.
 */
export function useCorrectableRecord({
  recorded,
  changeable,
  correctLabel,
}: {
  recorded: boolean;
  changeable: boolean;
  /** The button that reopens the form, e.g. "Edit reasons". */
  correctLabel: string;
}): {
  showForm: boolean;
  /** For the section's actions: the button that reopens the form, when it may. */
  correctButton: ReactNode;
  /** The form's onDone. */
  finish: () => void;
  /** The form's onCancel; none before the first record, when there is nothing to go back to. */
  cancel: (() => void) | undefined;
} {
  const [correcting, setCorrecting] = useState(false);
  const finish = () => setCorrecting(false);
  return {
    showForm: changeable && (correcting || !recorded),
    correctButton:
      changeable && recorded && !correcting ? (
        <Button variant="subtle" size="xs" onClick={() => setCorrecting(true)}>
          {correctLabel}
        </Button>
      ) : undefined,
    finish,
    cancel: recorded ? finish : undefined,
  };
}

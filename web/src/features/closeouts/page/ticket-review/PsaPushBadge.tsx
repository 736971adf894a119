import { Badge, Tooltip } from '@mantine/core';
import { formatMoment } from '../../../../format.js';
import type { TPsaPush } from './psa-pushes.js';

/** Whether a reviewed ticket's outcome reached the PSA it came from, or is on its way. */
export function PsaPushBadge({ push }: { push: TPsaPush }) {
  if (push.error !== null) {
    return (
      <Tooltip label={push.error} multiline maw={320} withArrow>
        <Badge color="red" variant="light" tt="none" maw="100%">
          Write-back failed: {push.error}
        </Badge>
      </Tooltip>
    );
  }
  if (push.pushedAt !== null) {
    return (
      <Tooltip label={formatMoment(push.pushedAt)} withArrow>
        <Badge color="teal" variant="light" tt="none" miw="max-content">
          Written back to PSA
        </Badge>
      </Tooltip>
    );
  }
  // Neither written nor waiting: the outcome came from the PSA itself, or write-back is off.
  if (!push.waiting) return null;
  return (
    <Badge color="gray" variant="outline" tt="none" miw="max-content">
      Waiting to be written back
    </Badge>
  );
}

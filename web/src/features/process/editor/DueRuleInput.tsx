import { Group, NumberInput, SegmentedControl, Select, Switch, Text } from '@mantine/core';
import { type TDueRule, ZDueAnchor } from '../../../../../src/blueprint/schema.js';
import { DUE_ANCHOR_LABELS } from '../../../labels.js';
import { describeDueRule } from '../due-rule.js';

const ANCHORS = ZDueAnchor.options.map((anchor) => ({
  value: anchor,
  label: DUE_ANCHOR_LABELS[anchor],
}));

const DEFAULT_RULE: TDueRule = { anchor: 'notice', offsetDays: 5, days: 'business' };

/** A due-date rule: how many business or calendar days before or after which date. */
export function DueRuleInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: TDueRule | null;
  onChange: (rule: TDueRule | null) => void;
}) {
  return (
    <div>
      <Switch
        label={`${label}: has a due date`}
        checked={value !== null}
        onChange={(event) => onChange(event.currentTarget.checked ? DEFAULT_RULE : null)}
      />
      {value !== null && (
        <Group gap="xs" mt="xs" align="end" wrap="wrap">
          <NumberInput
            label="Days"
            aria-label={`${label}: days before (negative) or after`}
            value={value.offsetDays}
            min={-365}
            max={730}
            allowDecimal={false}
            w={96}
            onChange={(offset) =>
              onChange({ ...value, offsetDays: typeof offset === 'number' ? offset : 0 })
            }
          />
          <SegmentedControl
            aria-label={`${label}: business or calendar days`}
            value={value.days}
            data={[
              { value: 'business', label: 'Business' },
              { value: 'calendar', label: 'Calendar' },
            ]}
            onChange={(days) =>
              onChange({ ...value, days: days === 'calendar' ? 'calendar' : 'business' })
            }
          />
          <Select
            label="Counted from"
            aria-label={`${label}: counted from`}
            data={ANCHORS}
            value={value.anchor}
            allowDeselect={false}
            w={200}
            onChange={(anchor) => {
              const parsed = ZDueAnchor.safeParse(anchor);
              if (parsed.success) onChange({ ...value, anchor: parsed.data });
            }}
          />
        </Group>
      )}
      {value !== null && (
        <Text size="xs" c="dimmed" mt={4}>
          {describeDueRule(value)}
        </Text>
      )}
    </div>
  );
}

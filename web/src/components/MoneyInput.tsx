import { NumberInput, type NumberInputProps } from '@mantine/core';

/** An amount in dollars and cents, as the API keeps monthly recurring revenue. */
export function MoneyInput(props: NumberInputProps) {
  return <NumberInput min={0} decimalScale={2} thousandSeparator="," prefix="$" {...props} />;
}

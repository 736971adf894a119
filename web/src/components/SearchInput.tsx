import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 300;

/**
 * Searches once typing pauses, so each keystroke is not a request; follows `value` when it
 * changes otherwise (Back, or clearing the filters).
 */
export function SearchInput({
  value,
  onSearch,
  ...inputProps
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onSearch: (q: string) => void;
}) {
  const [text, setText] = useState(value);
  const [settled] = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change searches.
  useEffect(() => {
    if (settled !== value) onSearch(settled);
  }, [settled]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of `value` resets the text.
  useEffect(() => {
    if (value !== text.trim()) setText(value);
  }, [value]);
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      {...inputProps}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
    />
  );
}

import '@mantine/dropzone/styles.css';
import { Button, Center, Group, Image, Input, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconPhoto, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { ZPersonalisation } from '../../../../src/blueprint/schema.js';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

/** The API keeps the logo as a data: URL of at most this many characters… */
const LOGO_MAX_LENGTH = ZPersonalisation.shape.logo.unwrap().maxLength ?? 1_500_000;
/** …which base64 (4 characters for 3 bytes) allows for a file of about this size. */
const LOGO_MAX_BYTES = Math.floor((LOGO_MAX_LENGTH - 'data:image/svg+xml;base64,'.length) / 4) * 3;
const LOGO_MAX_SIZE = `${(LOGO_MAX_BYTES / 1_000_000).toFixed(1)} MB`;

const readAsDataUrl = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

const rejectionMessage = (rejection: FileRejection): string =>
  rejection.errors.some((error) => error.code === 'file-too-large')
    ? `That file is larger than ${LOGO_MAX_SIZE}.`
    : 'Choose a PNG, JPEG or SVG image.';

/** The organisation's logo: dropped or chosen, previewed, replaced or removed. */
export function LogoField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string | null;
  onChange: (logo: string | null) => void;
  error?: ReactNode;
  disabled: boolean;
}) {
  const openRef = useRef<() => void>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const accept = async (files: File[]) => {
    const [file] = files;
    if (file === undefined) return;
    const dataUrl = await readAsDataUrl(file);
    if (dataUrl.length > LOGO_MAX_LENGTH) {
      setProblem(`That file is larger than ${LOGO_MAX_SIZE}.`);
      return;
    }
    setProblem(null);
    onChange(dataUrl);
  };

  return (
    <Input.Wrapper
      label="Logo"
      description={`Shown in the header and on documents. PNG, JPEG or SVG, up to ${LOGO_MAX_SIZE}.`}
      error={problem ?? error}
    >
      <Stack gap="xs" mt={6}>
        {value !== null && (
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" wrap="wrap">
              <Center h={64} miw={64}>
                <Image src={value} alt="Your logo" h={56} w="auto" maw={240} fit="contain" />
              </Center>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconUpload size={14} />}
                  onClick={() => openRef.current?.()}
                  disabled={disabled}
                >
                  Replace
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => onChange(null)}
                  disabled={disabled}
                >
                  Remove
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
        <Dropzone
          openRef={openRef}
          inputProps={{ 'aria-label': 'Logo file' }}
          onDrop={(files) => void accept(files)}
          onReject={(rejections) => {
            const [rejection] = rejections;
            if (rejection !== undefined) setProblem(rejectionMessage(rejection));
          }}
          accept={LOGO_TYPES}
          maxSize={LOGO_MAX_BYTES}
          multiple={false}
          disabled={disabled}
          display={value === null ? undefined : 'none'}
          aria-label="Upload a logo"
          radius="md"
        >
          <Group justify="center" gap="md" mih={88} style={{ pointerEvents: 'none' }}>
            <Dropzone.Accept>
              <ThemeIcon variant="light" size={40} radius="xl">
                <IconUpload size={20} />
              </ThemeIcon>
            </Dropzone.Accept>
            <Dropzone.Reject>
              <ThemeIcon variant="light" color="red" size={40} radius="xl">
                <IconX size={20} />
              </ThemeIcon>
            </Dropzone.Reject>
            <Dropzone.Idle>
              <ThemeIcon variant="light" color="gray" size={40} radius="xl">
                <IconPhoto size={20} />
              </ThemeIcon>
            </Dropzone.Idle>
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Drop your logo here, or click to choose a file
              </Text>
              <Text size="xs" c="dimmed">
                A wide logo on a transparent background looks best.
              </Text>
            </Stack>
          </Group>
        </Dropzone>
      </Stack>
    </Input.Wrapper>
  );
}

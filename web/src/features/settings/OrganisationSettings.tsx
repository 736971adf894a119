import {
  Button,
  ColorInput,
  Fieldset,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  type TOrganisation,
  type TPersonalisationRequest,
  ZPersonalisationRequest,
} from '../../../../src/server/organisation/schema.js';
import { useOrganisation, useUpdatePersonalisation } from '../../api/organisation.js';
import { useCan } from '../../api/session.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { QueryState } from '../../components/QueryState.js';
import { applyProblem, zodValidate } from '../../forms/zod-form.js';
import { BRAND_SWATCHES, brandFill } from './brand-colour.js';
import { LogoField } from './LogoField.js';
import { SectionHeader } from './SectionHeader.js';

export function OrganisationSettings() {
  const organisation = useOrganisation();
  const canManage = useCan('settings.manage');
  return (
    <>
      <SectionHeader
        title="Organisation"
        description="Your name, logo and colour, as your staff see them throughout Closeout."
        readOnly={!canManage}
      />
      <QueryState query={organisation} loadingLabel="Loading your organisation…">
        {(loaded) => <OrganisationForm organisation={loaded} canManage={canManage} />}
      </QueryState>
    </>
  );
}

function OrganisationForm({
  organisation,
  canManage,
}: {
  organisation: TOrganisation;
  canManage: boolean;
}) {
  const update = useUpdatePersonalisation();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<TPersonalisationRequest>({
    initialValues: organisation.personalisation,
    validate: zodValidate(ZPersonalisationRequest),
  });

  const submit = form.onSubmit((personalisation) => {
    setFormError(null);
    update.mutate(personalisation, {
      onSuccess: (saved) => {
        form.setInitialValues(saved.personalisation);
        form.setValues(saved.personalisation);
        notifications.show({ color: 'teal', message: 'Your organisation was saved.' });
      },
      onError: (error) => {
        if (applyProblem(form, error) !== null) setFormError(error);
      },
    });
  });

  const values = form.getValues();
  const previewColor = brandFill(values.primaryColor, organisation.personalisation.primaryColor);

  return (
    <form onSubmit={submit} noValidate>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Stack>
          <ProblemAlert error={formError} title="Not saved" />
          <Fieldset variant="unstyled" disabled={!canManage}>
            <Stack>
              <TextInput
                label="Organisation name"
                required
                maxLength={120}
                {...form.getInputProps('organisationName')}
              />
              <LogoField
                value={values.logo}
                onChange={(logo) => form.setFieldValue('logo', logo)}
                error={form.errors.logo}
                disabled={!canManage}
              />
              <ColorInput
                label="Brand colour"
                description="Buttons, links and highlights take this colour, in light and dark mode."
                format="hex"
                swatches={BRAND_SWATCHES}
                swatchesPerRow={8}
                required
                {...form.getInputProps('primaryColor')}
              />
            </Stack>
          </Fieldset>
          {canManage && (
            <Group>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                Save changes
              </Button>
              {form.isDirty() && (
                <Button variant="subtle" color="gray" onClick={() => form.reset()}>
                  Discard
                </Button>
              )}
            </Group>
          )}
        </Stack>
        <BrandPreview name={values.organisationName} logo={values.logo} color={previewColor} />
      </SimpleGrid>
    </form>
  );
}

/** How the header and a primary button will look, before saving. */
function BrandPreview({ name, logo, color }: { name: string; logo: string | null; color: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Preview
      </Text>
      <Paper withBorder radius="md" p="md" aria-label="Preview of your branding">
        <Stack gap="md">
          <Group gap="xs" wrap="nowrap">
            {logo === null ? (
              <Paper w={28} h={28} radius={7} bg={color} aria-hidden />
            ) : (
              <Image src={logo} alt="" h={28} w="auto" fit="contain" />
            )}
            <Stack gap={0}>
              <Text fw={700} size="sm" lh={1.2}>
                {name.trim() === '' ? 'Your organisation' : name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                Closeout
              </Text>
            </Stack>
          </Group>
          <Group gap="xs">
            <Button color={color} size="xs" component="span">
              New closeout
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

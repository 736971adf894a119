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
import {
  type TOrganisation,
  type TPersonalisationRequest,
  ZPersonalisationRequest,
} from '../../../../src/server/organisation/schema.js';
import { useUpdatePersonalisation } from '../../api/organisation.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { zodValidate } from '../../forms/zod-form.js';
import { BRAND_SWATCHES, brandFill } from './brand-colour.js';
import { LogoField } from './LogoField.js';
import { OrganisationSection } from './OrganisationSection.js';
import { SaveButtons } from './SaveButtons.js';
import { useSettingsSubmit } from './use-settings-submit.js';

export function OrganisationSettings() {
  return (
    <OrganisationSection
      title="Organisation"
      description="Your name, logo and colour, as your staff see them throughout Closeout."
      loadingLabel="Loading your organisation…"
    >
      {(organisation, canManage) => (
        <OrganisationForm organisation={organisation} canManage={canManage} />
      )}
    </OrganisationSection>
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
  const form = useForm<TPersonalisationRequest>({
    initialValues: organisation.personalisation,
    validate: zodValidate(ZPersonalisationRequest),
  });

  const submit = useSettingsSubmit(form, {
    send: (personalisation) => update.mutateAsync(personalisation),
    notice: 'Your organisation was saved.',
    savedValues: (saved) => saved.personalisation,
  });

  const values = form.getValues();
  const previewColor = brandFill(values.primaryColor, organisation.personalisation.primaryColor);

  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Stack>
          <ProblemAlert error={submit.unplaced} title="Not saved" />
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
          {canManage && <SaveButtons form={form} saving={submit.saving} label="Save changes" />}
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

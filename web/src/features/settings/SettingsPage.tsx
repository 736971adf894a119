import { Box, Flex, NavLink, Stack } from '@mantine/core';
import {
  IconBuilding,
  IconFileImport,
  IconListDetails,
  IconMail,
  IconPlugConnected,
  IconTags,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';
import { Navigate, Route, NavLink as RouterNavLink, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ImportSettings } from '../imports/ImportSettings.js';
import { IntegrationsSettings } from '../integrations/IntegrationsSettings.js';
import { OutboxSettings } from '../mails/OutboxSettings.js';
import { NameSettings } from './NameSettings.js';
import { OrganisationSettings } from './OrganisationSettings.js';
import { ReasonSettings } from './ReasonSettings.js';
import { UserSettings } from './UserSettings.js';

const SECTIONS: { path: string; label: string; icon: TablerIcon }[] = [
  { path: 'organisation', label: 'Organisation', icon: IconBuilding },
  { path: 'users', label: 'Users and roles', icon: IconUsers },
  { path: 'reasons', label: 'Cancellation reasons', icon: IconListDetails },
  { path: 'names', label: 'Role and system names', icon: IconTags },
  { path: 'integrations', label: 'Integrations', icon: IconPlugConnected },
  { path: 'import', label: 'Import from CSV', icon: IconFileImport },
  { path: 'outbox', label: 'Outbox', icon: IconMail },
];

/** The organisation's settings, one section per address under /settings. */
export function SettingsPage() {
  const current = useParams()['*']?.split('/')[0];
  const section = SECTIONS.find((candidate) => candidate.path === current);
  return (
    <>
      <PageHeader
        title="Settings"
        documentTitle={section === undefined ? 'Settings' : `${section.label} · Settings`}
        description="Your organisation’s branding, its people, and the words Closeout uses."
      />
      <Flex direction={{ base: 'column', md: 'row' }} gap="xl" align="flex-start">
        <Stack component="nav" aria-label="Settings" gap={2} w={{ base: '100%', md: 232 }}>
          {SECTIONS.map((item) => (
            <NavLink
              key={item.path}
              component={RouterNavLink}
              to={`/settings/${item.path}`}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.7} />}
              active={item === section}
            />
          ))}
        </Stack>
        <Box flex={1} miw={0} w="100%">
          <Routes>
            <Route index element={<Navigate to="organisation" replace />} />
            <Route path="organisation" element={<OrganisationSettings />} />
            <Route path="users" element={<UserSettings />} />
            <Route path="reasons" element={<ReasonSettings />} />
            <Route path="names" element={<NameSettings />} />
            <Route path="integrations" element={<IntegrationsSettings />} />
            <Route path="import" element={<ImportSettings />} />
            <Route path="outbox" element={<OutboxSettings />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Box>
      </Flex>
    </>
  );
}

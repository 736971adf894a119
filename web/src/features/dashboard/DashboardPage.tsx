import { Grid, Stack } from '@mantine/core';
import { useSignedInUser } from '../../api/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { CloseoutBoard } from './CloseoutBoard.js';
import { KpiTiles } from './KpiTiles.js';
import { MyTasks } from './MyTasks.js';

/** How closeouts are going, what is under way in which stage, and what is the user's to do. */
export function DashboardPage() {
  const user = useSignedInUser();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return (
    <>
      <PageHeader
        title={`Welcome back, ${firstName}`}
        documentTitle="Dashboard"
        description="How your closeouts are going, where each one stands, and what is yours to do."
      />
      <Stack gap="xl">
        <KpiTiles />
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, xl: 9 }}>
            <CloseoutBoard />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 3 }}>
            <MyTasks />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

import { Button, Group, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { DiagramDownload } from '../../api/diagrams.js';

const PDF_PAPERS = [
  { paper: 'a3', label: 'PDF, A3' },
  { paper: 'tabloid', label: 'PDF, 11×17' },
] as const;

/** The diagram as a file: the SVG, or a PDF on A3 or 11×17. */
export function DiagramDownloads({
  name,
  urlFor,
}: {
  /** What is downloaded, for the buttons' accessible names ("Process overview"). */
  name: string;
  urlFor: (download: DiagramDownload) => string;
}) {
  return (
    <Group gap={6}>
      <Button
        component="a"
        href={urlFor({ format: 'svg' })}
        download
        variant="default"
        leftSection={<IconDownload size={16} />}
        aria-label={`Download the ${name} as SVG`}
      >
        SVG
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            rightSection={<IconChevronDown size={14} />}
            aria-label={`Download the ${name} as PDF`}
          >
            PDF
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {PDF_PAPERS.map(({ paper, label }) => (
            <Menu.Item key={paper} component="a" href={urlFor({ format: 'pdf', paper })} download>
              {label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

import { ActionIcon, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsMinimize, IconMinus, IconPlus } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { Diagram } from '../../../../src/documents/diagrams/page.js';
import { usePanZoom } from './use-pan-zoom.js';

const ZOOM_STEP = 1.25;
const PAN_STEP = 60;

/** What a key does to the view: zoom, fit, or pan by (dx, dy). */
function keyMove(key: string): 'in' | 'out' | 'fit' | [number, number] | null {
  switch (key) {
    case '+':
    case '=':
      return 'in';
    case '-':
      return 'out';
    case '0':
      return 'fit';
    case 'ArrowLeft':
      return [PAN_STEP, 0];
    case 'ArrowRight':
      return [-PAN_STEP, 0];
    case 'ArrowUp':
      return [0, PAN_STEP];
    case 'ArrowDown':
      return [0, -PAN_STEP];
    default:
      return null;
  }
}

/**
 * A diagram on screen: zoom with the wheel, a pinch or the buttons, pan by dragging or with the
 * arrow keys, and see it whole with Fit. The SVG is inlined (it is our own, escaped markup), so
 * with `onTaskSelect` its tasks are buttons that a click or Enter opens.
 */
export function DiagramViewer({
  diagram,
  label,
  actions,
  onTaskSelect,
  taskActionLabel = 'Open',
}: {
  diagram: Diagram;
  label: string;
  actions?: ReactNode;
  onTaskSelect?: (taskKey: string) => void;
  /** What selecting a task does, for its accessible description ("Open the stage of task"). */
  taskActionLabel?: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const drawing = useRef<HTMLDivElement>(null);
  const size = useMemo(
    () => ({ width: diagram.width, height: diagram.height }),
    [diagram.width, diagram.height],
  );
  const { view, showAll, zoom, pan, wasDrag, pointerHandlers } = usePanZoom(frame, size);

  // Tasks become keyboard-reachable buttons when they can be selected. Their <title> ("7. Name")
  // names them: an aria-label would have to repeat every line drawn in the box (label in name).
  // biome-ignore lint/correctness/useExhaustiveDependencies: new markup is new elements to prepare.
  useEffect(() => {
    const root = drawing.current;
    if (root === null || onTaskSelect === undefined) return;
    root.querySelector('svg')?.setAttribute('role', 'group');
    for (const task of root.querySelectorAll<SVGGElement>('g.task[data-task]')) {
      const state = task.dataset.state;
      task.setAttribute('tabindex', '0');
      task.setAttribute('role', 'button');
      task.setAttribute(
        'aria-description',
        `${state === undefined ? '' : `${state[0]?.toUpperCase()}${state.slice(1)}. `}${taskActionLabel}.`,
      );
      task.style.cursor = 'pointer';
    }
  }, [diagram.markup, onTaskSelect, taskActionLabel]);

  const taskOf = (target: EventTarget | null) =>
    target instanceof Element
      ? (target.closest('[data-task]')?.getAttribute('data-task') ?? null)
      : null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const task = taskOf(event.target);
    if (
      task !== null &&
      onTaskSelect !== undefined &&
      (event.key === 'Enter' || event.key === ' ')
    ) {
      event.preventDefault();
      onTaskSelect(task);
      return;
    }
    const move = keyMove(event.key);
    if (move === null) return;
    event.preventDefault();
    if (move === 'fit') showAll();
    else if (move === 'in') zoom(ZOOM_STEP);
    else if (move === 'out') zoom(1 / ZOOM_STEP);
    else pan(move[0], move[1]);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Zoom out"
            onClick={() => zoom(1 / ZOOM_STEP)}
          >
            <IconMinus size={16} />
          </ActionIcon>
          <Text size="sm" w={52} ta="center" aria-live="polite">
            {Math.round(view.scale * 100)}%
          </Text>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Zoom in"
            onClick={() => zoom(ZOOM_STEP)}
          >
            <IconPlus size={16} />
          </ActionIcon>
          <Button
            variant="default"
            leftSection={<IconArrowsMinimize size={16} />}
            onClick={showAll}
          >
            Fit
          </Button>
        </Group>
        {actions}
      </Group>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Box
          ref={frame}
          role="region"
          aria-label={`${label}. Drag or use the arrow keys to pan; plus and minus zoom; 0 fits the whole diagram.`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onClick={(event) => {
            const task = taskOf(event.target);
            if (task !== null && onTaskSelect !== undefined && !wasDrag()) onTaskSelect(task);
          }}
          {...pointerHandlers}
          style={{
            position: 'relative',
            height: 'min(72vh, 760px)',
            minHeight: 320,
            overflow: 'hidden',
            touchAction: 'none',
            cursor: 'grab',
            background: 'var(--mantine-color-body)',
          }}
        >
          <div
            ref={drawing}
            data-testid="diagram-drawing"
            style={{
              position: 'absolute',
              left: 0,
              top: 0,
              width: diagram.width,
              height: diagram.height,
              transformOrigin: '0 0',
              transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
              background: '#fff',
            }}
            // The markup is built by src/documents/diagrams with every text escaped.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: our own escaped SVG.
            dangerouslySetInnerHTML={{ __html: diagram.markup }}
          />
        </Box>
      </Paper>
    </Stack>
  );
}

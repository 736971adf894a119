import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/**
 * Pan and zoom of a drawing inside a frame: the wheel and a pinch zoom about the point under
 * them, a drag pans, and `fit` shows the whole drawing. The drawing is moved with a CSS
 * transform, so it stays vector-sharp at any zoom.
 */

export type View = { scale: number; x: number; y: number };

const MIN_SCALE = 0.1;
const MAX_SCALE = 8;
const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export function fitView(
  frame: { width: number; height: number },
  size: { width: number; height: number },
): View {
  if (frame.width <= 0 || frame.height <= 0) return { scale: 1, x: 0, y: 0 };
  const scale = clamp(Math.min(frame.width / size.width, frame.height / size.height));
  return {
    scale,
    x: (frame.width - size.width * scale) / 2,
    y: (frame.height - size.height * scale) / 2,
  };
}

/** The view zoomed by `factor` keeping the point (px, py) of the frame where it is. */
export function zoomAbout(view: View, factor: number, px: number, py: number): View {
  const scale = clamp(view.scale * factor);
  const ratio = scale / view.scale;
  return { scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

export function usePanZoom(
  frame: RefObject<HTMLDivElement | null>,
  size: { width: number; height: number },
) {
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  /** How far the pointer travelled since it went down: a drag is not a click. */
  const travelled = useRef(0);

  const frameSize = useCallback(() => {
    const element = frame.current;
    return { width: element?.clientWidth ?? 0, height: element?.clientHeight ?? 0 };
  }, [frame]);

  const fitAll = useCallback(() => setView(fitView(frameSize(), size)), [frameSize, size]);

  const zoom = useCallback(
    (factor: number) => {
      const { width, height } = frameSize();
      setView((current) => zoomAbout(current, factor, width / 2, height / 2));
    },
    [frameSize],
  );

  const pan = useCallback((dx: number, dy: number) => {
    setView((current) => ({ ...current, x: current.x + dx, y: current.y + dy }));
  }, []);

  // A new drawing size (another diagram) starts from the whole drawing; new marks on the same
  // drawing keep the reader's zoom.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the size changes.
  useEffect(() => {
    fitAll();
  }, [size.width, size.height]);

  useEffect(() => {
    const element = frame.current;
    if (element === null) return;
    // Registered by hand: React's wheel listener is passive and cannot keep the page still.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015));
      setView((current) =>
        zoomAbout(current, factor, event.clientX - box.left, event.clientY - box.top),
      );
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [frame]);

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.current.size === 1) travelled.current = 0;
  };

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const previous = pointers.current.get(event.pointerId);
    if (previous === undefined) return;
    if (pointers.current.size === 1) {
      const dx = event.clientX - previous.x;
      const dy = event.clientY - previous.y;
      travelled.current += Math.abs(dx) + Math.abs(dy);
      if (travelled.current > 4) event.currentTarget.setPointerCapture?.(event.pointerId);
      pan(dx, dy);
    } else {
      const [first, second] = [...pointers.current.entries()];
      if (first === undefined || second === undefined) return;
      const other = first[0] === event.pointerId ? second[1] : first[1];
      const before = Math.hypot(previous.x - other.x, previous.y - other.y);
      const after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
      const box = event.currentTarget.getBoundingClientRect();
      travelled.current += 10;
      if (before > 0) {
        setView((current) =>
          zoomAbout(
            current,
            after / before,
            (event.clientX + other.x) / 2 - box.left,
            (event.clientY + other.y) / 2 - box.top,
          ),
        );
      }
    }
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  const onPointerUp = (event: React.PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
  };

  return {
    view,
    showAll: fitAll,
    zoom,
    pan,
    wasDrag: () => travelled.current > 4,
    pointerHandlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
    },
  };
}

import { useEffect, useRef, useState } from 'react';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import { useSaveProcessDraft } from '../../../api/process-draft.js';

const SAVE_DELAY_MS = 800;

/**
 * Keeps the server's draft in step with the editor: each change is saved shortly after the
 * typing stops, and `flush` saves at once (before reviewing), so nothing typed is lost when the
 * page is left or the browser closes.
 */
export function useDraftAutosave(baseVersion: number) {
  const save = useSaveProcessDraft();
  const pending = useRef<TProcessDefinition | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [dirty, setDirty] = useState(false);

  const send = async () => {
    clearTimeout(timer.current);
    const definition = pending.current;
    if (definition === null) return;
    pending.current = null;
    await save.mutateAsync({ definition, baseVersion });
    if (pending.current === null) setDirty(false);
  };

  const schedule = (definition: TProcessDefinition) => {
    pending.current = definition;
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void send().catch(() => undefined);
    }, SAVE_DELAY_MS);
  };

  const sendLatest = useRef(send);
  sendLatest.current = send;

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current !== null) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the editor saves what was typed since the last save.
      void sendLatest.current().catch(() => undefined);
    };
  }, []);

  return {
    schedule,
    flush: send,
    dirty,
    saving: save.isPending,
    error: save.error,
    savedAt: save.data?.updatedAt ?? null,
  };
}

import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';

export const CLOSEOUT_TABS = [
  'stage',
  'tasks',
  'plan',
  'blueprint',
  'timeline',
  'documents',
] as const;
export type CloseoutTab = (typeof CLOSEOUT_TABS)[number];

const isTab = (value: string | null): value is CloseoutTab =>
  CLOSEOUT_TABS.some((tab) => tab === value);

/**
 * What the closeout page shows lives in the URL (`?stage=<key>&tab=<tab>#gate-<key>`), so a
 * stage, a tab or a gate can be linked to and the back button steps through them. The stage tab
 * and the closeout's current stage are the defaults, left out of the URL.
 */
export function useCloseoutLocation(definition: TProcessDefinition, closeout: TCloseoutDetail) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('stage');
  const stageKey =
    requested !== null && definition.stages.some((stage) => stage.key === requested)
      ? requested
      : closeout.stage.key;
  const requestedTab = params.get('tab');
  const tab: CloseoutTab = isTab(requestedTab) ? requestedTab : 'stage';

  const selectTab = (next: CloseoutTab) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next === 'stage') updated.delete('tab');
      else updated.set('tab', next);
      return updated;
    });

  /** Back to the current stage, e.g. once the closeout moved on to its next one. */
  const showCurrentStage = () =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.delete('stage');
      updated.delete('tab');
      return updated;
    });

  return { stageKey, tab, selectTab, showCurrentStage };
}

/** The search of a link to one stage's panel. */
export const stageSearch = (stageKey: string): string => `?stage=${encodeURIComponent(stageKey)}`;

/**
 * Scrolls to the element the URL's hash names once it is on the page (a gate's section, after a
 * "what still blocks closing" link), and again when the same link is followed twice.
 */
export function useScrollToHash(ready: boolean) {
  const { hash, key } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` changes when the same link is followed again.
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (target === null) return;
      const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      target.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, hash, key]);
}

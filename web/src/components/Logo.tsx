import { Image } from '@mantine/core';
import { useSession } from '../api/session.js';

/** The organisation's logo when it has one (Settings → Organisation), else Closeout's mark. */
export function Logo({ size = 28 }: { size?: number }) {
  const { data } = useSession();
  const logo = data?.organisation.personalisation.logo ?? null;
  if (logo !== null) {
    return (
      <Image
        src={logo}
        alt={`${data?.organisation.name ?? 'Organisation'} logo`}
        h={size}
        w="auto"
        fit="contain"
      />
    );
  }
  return <CloseoutMark size={size} label="Closeout" />;
}

/**
 * Closeout's mark in the organisation's colour, its tick in whichever of black or white reads
 * on it; `label` names it for assistive technology.
 */
export function CloseoutMark({ size, label }: { size: number; label: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role="img" aria-label={label}>
      <rect width="32" height="32" rx="7" fill="var(--mantine-primary-color-filled)" />
      <path
        d="M9 16.5l4.5 4.5L23 11.5"
        fill="none"
        stroke="var(--mantine-primary-color-contrast)"
        strokeWidth="3.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

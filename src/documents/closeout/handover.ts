import type { BackupCopy, BackupMedium, HandoverItem } from '../../domain/model.js';
import { type BrandedPdf, formatBytes, formatMoment } from '../pdf/index.js';

const MEDIUM: Record<BackupMedium, string> = {
  download_link: 'Download link',
  encrypted_drive: 'Encrypted drive',
  cloud_to_cloud: 'Cloud to cloud',
  other: 'Other',
};

/** "Sam Service, 3 March 2026 at 10:00 UTC", or the fallback when it has not happened. */
export function byAt(by: string | null, at: string | null, fallback = 'Not yet'): string {
  if (at === null) return fallback;
  return [by, formatMoment(at)].filter(Boolean).join(', ');
}

/** Handover items grouped by system, in the order the closeout lists them. */
export function itemsBySystem(items: HandoverItem[]): Array<[string, HandoverItem[]]> {
  const groups = new Map<string, HandoverItem[]>();
  for (const item of items)
    groups.set(item.systemName, [...(groups.get(item.systemName) ?? []), item]);
  return [...groups];
}

/** Each backup copy's facts, the SHA-256 in full so the client can compare it. */
export function backupCopies(pdf: BrandedPdf, copies: BackupCopy[], emptyText: string): void {
  if (copies.length === 0) {
    pdf.paragraph(emptyText, { muted: true });
    return;
  }
  for (const copy of copies) {
    pdf.heading(copy.description, 2);
    pdf.keyValues([
      ['Systems covered', copy.systemsCovered.join(', ')],
      ['Size', formatBytes(copy.sizeBytes)],
      ['SHA-256', { mono: copy.sha256 }],
      ['Medium', MEDIUM[copy.medium]],
      ['Delivered', byAt(copy.deliveredBy, copy.deliveredAt)],
      ['Received', byAt(copy.receivedBy, copy.receivedAt)],
      ['Checksum verified by the client', copy.checksumVerified ? 'Yes' : 'No'],
    ]);
  }
}

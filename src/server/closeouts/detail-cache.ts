/**
 * A presented closeout, checked against its contract, serialised and gzip-compressed once: a
 * busy closeout is tens of kilobytes of JSON, read far more often than it changes.
 */
export type SerialisedDetail = { version: number; json: string; gzipped: Buffer };

/**
 * Recently presented closeouts, each kept with what it was presented from: the closeout's
 * version, its client's last change and the day (tasks turn overdue at midnight). Every read
 * still asks the database for those three, so a cached detail is served only while it is
 * exactly what a full read would give, whichever process made the change.
 */
export type DetailFreshness = { version: number; clientUpdatedAt: number; day: string };

type Entry = DetailFreshness & { detail: SerialisedDetail };

const same = (left: DetailFreshness, right: DetailFreshness) =>
  left.version === right.version &&
  left.clientUpdatedAt === right.clientUpdatedAt &&
  left.day === right.day;

export class CloseoutDetailCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  get(key: string, freshness: DetailFreshness): SerialisedDetail | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || !same(entry, freshness)) return undefined;
    // Map order is insertion order: moving the entry to the end keeps the least recent first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.detail;
  }

  set(key: string, freshness: DetailFreshness, detail: SerialisedDetail): void {
    this.entries.delete(key);
    this.entries.set(key, { ...freshness, detail });
    if (this.entries.size > this.capacity) {
      const leastRecent = this.entries.keys().next().value;
      if (leastRecent !== undefined) this.entries.delete(leastRecent);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

/**
 * What a browser downloads before the first screen can show, from the build's own manifest
 * (vite `build.manifest`): the entry chunk and every chunk it imports statically, gzipped. Screens
 * load on demand, so the sign-in page needs only this; the dashboard adds its own chunk.
 */

const ZManifest = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);
type Manifest = z.infer<typeof ZManifest>;

export const INITIAL_JS_TARGET_BYTES = 300 * 1024;

const gzippedSize = (webDir: string, file: string): number =>
  gzipSync(readFileSync(join(webDir, file)), { level: 9 }).byteLength;

/** The files of these manifest entries and of everything they import statically. */
function staticClosure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk === undefined || seen.has(chunk.file)) continue;
    seen.add(chunk.file);
    staticClosure(manifest, chunk.imports ?? [], seen);
  }
  return seen;
}

export type WebBundleSizes = {
  initialJsBytes: number;
  initialFiles: number;
  dashboardExtraJsBytes: number;
};

export function measureWebBundle(webDir: string): WebBundleSizes {
  const manifest = ZManifest.parse(
    JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8')),
  );
  const entryKeys = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry === true)
    .map(([key]) => key);
  const initial = staticClosure(manifest, entryKeys);
  const dashboardKey = Object.keys(manifest).find((key) =>
    key.endsWith('features/dashboard/DashboardPage.tsx'),
  );
  const dashboard = staticClosure(manifest, dashboardKey === undefined ? [] : [dashboardKey]);
  const sum = (files: Iterable<string>) =>
    [...files].reduce((total, file) => total + gzippedSize(webDir, file), 0);
  return {
    initialJsBytes: sum(initial),
    initialFiles: initial.size,
    dashboardExtraJsBytes: sum([...dashboard].filter((file) => !initial.has(file))),
  };
}

import { z } from 'zod';

/**
 * The diagrams' contract: which drawing, in which format, on which paper. Shared with the web
 * app, which builds its download links from it.
 */

export const DIAGRAM_FORMATS = ['svg', 'pdf'] as const;
export const ZDiagramFormat = z.enum(DIAGRAM_FORMATS);
export type TDiagramFormat = z.infer<typeof ZDiagramFormat>;

export const DIAGRAM_PAPERS = ['a3', 'tabloid'] as const;
export const ZDiagramPaper = z.enum(DIAGRAM_PAPERS);
export type TDiagramPaper = z.infer<typeof ZDiagramPaper>;

/** The organisation's process diagrams, by the name in their address. */
export type TProcessDiagram = 'overview' | 'life-cycle';

export const ZDiagramFormatParams = z.object({ format: ZDiagramFormat });

export const ZDiagramQuery = z.object({
  /** A3 or 11×17 (tabloid) landscape, for the PDF; A3 by default. */
  paper: ZDiagramPaper.default('a3'),
});

export const ZProcessDiagramQuery = ZDiagramQuery.extend({
  /** A published version of the process; the current one when absent. */
  version: z.coerce.number().int().min(1).optional(),
});
export type TProcessDiagramQuery = z.infer<typeof ZProcessDiagramQuery>;

export const ZCloseoutDiagramParams = ZDiagramFormatParams.extend({ closeoutId: z.uuid() });

/** The paper sizes every document prints on; no pdfkit here, so the web app can import it. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

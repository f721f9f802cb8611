import { Font, renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';

/*
 * react-pdf splits long words across lines with a hyphen by default. A
 * letter to a resident that reads "com-plaint" looks careless, so words are
 * never split: a line breaks between words only. Registered once, here,
 * because every document is rendered through this module.
 */
Font.registerHyphenationCallback((word) => [word]);

/**
 * Renders a react-pdf document to bytes. In the desktop app the backend runs
 * in a worker thread, so this never blocks the window. Keep tables in
 * explicit pages of a few dozen rows: react-pdf's automatic wrapping grows
 * faster than linearly with long tables.
 */
export async function renderPdf(document: ReactElement<DocumentProps>): Promise<Buffer> {
  return renderToBuffer(document);
}

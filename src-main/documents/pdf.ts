import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';

/**
 * Renders a react-pdf document to bytes. In the desktop app the backend runs
 * in a worker thread, so this never blocks the window. Keep tables in
 * explicit pages of a few dozen rows: react-pdf's automatic wrapping grows
 * faster than linearly with long tables.
 */
export async function renderPdf(document: ReactElement<DocumentProps>): Promise<Buffer> {
  return renderToBuffer(document);
}

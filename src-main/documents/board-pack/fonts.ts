import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Font } from '@react-pdf/renderer';

/** The family every board pack is set in: DejaVu Sans, embedded (its licence: resources/fonts/DejaVu-LICENSE.txt). */
export const PACK_FONT = 'DejaVu Sans';

/** resources/fonts, found by walking up from this module: the source tree and the built app differ in depth. */
function fontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, 'DejaVuSans.ttf'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('The fonts for the PDF are missing from resources/fonts.');
}

/** The font files themselves, for the tables drawn straight onto the page (pdf-table.ts). */
export function packFontFiles(): { regular: string; bold: string } {
  const dir = fontsDir();
  return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
}

let registered = false;

export function registerPackFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  Font.register({
    family: PACK_FONT,
    fonts: [
      { src: join(dir, 'DejaVuSans.ttf'), fontWeight: 'normal' },
      { src: join(dir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  // A Board member should read "complaint", not "com-plaint".
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bundled from '../../../resources/consumer-standards.json';
import { ApiError } from '../../../src-shared/errors';
import {
  checkNewVersion,
  parseFramework,
  type AssuranceFramework,
} from '../../../src-shared/rules/assurance-framework';
import type { FrameworkVersion } from '../../../src-shared/domain/reviews';
import type { AppContext } from '../context';

/*
 * The consumer standards and Tenant Satisfaction Measures ship with the app;
 * when the regulator revises them the team loads the new file, which is kept
 * beside the bundled one (never in place of it) in the data folder. Every
 * version stays loaded, so evidence tagged against an older one still reads.
 */

const FOLDER = 'assurance-frameworks';

const bundledFramework = (() => {
  const r = parseFramework(bundled);
  if (!r.ok)
    throw new Error(`The bundled consumer standards file is not valid: ${r.errors.join(' ')}`);
  return r.framework;
})();

function folder(ctx: Pick<AppContext, 'dataDir'>): string {
  return join(ctx.dataDir, FOLDER);
}

function fileName(version: string): string {
  return `${version.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

export function loadedFrameworks(ctx: Pick<AppContext, 'dataDir'>): AssuranceFramework[] {
  const out = [bundledFramework];
  const dir = folder(ctx);
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      const r = parseFramework(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (r.ok && !out.some((f) => f.version === r.framework.version)) out.push(r.framework);
    } catch {
      // A damaged file is skipped; the versions that read still work.
    }
  }
  return out;
}

export function frameworkVersions(ctx: Pick<AppContext, 'dataDir'>): FrameworkVersion[] {
  return loadedFrameworks(ctx).map((f) => ({
    title: f.title,
    version: f.version,
    effectiveFrom: f.effectiveFrom,
    count: f.requirements.length,
    bundled: f === bundledFramework,
  }));
}

/** Adds a newer version of the requirements after checking it. */
export function addFrameworkVersion(
  ctx: Pick<AppContext, 'dataDir'>,
  text: string,
): FrameworkVersion[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw ApiError.invalid('This is not a JSON file, so it cannot be a list of requirements.', [
      { path: 'content', message: 'Not JSON.' },
    ]);
  }
  const r = parseFramework(data);
  if (!r.ok)
    throw ApiError.invalid(
      'The requirements file has problems and was not loaded.',
      r.errors.slice(0, 20).map((message) => ({ path: 'content', message })),
    );
  const clash = checkNewVersion(loadedFrameworks(ctx), r.framework);
  if (clash) throw ApiError.invalid(clash, [{ path: 'content', message: clash }]);
  mkdirSync(folder(ctx), { recursive: true });
  writeFileSync(join(folder(ctx), fileName(r.framework.version)), text);
  return frameworkVersions(ctx);
}

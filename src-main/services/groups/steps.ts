import type { DemoStep } from '../demo';
import type { TemplateStep } from '../template';
import { loadGroupsDemo } from './demo';
import { createDefaultGroups } from './template';

/** The default template's groups. */
export const groupsTemplateStep: TemplateStep = async (w) => {
  await createDefaultGroups(w);
};

/** The demo organisation's members, meetings, attendance and training. */
export const groupsDemoStep: DemoStep = (ctx, _ids, options) => loadGroupsDemo(ctx, options.seed);

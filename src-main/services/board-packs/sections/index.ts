import type { Audience, SectionInfo } from '../../../../src-shared/domain/board-packs';
import type { PackSectionModule } from '../section';
import { activitySection } from './activity';
import { complaintsSection } from './complaints';
import { expensesSection } from './expenses';
import { involvedSection } from './involved';
import { kpiSection } from './kpis';
import { recommendationsSection } from './recommendations';
import { representativenessSection } from './representativeness';
import { satisfactionSection } from './satisfaction';
import { trainingSection } from './training';

/** The appendix prints the rows behind each section's figures; it has no figures of its own. */
export const APPENDIX = 'appendix';

const dataSections: readonly PackSectionModule[] = [
  involvedSection,
  representativenessSection,
  activitySection,
  trainingSection,
  complaintsSection,
  recommendationsSection,
  satisfactionSection,
  expensesSection,
];

const kpis = kpiSection(() => dataSections);

/** Every section the app can put in a pack. A new section is one module, named here. */
export const sectionModules: readonly PackSectionModule[] = [kpis, ...dataSections];

export const appendixInfo: SectionInfo = {
  key: APPENDIX,
  title: 'Appendix: the rows behind the figures',
  description: 'The tables behind each section’s counts (the workbook always has them).',
};

export function sectionInfo(key: string): SectionInfo | null {
  if (key === APPENDIX) return appendixInfo;
  const m = sectionModules.find((s) => s.key === key);
  return m ? { key: m.key, title: m.title, description: m.description } : null;
}

export const availableSections: SectionInfo[] = [
  ...sectionModules.map((m) => ({ key: m.key, title: m.title, description: m.description })),
  appendixInfo,
];

/** Sections the packs will carry once their areas are in the app. */
export const waitingSections: SectionInfo[] = [
  {
    key: 'scrutiny',
    title: 'Scrutiny reviews',
    description:
      'Reviews completed and their recommendations: waits for scrutiny reviews in the app.',
  },
  {
    key: 'you-said-we-did',
    title: '“You said, we did”',
    description: 'Changes made because of involvement: waits for scrutiny reviews in the app.',
  },
  {
    key: 'assurance',
    title: 'Regulatory assurance matrix',
    description:
      'Which consumer standard requirements each activity gave assurance on: waits for scrutiny reviews in the app.',
  },
];

/** Each audience's sections, in order; the user reorders, drops or adds. */
export const defaultSections: Record<Audience, string[]> = {
  board: [
    'kpis',
    'involved',
    'representativeness',
    'activity',
    'training',
    'complaints',
    'recommendations',
    'satisfaction',
    APPENDIX,
  ],
  garc: ['kpis', 'recommendations', 'complaints', APPENDIX],
  council: ['kpis', 'activity', 'training', 'complaints', 'recommendations', 'satisfaction'],
  tenants: ['involved', 'activity', 'training', 'complaints', 'satisfaction'],
};

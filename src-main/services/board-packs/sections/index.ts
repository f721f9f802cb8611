import type { Audience, SectionInfo } from '../../../../src-shared/domain/board-packs';
import type { PackSectionModule } from '../section';
import { activitySection } from './activity';
import { assuranceSection } from './assurance';
import { complaintsSection } from './complaints';
import { expensesSection } from './expenses';
import { involvedSection } from './involved';
import { kpiSection } from './kpis';
import { recommendationsSection } from './recommendations';
import { representativenessSection } from './representativeness';
import { satisfactionSection } from './satisfaction';
import { scrutinySection } from './scrutiny';
import { trainingSection } from './training';
import { youSaidWeDidSection } from './you-said-we-did';

/** The appendix prints the rows behind each section's figures; it has no figures of its own. */
export const APPENDIX = 'appendix';

const dataSections: readonly PackSectionModule[] = [
  involvedSection,
  representativenessSection,
  activitySection,
  trainingSection,
  complaintsSection,
  recommendationsSection,
  scrutinySection,
  youSaidWeDidSection,
  assuranceSection,
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

/** Sections the packs will carry once their areas are in the app: none are waiting now. */
export const waitingSections: SectionInfo[] = [];

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
    'scrutiny',
    'you-said-we-did',
    'assurance',
    'satisfaction',
    'expenses',
    APPENDIX,
  ],
  garc: ['kpis', 'recommendations', 'scrutiny', 'assurance', 'complaints', APPENDIX],
  council: [
    'kpis',
    'activity',
    'training',
    'complaints',
    'recommendations',
    'scrutiny',
    'you-said-we-did',
    'satisfaction',
  ],
  tenants: ['involved', 'activity', 'training', 'complaints', 'you-said-we-did', 'satisfaction'],
};

/** Figures for board packs: complaint panel cases and recommendations in a period. */
export interface StageTiming {
  stage: 'eligibility' | 'hearing' | 'decision';
  label: string;
  /** Stages completed in the period. */
  completed: number;
  withinStandard: number;
  averageWorkingDays: number | null;
  standardDays: number;
}

export interface CaseFigures {
  from: string;
  to: string;
  referred: number;
  accepted: number;
  declined: number;
  heard: number;
  decided: number;
  upheld: number;
  partlyUpheld: number;
  notUpheld: number;
  withdrawn: number;
  referredToOmbudsman: number;
  stageTimings: StageTiming[];
  /** Entered by hand for the period; null when not entered. */
  exhaustedInternal: number | null;
  /** Share of complaints that exhausted the internal process and chose the panel (0–1), null without the figure. */
  panelShare: number | null;
  recommendations: {
    open: number;
    inProgress: number;
    implemented: number;
    verified: number;
    rejected: number;
    overdue: number;
    systemic: number;
  };
}

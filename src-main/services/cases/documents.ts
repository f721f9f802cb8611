import { createElement } from 'react';
import type { GeneratedFile } from '../../../src-shared/api/cases';
import { fillTemplate } from '../../../src-shared/domain/case-settings';
import { referrerLabels, stageOutcomeLabels } from '../../../src-shared/domain/cases';
import { serviceAreas } from '../../../src-shared/domain/customer';
import { complianceLabels } from '../../../src-shared/domain/self-assessment';
import { ApiError } from '../../../src-shared/errors';
import { caseStatusLabels, decisionOutcomeLabels } from '../../../src-shared/rules/case-lifecycle';
import { EXPECTED_HOLIDAYS_NOTE, longDate } from '../../../src-shared/rules/working-days';
import {
  ombudsmanDeadlineLine,
  ombudsmanLetterLines,
  ombudsmanRightStatement,
} from '../../../src-shared/rules/ombudsman';
import {
  DecisionLetter,
  HearingPack,
  SelfAssessmentDocument,
  type Pair,
} from '../../documents/case-documents';
import { renderPdf } from '../../documents/pdf';
import { buildWorkbook } from '../../documents/xlsx';
import type { AppContext, CallContext } from '../context';
import { readSetting } from '../settings';
import { getCase } from './cases';
import { caseTemplates, letterSignatory } from './settings';
import { selfAssessment } from './self-assessment';
import { trackRecommendations } from '../recommendations/recommendations';

/*
 * The case's documents: the hearing pack for the panel and the decision
 * letter for the resident. Every letter to the resident carries the
 * Ombudsman's contact details. Data is read first; rendering happens after,
 * never inside a transaction.
 */

function fmt(iso: string | null | undefined): string {
  return iso ? longDate(iso) : 'not recorded';
}

async function organisationName(ctx: AppContext): Promise<string> {
  return (
    (await readSetting<string | null>(ctx, 'organisation.name', null)) ?? 'Customer involvement'
  );
}

const pdf = (fileName: string, bytes: Buffer): GeneratedFile => ({
  fileName,
  mimeType: 'application/pdf',
  contentBase64: bytes.toString('base64'),
});

export async function caseDocument(
  ctx: CallContext,
  input: { caseId: string; kind: 'hearing_pack' | 'decision_letter' },
): Promise<GeneratedFile> {
  const detail = await getCase(ctx, { id: input.caseId });
  const [templates, organisation, recs, signatory, home, landlords] = await Promise.all([
    caseTemplates(ctx),
    organisationName(ctx),
    trackRecommendations(ctx, {
      sourceType: 'complaint_case',
      sourceId: detail.id,
      offset: 0,
      limit: 1000,
    }),
    letterSignatory(ctx),
    detail.complainantCustomerId
      ? ctx.db
          .selectFrom('customers')
          .select(['address_line2', 'town'])
          .where('id', '=', detail.complainantCustomerId)
          .executeTakeFirst()
      : undefined,
    ctx.db.selectFrom('landlords').select('name').execute(),
  ]);
  // Names that keep their capitals wherever a template puts them.
  const properNouns = [organisation, ...landlords.map((l) => l.name)];
  const today = fmt(ctx.clock.now().toISOString());
  const area = serviceAreas.labels[detail.serviceArea];
  const recommendationText = recs.rows.length
    ? recs.rows.map((r, i) => `${i + 1}. ${r.text}`).join('\n')
    : 'The panel has made no recommendations.';
  const values = {
    reference: detail.reference,
    complainantName: detail.complainantName,
    subject: detail.subject,
    serviceArea: area,
    landlordName: detail.landlordName ?? '',
    hearingDate: detail.heardOn
      ? fmt(detail.heardOn)
      : detail.hearingDate
        ? fmt(detail.hearingDate)
        : 'a date still to be set',
    heardOn: fmt(detail.heardOn),
    decisionOn: fmt(detail.decisionOn),
    decisionOutcome: detail.decisionOutcome
      ? decisionOutcomeLabels[detail.decisionOutcome]
      : 'not yet decided',
    findings: detail.findings ?? '',
    recommendations: recommendationText,
    internalProcessEnded: fmt(detail.codeCheck.internalProcessEnded),
    ombudsmanWindowEnds: fmt(detail.ombudsman.windowEnds),
    today,
  };
  const slug = detail.reference.toLowerCase();

  if (input.kind === 'decision_letter') {
    if (!detail.decisionOutcome)
      throw ApiError.invalid(
        'The decision letter can be written once the panel has issued its decision.',
      );
    if (!signatory)
      throw ApiError.invalid(
        'Name who signs decision letters, with their contact details, in the complaint panel settings first.',
      );
    const bytes = await renderPdf(
      createElement(DecisionLetter, {
        data: {
          organisation,
          reference: detail.reference,
          complainantName: detail.complainantName,
          addressLines: [
            detail.complainantAddressLine1,
            detail.complainantAddressLine2 ?? home?.address_line2,
            detail.complainantTown ?? home?.town,
            detail.complainantPostcode,
          ].filter((l): l is string => !!l),
          date: fmt(detail.decisionOn),
          body: fillTemplate(templates.decisionLetter, values, properNouns),
          signatory,
          ombudsmanLines: [
            ombudsmanRightStatement,
            ombudsmanDeadlineLine(detail.ombudsman, fmt),
            ...ombudsmanLetterLines(detail.ombudsmanContact).slice(1),
          ],
        },
      }) as never,
    );
    return pdf(`decision-letter-${slug}.pdf`, bytes);
  }

  const summary: Pair[] = [
    ['Reference', detail.reference],
    ['Status', caseStatusLabels[detail.status]],
    [
      'Referred',
      `${fmt(detail.referredOn)} by ${referrerLabels[detail.referredBy].toLowerCase()}${detail.referrerName ? ` (${detail.referrerName})` : ''}`,
    ],
    ['Complainant', detail.complainantName],
    ['Landlord', detail.landlordName ?? '—'],
    ['Area', detail.areaName ?? '—'],
    ['Service area', area],
    ['What the complaint is about', detail.subject],
    ['Outcome sought', detail.outcomeSought ?? '—'],
    ['Stage 1 outcome', detail.stage1.outcome ? stageOutcomeLabels[detail.stage1.outcome] : '—'],
    ['Stage 2 outcome', detail.stage2.outcome ? stageOutcomeLabels[detail.stage2.outcome] : '—'],
    ['Internal process ended', fmt(detail.codeCheck.internalProcessEnded)],
    [
      'Hearing',
      detail.heardOn
        ? `Held on ${fmt(detail.heardOn)}`
        : detail.hearingDate
          ? `Scheduled for ${fmt(detail.hearingDate)}`
          : 'Still to be set',
    ],
  ];
  const timeline = [
    ...detail.codeCheck.milestones
      .filter((m) => m.actual)
      .map((m) => ({
        date: m.actual!,
        event: `${m.label} (due ${fmt(m.due)}${m.expectedHolidays ? `, ${EXPECTED_HOLIDAYS_NOTE}` : ''})`,
      })),
    ...[
      { date: detail.stage1.received, event: 'Stage 1 complaint received' },
      { date: detail.stage2.received, event: 'Escalated to stage 2' },
    ].filter((e): e is { date: string; event: string } => e.date !== null),
    ...detail.transitions.map((t) => ({
      date: t.onDate,
      event: `${caseStatusLabels[t.toStatus]}${t.reason ? `: ${t.reason}` : ''}`,
    })),
    ...detail.notes.map((n) => ({
      date: n.onDate,
      event:
        n.kind === 'correspondence'
          ? `Correspondence ${n.direction === 'in' ? 'from' : 'to'} ${n.correspondent ?? 'unknown'}: ${n.body}`
          : `Note: ${n.body}`,
    })),
  ]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({ date: fmt(e.date), event: e.event }));
  const bytes = await renderPdf(
    createElement(HearingPack, {
      data: {
        organisation,
        reference: detail.reference,
        intro: fillTemplate(templates.hearingPackIntro, values, properNouns),
        summary,
        codeFindings: detail.codeCheck.findings.map((f) => f.message),
        timeline,
        panel: detail.panel.map((p) => p.name),
        evidence: detail.attachments.map((a) => ({
          name: a.fileName,
          added: fmt(a.createdAt),
          description: a.description ?? '',
        })),
        ombudsman: `${ombudsmanRightStatement} ${detail.ombudsman.message} ${detail.ombudsmanContact.name}: ${detail.ombudsmanContact.telephone}, ${detail.ombudsmanContact.email}.`,
        generatedOn: today,
      },
    }) as never,
  );
  return pdf(`hearing-pack-${slug}.pdf`, bytes);
}

export async function exportSelfAssessment(
  ctx: CallContext,
  input: { year: number; format: 'pdf' | 'xlsx' },
): Promise<GeneratedFile> {
  const sa = await selfAssessment(ctx, { year: input.year });
  const rows = sa.rows.map((r) => ({
    provision: r.provision,
    requirement: r.requirement,
    complies: r.complies ? complianceLabels[r.complies] : 'Not assessed',
    evidence: r.evidence ?? '',
    cases: r.linkedCases.map((c) => c.reference),
    documents: r.documents.map((d) =>
      d.description ? `${d.fileName} (${d.description})` : d.fileName,
    ),
    figures: r.figures.map((f) => `${f.label}: ${f.value}, ${f.period}`),
    comments: r.panelComments ?? '',
  }));
  type Row = (typeof rows)[number];
  const title = `${sa.codeTitle} (${sa.codeVersion}): self-assessment ${input.year}`;
  const status = sa.submittedOn
    ? `submitted on ${fmt(sa.submittedOn)}`
    : `due by ${fmt(sa.due)}, not yet submitted`;
  if (input.format === 'pdf') {
    const bytes = await renderPdf(
      createElement(SelfAssessmentDocument, {
        data: {
          organisation: await organisationName(ctx),
          title,
          rows,
          status,
          generatedOn: fmt(ctx.clock.now().toISOString()),
        },
      }) as never,
    );
    return pdf(`code-self-assessment-${input.year}.pdf`, bytes);
  }
  const lines = (items: string[]) => items.join('\n');
  const bytes = await buildWorkbook([
    {
      name: `Self-assessment ${input.year}`,
      columns: [
        { header: 'Provision', width: 10, value: (r: Row) => r.provision },
        { header: 'Requirement', width: 70, value: (r: Row) => r.requirement },
        { header: 'Complies', width: 16, value: (r: Row) => r.complies },
        { header: 'Evidence', width: 50, value: (r: Row) => r.evidence },
        { header: 'Linked cases', width: 20, value: (r: Row) => lines(r.cases) },
        { header: 'Documents', width: 40, value: (r: Row) => lines(r.documents) },
        { header: 'Figures', width: 50, value: (r: Row) => lines(r.figures) },
        { header: 'Tenant panel comments', width: 50, value: (r: Row) => r.comments },
      ],
      rows,
    },
  ] as never);
  return {
    fileName: `code-self-assessment-${input.year}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: bytes.toString('base64'),
  };
}

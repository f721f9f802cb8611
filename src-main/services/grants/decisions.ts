import type { DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import type { z } from 'zod';
import type { FileResult } from '../../../src-shared/api/meetings';
import {
  applicantKindLabels,
  grantFundLabels,
  type ApplicantKind,
  type GrantApplication,
  type GrantFund,
  type decisionInput,
} from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import { formatPounds } from '../../../src-shared/rules/expense-money';
import { defaultEvaluationDue } from '../../../src-shared/rules/grant-evaluation';
import { londonDate, longDate } from '../../../src-shared/rules/working-days';
import { registerPackFonts } from '../../documents/board-pack/fonts';
import { FundAgreement } from '../../documents/fund-agreement';
import { renderPdf } from '../../documents/pdf';
import { writing, type CallContext } from '../context';
import { readSetting } from '../settings';
import { applicationRow, getApplication } from './applications';
import { allRoundMoney, roundRow } from './rounds';

export async function decide(
  ctx: CallContext,
  input: z.output<typeof decisionInput>,
): Promise<GrantApplication> {
  const a = await applicationRow(ctx.db, input.applicationId);
  const round = await roundRow(ctx.db, a.round_id);
  if (round.decided_on) throw ApiError.invalid('This round’s decisions are closed.');
  if (a.status === 'received' || a.status === 'ineligible' || a.status === 'withdrawn')
    throw ApiError.invalid(
      a.status === 'received'
        ? 'Check the application’s eligibility before deciding it.'
        : `${a.reference} is ${a.status === 'withdrawn' ? 'withdrawn' : 'not eligible'}, so it cannot be decided.`,
    );
  const paid = await ctx.db
    .selectFrom('grant_payments')
    .select('id')
    .where('application_id', '=', a.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (paid)
    throw ApiError.invalid('Payments have been made against this award, so its decision stands.');
  if (input.decidedOn < round.closes_on && round.decision_method === 'public_vote')
    throw ApiError.invalid(`The vote runs until the round closes on ${round.closes_on}.`, [
      { path: 'decidedOn', message: 'Before the vote closed.' },
    ]);
  let award: number | null = null;
  let due: string | null = null;
  if (input.decision === 'awarded') {
    award = input.awardPence;
    if (award === null || award <= 0)
      throw ApiError.invalid('Give the amount awarded.', [
        { path: 'awardPence', message: 'Required.' },
      ]);
    if (award > a.amount_pence)
      throw ApiError.invalid(
        `The award is more than the ${formatPounds(a.amount_pence)} asked for.`,
        [{ path: 'awardPence', message: 'More than was asked for.' }],
      );
    const money = (await allRoundMoney(ctx.db)).get(round.id)!;
    const left = money.availablePence - money.awardedPence + (a.award_pence ?? 0);
    if (award > left)
      throw ApiError.invalid(
        `The round has ${formatPounds(left)} left to award (its budget and what the last round carried over), less than ${formatPounds(award)}.`,
        [{ path: 'awardPence', message: 'More than the round has left.' }],
      );
    due =
      input.evaluationDueOn ??
      defaultEvaluationDue(a.ends_on, input.decidedOn, round.evaluation_weeks);
    if (due < input.decidedOn)
      throw ApiError.invalid('The evaluation cannot be due before the decision.', [
        { path: 'evaluationDueOn', message: 'Before the decision.' },
      ]);
  } else if (!input.reason) {
    throw ApiError.invalid('Say why the project is not funded: the applicant will ask.', [
      { path: 'reason', message: 'Give the reason.' },
    ]);
  }
  await writing(ctx, (w) =>
    w.update(
      'grant_applications',
      a.id,
      {
        status: input.decision,
        decision: input.decision,
        decided_on: input.decidedOn,
        award_pence: award,
        conditions: input.decision === 'awarded' ? input.conditions : null,
        decision_reason: input.reason,
        evaluation_due_on: due,
      },
      { reason: input.reason },
    ),
  );
  return getApplication(ctx, a.id);
}

export async function fundAgreement(ctx: CallContext, id: string): Promise<FileResult> {
  const a = await getApplication(ctx, id);
  if (a.decision !== 'awarded' || a.awardPence === null || !a.decidedOn || !a.evaluationDueOn)
    throw ApiError.invalid(
      'A fund agreement is for an awarded application: record the award first.',
    );
  const organisation =
    (await readSetting<string | null>(ctx, 'organisation.name', null)) ?? 'Customer involvement';
  registerPackFonts();
  const bytes = await renderPdf(
    createElement(FundAgreement, {
      data: {
        organisation,
        fund: grantFundLabels[a.fund as GrantFund],
        round: a.roundName,
        reference: a.reference,
        applicant: a.applicantName,
        applicantKind: applicantKindLabels[a.applicantKind as ApplicantKind].toLowerCase(),
        contact: [a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).join(', '),
        project: a.projectTitle,
        summary: a.projectSummary,
        outcomes: a.outcomes,
        area: a.areaName,
        priority: a.priorityName,
        award: formatPounds(a.awardPence),
        asked: formatPounds(a.amountPence),
        decidedOn: longDate(a.decidedOn),
        projectDates:
          a.startsOn || a.endsOn
            ? `${a.startsOn ? longDate(a.startsOn) : '…'} to ${a.endsOn ? longDate(a.endsOn) : '…'}`
            : null,
        conditions: a.conditions,
        evaluationDue: longDate(a.evaluationDueOn),
        issuedOn: longDate(londonDate(ctx.clock.now())),
      },
    }) as ReactElement<DocumentProps>,
  );
  return {
    fileName: `fund-agreement-${a.reference}.pdf`,
    mimeType: 'application/pdf',
    data: bytes.toString('base64'),
  };
}

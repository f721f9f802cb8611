import { useState } from 'react';
import { financialYearLabel, financialYearOf } from '../../../src-shared/rules/report-period';
import { useToday } from '../clock';
import { SelectField } from './Field';

/**
 * The financial year (April to March) a screen shows, starting at the current
 * one: the years the Board's targets, budgets and plans are set for.
 */
export function useFinancialYear(): [number, (year: number) => void] {
  const today = useToday();
  return useState(() => financialYearOf(today));
}

/** A choice of financial year: five back and one ahead of the current one. */
export function FinancialYearField({
  id,
  year,
  onChange,
}: {
  id: string;
  year: number;
  onChange: (year: number) => void;
}) {
  const current = financialYearOf(useToday());
  const years = Array.from({ length: 7 }, (_, i) => current + 1 - i);
  if (!years.includes(year)) years.push(year);
  return (
    <SelectField
      id={id}
      label="Financial year"
      value={String(year)}
      options={years.map((y) => ({ value: String(y), label: financialYearLabel(y) }))}
      onChange={(e) => onChange(Number(e.target.value))}
    />
  );
}

/** The placeholders a review's report wording may use, filled in when the PDF is made. */
export const reviewPlaceholders = [
  'reference',
  'title',
  'kind',
  'service',
  'commissionedBy',
  'question',
] as const;
export type ReviewPlaceholder = (typeof reviewPlaceholders)[number];

/** Fills `{{name}}` placeholders; an unknown one is left as written, so a typo shows in the PDF. */
export function fillReviewTemplate(
  template: string,
  values: Partial<Record<ReviewPlaceholder, string>>,
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const v = (values as Record<string, string | undefined>)[key];
    return v === undefined ? whole : v;
  });
}

import { expect, it } from 'vitest';
import { customerHistoryValue } from '../../../src-renderer/src/features/customers/history-labels';

it('words stored codes and lists as the form does', () => {
  expect(customerHistoryValue('status', 'paused')).toBe('Paused');
  expect(customerHistoryValue('interests', '["repairs","policy"]')).toBe(
    'Repairs and maintenance, Policies',
  );
  expect(customerHistoryValue('skills', '[]')).toBe('(none)');
  expect(customerHistoryValue('consents', '[{"purpose":"contact"}]')).toBe('1 consent');
  expect(customerHistoryValue('is_board_member', 1)).toBe('Yes');
  expect(customerHistoryValue('town', 'Redcar')).toBeUndefined();
  expect(customerHistoryValue('status', null)).toBeUndefined();
});

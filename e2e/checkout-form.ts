import type { Page } from 'playwright-core';

/**
 * The checkout form's required parts a journey does not look at: who booked (the name comes from the
 * account; a new account has no phone yet) and consent to the refund policy.
 */
export async function completeOrderForm(page: Page, phone = '010-1234-5678'): Promise<void> {
  const name = page.getByLabel('이름', { exact: true });
  if (!(await name.inputValue())) await name.fill('관객');
  const mobile = page.getByLabel('휴대폰 번호');
  if (!(await mobile.inputValue())) await mobile.fill(phone);
  await page.getByLabel(/취소 수수료와 환불 규정을 확인했으며/).check();
}

import type { Page } from 'playwright-core';

/** Pick an option of an antd Select by typing into it (the list is searched on the server). */
export async function chooseOption(
  page: Page,
  testId: string,
  typed: string,
  optionText: string | RegExp,
): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option').filter({ hasText: optionText }).first().click();
}

/** The official dossier code pattern (TT 01/2018/TT-VPCP Art. 19). */
export const DOSSIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;

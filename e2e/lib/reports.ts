import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';

/** Fills an input that may be wrapped by an Ant Design component (the test id may sit on the wrapper). */
export async function fillField(page: Page, testId: string, value: string): Promise<void> {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((n) => n.tagName.toLowerCase());
  const input = tag === 'input' || tag === 'textarea' ? el : el.locator('input').first();
  await input.fill(value);
}

/** Picks an option of an Ant Design Select by the text of its label. */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}

/** The text of a downloaded DOCX (word/document.xml) and the raw XML. */
export async function readDocx(file: string): Promise<{ text: string; xml: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { text, xml };
}

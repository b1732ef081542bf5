/**
 * The typed catalogue machinery. Vietnamese is the source language: a catalogue is defined by its
 * `vi` object, and `en` must have exactly the same keys (the compiler checks it).
 *
 * `Messages` names every catalogue of the app. The kernel declares `shell` (see `common.ts`); each
 * feature adds its own from `features/<x>/messages.ts`:
 *
 *   export const petitionsMessages = defineMessages({ 'petitions.title': 'Đơn thư' }, { 'petitions.title': 'Petitions' });
 *   declare module '../../kernel/i18n/catalogue' {
 *     interface Messages { petitions: typeof petitionsMessages }
 *   }
 *
 * and the shell registers it (`registerMessages` in `app/App.tsx`, which fails to compile when a
 * declared catalogue is not registered).
 */

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One catalogue: the Vietnamese messages and the English ones with the same keys. */
export interface Catalogue<K extends string = string> {
  vi: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

/** Every catalogue of the app, by name; features add theirs by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Messages {}

/** The key of any message of the app. */
export type MessageKey = {
  [F in keyof Messages]: Messages[F] extends Catalogue<infer K> ? K : never;
}[keyof Messages];

/** A catalogue from its Vietnamese source and its English translation (same keys, checked). */
export function defineMessages<const V extends Record<string, string>>(
  vi: V,
  en: Record<keyof V & string, string>,
): Catalogue<keyof V & string> {
  return { vi, en };
}

/** Tables of the administrative-procedures module (see schema.ts for the conventions). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DossiersTables {}

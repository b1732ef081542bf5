// The registry's public surface for other features (programs and dossiers search persons).
export { registryApi } from './api';
export type { PersonsFilter } from './api';

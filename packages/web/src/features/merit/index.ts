/** What other features may use of merit: nothing yet but the API client. */
export { meritApi, meritKeys } from './api';

export { useInbox, navCounts } from './api';

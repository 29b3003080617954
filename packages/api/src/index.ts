export { appRouter, createCaller, type AppRouter } from './root';
export {
  createContext,
  loadActor,
  type Context,
  type ContextInput,
  type SessionInfo,
} from './context';
export {
  createAuth,
  CLIENT_IP_HEADER,
  recordFailedSignIn,
  sessionByToken,
  type Auth,
  type AuthConfig,
} from './auth';
export { GENERIC_ERROR_MESSAGE } from './trpc';
export { INVITE_DAYS } from './services/invites';
export { calendarFor } from './services/calendar';
export { sharedSummary, type SharedSummary } from './services/sharing';
export { warmDayFigures } from './services/portfolio';
export { untilQuiet, whileAnswering } from './services/quiet';
export {
  EXPORT_LISTS,
  isExportList,
  startExport,
  type Cell,
  type CsvExport,
  type ExportList,
} from './services/exports';

import { auditFiltersInput, auditListInput } from '@porchlight/domain';
import { operatorProcedure } from '../procedures';
import { router } from '../trpc';
import { auditFilters, listAudit } from '../services/audit';

// Read-only on purpose: the audit log is append-only, so no procedure here (or
// anywhere) changes or removes an entry.
export const auditRouter = router({
  /** The organisation's audit log, newest first, filtered; the read is itself logged. */
  list: operatorProcedure
    .meta({ access: 'operators of the organisation' })
    .input(auditListInput)
    .query(({ ctx, input }) => listAudit(ctx, input)),

  /** Who, which kinds of record and which actions appear in the log, and the houses: for the filters. */
  filters: operatorProcedure
    .meta({ access: 'operators of the organisation' })
    .input(auditFiltersInput)
    .query(({ ctx }) => auditFilters(ctx)),
});

import { staffHouseInput, staffListInput, staffMemberInput } from '@porchlight/domain';
import { operatorProcedure, orgProcedure } from '../procedures';
import { router } from '../trpc';
import * as staff from '../services/staff';

const operatorsOnly = operatorProcedure.meta({ access: 'operators of the organisation' });

export const staffRouter = router({
  /** Operators see all staff; a manager sees, read-only, the staff of their own houses. */
  list: orgProcedure.input(staffListInput).query(({ ctx }) => staff.listStaff(ctx)),

  assignHouse: operatorsOnly
    .input(staffHouseInput)
    .mutation(({ ctx, input }) => staff.assignHouse(ctx, input)),

  unassignHouse: operatorsOnly
    .input(staffHouseInput)
    .mutation(({ ctx, input }) => staff.unassignHouse(ctx, input)),

  deactivate: operatorsOnly
    .input(staffMemberInput)
    .mutation(({ ctx, input }) => staff.deactivate(ctx, input)),

  reactivate: operatorsOnly
    .input(staffMemberInput)
    .mutation(({ ctx, input }) => staff.reactivate(ctx, input)),
});

import type { Verdicts } from '../../kernel/actions.ts';
import type { Text } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import type { DeliveryAction, DeliveryStatus, HomeboundAction, HomeboundListAction } from './schema.ts';

// Who marks members for study delivered home and schedules the deliveries:
// staff of the member's organization (its branch, the community and above),
// asked there. Who records a delivery: the member who took the study home,
// and only they, once.

const MARK: Text = { zh: '登记送学上门对象', en: 'mark members for study delivered home' };
const SCHEDULE: Text = { zh: '安排送学上门', en: 'schedule study deliveries' };

const staffRefusal = (scope: Scope, orgPath: string | null, action: Text) => (hasRoleAt(scope, SUBTREE_ROLES, orgPath) ? null : () => E.staff_only({ action }));

export const listVerdicts = (scope: Scope, orgPath: string | null): Verdicts<HomeboundListAction> => ({ create: staffRefusal(scope, orgPath, MARK) });

export const homeboundVerdicts = (scope: Scope, orgPath: string | null): Verdicts<HomeboundAction> => ({ schedule: staffRefusal(scope, orgPath, SCHEDULE) });

export function deliveryVerdicts(scope: Scope, d: { delivererUserId: number; status: DeliveryStatus }): Verdicts<DeliveryAction> {
  return { deliver: scope.userId !== d.delivererUserId ? () => E.not_deliverer() : d.status !== 'scheduled' ? () => E.recorded() : null };
}

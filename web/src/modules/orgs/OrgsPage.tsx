import { OrgDetailCard } from './OrgDetailCard';
import { WithOrgTree } from './OrgTreePanel';
import { useOrgTree } from './tree';

export function OrgsPage() {
  const { selectedId } = useOrgTree();
  return (
    <WithOrgTree openOnPhone={selectedId === null}>
      <OrgDetailCard />
    </WithOrgTree>
  );
}

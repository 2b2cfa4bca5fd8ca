import { fileURLToPath } from 'node:url';
import { campaignsDemo } from '../../demo/campaigns.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { campaignRoutes } from './routes.ts';

export default defineModule({
  name: 'campaigns',
  routes: campaignRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: campaignsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/campaigns.ts').then((m) => m.campaignsPart),
  // Cadres follow their campaign through the composite key; the visits stay the grids'.
  orgHoldings: [rowsHeld({ noun: { zh: '大走访', en: 'visit campaigns' }, measure: { zh: '次', en: 'visit campaign' } }, ['visit_campaigns', 'campaign_cadres'], { named: 'name' })],
});

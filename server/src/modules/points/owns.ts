// Tables created by another module's migrations that belong to points: the
// ledgers were made with activities (migrations 0040 and 0061, which cannot
// be edited) before points became a module of its own. The boundary check
// reads this list to name their owner; new points tables go in
// points/migrations and need no entry here.
export const ownedTables = ['points_rules', 'points_entries', 'points_spendable'];

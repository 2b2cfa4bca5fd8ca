// Tables created by another module's migrations that belong to residents:
// the sign-up attempts were made with people (migration 0017, which cannot be
// edited) before sign-up moved here. The boundary check reads this list to
// name their owner; new residents tables go in residents/migrations.
export const ownedTables = ['resident_signups'];

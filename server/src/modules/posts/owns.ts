// Tables created by another module's migrations that belong to posts: grids
// made duty_posts (migration 0020, which cannot be edited) when a post was a
// name and one holder of a grid. posts/migrations/0320 extends it; the
// boundary check reads this list to name its owner.
export const ownedTables = ['duty_posts'];

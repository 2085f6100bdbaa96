// The advisory lock the seeding transaction holds, so two processes starting on one empty database
// at once seed it once (db/seed-demo.ts); the drills watch for it to kill a start mid-seed.
export const SEED_LOCK = 7_345_002;

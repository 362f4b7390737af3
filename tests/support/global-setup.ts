// Filled in by the foundation work: prepares a template database when TEST_DATABASE_URL is set.
export default async function setup(): Promise<void> {}

import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../../app/utils/db.server";
import { databaseUrlFor } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database that each test file copies, or null when tests use embedded PGlite. */
    templateDatabase: string | null;
  }
}

/**
 * With TEST_DATABASE_URL, migrate once into a template database; each test file then gets a
 * fresh copy in milliseconds (CREATE DATABASE … TEMPLATE) instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("templateDatabase", null);
    return;
  }
  const template = `breakaway_template_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${template}" with (force)`);
  await admin.unsafe(`create database "${template}"`);
  const database = openPostgres(databaseUrlFor(url, template), { max: 1 });
  await database.migrate();
  await database.close();
  project.provide("templateDatabase", template);

  return async () => {
    // Drop the template and any per-file copies a crashed test left behind.
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`bk_test_${process.pid}_%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}

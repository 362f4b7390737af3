/**
 * The server-side reading of an uploaded list of registered names, for the route's action.
 * The route imports these through this `.server` module so that the CSV parser (which uses
 * Node's Buffer as soon as it loads) stays out of the browser bundle, where it crashed the page.
 */
export { decodeCsvBytes, looksLikeSpreadsheetFile } from "~/modules/pledges/csv-reading";
export { parseNamesCsv } from "./names-csv";

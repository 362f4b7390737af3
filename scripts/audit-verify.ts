// npm run audit:verify: checks the audit log's hash chain; exit 1 names the first broken entry.
import { verifyAuditLog } from "../app/modules/audit/audit.server";
import { chainProblemLabels } from "../app/modules/audit/messages";
import { withDatabase } from "./cli-database";

const code = await withDatabase(async (database) => {
  const result = await verifyAuditLog(database.db);
  if (result.ok) {
    console.log(`Audit log intact: ${result.checked} entries checked.`);
    console.log(`Latest fingerprint (publish it to detect later removal of entries): ${result.headHash}`);
    return 0;
  }
  console.error(`Audit log BROKEN at entry ${result.brokenEntryId}: it ${chainProblemLabels[result.problem]}.`);
  console.error(`${result.checked} entries before it check out.`);
  return 1;
});
process.exit(code);

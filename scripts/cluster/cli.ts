// npm run cluster:up | cluster:down [-- --wipe] | cluster:status | cluster:drain -- app1 | cluster:ready -- app1
// A PostgreSQL primary with a synchronous standby, two app servers under supervisors and HAProxy
// in front, on one machine, under .cluster/ (CLUSTER_DIR, CLUSTER_HTTP_PORT, CLUSTER_PG_PORT change
// where). See "Running a cluster" in docs/operator-guide.md.
import { appNames, layoutFromEnvironment, paths } from "./cluster-layout";
import { clusterStatus, findPrograms, haproxyCommand, startCluster, stopCluster } from "./cluster";

const [command, ...rest] = process.argv.slice(2);
const layout = layoutFromEnvironment();
const say = (line: string) => console.log(line);

async function main(): Promise<number> {
  switch (command) {
    case "up": {
      const found = findPrograms();
      if (!found.ok) {
        console.error(`The cluster cannot start. Missing:\n${found.missing.map((m) => `- ${m}`).join("\n")}`);
        return 1;
      }
      const address = await startCluster(layout, found.programs, say);
      say(`Breakaway is ready at ${address} (HAProxy in front of ${appNames(layout).join(" and ")}).`);
      say(`Logs: ${paths(layout).logs}. Stop with \`npm run cluster:down\`; see it with \`npm run cluster:status\`.`);
      return 0;
    }
    case "down":
      await stopCluster(layout, { wipe: rest.includes("--wipe") });
      say(
        rest.includes("--wipe") ? `The cluster is stopped and ${layout.folder} removed.` : "The cluster is stopped (its data is kept; `-- --wipe` removes it).",
      );
      return 0;
    case "status":
      for (const line of await clusterStatus(layout)) say(line);
      return 0;
    case "drain":
    case "ready": {
      const name = rest[0];
      if (!name || !appNames(layout).includes(name)) {
        console.error(`Name one of the app servers: ${appNames(layout).join(", ")}`);
        return 2;
      }
      // drain: no new visitors, requests in progress finish; ready: back in the rotation.
      const answer = await haproxyCommand(layout, `set server app/${name} state ${command}`);
      if (answer.trim()) console.error(answer.trim());
      say(command === "drain" ? `${name} is drained: HAProxy sends it nothing new.` : `${name} is back in the rotation.`);
      return answer.trim() ? 1 : 0;
    }
    default:
      console.error("usage: tsx scripts/cluster/cli.ts up | down [--wipe] | status | drain NAME | ready NAME");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The cluster command failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

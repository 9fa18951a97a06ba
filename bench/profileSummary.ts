// Summarises a V8 CPU profile (from BENCH_CPU_PROF=1 npm run bench:ack):
// self time by function and by package, to see what dominates the app's CPU.
//
//   npx tsx bench/profileSummary.ts bench/results/profiles/<file>.cpuprofile [top]
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** node_modules/<pkg> (or @scope/pkg), src/<folder>, or the node: built-in. */
function packageOf(url: string): string {
  if (!url) return "(native/gc/idle)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = url.indexOf("/src/");
  if (src >= 0)
    return `src/${url
      .slice(src + 5)
      .split("/")
      .slice(0, 2)
      .join("/")}`;
  return url.replace(/^file:\/\//, "");
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx bench/profileSummary.ts <file.cpuprofile> [top]");
    process.exit(2);
  }
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const fn = `${functionName || "(anonymous)"} ${url ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/main\//, "")}:${lineNumber + 1}` : ""}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    const pkg = packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const show = (title: string, map: Map<string, number>, excludeIdle: boolean) => {
    const rows = [...map.entries()]
      .filter(([k]) => !excludeIdle || !/\(idle\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
    console.log(`\n${title}`);
    for (const [name, us] of rows)
      console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  };
  const idle = [...selfUs.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, us]) => a + us, 0);
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(idle / 1000).toFixed(0)} ms idle`);
  show("Self time by package", packages, false);
  show("Self time by function", functions, true);
}

main();

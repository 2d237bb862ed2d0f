/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) read here. */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  }[];
  /** Microseconds on the profiler's clock. */
  startTime?: number;
  endTime?: number;
  samples?: number[];
  timeDeltas?: number[];
};

/** A stretch of the profile, in ms before its end (the profile ends when the process exits). */
export type ProfileWindow = { fromMsBeforeEnd: number; toMsBeforeEnd: number };

/** One function's self time. */
export type SelfTimeEntry = {
  function: string;
  /** Where it is defined: file (shortened) and 1-based line. */
  location: string;
  selfMs: number;
  /** Share of the busy time (every sample but idle). */
  percent: number;
};

export type ProfileSummary = {
  /** Time the process was sampled, and of it the time not idle, in ms. */
  totalMs: number;
  busyMs: number;
  top: SelfTimeEntry[];
  /** Self time per package (or Node's internals, or the app's own bundle). */
  byArea: { area: string; selfMs: number; percent: number }[];
};

const IDLE = "(idle)";

/**
 * The main thread's profile among the files `--cpu-prof` wrote (CPU.<date>.<time>.<pid>.<thread>.
 * <sequence>.cpuprofile; worker threads, such as a module loader's, write their own), the newest
 * when there are several; null when there is none.
 */
export function mainThreadProfile(files: readonly string[]): string | null {
  const main = files
    .map((file) => ({ file, parts: /^CPU\.(\d+)\.(\d+)\.(\d+)\.0\.(\d+)\.cpuprofile$/.exec(file) }))
    .filter((f) => f.parts !== null)
    .sort((a, b) => {
      const key = (f: typeof a) =>
        (f.parts ?? []).slice(1, 3).join("") + String(f.parts?.[4]).padStart(9, "0");
      return key(a).localeCompare(key(b));
    });
  return main.at(-1)?.file ?? null;
}

/** A short location: the path after node_modules/ or the working folder, without file://. */
export function shortUrl(url: string, cwd = ""): string {
  let path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) return path.slice(nm + "node_modules/".length);
  if (cwd && path.startsWith(`${cwd}/`)) path = path.slice(cwd.length + 1);
  return path;
}

/** Which package (or area) a function's file belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : (rest[0] ?? url);
  }
  if (/\/\.next[^/]*\/server\//.test(url)) return "app bundle (.next/server)";
  return shortUrl(url);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Self time per function (summed over every node of the call tree with the same name and place)
 * from the samples and their time deltas; the `top` largest, idle left out.
 */
export function summariseProfile(
  profile: CpuProfile,
  top = 15,
  cwd = "",
  window?: ProfileWindow,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const startUs = profile.startTime ?? 0;
  const endUs = profile.endTime ?? startUs + deltas.reduce((sum, d) => sum + d, 0);
  const fromUs = window ? endUs - window.fromMsBeforeEnd * 1000 : Number.NEGATIVE_INFINITY;
  const toUs = window ? endUs - window.toMsBeforeEnd * 1000 : Number.POSITIVE_INFINITY;
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
  let at = startUs;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    const id = samples[i];
    if (id === undefined || at < fromUs || at > toUs) continue;
    const us = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0);
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
  }
  const functions = new Map<string, { name: string; location: string; us: number }>();
  const areas = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === IDLE) {
      idleUs += us;
      continue;
    }
    const name = functionName || "(anonymous)";
    const location = url ? `${shortUrl(url, cwd)}:${lineNumber + 1}` : "";
    const key = `${name}\u0000${location}`;
    const entry = functions.get(key) ?? { name, location, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const area = areaOf(url, name);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const percent = (us: number) => (busyUs > 0 ? round1((100 * us) / busyUs) : 0);
  return {
    totalMs: round1(totalUs / 1000),
    busyMs: round1(busyUs / 1000),
    top: [...functions.values()]
      .sort((a, b) => b.us - a.us || a.name.localeCompare(b.name))
      .slice(0, top)
      .map((f) => ({
        function: f.name,
        location: f.location,
        selfMs: round1(f.us / 1000),
        percent: percent(f.us),
      })),
    byArea: [...areas]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([area, us]) => ({ area, selfMs: round1(us / 1000), percent: percent(us) })),
  };
}

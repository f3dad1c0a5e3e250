// What the server's wiring needs of the workspace index beyond the indexer: which files it follows
// (the watchers it registers), and which open documents an index change makes stale.

/** TS/JS modules, and the tsconfig/jsconfig files whose `paths` aliases resolve imports. */
export const WORKSPACE_WATCHERS = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', '**/{tsconfig,jsconfig}*.json'];

const WORKSPACE_MODULE = /\.(?:[cm]?[jt]s|[jt]sx)$|[\\/][tj]sconfig(?:\.[\w-]+)?\.json$/i;

/** Whether the index follows this file (a module or a tsconfig/jsconfig). */
export function isWorkspaceModule(file: string): boolean {
  return WORKSPACE_MODULE.test(file);
}

/** The open documents among `files` (`*` stands for every open document). */
export function affectedDocuments(open: ReadonlyArray<{ uri: string; path: string | undefined }>, files: readonly string[]): string[] {
  if (files.includes('*')) return open.map((doc) => doc.uri);
  const set = new Set(files);
  return open.filter((doc) => doc.path !== undefined && set.has(doc.path)).map((doc) => doc.uri);
}

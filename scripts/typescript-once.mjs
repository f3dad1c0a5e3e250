// The esbuild plugin that gives every bundle of the engine (the server, the CLI, the bench) one
// TypeScript. `import ts from 'typescript'` in each of the engine's modules would be one esbuild CJS
// interop call per module, each copying TypeScript's ~2,000 exports into an ESM namespace of
// getters (100 ms of the server's start-up, and a getter call on every `ts.x` the engine reads).
// Every import of 'typescript' is routed through one module instead, which takes it with `require`
// and copies it once into a plain object: TypeScript's own exports are getters too, and the engine
// reads `ts.SyntaxKind.X` and `ts.isX` hundreds of thousands of times per large file. Only the
// parser's functions and enums are read, and those never change after TypeScript has loaded.
export const typescriptOnce = {
  name: 'typescript-once',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, (args) =>
      args.namespace === 'typescript-once' ? undefined : { path: 'typescript', namespace: 'typescript-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'typescript-once' }, () => ({
      contents: "const ts = Object.assign(Object.create(null), require('typescript')); export default ts;",
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

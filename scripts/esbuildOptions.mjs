// The esbuild options every bundle of this repository shares (the extension, the CLI, the
// benchmark and the integration suite): one CommonJS file for Node 20, with a source map.
export function bundleOptions(root) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
}

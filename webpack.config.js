// webpack: builds what runs in the browser. For now the shared scoring core as a browser library (proof that
// it carries no Node or Office dependency); the task pane and its dev server join it in the task-pane issue.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export default (_env, argv) => ({
  mode: argv.mode ?? 'production',
  target: 'web',
  entry: { 'tierbook-core': './src/core/index.ts' },
  output: {
    path: path.join(root, 'dist'),
    filename: '[name].js',
    library: { type: 'module' },
    clean: true,
  },
  experiments: { outputModule: true },
  resolve: {
    extensions: ['.ts', '.tsx', '.js'],
    extensionAlias: { '.js': ['.ts', '.js'] },
    // Core must not reach for Node built-ins: fail the build if it does.
    fallback: { fs: false, path: false, os: false, crypto: false },
  },
  module: {
    rules: [{ test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: 'es2022' } }],
  },
  devtool: argv.mode === 'development' ? 'source-map' : false,
  performance: { hints: false },
});

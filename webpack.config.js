// webpack: the task pane (taskpane.html and its bundle) and everything served beside it, into dist/.
//
//   npm run build        production: office.js from Microsoft's CDN (the store requires it), minified, hashed names
//   npm run build:dev    development: office.js from node_modules (nothing needs the internet), source maps
//   npm run watch        development, rebuilding on change (serve it with `npm start -- --no-build`)
//
// Environment:
//   TIERBOOK_URL=https://host[/path]   the origin dist/manifest.xml and help.html point at (default https://localhost:3000)
//   TIERBOOK_OFFICE_JS=local|cdn        where taskpane.html loads office.js from; `local` in production is what tests and
//                                       the bench use (the CDN is unreachable there). Default: cdn in production, else local.
//   TIERBOOK_TASKPANE_ENTRY=path        another entry module (default src/taskpane/index.tsx), e.g. a scratch placeholder.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { EsbuildPlugin } from 'esbuild-loader';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(fileURLToPath(import.meta.url));
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The hosts' web views: Excel on Windows (WebView2), Mac (Safari 15+ on macOS 12+), and the web. */
const BROWSERS = ['chrome100', 'edge100', 'firefox100', 'safari15'];

/**
 * Of node_modules/@microsoft/office-js/dist (86 MB), what office.js needs to run Excel add-ins: its Excel host
 * scripts, shared helpers (telemetry, error UI, auth, promise polyfill) and each locale's office_strings.js.
 * Other Office apps' host scripts, debug builds and typings stay out (14 MB remain).
 */
const OFFICE_JS_IGNORE = [
  '**/{word,wordios,outlook,outlookwebapp,powerpoint,powerpointios,onenote,project,access}-*',
  '**/*.debug.js',
  '**/*vsdoc*',
  '**/*.d.ts',
  '**/custom-functions-runtime*',
  '**/outlook_strings*',
];

/** Emits what is not a module: the bundled workbooks and their list, the manifest, help.html and build-info.json. */
class TierBookAssetsPlugin {
  constructor(options) {
    this.options = options;
    // Loaded and generated once per process: watch rebuilds re-emit the same bytes.
    this.helpers = null;
    this.books = null;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('TierBookAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'TierBookAssetsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { origin } = this.options;
          const helpers = await (this.helpers ??= tsImport('./scripts/taskpane-assets.ts', import.meta.url));
          const manifest = path.join(root, 'manifest.xml');
          compilation.fileDependencies.add(manifest);
          this.books ??= helpers.bundledWorkbooks();
          for (const book of this.books) compilation.emitAsset(book.file, new RawSource(Buffer.from(book.bytes)));
          compilation.emitAsset('assets/workbooks.json', new RawSource(helpers.workbooksJson(this.books)));
          const xml = readFileSync(manifest, 'utf8');
          compilation.emitAsset('manifest.xml', new RawSource(origin === helpers.DEV_ORIGIN ? xml : helpers.productionManifest(xml, origin)));
          compilation.emitAsset('help.html', new RawSource(helpers.helpPage(origin)));
        },
      );
      // Read by scripts/build.ts to decide whether dist/ is stale. Left out of a failed build (development
      // builds still emit on errors), so the next `npm start` rebuilds instead of serving it.
      compilation.hooks.processAssets.tap({ name: 'TierBookAssetsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        if (compilation.errors.length > 0) return;
        const { mode, officeJs, origin, entry } = this.options;
        const info = { mode, officeJs, origin, entry, builtAt: new Date().toISOString() };
        compilation.emitAsset('build-info.json', new RawSource(JSON.stringify(info, null, 2)));
      });
    });
  }
}

export default (_env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  const dev = mode === 'development';
  const officeJs = process.env.TIERBOOK_OFFICE_JS || (dev ? 'local' : 'cdn');
  if (officeJs !== 'local' && officeJs !== 'cdn') throw new Error(`TIERBOOK_OFFICE_JS must be "local" or "cdn", got "${officeJs}"`);
  const origin = (process.env.TIERBOOK_URL || 'https://localhost:3000').replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s"<>]+(\/[^\s"<>]*)?$/.test(origin)) {
    throw new Error(`TIERBOOK_URL must be an https URL (Office loads add-ins over https only), got "${process.env.TIERBOOK_URL}"`);
  }
  if (!dev && !process.env.TIERBOOK_URL) {
    console.warn('warning: production build without TIERBOOK_URL: dist/manifest.xml still points at https://localhost:3000 (set TIERBOOK_URL=https://your.host).');
  }
  const entry = process.env.TIERBOOK_TASKPANE_ENTRY || './src/taskpane/index.tsx';
  if (!existsSync(path.resolve(root, entry))) {
    throw new Error(`the task pane entry ${entry} does not exist (set TIERBOOK_TASKPANE_ENTRY to build another entry)`);
  }

  return {
    mode,
    target: 'web',
    context: root,
    entry: { taskpane: path.resolve(root, entry) },
    output: {
      path: path.join(root, 'dist'),
      // Page-relative URLs, so chunks and workers load wherever dist/ is served (including under a path).
      publicPath: 'auto',
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      assetModuleFilename: 'static/[name].[contenthash:8][ext]',
      clean: true,
    },
    // Native CSS modules: `import './x.css'` becomes a .css file beside its chunk (no css-loader needed).
    experiments: { css: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      // Browser code must not reach for Node built-ins: fail the build if it does.
      fallback: { fs: false, path: false, os: false, crypto: false },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: BROWSERS, jsx: 'automatic' } },
        // The core is pure (lint-enforced): importing it runs nothing, so what the barrel src/core/index.ts
        // re-exports but the page never uses (sample generator, handbook, summaries …) stays out of the bundle.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(mode) }),
      new HtmlWebpackPlugin({
        template: path.join(root, 'src/taskpane/taskpane.html'),
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        // The loader (ES5, inlined) adds the bundle's scripts once it knows the webview can run them.
        inject: false,
        templateParameters: { officeJs: officeJs === 'cdn' ? OFFICE_JS_CDN : 'office-js/office.js', loader: readFileSync(path.join(root, 'src/taskpane/loader.es5.js'), 'utf8') },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          ...(officeJs === 'local'
            ? [{ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', globOptions: { ignore: OFFICE_JS_IGNORE }, info: { minimized: true } }]
            : []),
        ],
      }),
      new TierBookAssetsPlugin({ mode, officeJs, origin, entry }),
    ],
    optimization: {
      nodeEnv: false, // DefinePlugin above says it, in every mode
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // React and Fluent change rarely: their own initial chunk stays cached across releases.
          vendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', chunks: 'initial', priority: -5, reuseExistingChunk: true },
        },
      },
      minimizer: [new EsbuildPlugin({ target: BROWSERS, css: true, exclude: /^office-js\// })],
    },
    devtool: dev ? 'source-map' : false,
    performance: { hints: false }, // `npm run bench -- taskpane` measures the initial chunk against its target
  };
};

// The task pane's loader, inlined into taskpane.html and written in ES5 for the oldest webview Office may give
// the pane: Internet Explorer 11 (Office 2016/2019 on Windows) and EdgeHTML (old Edge, Office 2019 retail). The
// app bundle uses ?. and ?? (built for Chrome 100 / Safari 15): such a webview cannot even parse it and the pane
// would stay on "Loading TierBook…". So this script checks what the app needs first, and either loads the
// bundle (TIERBOOK_APP, its scripts in order) or says, in the user's language, which Excel or WebView2 to use.
// https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
(function () {
  'use strict';

  // Syntax the bundle uses that older engines cannot parse (tried through Function, never run).
  var SYNTAX = 'var o = {}; var a = o?.b ?? 1; class A { #p = 1; static s = 2; } ' + 'async function f() { for await (const x of []) { void x; } } const { b, ...r } = { b: 1 }; return [a, b, r];';
  // Runtime features the app (React, the grid, the file reader) calls; Safari 15.0–15.3 lacks Array.prototype.at.
  var FEATURES = [
    ['Promise', function () { return typeof Promise === 'function' && typeof Promise.prototype['finally'] === 'function'; }],
    ['fetch', function () { return typeof window.fetch === 'function'; }],
    ['Object.fromEntries', function () { return typeof Object.fromEntries === 'function'; }],
    ['Array.prototype.flat', function () { return typeof Array.prototype.flat === 'function'; }],
    ['Array.prototype.at', function () { return typeof Array.prototype.at === 'function'; }],
    ['String.prototype.replaceAll', function () { return typeof String.prototype.replaceAll === 'function'; }],
    ['globalThis', function () { return typeof globalThis === 'object'; }],
    ['queueMicrotask', function () { return typeof window.queueMicrotask === 'function'; }],
    ['AbortController', function () { return typeof window.AbortController === 'function'; }],
    ['TextDecoder', function () { return typeof window.TextDecoder === 'function'; }],
    ['URLSearchParams', function () { return typeof window.URLSearchParams === 'function'; }],
    ['Intl.NumberFormat', function () { return typeof Intl === 'object' && typeof Intl.NumberFormat === 'function'; }]
  ];

  var TEXT = {
    'zh-CN': {
      title: 'TierBook 无法在此版本的 Excel 中运行',
      why: '这个 Excel 用来显示加载项的浏览器组件太旧（Internet Explorer 11 或旧版 Microsoft Edge），缺少：',
      need: 'TierBook 支持：',
      versions: [
        'Windows 版 Microsoft 365（版本 2101 或更高），并已安装 Microsoft Edge WebView2 运行时',
        'Windows 版 Excel 2021、Excel 2024 或更高版本',
        'Mac 版 Excel（Microsoft 365 或 2019 及以上），系统为 macOS 12.3 或更高（Safari 15.4 或更高）',
        'Excel 网页版（新版 Edge、Chrome、Firefox 或 Safari 15.4+）'
      ],
      webview: '已是 Microsoft 365 却仍看到此提示：请安装 WebView2 运行时，然后重启 Excel：',
      notSupported: 'Windows 版 Excel 2016 和 Excel 2019（非订阅版）无法运行 TierBook。',
      failed: 'TierBook 的程序文件未能加载。请检查网络后关闭并重新打开任务窗格。'
    },
    'en-US': {
      title: 'TierBook cannot run in this version of Excel',
      why: 'The browser component this Excel uses for add-ins is too old (Internet Explorer 11 or the old Microsoft Edge). Missing: ',
      need: 'TierBook runs in:',
      versions: [
        'Microsoft 365 on Windows (Version 2101 or later) with the Microsoft Edge WebView2 Runtime installed',
        'Excel 2021, Excel 2024 or later on Windows',
        'Excel for Mac (Microsoft 365, or 2019 and later) on macOS 12.3 or later (Safari 15.4 or later)',
        'Excel on the web (current Edge, Chrome, Firefox, or Safari 15.4+)'
      ],
      webview: 'On Microsoft 365 and still seeing this? Install the WebView2 Runtime, then restart Excel: ',
      notSupported: 'Excel 2016 and Excel 2019 on Windows (one-time purchase) cannot run TierBook.',
      failed: 'TierBook’s program files did not load. Check the network, then close and reopen the task pane.'
    }
  };
  var WEBVIEW2 = 'https://developer.microsoft.com/microsoft-edge/webview2/';

  function langOf(tag) {
    return /^zh/i.test(String(tag || '')) ? 'zh-CN' : 'en-US';
  }

  function pageLang() {
    var m = /[?&]lang=([^&#]*)/.exec(location.search);
    if (m) return langOf(decodeURIComponent(m[1]));
    return langOf(navigator.language || navigator.userLanguage || navigator.browserLanguage);
  }

  function syntaxMissing() {
    try {
      new Function(SYNTAX); // parsed, never called
      return false;
    } catch (e) {
      // A content security policy that forbids Function says nothing about syntax: try the app then.
      return e instanceof SyntaxError;
    }
  }

  function missing() {
    var out = [];
    if (syntaxMissing()) out.push('ES2022 syntax (?. ?? class fields)');
    for (var i = 0; i < FEATURES.length; i++) {
      var ok;
      try {
        ok = FEATURES[i][1]();
      } catch (e) {
        ok = false;
      }
      if (!ok) out.push(FEATURES[i][0]);
    }
    return out;
  }

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    return e;
  }

  function show(lang, gaps, failedToLoad) {
    var t = TEXT[lang];
    var root = document.getElementById('root');
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = el('div');
    box.className = 'tb-unsupported';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', lang);
    box.appendChild(el('h1', failedToLoad ? 'TierBook' : t.title));
    if (failedToLoad) {
      box.appendChild(el('p', t.failed));
    } else {
      box.appendChild(el('p', t.why + gaps.join(', ')));
      box.appendChild(el('p', t.need));
      var list = el('ul');
      for (var i = 0; i < t.versions.length; i++) list.appendChild(el('li', t.versions[i]));
      box.appendChild(list);
      var p = el('p', t.webview);
      var a = el('a', WEBVIEW2);
      a.href = WEBVIEW2;
      a.target = '_blank';
      a.rel = 'noopener';
      p.appendChild(a);
      box.appendChild(p);
      box.appendChild(el('p', t.notSupported));
    }
    root.appendChild(box);
    document.documentElement.setAttribute('lang', lang);
    document.documentElement.setAttribute('data-unsupported', failedToLoad ? 'failed' : 'true');
  }

  function unsupported(gaps) {
    show(pageLang(), gaps, false);
    // Inside Office, Office's display language wins (office.js runs in IE11 too); onReady in its callback form.
    try {
      if (typeof Office !== 'undefined' && Office.onReady) {
        Office.onReady(function () {
          try {
            if (!/[?&]lang=/.test(location.search) && Office.context && Office.context.displayLanguage) show(langOf(Office.context.displayLanguage), gaps, false);
          } catch (e) {
            // keep the page's language
          }
        });
      }
    } catch (e) {
      // office.js missing or broken: the message is already shown
    }
  }

  function load(urls) {
    for (var i = 0; i < urls.length; i++) {
      var s = document.createElement('script');
      s.src = urls[i];
      s.async = false; // executed in order, as the deferred tags they replace
      s.onerror = function () {
        show(pageLang(), [], true);
      };
      document.body.appendChild(s);
    }
  }

  var gaps = missing();
  if (gaps.length) unsupported(gaps);
  else load(window.TIERBOOK_APP || []);
})();

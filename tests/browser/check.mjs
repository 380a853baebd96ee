// Opens the rendered report page (output/index.html) in headless Debian chromium and checks it:
// every <img> loaded, one <figure> per [[chart]] of charts.toml, Arabic figures laid out right to
// left with an Arabic chart in them, every output/*.svg renders as an <img>. Saves screenshots.
// Usage: node check.mjs [OUTPUT_DIR]   (default: ../../output, relative to this file)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'output'));
// charts.toml sits beside output/ (its output paths are "output/..."); fall back to the repo's.
const tomlPath = [path.join(outDir, '..', 'charts.toml'), path.join(here, '..', '..', 'charts.toml')]
  .find((p) => fs.existsSync(p));
const shotDir = path.join(here, 'screenshots');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
  }
  return ok;
}

// Hard stop so CI never hangs on a wedged browser.
const watchdog = setTimeout(() => {
  console.log('FAIL timed out after 180 s');
  console.log(`browser: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, 180_000);
watchdog.unref();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

function serve(root) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (urlPath === '/__blank__') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end('<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
      return;
    }
    const file = path.join(root, path.normalize(urlPath === '/' ? '/index.html' : urlPath));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  if (!check(fs.existsSync(path.join(outDir, 'index.html')), 'index.html exists', path.join(outDir, 'index.html'))) return;
  if (!check(Boolean(tomlPath), 'charts.toml found')) return;
  const tomlLines = fs.readFileSync(tomlPath, 'utf8').split(/\r?\n/);
  // Each [[chart]] table: its lines up to the next table header.
  const charts = [];
  for (const l of tomlLines) {
    if (/^\s*\[/.test(l)) { if (l.trim() === '[[chart]]') charts.push([]); else charts.push(null); continue; }
    if (charts.length && charts[charts.length - 1]) charts[charts.length - 1].push(l);
  }
  const chartTables = charts.filter(Boolean);
  const field = (lines, key) => lines.map((l) => l.match(new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`))).find(Boolean)?.[1];
  // `lang = "ar"` or `lang = ["en", "ar"]`: an entry of several languages is one chart per
  // language, named NAME-CODE (the editions of README's "Many charts").
  const langs = (lines) => {
    const v = lines.map((l) => l.match(/^\s*lang\s*=\s*(.*)$/)).find(Boolean)?.[1]?.trim() ?? '';
    return [...v.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  };
  const editions = chartTables.flatMap((t) => {
    const name = field(t, 'name');
    if (!name) return [];
    const ls = langs(t);
    return ls.length > 1 ? ls.map((lang) => ({ name: `${name}-${lang}`, lang })) : [{ name, lang: ls[0] }];
  });
  const chartCount = editions.length;
  const chartNames = editions.map((e) => e.name);
  const arNames = editions.filter((e) => e.lang === 'ar').map((e) => e.name);
  const arCharts = arNames.length;

  const server = await serve(outDir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const badResponses = [];
    const pageErrors = [];
    page.on('response', (r) => { if (r.status() >= 400) badResponses.push(`${r.status()} ${r.url()}`); });
    page.on('requestfailed', (r) => badResponses.push(`failed ${r.url()} (${r.failure()?.errorText})`));
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    const resp = await page.goto(`${base}/index.html`, { waitUntil: 'load' });
    check(resp?.ok(), 'index.html served', String(resp?.status()));
    // Wait for every image to finish (load or error), then decode.
    await page.evaluate(() => Promise.all([...document.images].map((img) =>
      img.decode().catch(() => undefined))));

    // Every <img> loaded.
    const imgs = await page.$$eval('img', (els) => els.map((img) => ({
      src: img.getAttribute('src'), complete: img.complete, w: img.naturalWidth, h: img.naturalHeight,
    })));
    check(imgs.length > 0, 'page has images');
    for (const i of imgs) check(i.complete && i.w > 0 && i.h > 0, `image loaded ${i.src}`,
      `complete=${i.complete} naturalWidth=${i.w}`);

    // One figure per [[chart]], ids matching the chart names.
    const figs = await page.$$eval('figure', (els) => els.map((f) => f.id));
    check(figs.length === chartCount, 'figure count equals the charts of charts.toml (each edition one)',
      `${figs.length} figures, ${chartCount} charts`);
    const missing = chartNames.filter((n) => !figs.includes(n));
    check(missing.length === 0, 'every chart name has a <figure id=NAME>', missing.join(', '));

    // Exactly the lang = "ar" charts of charts.toml have dir="rtl" figures.
    const rtlIds = await page.$$eval('figure[dir="rtl"]', (els) => els.map((f) => f.id));
    const notRtl = arNames.filter((n) => figs.includes(n) && !rtlIds.includes(n));
    check(notRtl.length === 0, 'every lang = "ar" chart has dir="rtl" on its figure', notRtl.join(', '));
    const strayRtl = rtlIds.filter((id) => !arNames.includes(id));
    check(strayRtl.length === 0, 'only lang = "ar" charts have dir="rtl"', strayRtl.join(', '));

    // Arabic figures: right to left, caption starts at the right, Arabic chart inside.
    const rtl = await page.$$eval('figure[dir="rtl"]', (els) => els.map((f) => {
      const fr = f.getBoundingClientRect();
      const cap = f.querySelector('figcaption');
      const img = f.querySelector('img');
      let capInfo = null;
      if (cap) {
        const cr = cap.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(cap);
        const lines = [...range.getClientRects()];
        // First line box of the caption text (rtl: its right edge is where the text starts).
        const first = lines.length ? lines.reduce((a, b) => (b.top < a.top - 1 ? b : a)) : null;
        const firstLine = lines.filter((r) => first && Math.abs(r.top - first.top) < 2);
        capInfo = {
          dir: getComputedStyle(cap).direction,
          align: getComputedStyle(cap).textAlign,
          capRight: cr.right,
          textRight: firstLine.length ? Math.max(...firstLine.map((r) => r.right)) : null,
          textLeft: firstLine.length ? Math.min(...firstLine.map((r) => r.left)) : null,
          capLeft: cr.left,
        };
      }
      return {
        id: f.id,
        lang: f.getAttribute('lang'),
        dir: getComputedStyle(f).direction,
        figRight: fr.right,
        imgRight: img ? img.getBoundingClientRect().right : null,
        alt: img ? img.getAttribute('alt') ?? '' : null,
        src: img ? img.getAttribute('src') : null,
        cap: capInfo,
      };
    }));
    check(rtl.length > 0 && rtl.length === arCharts, 'one dir="rtl" figure per lang = "ar" chart',
      `${rtl.length} rtl figures, ${arCharts} Arabic charts`);
    for (const f of rtl) {
      check(f.dir === 'rtl', `${f.id}: computed direction is rtl`, f.dir);
      check(f.lang === 'ar', `${f.id}: lang="ar"`, String(f.lang));
      check(f.alt !== null && ARABIC.test(f.alt), `${f.id}: image alt is Arabic`, `${f.src}: ${String(f.alt).slice(0, 60)}`);
      check(f.imgRight !== null && Math.abs(f.imgRight - f.figRight) <= 2, `${f.id}: image sits at the figure's right edge`,
        `img right ${f.imgRight}, figure right ${f.figRight}`);
      const c = f.cap;
      check(c && c.dir === 'rtl' && c.textRight !== null && Math.abs(c.textRight - c.capRight) <= 2,
        `${f.id}: caption text starts at the right`,
        c ? `direction ${c.dir}, text-align ${c.align}, text right ${c.textRight}, caption right ${c.capRight}` : 'no figcaption');
    }
    // The counterpart: left-to-right figures start at the left (guards against everything being right-aligned).
    const ltr = await page.$$eval('figure:not([dir="rtl"])', (els) => els.map((f) => {
      const cap = f.querySelector('figcaption');
      const range = document.createRange();
      range.selectNodeContents(cap);
      const first = range.getClientRects()[0];
      return { id: f.id, dir: getComputedStyle(f).direction, capLeft: cap.getBoundingClientRect().left, textLeft: first?.left };
    }));
    for (const f of ltr) check(f.dir === 'ltr' && Math.abs(f.textLeft - f.capLeft) <= 2, `${f.id}: caption starts at the left`,
      `direction ${f.dir}, text left ${f.textLeft}, caption left ${f.capLeft}`);

    check(badResponses.length === 0, 'no failed requests', badResponses.join('; '));
    check(pageErrors.length === 0, 'no page errors', pageErrors.join('; '));

    // Screenshots: the whole page, and the first Arabic figure on its own.
    fs.mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, 'index.png'), fullPage: true });
    if (rtl.length) await page.locator(`figure[id="${rtl[0].id}"]`).screenshot({ path: path.join(shotDir, 'arabic.png') });

    // Every SVG of output/ renders as an <img> in a blank page (the browser's renderer, not resvg).
    const svgs = fs.readdirSync(outDir).filter((f) => f.toLowerCase().endsWith('.svg')).sort();
    check(svgs.length > 0, 'output has SVG files');
    await page.goto(`${base}/__blank__`, { waitUntil: 'load' });
    const svgResults = await page.evaluate((names) => Promise.all(names.map((n) => new Promise((resolve) => {
      const img = new Image();
      const done = (event) => resolve({ n, event, complete: img.complete, w: img.naturalWidth, h: img.naturalHeight });
      img.onload = () => done('load');
      img.onerror = () => done('error');
      img.src = `/${encodeURIComponent(n)}`;
      document.body.appendChild(img);
    }))), svgs);
    for (const s of svgResults) check(s.event === 'load' && s.complete && s.w > 0 && s.h > 0, `svg renders ${s.n}`,
      `${s.event}, naturalWidth=${s.w}`);
  } finally {
    await browser.close();
    server.close();
  }
}

try {
  await main();
} catch (e) {
  check(false, 'browser check crashed', e?.stack ?? String(e));
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

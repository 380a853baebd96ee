#!/usr/bin/env node
// Rebuilds shapes.bin, names.tsv and the two LICENSE files (beside this script) from pinned
// npm packages:
// Natural Earth boundaries (world-atlas) and CLDR territory names (cldr-*).
//
//     node src/geo/data/regenerate.mjs
//
// It installs the packages below into a temporary folder (npm, the only thing it downloads),
// and writes the two files. aliases.tsv is written by hand and left alone. See README.md for
// the choices it makes (Antarctica left out, Somaliland and N. Cyprus merged, Israel and
// Palestine from 1:50m, antimeridian cut, symbol points, the binary layout).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGES = [
  "world-atlas@2.0.2", // Natural Earth 4.1.0 admin-0 countries as TopoJSON, ISO numeric ids
  "topojson-client@3.1.0", // TopoJSON -> GeoJSON, and merging with shared borders dissolved
  "d3-geo@3.1.2", // Equal Earth and antimeridian cutting
  "d3-array@3.2.4", // d3-geo's one dependency, pinned too
  "internmap@2.0.3", // d3-array's
  "cldr-core@48.2.0", // ISO 3166 numeric / alpha-2 / alpha-3 mappings
  "cldr-localenames-full@48.2.0", // territory names in every CLDR language
];

// The OIC's languages (ar, en, fr) and its members' (the rest), as in the issue.
const LANGS = ["en", "ar", "fr", "tr", "fa", "ur", "bn", "ms", "id", "ru", "uz", "kk", "az",
  "ky", "tg", "tk", "ps", "sq", "so", "ha", "dv"];
// Territories whose CLDR short name is the one to show ("Palestine", "فلسطين", "Filistin")
// rather than the long one ("Palestinian Territories").
const DISPLAY_SHORT = new Set(["PS"]);
// Quantisation of the projected coordinates: units of 1/8192 of the Equal Earth unit sphere
// (a 1200 px wide world map has 222 px per unit, so a step is 0.03 px).
const QUANT = 8192;

const here = dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "sharechart-geo-"));
try {
  execFileSync("npm", ["install", "--no-save", "--no-package-lock", "--ignore-scripts",
    "--no-audit", "--no-fund", "--prefix", tmp, ...PACKAGES], { stdio: "inherit" });
  await build(tmp);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

async function build(tmp) {
  const mod = (p) => join(tmp, "node_modules", p);
  const json = (p) => JSON.parse(readFileSync(mod(p), "utf8"));
  const topojson = await import(pathToFileURL(mod("topojson-client/src/index.js")));
  const d3 = await import(pathToFileURL(mod("d3-geo/dist/d3-geo.mjs")));

  // numeric -> [alpha2, alpha3], without the deprecated codes that share a number with the
  // current one (ZR Zaire and CD, TP and TL, BU and MM).
  const deprecated = json("cldr-core/supplemental/aliases.json").supplemental.metadata.alias.territoryAlias;
  const codes = new Map();
  for (const [a2, m] of Object.entries(json("cldr-core/supplemental/codeMappings.json")
    .supplemental.codeMappings)) {
    if (a2.length !== 2 || !m._numeric || !m._alpha3 || deprecated[a2]) continue;
    const n = m._numeric.padStart(3, "0");
    if (codes.has(n)) throw new Error(`numeric ${n} is both ${codes.get(n)[0]} and ${a2}`);
    codes.set(n, [a2, m._alpha3]);
  }
  const topo = (s) => json(`world-atlas/countries-${s}.json`);
  const t110 = topo("110m"), t50 = topo("50m"), t10 = topo("10m");
  const geoms = (t) => t.objects.countries.geometries;
  const byName = (t, name) => geoms(t).find((g) => g.properties.name === name);
  const idOf = (g) => g.id ?? (g.properties.name === "Kosovo" ? "XK" : undefined);

  // Equal Earth on the unit sphere, north up; precision(0): no resampling, the vertices are
  // Natural Earth's; d3 still cuts rings at the antimeridian (Russia, Fiji), so no ring
  // crosses the map from one edge to the other.
  const proj = d3.geoEqualEarth().scale(1).translate([0, 0]).precision(0);
  const project = (geo) => {
    const rings = [];
    let ring = null;
    d3.geoStream(geo, proj.stream({
      point(x, y) { ring.push([Math.round(x * QUANT), Math.round(-y * QUANT)]); },
      lineStart() { ring = []; },
      lineEnd() { rings.push(ring); ring = null; },
      polygonStart() {}, polygonEnd() {}, sphere() {},
    }));
    return orient(rings.map(clean).filter((r) => r.length >= 3 && area(r) !== 0));
  };

  const countries = new Map(); // alpha3 -> {a2, a3, rings, point}
  const add = (id, geo, g10) => {
    const [a2, a3] = id === "XK" ? ["XK", "XKK"] : codes.get(id) ?? [];
    if (!a3) throw new Error(`no ISO code for Natural Earth id ${id}`);
    countries.set(a3, { a2, a3, rings: geo ? project(geo) : [], point: symbolPoint(g10) });
  };
  const feature = (t, g) => topojson.feature(t, g);
  const tenOf = (id, name) => geoms(t10).filter((g) => idOf(g) === id || (!g.id && g.properties.name === name));
  const symbolPoint = (gs) => {
    // The centroid of the largest polygon at 1:10m (West Bank for Palestine, Grande Comore
    // for the Comoros), or, when that falls outside it (Gambia, Norway), the point of a fine
    // grid over the polygon that lies farthest inside. Planar, in projected coordinates.
    // Each vertex projected on its own (no d3 polygon semantics: a tiny ring such as the
    // Vatican's can have its winding flipped by quantisation and read as the whole sphere).
    let best = null, bestArea = -1;
    for (const g of gs) {
      const f = feature(t10, g);
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) {
        const rings = p.map((r) => r.map((v) => proj(v)));
        const a = Math.abs(area(rings[0]));
        if (a > bestArea) { bestArea = a; best = rings; }
      }
    }
    if (!best) throw new Error("no 1:10m polygon for a symbol point");
    let p = centroid(best[0]);
    if (!inside(best, p)) p = farthestInside(best);
    return [Math.round(p[0] * QUANT), Math.round(-p[1] * QUANT)];
  };

  const merged = { "706": "Somaliland", "196": "N. Cyprus" }; // parent id -> child name
  const fromFifty = new Set(["376", "275"]); // Israel, Palestine: Gaza is Palestine's at 1:50m
  for (const g of geoms(t110)) {
    const id = idOf(g);
    if (!id || id === "010") continue; // Somaliland, N. Cyprus (merged below); Antarctica
    let geo = feature(t110, g);
    if (merged[id]) geo = topojson.merge(t110, [g, byName(t110, merged[id])]);
    if (fromFifty.has(id)) geo = feature(t50, geoms(t50).find((h) => h.id === id));
    add(id, geo, tenOf(id, id === "XK" ? "Kosovo" : null));
  }
  const drawn = new Set([...countries.values()].map((c) => c.a3));
  for (const g of geoms(t10)) {
    const id = idOf(g);
    if (!id || id === "010") continue;
    const c = codes.get(id);
    if (c && !drawn.has(c[1])) { add(id, null, tenOf(id)); drawn.add(c[1]); }
  }

  const list = [...countries.values()].sort((a, b) => (a.a3 < b.a3 ? -1 : 1));
  writeFileSync(join(here, "shapes.bin"), encode(list));
  writeFileSync(join(here, "names.tsv"), names(list, (l) =>
    json(`cldr-localenames-full/main/${l}/territories.json`).main[l].localeDisplayNames.territories));
  // The licences that must travel with the data (CLDR's Unicode License v3 asks for it).
  copyFileSync(mod("cldr-core/LICENSE"), join(here, "LICENSE-CLDR.txt"));
  copyFileSync(mod("world-atlas/LICENSE"), join(here, "LICENSE-world-atlas.txt"));
  const pts = list.reduce((n, c) => n + c.rings.reduce((m, r) => m + r.length, 0), 0);
  console.log(`${list.length} countries, ${pts} points`);
}

// The centroid of a ring's area (planar).
function centroid(r) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < r.length; i++) {
    const [x0, y0] = r[i], [x1, y1] = r[(i + 1) % r.length];
    const k = x0 * y1 - x1 * y0;
    a += k; cx += (x0 + x1) * k; cy += (y0 + y1) * k;
  }
  if (a === 0) return r[0];
  return [cx / (3 * a), cy / (3 * a)];
}

// Even-odd point in polygon.
function inside(rings, [x, y]) {
  let c = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i], [xj, yj] = r[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

// The point of a 60x60 grid over the rings' bounds that is inside and farthest from every
// vertex: a rough pole of inaccessibility, needed only for a few concave shapes.
function farthestInside(rings) {
  const xs = rings.flat().map((p) => p[0]), ys = rings.flat().map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = null, bestD = -1;
  for (let i = 1; i < 60; i++) for (let j = 1; j < 60; j++) {
    const p = [x0 + ((x1 - x0) * i) / 60, y0 + ((y1 - y0) * j) / 60];
    if (!inside(rings, p)) continue;
    let d = Infinity;
    for (const q of rings.flat()) d = Math.min(d, Math.hypot(q[0] - p[0], q[1] - p[1]));
    if (d > bestD) { bestD = d; best = p; }
  }
  // A ring with no inside at all (the Vatican's at 1:10m has two distinct vertices).
  return best ?? [xs.reduce((a, b) => a + b) / xs.length, ys.reduce((a, b) => a + b) / ys.length];
}

// Consecutive duplicates and the closing point dropped (rings are implicitly closed).
function clean(r) {
  const out = [];
  for (const p of r) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out.at(-1)[0] && out[0][1] === out.at(-1)[1]) out.pop();
  return out;
}

// Exterior rings counter-clockwise (north up), holes (a ring inside an odd number of the
// others: South Africa around Lesotho) clockwise, so either SVG fill rule draws them.
function orient(rings) {
  return rings.map((r, i) => {
    const depth = rings.filter((o, j) => j !== i && inside([o], r[0])).length;
    const hole = depth % 2 === 1;
    return (area(r) > 0) === !hole ? r : [...r].reverse();
  });
}

// Twice the signed area (shoelace), north up: positive for a counter-clockwise ring.
function area(r) {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const [x0, y0] = r[i], [x1, y1] = r[(i + 1) % r.length];
    s += x0 * y1 - x1 * y0;
  }
  return s;
}

// shapes.bin: see README.md. LEB128 varints, signed ones zigzag-coded.
function encode(list) {
  const out = [];
  const u = (n) => { do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); };
  const s = (n) => u(n >= 0 ? 2 * n : -2 * n - 1);
  for (const ch of "SCGEO1") out.push(ch.charCodeAt(0));
  u(QUANT);
  u(list.length);
  for (const c of list) {
    for (const ch of c.a3 + c.a2) out.push(ch.charCodeAt(0));
    s(c.point[0]); s(c.point[1]);
    u(c.rings.length);
    let [px, py] = c.point;
    for (const r of c.rings) {
      u(r.length);
      for (const [x, y] of r) { s(x - px); s(y - py); px = x; py = y; }
    }
  }
  return Buffer.from(out);
}

function names(list, territories) {
  const lines = ["# ISO 3166-1 alpha-3, language, names (display name first) from CLDR 48.2.0",
    "# (npm cldr-localenames-full). Generated by regenerate.mjs: do not edit; add aliases to aliases.tsv."];
  const tables = Object.fromEntries(LANGS.map((l) => {
    try { return [l, territories(l)]; } catch { return [l, {}]; } // dv: CLDR has no territory names
  }));
  for (const c of list) {
    for (const l of LANGS) {
      const t = tables[l];
      const main = t[c.a2], short = t[`${c.a2}-alt-short`], variant = t[`${c.a2}-alt-variant`];
      const all = DISPLAY_SHORT.has(c.a2) && short ? [short, main, variant] : [main, short, variant];
      const uniq = [...new Set(all.filter(Boolean))];
      if (uniq.some((n) => /[\t|\n]/.test(n))) throw new Error(`separator in a name of ${c.a3}`);
      if (uniq.length) lines.push(`${c.a3}\t${l}\t${uniq.join("|")}`);
    }
  }
  return lines.join("\n") + "\n";
}

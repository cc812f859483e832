"use strict";
// The newsgraph network page: two views of one graph (the actor network, every event), filters by
// type, modality and date (with the timeline strip), search, and the events behind each node or edge.
// Everything it shows comes from CONFIG (written by graph/output/page.py); all text is escaped.
const $ = (id) => document.getElementById(id);
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const fmt = (n) => n.toLocaleString("en");
const P = CONFIG.palette, ENT = CONFIG.entities, EV = CONFIG.events, DOCS = CONFIG.documents;
const eventStyle = (type) => P.events[type] || { label: type, plural: `${type} events`, colour: P.unknown };
const entityColour = (type) => P.entities[type] || P.unknown;
const has = (value) => value !== undefined && value !== null;

// the same words as views.count_label in Python: "3 phone calls", "1 planned meeting"
function countLabel(type, n, planned, negated) {
  const s = eventStyle(type);
  return `${fmt(n)} ${planned ? "planned " : ""}${n === 1 ? s.label.toLowerCase() : s.plural}${negated ? " (did not happen)" : ""}`;
}
// (role, entity index) of an event, agent first, as graph/output/networks.event_roles orders them
function rolesOf(ev) {
  const roles = [["agent", ev.agent], ["recipient", ev.recipient], ...(ev.participants || []).map((p) => ["participant", p]),
                 ["location", ev.location], ["opponent", ev.opponent]];
  return roles.filter(([, entity]) => has(entity));
}

const state = { view: CONFIG.views[CONFIG.start] ? CONFIG.start : "actor", types: new Set(EV.map((e) => e.type)),
                from: "", to: "", undated: true, negated: !!CONFIG.showNegated, isolated: false };
$("negated").checked = state.negated;
const viewEvents = {
  actor: [...new Set([...CONFIG.views.actor.edges.flatMap((e) => e.events), ...Object.values(CONFIG.views.actor.folded).flat()])],
  full: CONFIG.views.full.events,
};
const nodeSize = (degree) => Math.min(72, 14 + 6 * Math.sqrt(degree));
const edgeWidth = (count) => Math.min(14, 1.2 + 1.6 * Math.sqrt(count));

// ---------------------------------------------------------------- elements of each view
function entityNode(view, k) {
  const v = CONFIG.views[view], index = v.entities[k], entity = ENT[index];
  return { group: "nodes", data: { id: `n${index}`, kind: "entity", ent: index, label: entity.label, type: entity.type,
           aliases: entity.aliases, community: entity.community, degree: v.degree[k], size: nodeSize(v.degree[k]) } };
}
function elementsOf(view) {
  const v = CONFIG.views[view];
  const nodes = v.entities.map((_, k) => entityNode(view, k));
  const community = (index) => ENT[index].community;
  if (view === "actor") {
    const edges = v.edges.map((e, k) => ({ group: "edges", data: {
      id: `a${k}`, source: `n${e.s}`, target: `n${e.t}`, kind: "pair", edge: k, type: e.type, directed: !!e.directed,
      planned: !!e.planned, negated: !!e.negated, intra: community(e.s) === community(e.t), width: edgeWidth(e.events.length),
      label: countLabel(e.type, e.events.length, e.planned, e.negated) } }));
    return [...nodes, ...edges];
  }
  const elements = [...nodes];
  for (const i of v.events) {
    const ev = EV[i], roles = rolesOf(ev), home = roles.length ? community(roles[0][1]) : -1;
    elements.push({ group: "nodes", data: { id: `e${i}`, kind: "event", ev: i, type: ev.type, label: eventStyle(ev.type).label,
                    date: ev.date, planned: !!ev.planned, negated: !!ev.negated, community: home, size: 12 } });
    roles.forEach(([role, entity], j) => {
      const [source, target] = role === "agent" ? [`n${entity}`, `e${i}`] : [`e${i}`, `n${entity}`];
      elements.push({ group: "edges", data: { id: `r${i}_${j}`, source, target, kind: "role", role, ev: i,
                      planned: !!ev.planned, negated: !!ev.negated, intra: true, width: 1.4 } });
    });
  }
  return elements;
}

// ---------------------------------------------------------------- style: every colour and line from the palette
const large = EV.length + ENT.length > 3000;
const style = [
  { selector: "node", style: { "label": "data(label)", "font-size": 11, "min-zoomed-font-size": 9, "text-valign": "bottom",
      "text-margin-y": 3, "width": "data(size)", "height": "data(size)", "background-color": P.unknown, "color": "#222",
      "text-wrap": "ellipsis", "text-max-width": 160, "text-outline-color": "#fff", "text-outline-width": 2 } },
  { selector: "node.hub", style: { "min-zoomed-font-size": 0, "font-weight": "bold" } },
  { selector: "edge", style: { "width": "data(width)", "line-color": "#888", "target-arrow-color": "#888", "curve-style": "bezier",
      "arrow-scale": 0.8, "target-arrow-shape": "none", "opacity": 0.85 } },
  { selector: "edge[kind = 'pair']", style: { "label": "data(label)", "font-size": 9, "min-zoomed-font-size": 8, "color": "#333",
      "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1 } },
  { selector: "edge[?directed]", style: { "target-arrow-shape": "triangle" } },
  { selector: "node[kind = 'event']", style: { "shape": "round-rectangle", "font-size": 9, "color": "#444", "border-width": 1,
      "border-color": "#555", "text-outline-width": 1 } },
];
for (const [type, colour] of Object.entries(P.entities)) {
  style.push({ selector: `node[kind = 'entity'][type = '${type}']`, style: { "background-color": colour } });
}
for (const [type, s] of Object.entries(P.events)) {
  style.push({ selector: `node[kind = 'event'][type = '${type}']`, style: { "background-color": s.colour } });
  style.push({ selector: `edge[kind = 'pair'][type = '${type}']`, style: { "line-color": s.colour, "target-arrow-color": s.colour } });
}
for (const [role, s] of Object.entries(P.roles)) {
  style.push({ selector: `edge[role = '${role}']`, style: { "line-color": s.colour, "target-arrow-color": s.colour,
               "line-style": s.line, "target-arrow-shape": s.arrowhead ? "triangle" : "none" } });
}
style.push(
  { selector: "edge[?planned]", style: { "line-style": P.plannedLine } },
  { selector: "node[kind = 'event'][?planned]", style: { "border-style": P.plannedLine, "border-width": 2 } },
  { selector: "[?negated]", style: { "opacity": 0.45 } },
  { selector: ".faded", style: { "opacity": 0.12 } },
  { selector: ".match", style: { "border-width": 3, "border-color": "#000", "font-weight": "bold", "min-zoomed-font-size": 0 } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#000", "min-zoomed-font-size": 0 } },
  { selector: "edge:selected", style: { "underlay-color": "#000", "underlay-opacity": 0.2, "underlay-padding": 3 } },
);

const cy = cytoscape({
  container: $("graph"), style, minZoom: 0.02, maxZoom: 8, boxSelectionEnabled: false,
  // what keeps a few thousand nodes fluid: draw a bitmap while panning, skip edges in motion
  textureOnViewport: large, hideEdgesOnViewport: large, pixelRatio: large ? 1 : "auto",
});
const collections = {};
const shown = { nodes: new Set(), edges: new Set(), events: new Set() };

function layout(eles) {
  const n = eles.nodes().length;
  return new Promise((resolve) => {
    const run = eles.layout({ name: "fcose", quality: n > 3000 ? "draft" : "default", randomize: true, animate: false,
      fit: true, padding: 30, packComponents: true, nodeDimensionsIncludeLabels: n <= 3000, tile: true, nodeRepulsion: 6500, nodeSeparation: 60, gravity: 0.25,
      numIter: 2500, tilingPaddingVertical: 14, tilingPaddingHorizontal: 14,
      // a community's members pull together, and communities keep apart: the edges between them are long and slack
      idealEdgeLength: (edge) => (edge.data("intra") ? 50 : 170), edgeElasticity: (edge) => (edge.data("intra") ? 0.45 : 0.08) });
    run.one("layoutstop", resolve);
    run.run();
  });
}

async function switchView(view) {
  document.body.dataset.state = "busy";
  $("count").textContent = "Laying the view out…";
  await new Promise((resolve) => setTimeout(resolve, 0));  // let that show before the layout holds the page
  state.view = view;
  for (const [name, collection] of Object.entries(collections)) if (name !== view) collection.remove();
  const fresh = !collections[view];
  collections[view] = fresh ? cy.add(elementsOf(view)) : collections[view].restore();
  const hubs = new Set(CONFIG.views[view].hubs.map((i) => `n${i}`));
  collections[view].nodes().forEach((node) => node.toggleClass("hub", hubs.has(node.id())));
  if (fresh) await layout(collections[view]); else cy.fit(collections[view], 30);
  for (const button of document.querySelectorAll(".ng-views button")) button.classList.toggle("active", button.dataset.view === view);
  timeline.setDomain(viewEvents[view].map((i) => EV[i].date).filter(Boolean));
  timeline.setRange(state.from, state.to);
  buildTypes();
  buildLines();
  closeDetails();
  applyFilters();
  scaleHubLabels();
  document.body.dataset.view = view;
  document.body.dataset.state = "ready";
}

// ---------------------------------------------------------------- side panel
function buildTypes() {
  const counts = new Map();
  for (const i of viewEvents[state.view]) counts.set(EV[i].type, (counts.get(EV[i].type) || 0) + 1);
  const types = [...Object.keys(P.events), ...[...counts.keys()].filter((t) => !P.events[t])].filter((t) => counts.get(t));
  $("types").innerHTML = types.map((type) => `<label><input type="checkbox" value="${escapeHtml(type)}"${state.types.has(type) ? " checked" : ""}>` +
    `<span class="swatch event" style="background:${eventStyle(type).colour}"></span>${escapeHtml(eventStyle(type).label)} (${fmt(counts.get(type))})</label>`).join("");
  const inView = viewEvents[state.view];
  $("negated-count").textContent = fmt(inView.filter((i) => EV[i].negated).length);
  $("undated-count").textContent = fmt(inView.filter((i) => !EV[i].date).length);
}
function buildLegend() {
  const counts = new Map();
  for (const e of ENT) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  $("legend").innerHTML = [...Object.keys(P.entities), "Thing"].filter((t) => counts.get(t)).map((type) =>
    `<div><span class="swatch" style="background:${entityColour(type)}"></span>${escapeHtml(type === "Thing" ? "untyped" : type)}</div>`).join("") +
    `<div class="ng-small">size: ${state.view === "actor" ? "partners" : "events"}; the most connected are always named, the rest as you zoom in</div>`;
}
function buildLines() {
  const line = (colour, styleName, text) => `<div><span class="line" style="border-top-style:${styleName};border-color:${colour}"></span>${escapeHtml(text)}</div>`;
  const rows = state.view === "actor"
    ? [line("#555", "solid", "→ from the agent to the recipient"), line("#555", "solid", "no arrow: parties of a call, meeting, agreement")]
    : Object.entries(P.roles).map(([role, s]) => line(s.colour, s.line, `${role}${s.arrowhead ? " →" : ""}`));
  rows.push(line("#555", P.plannedLine, "planned, not yet happened"));
  $("lines").innerHTML = rows.join("") + `<div class="ng-small">${state.view === "actor"
    ? "statements are folded into their speaker: click a node for them" : "arrows run agent → event → recipient"}</div>`;
  buildLegend();
}

// ---------------------------------------------------------------- filters
function passes(i, ignoreDates) {
  const ev = EV[i];
  if (!state.types.has(ev.type) || (ev.negated && !state.negated)) return false;
  if (ignoreDates) return true;
  if (!ev.date) return state.undated;
  return (!state.from || ev.date >= state.from) && (!state.to || ev.date <= state.to);
}
function foldedOf(index) { return CONFIG.views.actor.folded[index] || []; }

function applyFilters() {
  const view = state.view, collection = collections[view];
  const pass = new Uint8Array(EV.length);
  for (const i of viewEvents[view]) pass[i] = passes(i, false) ? 1 : 0;
  shown.nodes.clear(); shown.edges.clear(); shown.events.clear();
  cy.batch(() => {
    if (view === "actor") {
      collection.edges().forEach((edge) => {
        const e = CONFIG.views.actor.edges[edge.data("edge")];
        const events = e.events.filter((i) => pass[i]);
        if (events.length) {
          shown.edges.add(edge.id());
          events.forEach((i) => shown.events.add(i));
          edge.data({ label: countLabel(e.type, events.length, e.planned, e.negated), width: edgeWidth(events.length) });
        }
      });
    } else {
      collection.nodes("[kind = 'event']").forEach((node) => {
        if (pass[node.data("ev")]) { shown.nodes.add(node.id()); shown.events.add(node.data("ev")); }
      });
      collection.edges().forEach((edge) => { if (pass[edge.data("ev")]) shown.edges.add(edge.id()); });
    }
    collection.nodes("[kind = 'entity']").forEach((node) => {
      const folded = view === "actor" ? foldedOf(node.data("ent")).filter((i) => pass[i]) : [];
      if (state.isolated || folded.length || node.connectedEdges().some((edge) => shown.edges.has(edge.id()))) {
        shown.nodes.add(node.id());
        folded.forEach((i) => shown.events.add(i));
      }
    });
    collection.forEach((el) => { el.style("display", (el.isNode() ? shown.nodes : shown.edges).has(el.id()) ? "element" : "none"); });
  });
  const dated = viewEvents[view].filter((i) => passes(i, true) && EV[i].date).map((i) => ({ date: EV[i].date, type: EV[i].type }));
  timeline.setItems(dated, viewEvents[view].filter((i) => passes(i, true) && !EV[i].date).length);
  report();
  if (details.target && details.target.inside()) showDetails(details.target);
}

function report() {
  const v = CONFIG.views[state.view], T = CONFIG.totals;
  const entities = collections[state.view].nodes("[kind = 'entity']").filter((n) => shown.nodes.has(n.id())).length;
  const lines = [`<b>${fmt(entities)}</b> of ${fmt(T.entities)} entities shown`];
  if (v.leftOut) lines.push(`${fmt(v.leftOut)} less active ones left out: the page keeps ${fmt(CONFIG.maxNodes)} nodes at most (--max-nodes)`);
  if (v.entities.length > entities) lines.push(`${fmt(v.entities.length - entities)} hidden: none of their events passes the filters`);
  if (T.unused) lines.push(`${fmt(T.unused)} more are named in no event and not drawn`);
  lines.push(`<b>${fmt(shown.events.size)}</b> of ${fmt(T.events)} events shown`);
  const outside = T.events - viewEvents[state.view].length;
  if (outside) lines.push(`${fmt(outside)} left out with the less active entities`);
  const negated = state.negated ? 0 : viewEvents[state.view].filter((i) => EV[i].negated).length;
  const filtered = viewEvents[state.view].length - shown.events.size - negated;
  if (negated) lines.push(`${fmt(negated)} the text says did not happen, hidden (tick below to show)`);
  if (filtered) lines.push(`${fmt(filtered)} hidden by the filters`);
  if (state.view === "actor") {
    const speakers = new Set(), statements = [...shown.events].filter((i) => EV[i].type === "Statement");
    statements.forEach((i) => has(EV[i].agent) && speakers.add(EV[i].agent));
    if (statements.length) lines.push(`${fmt(statements.length)} statements folded into ${fmt(speakers.size)} speakers`);
  }
  $("count").innerHTML = lines.map((line) => `<div>${line}</div>`).join("");
  Object.assign(document.body.dataset, { visibleNodes: shown.nodes.size, visibleEdges: shown.edges.size, shownEvents: shown.events.size });
}

const timeline = newsgraphTimeline($("timeline-svg"), $("timeline-info"), {
  colourOf: (type) => eventStyle(type).colour, labelOf: (type, n) => countLabel(type, n),
  onRange: (from, to) => { state.from = $("from").value = from || ""; state.to = $("to").value = to || ""; applyFilters(); },
});
$("types").addEventListener("change", () => {
  state.types = new Set([...Object.keys(P.events), ...EV.map((e) => e.type)].filter((t) =>
    !$("types").querySelector(`input[value="${CSS.escape(t)}"]`) || $("types").querySelector(`input[value="${CSS.escape(t)}"]`).checked));
  applyFilters();
});
for (const id of ["from", "to"]) {
  $(id).addEventListener("change", () => { state[id] = $(id).value; timeline.setRange(state.from, state.to); applyFilters(); });
}
for (const id of ["undated", "negated", "isolated"]) {
  $(id).addEventListener("change", () => { state[id] = $(id).checked; applyFilters(); });
}
for (const button of document.querySelectorAll(".ng-views button")) {
  button.addEventListener("click", () => { if (button.dataset.view !== state.view) switchView(button.dataset.view); });
}

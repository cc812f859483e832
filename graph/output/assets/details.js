"use strict";
// The network page's search, hover notes and details on demand, and its start: after network.js,
// whose state, views and filters it uses.

// ---------------------------------------------------------------- search: mark the matches, go to the first
function search(go) {
  const query = $("search").value.trim().toLowerCase();
  const collection = collections[state.view];
  collection.removeClass("faded match");
  if (!query) { $("search-note").textContent = ""; return; }
  const matches = collection.nodes("[kind = 'entity']").filter((n) => `${n.data("label")}; ${n.data("aliases") || ""}`.toLowerCase().includes(query));
  if (!matches.length) {
    const known = ENT.some((e) => `${e.label}; ${e.aliases || ""}`.toLowerCase().includes(query));
    $("search-note").textContent = known ? "not in this view: left out as less active (--max-nodes)" : "no entity by that name";
    return;
  }
  matches.addClass("match");
  collection.not(matches.closedNeighborhood()).addClass("faded");
  const first = matches[0];
  $("search-note").textContent = `${fmt(matches.length)} match${matches.length === 1 ? "" : "es"}` +
    (shown.nodes.has(first.id()) ? "" : `; ${first.data("label")} is hidden by the current filters`);
  if (go || matches.length === 1) goTo(first);
}
function goTo(node) {
  cy.elements().unselect();
  node.select();
  showDetails(node);
  document.body.dataset.searched = "";
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.6) },
             { duration: 300, complete: () => { scaleHubLabels(); document.body.dataset.searched = node.data("label"); } });
}
$("search").addEventListener("input", () => search(false));
$("search").addEventListener("keydown", (event) => { if (event.key === "Enter") search(true); });

// ---------------------------------------------------------------- the most connected keep a readable label at any zoom
function scaleHubLabels() {
  const zoom = cy.zoom(), size = Math.max(11, 13 / zoom);
  cy.batch(() => cy.nodes(".hub").style({ "font-size": size, "text-outline-width": Math.max(2, 2 / zoom),
                                          "text-margin-y": Math.max(3, 3 / zoom), "text-max-width": Math.max(160, 180 / zoom) }));
}
let scaling = false;
cy.on("zoom", () => { if (!scaling) { scaling = true; requestAnimationFrame(() => { scaling = false; scaleHubLabels(); }); } });

// ---------------------------------------------------------------- hover: a short note; click: the events behind it
const name = (index) => (has(index) && ENT[index] ? ENT[index].label : "");
function eventsOf(el) {
  if (el.data("kind") === "pair") return CONFIG.views.actor.edges[el.data("edge")].events;
  if (has(el.data("ev"))) return [el.data("ev")];
  if (state.view === "actor") {
    const index = el.data("ent");
    return [...new Set([...el.connectedEdges().flatMap((edge) => CONFIG.views.actor.edges[edge.data("edge")].events), ...foldedOf(index)])];
  }
  return el.connectedEdges().map((edge) => edge.data("ev")).filter((i, k, all) => all.indexOf(i) === k);
}
// "3 phone calls, 2 congratulations, 1 planned meeting", as views.pair_summary words it
function typeSummary(events) {
  const counts = new Map();
  for (const i of events) {
    const key = JSON.stringify([EV[i].type, !!EV[i].planned, !!EV[i].negated]);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const label = (key) => eventStyle(JSON.parse(key)[0]).label;
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || label(a[0]).localeCompare(label(b[0])))
    .map(([key, n]) => { const [type, planned, negated] = JSON.parse(key); return countLabel(type, n, planned, negated); }).join(", ");
}
function pairText(el) {
  const e = CONFIG.views.actor.edges[el.data("edge")];
  return `${escapeHtml(name(e.s))} ${e.directed ? "→" : "—"} ${escapeHtml(name(e.t))}`;
}
function pairSummary(el) {  // every kind of event between the two, as "3 phone calls, 2 congratulations"
  const ends = new Set([el.source().id(), el.target().id()]);
  const all = el.source().edgesWith(el.target()).filter((x) => ends.has(x.source().id()) && shown.edges.has(x.id()));
  return typeSummary(all.map((x) => CONFIG.views.actor.edges[x.data("edge")].events.filter((i) => passes(i, false))).flat());
}
function describe(el) {
  const d = el.data();
  if (d.kind === "pair") return `<b>${pairText(el)}</b><div>${escapeHtml(d.label)}</div><div class="kind">between them: ${escapeHtml(pairSummary(el))}</div><div class="kind">click for the events</div>`;
  if (d.kind === "role") return `<b>${escapeHtml(d.role)}</b>`;
  if (d.kind === "event") { const ev = EV[d.ev]; return `<b>${escapeHtml(eventStyle(ev.type).label)}</b> <span class="kind">${escapeHtml(ev.date || "undated")}</span>` + (ev.sentence ? `<blockquote>${escapeHtml(ev.sentence)}</blockquote>` : ""); }
  const entity = ENT[d.ent], events = eventsOf(el).filter((i) => passes(i, false)), folded = foldedOf(d.ent).filter((i) => passes(i, false));
  const rows = [`<b>${escapeHtml(entity.label)}</b>`, `<div class="kind">${escapeHtml(entity.type)}${entity.roles ? ` · ${escapeHtml(entity.roles)}` : ""}</div>`,
                `<div>${fmt(events.length)} event${events.length === 1 ? "" : "s"}: ${escapeHtml(typeSummary(events))}</div>`];
  if (state.view === "actor" && folded.length) {
    const asPlace = folded.filter((i) => !partiesOf(EV[i], true).includes(d.ent)), own = folded.filter((i) => !asPlace.includes(i));
    if (own.length) rows.push(`<div class="kind">folded into this node: ${escapeHtml(typeSummary(own))}</div>`);
    if (asPlace.length) rows.push(`<div class="kind">here: ${escapeHtml(typeSummary(asPlace))}</div>`);
  }
  const quote = folded.map((i) => EV[i].quote).find(Boolean);
  if (quote) rows.push(`<blockquote>“${escapeHtml(quote)}”</blockquote>`);
  return rows.join("") + `<div class="kind">click for its events</div>`;
}
const tip = $("tip");
cy.on("mouseover", "node, edge[kind = 'pair']", (event) => {
  tip.innerHTML = describe(event.target);
  const p = event.renderedPosition;
  tip.style.display = "block";
  const right = p.x + 14 + tip.offsetWidth <= cy.width();
  tip.style.left = `${Math.max(0, right ? p.x + 14 : p.x - 14 - tip.offsetWidth)}px`;
  tip.style.top = `${Math.max(0, Math.min(p.y + 14, cy.height() - tip.offsetHeight))}px`;
});
cy.on("tap", () => { tip.style.display = "none"; });
cy.on("mouseout", "node, edge", () => { tip.style.display = "none"; });
cy.on("viewport", () => { tip.style.display = "none"; });

const details = { target: null };
const MAX_LISTED = 300;
function partiesOf(ev, indexes) {
  if (indexes) return [ev.agent, ev.recipient, ...(ev.participants || []), ev.opponent].filter(has);
  const parts = [];
  if (has(ev.agent)) parts.push(`${entityLink(ev.agent)}${has(ev.recipient) ? ` → ${entityLink(ev.recipient)}` : ""}`);
  else if (has(ev.recipient)) parts.push(`→ ${entityLink(ev.recipient)}`);
  const others = (ev.participants || []).filter((p) => p !== ev.agent && p !== ev.recipient);
  if (others.length) parts.push(`${has(ev.agent) || has(ev.recipient) ? "with " : ""}${others.map(entityLink).join(", ")}`);
  if (has(ev.opponent)) parts.push(`over ${entityLink(ev.opponent)}`);
  if (has(ev.location)) parts.push(`at ${entityLink(ev.location)}`);
  if (ev.topic) parts.push(`on ${escapeHtml(ev.topic)}`);
  return parts.join(" · ");
}
const entityLink = (index) => `<a href="#" data-entity="${index}">${escapeHtml(name(index))}</a>`;
function documentOf(ev) {
  const doc = has(ev.document) ? DOCS[ev.document] : null;
  if (!doc) return "";
  const text = escapeHtml(doc.title || doc.id) + (doc.date ? ` (${escapeHtml(doc.date)})` : "");
  return `<div class="kind">document: ${doc.href ? `<a href="${escapeHtml(doc.href)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text}</div>`;
}
function eventItem(i) {
  const ev = EV[i], s = eventStyle(ev.type);
  return `<li data-event="${i}"><span class="swatch event" style="background:${s.colour}"></span><b>${escapeHtml(s.label)}</b>` +
    `${ev.planned ? " (planned)" : ""}${ev.negated ? " (did not happen)" : ""} · ${escapeHtml(ev.date || "undated")}` +
    `<div>${partiesOf(ev)}</div>` + (ev.quote ? `<div class="quote">“${escapeHtml(ev.quote)}”</div>` : "") +
    (ev.sentence ? `<blockquote>${escapeHtml(ev.sentence)}</blockquote>` : "") + documentOf(ev) + "</li>";
}
function showDetails(el) {
  details.target = el;
  const all = eventsOf(el), events = all.filter((i) => passes(i, false));
  events.sort((a, b) => (EV[a].date || "9999").localeCompare(EV[b].date || "9999") || a - b);
  const d = el.data();
  let head;
  if (d.kind === "pair") head = `<h3>${pairText(el)}</h3><div>${escapeHtml(d.label)}</div>`;
  else if (d.kind === "entity") {
    const entity = ENT[d.ent];
    head = `<h3>${escapeHtml(entity.label)}</h3><div class="kind">${escapeHtml(entity.type)}${entity.roles ? ` · ${escapeHtml(entity.roles)}` : ""}</div>` +
      (entity.aliases ? `<div class="kind">also: ${escapeHtml(entity.aliases)}</div>` : "") + `<div>${escapeHtml(typeSummary(events))}</div>`;
  } else head = `<h3>${escapeHtml(eventStyle(EV[all[0]].type).label)}</h3>`;
  const hidden = all.length - events.length;
  $("details-body").innerHTML = head + `<div class="kind">${fmt(events.length)} event${events.length === 1 ? "" : "s"}` +
    (hidden ? `; ${fmt(hidden)} more hidden by the filters` : "") + "</div>" +
    `<ol>${events.slice(0, MAX_LISTED).map(eventItem).join("")}</ol>` +
    (events.length > MAX_LISTED ? `<div class="kind">and ${fmt(events.length - MAX_LISTED)} more</div>` : "");
  if ($("details").hidden) { $("details").hidden = false; cy.resize(); }
  document.body.dataset.details = String(events.length);
}
function closeDetails() {
  details.target = null;
  if (!$("details").hidden) { $("details").hidden = true; cy.resize(); }
  delete document.body.dataset.details;
}
cy.on("tap", "node, edge[kind = 'pair'], edge[kind = 'role']", (event) => showDetails(event.target));
cy.on("tap", (event) => { if (event.target === cy) closeDetails(); });
$("details-close").addEventListener("click", closeDetails);
$("details-body").addEventListener("click", (event) => {
  const link = event.target.closest("a[data-entity]");
  if (!link) return;
  event.preventDefault();
  const node = cy.getElementById(`n${link.dataset.entity}`);
  if (node.length && node.inside()) goTo(node);
});

switchView(state.view).catch((error) => { document.body.dataset.state = "failed"; throw error; });

(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var container = document.getElementById("graph");
  var wrap = document.getElementById("graph-wrap");
  var tooltip = document.getElementById("tooltip");
  var details = document.getElementById("details");
  var status = document.getElementById("status");
  var search = document.getElementById("search");
  var suggestions = document.getElementById("suggestions");
  var ids = data.nodes.id, labels = data.nodes.label, more = data.nodes.more;
  var from = data.edges.from, to = data.edges.to, records = data.records;
  var typeNames = new Map(Object.entries(data.types));
  var groupOf = data.nodes.group.map(function (g) { return data.groups[g]; });
  var nodeCount = ids.length, edgeCount = from.length;
  var degree = new Array(nodeCount).fill(0);
  for (var e = 0; e < edgeCount; e++) { degree[from[e]] += 1; degree[to[e]] += 1; }

  // --- evidence, as tooltips show it -----------------------------------------------------
  function predicateOf(e) { return data.predicates[data.edges.pred[e]]; }  // slug, label, kind, effect
  function edgeId(e) { return ids[from[e]] + "|" + predicateOf(e)[0] + "|" + ids[to[e]]; }
  function studyAt(k) {
    var s = data.studies[k];
    return {id: s[0], citation: s[1], review: s[2], title: s[3], where: s[4], links: s[5]};
  }
  // One import record as ImportedGraph.get_evidence reads it (see ImportRecords).
  function recordEvidence(k, e) {
    var fields = records.provenance[k] ? records.provenance[k].split("\t") : [];
    while (fields.length < 8) { fields.push(""); }
    var edgeName = fields[0], source = fields[1], text = fields[3], level = fields[4];
    var qualifier = fields[5] ? " (" + fields[5] + ")" : "";
    var predicate = records.predicates[records.predicate_codes[k]];
    var locator = records.origin + " " + records.lines[k] + (edgeName ? ", id " + edgeName : "") +
      "; " + predicate + qualifier + (source ? "; " + source : "");
    var quote = text || ids[from[e]] + " " + predicate + qualifier + " " + ids[to[e]];
    var studies = fields[2].split("|").map(function (s) { return s.trim(); }).filter(Boolean);
    if (!studies.length) { studies = [source || records.study]; }
    var bases = fields[6].split("|").map(function (s) { return s.trim(); });
    var units = fields[7].split("|").map(function (s) { return s.trim(); }).filter(Boolean);
    var several = new Set(units).size > 1;
    var fallback = records.hedged_levels.indexOf(level) >= 0 ? "hedged" : "stated";
    return studies.map(function (s, n) {
      var basis = ["stated", "hedged", "inferred"].indexOf(bases[n]) >= 0 ? bases[n] : fallback;
      var place = several && n < units.length ? locator + "; unit " + units[n] : locator;
      return {study: {id: s, citation: s, links: []}, readIn: studyAt(records.read_in).citation,
              kind: records.source_kind, locator: place, quote: quote,
              basis: basis, context: "", inferredFrom: null, caveat: null};
    });
  }
  function evidenceOf(e) {
    var rows = [];
    [].concat(data.edges.ev[e]).forEach(function (k) {
      if (records) { rows = rows.concat(recordEvidence(k, e)); return; }
      var r = data.evidence[k];
      rows.push({study: studyAt(r[0]), readIn: studyAt(r[1]).citation, kind: r[2], locator: r[3],
                 quote: r[4], basis: r[5], context: r[6], inferredFrom: r[7], caveat: r[8]});
    });
    return rows;
  }
  function studyCount(rows) { return new Set(rows.map(function (r) { return r.study.id; })).size; }

  // --- tooltips: built on demand, text only (createElement / textContent, never innerHTML) --
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function add(parent, tag, className, text) { return parent.appendChild(el(tag, className, text)); }
  function link(text, iri) {
    if (typeof iri !== "string" || !/^https?:\/\//i.test(iri)) { return document.createTextNode(text); }
    var a = el("a", null, text);
    a.href = iri;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function field(parent, name, items, separator) {
    var row = add(parent, "div");
    add(row, "b", null, name + ": ");
    items.forEach(function (item, n) {
      if (n) { row.append(separator); }
      row.append(item);
    });
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function describeStudy(box, i, s) {
    add(box, "div", "tip-title", s.citation);
    var meta = add(box, "div", "tip-meta", (s.review ? "review" : "study") + " · ");
    add(meta, "code", null, s.id);
    meta.append(" · reports on " + plural(degree[i], "drawn entity", "drawn entities"));
    if (s.title) { add(add(box, "div"), "i", null, s.title); }
    if (s.where) { add(box, "div", null, s.where); }
    if (s.links.length) {
      var row = add(box, "div");
      s.links.forEach(function (l, n) { if (n) { row.append(" "); } row.append(link(l[0], l[1])); });
    }
  }
  function describeNode(i) {
    var box = el("div"), extra = more[i] || {};
    if (extra.study !== undefined) { describeStudy(box, i, studyAt(extra.study)); return box; }
    add(box, "div", "tip-title", labels[i]);
    var meta = add(box, "div", "tip-meta", (typeNames.get(groupOf[i]) || groupOf[i]) + " · ");
    add(meta, "code", null, ids[i]);
    meta.append(" · " + plural(degree[i], "edge", "edges") + " drawn");
    if (extra.syn) { field(box, "Synonyms", extra.syn, "; "); }
    if (extra.xref) {
      field(box, "Cross-references", extra.xref.map(function (x) { return link(x[0], x[1]); }), ", ");
    } else if (extra.noXref) {
      field(box, "No cross-reference", [extra.noXref], "");
    }
    if (extra.isA) { field(box, "Is a", extra.isA, ", "); }
    return box;
  }
  function describeEdge(e) {
    var box = el("div"), p = predicateOf(e);
    var title = add(box, "div", "tip-title", labels[from[e]] + " ");
    add(title, "span", "pred", p[1]);
    title.append(" " + labels[to[e]]);
    if (p[2] === "reports") { return box; }
    var rows = evidenceOf(e);
    add(box, "div", "tip-meta", p[3] + " · " + plural(studyCount(rows), "study", "studies"));
    var list = add(box, "ol", "evidence");
    rows.forEach(function (r) {
      var item = add(list, "li");
      var cite = add(item, "div");
      add(cite, "b", null, r.study.citation);
      r.study.links.forEach(function (l) { cite.append(" "); cite.append(link(l[0], l[1])); });
      var meta = add(item, "div", "tip-meta");
      add(meta, "span", "basis " + r.basis, r.basis);
      meta.append(" read in " + r.readIn + " · " + r.kind + " " + r.locator);
      if (r.basis === "inferred" && r.inferredFrom) { add(item, "div", "inferred", "inferred: " + r.inferredFrom); }
      add(item, "blockquote", null, (r.basis === "inferred" ? "read: " : "") + "“" + r.quote + "”");
      if (r.context) { add(item, "div", "ctx", r.context); }
      if (r.caveat) { add(item, "div", "caveat", "caveat: " + r.caveat); }
    });
    var hidden = data.edges.hidden[e];
    if (hidden) {
      add(box, "div", "tip-meta", plural(hidden, "more piece", "more pieces") +
          " of evidence outside the filters");
    }
    return box;
  }

  // --- vis-network items -----------------------------------------------------------------
  // Large graphs: one pie sector per type (legend order), hubs near the centre, even density,
  // so 10,000 nodes open at once instead of waiting minutes for physics.
  function sectorLayout() {
    var members = new Map(), positions = new Array(nodeCount);
    for (var i = 0; i < nodeCount; i++) {
      if (!members.has(groupOf[i])) { members.set(groupOf[i], []); }
      members.get(groupOf[i]).push(i);
    }
    var order = Array.from(typeNames.keys()).filter(function (g) { return members.has(g); })
      .concat(Array.from(members.keys()).filter(function (g) { return !typeNames.has(g); }).sort());
    var radius = 45 * Math.sqrt(Math.max(nodeCount, 1) / Math.PI) * 1.6;
    var golden = (Math.sqrt(5) - 1) / 2, start = 0;
    order.forEach(function (group) {
      var list = members.get(group).sort(function (a, b) {
        return degree[b] - degree[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
      });
      var width = 2 * Math.PI * list.length / nodeCount;
      list.forEach(function (node, k) {
        var r = radius * Math.sqrt((k + 0.5) / list.length);
        var angle = start + width * (0.05 + 0.9 * ((k * golden) % 1));
        positions[node] = [r * Math.cos(angle), r * Math.sin(angle)];
      });
      start += width;
    });
    return positions;
  }
  var layout = data.layout;
  function levelOf(i) { return data.levels[groupOf[i]] === undefined ? 2 : data.levels[groupOf[i]]; }
  // Focus and paths pages: one band of columns per FLOW_LEVELS step, left to right, each band as
  // many columns wide as it takes to keep the picture about as wide as the canvas; within a band
  // nodes are ordered (a few barycentre sweeps) towards the rows of their neighbours, so chains run
  // across rather than up and down. Linear in nodes and edges per sweep.
  function flowLayout() {
    var COLUMN = 210, ROW = 44, GAP = 80;
    var aspect = (container.clientWidth || 800) / (container.clientHeight || 600);
    var bands = new Map();
    for (var i = 0; i < nodeCount; i++) {
      if (!bands.has(levelOf(i))) { bands.set(levelOf(i), []); }
      bands.get(levelOf(i)).push(i);
    }
    var levels = Array.from(bands.keys()).sort(function (a, b) { return a - b; });
    var most = Math.max.apply(null, levels.map(function (l) { return bands.get(l).length; }));
    var rows = Math.min(8, most);
    for (; rows < most; rows++) {
      var columns = levels.reduce(function (sum, l) { return sum + Math.ceil(bands.get(l).length / rows); }, 0);
      if (columns * COLUMN + levels.length * GAP <= rows * ROW * aspect) { break; }
    }
    // rows as far apart as the canvas's shape allows (a wide picture is scaled down to fit its
    // width, so its rows can spread to fill the height), never closer than ROW
    var wide = 0, deepest = 1;
    levels.forEach(function (level) {
      var across = Math.ceil(bands.get(level).length / rows);
      wide += across * COLUMN + GAP;
      deepest = Math.max(deepest, Math.ceil(bands.get(level).length / across));
    });
    ROW = Math.max(ROW, Math.min(2.5 * ROW, wide / aspect / deepest));
    var positions = new Array(nodeCount), y = new Float64Array(nodeCount);
    function place() {
      var x = 0;
      levels.forEach(function (level) {
        var members = bands.get(level), across = Math.ceil(members.length / rows);
        var down = Math.ceil(members.length / across);
        members.forEach(function (node, k) {
          var row = Math.floor(k / across), column = k % across;
          // neighbouring columns of a band are staggered by half a row, so their labels interleave
          positions[node] = [x + column * COLUMN, (row - (down - 1) / 2 + (column % 2) / 2) * ROW];
          y[node] = positions[node][1];
        });
        x += across * COLUMN + GAP;
      });
    }
    levels.forEach(function (level) {
      bands.get(level).sort(function (a, b) {
        return degree[b] - degree[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
      });
    });
    place();
    for (var sweep = 0; sweep < 4; sweep++) {
      levels.forEach(function (level) {
        var centre = new Map();
        bands.get(level).forEach(function (node) {
          var sum = 0, n = 0;
          incident[node].forEach(function (e) {
            var other = from[e] === node ? to[e] : from[e];
            if (levelOf(other) !== level) { sum += y[other]; n += 1; }
          });
          centre.set(node, n ? sum / n : y[node]);
        });
        bands.get(level).sort(function (a, b) { return centre.get(a) - centre.get(b) || a - b; });
      });
      place();
    }
    return positions;
  }
  var FADED = 0.12;  // opacity of what lies outside a highlighted neighbourhood
  var nodeItems = ids.map(function (id, i) {
    var item = {id: id, label: labels[i], group: groupOf[i], i: i,
                size: Math.round(10 * (10 + 4 * Math.log2(1 + degree[i]))) / 10};
    if (more[i] && more[i].role) {
      item.role = more[i].role;
      item.borderWidth = 4;
      item.size += 6;
      item.font = {size: 18};
    }
    return item;
  });
  var siblings = new Map();
  var edgeKind = new Array(edgeCount), edgeEvidence = new Array(edgeCount);
  var incident = ids.map(function () { return []; });
  // An edge whose every piece of evidence is inferred (our reading, not the author's) is drawn
  // faded with a round head: a style no other kind uses (dashes mean no change or descriptive).
  function inferredOnly(rows) {
    return rows.length > 0 && rows.every(function (r) { return r.basis === "inferred"; });
  }
  var edgeItems = from.map(function (source, e) {
    var p = predicateOf(e), style = data.kinds[p[2]], rows = evidenceOf(e), n = studyCount(rows);
    edgeKind[e] = p[2];
    edgeEvidence[e] = rows.map(function (r) { return [r.study.id, r.basis]; });
    incident[source].push(e);
    if (to[e] !== source) { incident[to[e]].push(e); }
    var item = {id: edgeId(e), from: ids[source], to: ids[to[e]], i: e, kind: p[2], n: n, base: 1,
                color: {color: style[0], highlight: style[0], hover: style[0], opacity: 1},
                width: Math.round(10 * (1 + (data.heavy ? 0.75 : 1.5) * Math.min(n, 6))) / 10};
    if (style[1] && !data.heavy) { item.dashes = style[1]; }
    if (inferredOnly(rows)) {
      item.inferred = true;
      item.base = item.color.opacity = 0.45;
      item.arrows = {to: {enabled: true, type: "circle"}};
    }
    if (data.edgeLabels) { item.label = p[1]; }
    if (!data.heavy) {  // parallel edges between one pair curve apart
      var pair = Math.min(source, to[e]) + " " + Math.max(source, to[e]);
      if (!siblings.has(pair)) { siblings.set(pair, []); }
      siblings.get(pair).push(item);
    }
    return item;
  });
  var positions = layout === "sectors" ? sectorLayout() : layout === "flow" ? flowLayout() : null;
  if (positions) {
    nodeItems.forEach(function (item, i) { item.x = positions[i][0]; item.y = positions[i][1]; });
  }
  siblings.forEach(function (items) {
    if (items.length < 2) { return; }
    items.forEach(function (item, k) {
      item.smooth = {enabled: true, type: "curvedCW", roundness: 0.15 + 0.2 * k};
    });
  });

  // --- filters: node type, edge kind, basis, study ----------------------------------------
  // One pass decides what is shown; the two DataViews only read its answer. An edge stays while
  // any of its evidence passes the basis and study filters (as --basis and --study do on the
  // command line); while an edge filter is on, a node stays only if it keeps an edge.
  var hiddenTypes = new Set(), hiddenKinds = new Set(), hiddenBases = new Set();
  var filters = {types: hiddenTypes, kinds: hiddenKinds, bases: hiddenBases, study: ""};
  var nodeShown = new Uint8Array(nodeCount).fill(1), edgeShown = new Uint8Array(edgeCount).fill(1);
  function evidencePasses(e) {
    var rows = edgeEvidence[e];
    if (!rows.length) {  // a study's "reports on" edge: kept unless another study is asked for
      return !filters.study || ids[from[e]] === "study:" + filters.study;
    }
    return rows.some(function (r) {
      return !hiddenBases.has(r[1]) && (!filters.study || r[0] === filters.study);
    });
  }
  function decideShown() {
    var evidenceFilters = hiddenBases.size > 0 || filters.study !== "";
    var linked = evidenceFilters || hiddenKinds.size > 0 ? new Uint8Array(nodeCount) : null;
    for (var e = 0; e < edgeCount; e++) {
      var ok = !hiddenTypes.has(groupOf[from[e]]) && !hiddenTypes.has(groupOf[to[e]]) &&
        !hiddenKinds.has(edgeKind[e]) && (!evidenceFilters || evidencePasses(e));
      edgeShown[e] = ok ? 1 : 0;
      if (ok && linked) { linked[from[e]] = 1; linked[to[e]] = 1; }
    }
    for (var i = 0; i < nodeCount; i++) {
      var keep = !hiddenTypes.has(groupOf[i]) && (!linked || linked[i] || (more[i] && more[i].role));
      nodeShown[i] = keep ? 1 : 0;
    }
  }
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return nodeShown[n.i] === 1; }});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return edgeShown[e.i] === 1; }});
  var state = {ready: false, stabilized: 0};
  var network = null;
  function countText() {
    var text = nodeView.length + " nodes, " + edgeView.length + " edges";
    var folded = network ? network.body.nodeIndices.filter(function (id) {
      return network.body.nodes[id].isCluster;
    }).length : 0;
    return folded ? text + " (" + plural(folded, "group", "groups") + " folded: click to open)" : text;
  }

  function describeGroup(id) {
    var box = el("div"), inside = network.getNodesInCluster(id);
    add(box, "div", "tip-title", network.body.nodes[id].options.label);
    add(box, "div", "tip-meta", plural(inside.length, "node", "nodes") +
        " of this type with few edges, folded into one; click to open.");
    return box;
  }
  function describeFoldedEdge(id) {
    var box = el("div"), base = network.clustering.getBaseEdges(id);
    add(box, "div", "tip-meta", plural(base.length, "edge", "edges") + " to a folded group:");
    base.slice(0, 5).forEach(function (b) { box.append(describeEdge(edges.get(b).i)); });
    if (base.length > 5) { add(box, "div", "tip-meta", "… open the group to see the rest"); }
    return box;
  }
  function describe(id) {
    var node = nodes.get(id);
    if (node) { return describeNode(node.i); }
    var edge = edges.get(id);
    if (edge) { return describeEdge(edge.i); }
    if (network && network.body.nodes[id] && network.body.nodes[id].isCluster) { return describeGroup(id); }
    if (network && network.body.edges[id]) { return describeFoldedEdge(id); }
    return null;
  }
  var api = {nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, state: state,
             hiddenTypes: hiddenTypes, filters: filters, network: null, describe: describe,
             layout: layout, labels: function () { return labelBoxes; },
             evidence: function (id) { return evidenceOf(edges.get(id).i); }};
  window.mscGraph = api;

  function markReady() {
    if (state.ready) { return; }
    state.ready = true;
    status.textContent = countText();
    document.body.setAttribute("data-ready", "true");
  }
  if (data.empty) {
    add(wrap, "div", "empty", data.empty);
  }
  var options = data.options;
  var overview = layout === "overview";
  // Below large graphs (whose sectors are read by zooming in), vis-network's node labels give way
  // to ours (drawLabels), which stay readable at any zoom.
  var ownLabels = layout !== "sectors";
  if (ownLabels) {
    options = JSON.parse(JSON.stringify(data.options));
    options.nodes.scaling = {label: {drawThreshold: 100000}};
    if (overview) { options.physics.enabled = false; }  // physics waits until the overview is folded
  }
  network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  api.network = network;

  state.settling = Boolean(options.physics.enabled && options.physics.stabilization.enabled);
  function freeze() {
    state.settling = false;
    network.setOptions({physics: {enabled: false}});
    state.stabilized += 1;
    markReady();
    status.textContent = countText();
  }
  network.on("stabilizationIterationsDone", freeze);
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out " + Math.round(100 * p.iterations / p.total) + "%";
  });
  // One capped batch of physics (the same cap as the first layout), then physics off again.
  function relax(fit) {
    var iterations = data.options.physics.stabilization.iterations;
    status.textContent = "laying out";
    state.settling = true;
    network.setOptions({physics: {enabled: true,
      stabilization: {enabled: true, iterations: iterations, updateInterval: 10, fit: fit}}});
    network.stabilize(iterations);
  }

  // --- the overview: fold the rest of each type into one group node ------------------------
  var byDegree = ids.map(function (_, i) { return i; }).sort(function (a, b) {
    return degree[b] - degree[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
  });
  var rank = new Map();
  byDegree.forEach(function (i, k) { rank.set(ids[i], k); });
  function foldOverview() {
    var rest = new Map();
    byDegree.slice(data.expanded).forEach(function (i) {
      if (!nodeShown[i]) { return; }
      if (!rest.has(groupOf[i])) { rest.set(groupOf[i], []); }
      rest.get(groupOf[i]).push(ids[i]);
    });
    rest.forEach(function (members, group) {
      if (members.length < 2 || opened.has(group)) { return; }  // a lone leftover stays as it is
      var inside = new Set(members);
      network.cluster({
        joinCondition: function (o) { return inside.has(o.id); },
        clusterNodeProperties: {
          id: "group:" + group, group: group, borderWidth: 3, shapeProperties: {borderDashes: [5, 3]},
          label: (typeNames.get(group) || group) + ": " + members.length + " more",
          size: Math.round(14 + 3 * Math.sqrt(members.length))},
        // the lines into a group are many and say little until it is opened: drawn quiet
        clusterEdgeProperties: {color: {color: "#c8c8c8", highlight: "#888888", hover: "#888888", opacity: 0.6},
                                width: 1, dashes: false}
      });
    });
  }
  function spiral(at, old) {  // opened members around where their group was, best-connected first
    var out = {};
    Object.keys(old).sort(function (a, b) { return rank.get(a) - rank.get(b); }).forEach(function (id, k) {
      var r = 45 * Math.sqrt(k + 1), angle = k * 2.39996;
      out[id] = {x: at.x + r * Math.cos(angle), y: at.y + r * Math.sin(angle)};
    });
    return out;
  }
  function folded() {
    return network.body.nodeIndices.filter(function (id) { return network.body.nodes[id].isCluster; });
  }
  var opened = new Set();  // the groups the reader opened stay open
  function openGroup(id, settle) {
    clearHighlight();
    opened.add(network.body.nodes[id].options.group);
    network.openCluster(id, {releaseFunction: spiral});
    if (settle !== false) { relax(false); }
  }
  function openAll() {
    folded().forEach(function (id) { openGroup(id, false); });
    relax(true);
  }
  api.openGroup = openGroup;
  api.openAll = openAll;
  api.folded = folded;
  var expandButton = document.getElementById("expand");
  expandButton.addEventListener("click", openAll);

  // --- labels of the overview: a fixed size on screen, never on top of each other ----------
  // vis-network scales labels with the zoom, so a whole-graph view has none readable. Here every
  // label is LABEL_PX on screen; the best-connected nodes (and groups) are labelled first, and a
  // label that would overlap one already drawn, or leave the canvas, is left out until zoomed in.
  var LABEL_PX = 13, labelBoxes = [], widths = new Map();
  function labelRank(id) {  // a source or target first, then groups, then by degree
    var node = network.body.nodes[id];
    return node.isCluster ? -1 : node.options.role ? -2 : rank.get(id);
  }
  function shortLabel(text) { return text.length > 32 ? text.slice(0, 30) + "…" : text; }
  function drawLabels(ctx) {
    var ratio = network.canvas.pixelRatio || 1, scale = network.getScale();
    var width = container.clientWidth, height = container.clientHeight;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = LABEL_PX + "px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
    ctx.fillStyle = "#222";
    var placed = [];
    var order = network.body.nodeIndices.slice().sort(function (a, b) {
      return labelRank(a) - labelRank(b);
    });
    order.forEach(function (id) {
      var node = network.body.nodes[id];
      if (node.options.opacity !== undefined && node.options.opacity < 1) { return; }
      var text = shortLabel(node.isCluster ? node.options.label : labels[nodes.get(id).i]);
      if (!widths.has(text)) { widths.set(text, ctx.measureText(text).width); }
      var w = widths.get(text), p = network.canvasToDOM({x: node.x, y: node.y});
      if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) { return; }
      var r = (node.options.size || 10) * scale;
      // under the node, moved sideways or above it where the canvas edge would cut it
      var box = {id: id, text: text, px: LABEL_PX, x: Math.min(Math.max(p.x - w / 2 - 2, 0), width - w - 4),
                 y: p.y + r + 3, w: w + 4, h: LABEL_PX + 4};
      if (box.y + box.h > height) { box.y = p.y - r - 3 - box.h; }
      if (box.x < 0 || box.y < 0) { return; }
      for (var k = 0; k < placed.length; k++) {
        var o = placed[k];
        if (box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h) {
          return;
        }
      }
      placed.push(box);
      ctx.strokeText(text, box.x + box.w / 2, box.y + 2);
      ctx.fillText(text, box.x + box.w / 2, box.y + 2);
    });
    ctx.restore();
    labelBoxes = placed;
  }

  if (overview) {
    foldOverview();
    if (folded().length) { expandButton.hidden = false; }
    relax(true);
  } else if (!options.physics.enabled || nodeCount === 0) {
    network.once("afterDrawing", markReady);
    window.setTimeout(markReady, 0);
  }
  if (ownLabels) { network.on("afterDrawing", drawLabels); }
  function whenLaidOut(run) {  // now, or once the layout that is running has settled
    if (!state.settling) { window.setTimeout(run, 0); return; }
    network.once("stabilizationIterationsDone", function () { window.setTimeout(run, 0); });
  }

  // --- highlight: a node and its neighbours (or an edge and its ends) at full opacity --------
  var dimFont = "rgba(52, 52, 52, 0.2)", plainFont = "#343434";
  function highlight(keepNodes, keepEdges) {  // null: everything back at full opacity
    var nodeUpdates = [], edgeUpdates = [];
    nodes.forEach(function (n) {
      var on = !keepNodes || keepNodes.has(n.id), want = on ? 1 : FADED;
      if ((n.opacity === undefined ? 1 : n.opacity) === want) { return; }
      var font = Object.assign({}, nodeItems[n.i].font || {}, {color: on ? plainFont : dimFont});
      nodeUpdates.push({id: n.id, opacity: want, font: font});
    });
    edges.forEach(function (e) {
      var want = !keepEdges || keepEdges.has(e.id) ? e.base : FADED / 2;
      if (e.color.opacity === want) { return; }
      var update = {id: e.id, color: Object.assign({}, e.color, {opacity: want})};
      // a faded edge's predicate label goes with it: faint labels of every other chain overlap
      if (data.edgeLabels) {
        update.font = want < e.base ? {color: "rgba(0, 0, 0, 0)", strokeWidth: 0} : {color: plainFont, strokeWidth: 2};
      }
      edgeUpdates.push(update);
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    // group nodes and the edges to them are network objects only: set their opacity there
    network.body.nodeIndices.forEach(function (id) {
      var node = network.body.nodes[id];
      if (node.isCluster) {
        var inside = network.getNodesInCluster(id);
        var on = !keepNodes || keepNodes.has(id) || inside.some(function (m) { return keepNodes.has(m); });
        node.options.opacity = on ? 1 : FADED;
      }
    });
    network.body.edgeIndices.forEach(function (id) {
      var edge = network.body.edges[id];
      if (id.indexOf("clusterEdge:") === 0) {
        var on = !keepNodes || (keepNodes.has(edge.fromId) || network.body.nodes[edge.fromId].isCluster) &&
          (keepNodes.has(edge.toId) || network.body.nodes[edge.toId].isCluster) &&
          network.clustering.getBaseEdges(id).some(function (b) { return keepEdges.has(b); });
        edge.options.color.opacity = on ? 1 : FADED / 2;
      }
    });
    state.highlighted = keepNodes ? Array.from(keepNodes) : null;
    network.redraw();
  }
  function clearHighlight() { if (state.highlighted) { highlight(null, null); } }
  function highlightNode(id) {
    var i = nodes.get(id).i, keepNodes = new Set([id]), keepEdges = new Set();
    incident[i].forEach(function (e) {
      if (!edgeShown[e]) { return; }
      keepEdges.add(edgeItems[e].id);
      keepNodes.add(ids[from[e]]);
      keepNodes.add(ids[to[e]]);
    });
    highlight(keepNodes, keepEdges);
  }
  function highlightEdge(id) {
    var edge = edges.get(id);
    if (!edge) { return; }
    highlight(new Set([edge.from, edge.to]), new Set([id]));
  }
  api.highlightNode = highlightNode;
  api.highlightEdge = highlightEdge;
  api.clearHighlight = clearHighlight;

  // --- tooltip on hover, details panel on click ---------------------------------------------
  var pointer = {x: 0, y: 0};
  container.addEventListener("mousemove", function (event) {
    var box = container.getBoundingClientRect();
    pointer.x = event.clientX - box.left;
    pointer.y = event.clientY - box.top;
    if (tooltip.style.display === "block") { place(); }
  });
  function place() {
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tooltip.offsetWidth > container.clientWidth) {
      x = Math.max(0, pointer.x - tooltip.offsetWidth - 14);
    }
    if (y + tooltip.offsetHeight > container.clientHeight) {
      y = Math.max(0, pointer.y - tooltip.offsetHeight - 14);
    }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function showTip(id) {
    var content = describe(id);
    if (!content) { return; }
    tooltip.replaceChildren(content);
    tooltip.style.display = "block";
    place();
  }
  function hideTip() { tooltip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTip(p.node); });
  network.on("hoverEdge", function (p) { showTip(p.edge); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // A node's panel also lists its drawn edges; each opens that edge's evidence.
  function listEdges(box, i) {
    var shownEdges = incident[i].filter(function (e) { return edgeShown[e]; });
    if (!shownEdges.length) { return; }
    add(box, "div", "tip-meta", "Edges (click one for its evidence):");
    var list = add(box, "ol", "neighbours");
    shownEdges.slice(0, 200).forEach(function (e) {
      var item = add(list, "li", null, labels[from[e]] + " ");
      add(item, "span", "pred", predicateOf(e)[1]);
      item.append(" " + labels[to[e]]);
      item.addEventListener("click", function () { showDetails(edgeItems[e].id); highlightEdge(edgeItems[e].id); });
    });
  }
  function showDetails(id) {
    var content = describe(id);
    if (!content) { return; }
    var node = nodes.get(id);
    if (node && !(more[node.i] && more[node.i].study !== undefined)) { listEdges(content, node.i); }
    details.replaceChildren(content);
    details.parentNode.scrollTop = 0;
  }
  api.showDetails = showDetails;
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (network.isCluster(id)) { openGroup(id); return; }
      showDetails(id);
      highlightNode(id);
    } else if (p.edges.length) {
      showDetails(p.edges[0]);
      if (edges.get(p.edges[0])) { highlightEdge(p.edges[0]); }
    } else {
      network.unselectAll();
      clearHighlight();
    }
  });

  // --- filter controls ------------------------------------------------------------------------
  // On the overview, groups are unfolded before the views change (vis-network would otherwise
  // dissolve a group that loses members and add the members back unplaced), then what is left
  // is folded again (except the groups the reader opened) and the layout settles.
  function refilter() {
    clearHighlight();
    var refold = overview;
    if (refold) { folded().forEach(function (id) { network.openCluster(id, {releaseFunction: spiral}); }); }
    decideShown();
    nodeView.refresh();
    edgeView.refresh();
    if (refold) {
      foldOverview();
      relax(false);
    }
    status.textContent = countText() + " shown";
  }
  api.refilter = refilter;
  function bindBoxes(selector, attribute, hidden) {
    document.querySelectorAll(selector).forEach(function (box) {
      box.addEventListener("change", function () {
        var key = box.getAttribute(attribute);
        if (box.checked) { hidden.delete(key); } else { hidden.add(key); }
        refilter();
      });
    });
  }
  bindBoxes("#types input[data-type]", "data-type", hiddenTypes);
  bindBoxes("#kinds input[data-kind]", "data-kind", hiddenKinds);
  bindBoxes("#bases input[data-basis]", "data-basis", hiddenBases);
  var studyMenu = document.getElementById("study-filter");
  if (studyMenu) {
    studyMenu.addEventListener("change", function () {
      filters.study = studyMenu.value;
      refilter();
    });
  }
  function clearFilters() {
    [hiddenTypes, hiddenKinds, hiddenBases].forEach(function (set) { set.clear(); });
    filters.study = "";
    if (studyMenu) { studyMenu.value = ""; }
    document.querySelectorAll("#filters input[type=checkbox]").forEach(function (box) { box.checked = true; });
    refilter();
  }

  var relayout = document.getElementById("relayout");
  if (layout === "flow") { relayout.hidden = true; }  // the columns are the layout
  relayout.addEventListener("click", function () { clearHighlight(); relax(true); });

  // --- search -------------------------------------------------------------------------------
  var index = [];
  ids.forEach(function (id, i) {
    index.push({key: labels[i].toLowerCase(), id: id, label: labels[i], why: ""});
    ((more[i] && more[i].syn) || []).forEach(function (s) {
      index.push({key: s.toLowerCase(), id: id, label: labels[i], why: s});
    });
  });
  function findMatches(text) {
    var query = text.trim().toLowerCase();
    if (!query) { return []; }
    var exact = [], starts = [], contains = [], seen = new Set();
    index.forEach(function (entry) {
      if (entry.key === query) { exact.push(entry); }
      else if (entry.key.indexOf(query) === 0) { starts.push(entry); }
      else if (entry.key.indexOf(query) > 0) { contains.push(entry); }
    });
    return exact.concat(starts, contains).filter(function (entry) {
      if (seen.has(entry.id)) { return false; }
      seen.add(entry.id);
      return true;
    }).slice(0, 15);
  }
  function focusNode(id) {
    suggestions.textContent = "";
    if (!nodeShown[nodes.get(id).i]) { clearFilters(); }  // the reader asked for it: show it
    var path = network.clustering.findNode(id);
    function go() {
      network.selectNodes([id]);
      network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 400}});
      showDetails(id);
      highlightNode(id);
    }
    if (path.length > 1) {  // inside a folded group: open it, let the layout settle, then go
      openGroup(path[0]);
      whenLaidOut(go);
    } else {
      go();
    }
  }
  api.focusNode = focusNode;
  api.findMatches = findMatches;
  search.addEventListener("input", function () {
    suggestions.textContent = "";
    findMatches(search.value).forEach(function (entry) {
      var item = add(suggestions, "li", null, entry.label);
      if (entry.why) { add(item, "span", "why", " (" + entry.why + ")"); }
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        search.value = entry.label;
        focusNode(entry.id);
      });
    });
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = findMatches(search.value);
      if (found.length) { focusNode(found[0].id); }
      else { status.textContent = "no node matches"; }
    } else if (event.key === "Escape") {
      suggestions.textContent = "";
    }
  });
  search.addEventListener("blur", function () { suggestions.textContent = ""; });
  document.addEventListener("keydown", function (event) {  // Escape outside the search box: as a background click
    if (event.key === "Escape" && event.target !== search) {
      network.unselectAll();
      clearHighlight();
    }
  });

  // --- chains of a paths page ----------------------------------------------------------------
  var chainList = document.getElementById("chains");
  function showChain(chain, item) {
    chainList.querySelectorAll("li").forEach(function (li) { li.classList.remove("active"); });
    item.classList.add("active");
    network.setSelection({nodes: chain.nodes, edges: chain.edges}, {highlightEdges: false});
    highlight(new Set(chain.nodes), new Set(chain.edges));
  }
  data.chains.forEach(function (chain) {
    var item = add(chainList, "li", null, chain.text);
    item.addEventListener("click", function () {
      showChain(chain, item);
      network.fit({nodes: chain.nodes, animation: {duration: 400}});
    });
  });
  if (data.chains.length) {
    whenLaidOut(function () { showChain(data.chains[0], chainList.firstChild); });
  }
})();

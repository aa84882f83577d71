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
      var meta = add(item, "div", "tip-meta", "read in " + r.readIn + " · " + r.kind + " " + r.locator);
      if (r.basis !== "stated") { meta.append(" · "); add(meta, "span", r.basis, r.basis); }
      if (r.basis === "inferred") { add(item, "div", "inferred", "inferred: " + r.inferredFrom); }
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
  var positions = data.large ? sectorLayout() : null;
  var nodeItems = ids.map(function (id, i) {
    var item = {id: id, label: labels[i], group: groupOf[i], i: i,
                size: Math.round(10 * (10 + 4 * Math.log2(1 + degree[i]))) / 10};
    if (more[i] && more[i].role) {
      item.role = more[i].role;
      item.borderWidth = 4;
      item.size += 6;
      item.font = {size: 18};
    }
    if (positions) { item.x = positions[i][0]; item.y = positions[i][1]; }
    return item;
  });
  var siblings = new Map();
  // An edge whose every piece of evidence is inferred (our reading, not the author's) is drawn
  // faded with a round head: a style no other kind uses (dashes mean no change or descriptive).
  function inferredOnly(rows) {
    return rows.length > 0 && rows.every(function (r) { return r.basis === "inferred"; });
  }
  var edgeItems = from.map(function (source, e) {
    var p = predicateOf(e), style = data.kinds[p[2]], rows = evidenceOf(e), n = studyCount(rows);
    var item = {id: edgeId(e), from: ids[source], to: ids[to[e]], i: e, kind: p[2], n: n,
                color: {color: style[0], highlight: style[0], hover: style[0]},
                width: Math.round(10 * (1 + (data.heavy ? 0.75 : 1.5) * Math.min(n, 6))) / 10};
    if (style[1] && !data.heavy) { item.dashes = style[1]; }
    if (inferredOnly(rows)) {
      item.inferred = true;
      item.color.opacity = 0.45;
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
  siblings.forEach(function (items) {
    if (items.length < 2) { return; }
    items.forEach(function (item, k) {
      item.smooth = {enabled: true, type: "curvedCW", roundness: 0.15 + 0.2 * k};
    });
  });

  var hiddenTypes = new Set();
  var groupById = new Map();
  ids.forEach(function (id, i) { groupById.set(id, groupOf[i]); });
  function shown(id) { return !hiddenTypes.has(groupById.get(id)); }
  var showInferred = true;
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return shown(n.id); }});
  var edgeView = new vis.DataView(edges, {filter: function (e) {
    return shown(e.from) && shown(e.to) && (showInferred || !e.inferred);
  }});
  var state = {ready: false};
  function describe(id) {
    var node = nodes.get(id);
    if (node) { return describeNode(node.i); }
    var edge = edges.get(id);
    return edge ? describeEdge(edge.i) : null;
  }
  var api = {nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, state: state,
             hiddenTypes: hiddenTypes, network: null, describe: describe,
             evidence: function (id) { return evidenceOf(edges.get(id).i); }};
  window.mscGraph = api;

  function markReady() {
    if (state.ready) { return; }
    state.ready = true;
    status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges";
    document.body.setAttribute("data-ready", "true");
  }
  if (data.empty) {
    add(wrap, "div", "empty", data.empty);
  }
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, data.options);
  api.network = network;

  function freeze() {
    network.setOptions({physics: {enabled: false}});
    state.stabilized = (state.stabilized || 0) + 1;
    markReady();
    status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges";
  }
  network.on("stabilizationIterationsDone", freeze);
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (!data.options.physics.enabled || nodeCount === 0) {
    network.once("afterDrawing", markReady);
    window.setTimeout(markReady, 0);
  }

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
    tooltip.replaceChildren(describe(id));
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

  function showDetails(id) {
    var content = describe(id);
    if (content) { details.replaceChildren(content); }
  }
  api.showDetails = showDetails;
  network.on("click", function (p) {
    if (p.nodes.length) { showDetails(p.nodes[0]); }
    else if (p.edges.length) { showDetails(p.edges[0]); }
  });

  document.querySelectorAll("#types input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () {
      var type = box.getAttribute("data-type");
      if (box.checked) { hiddenTypes.delete(type); } else { hiddenTypes.add(type); }
      nodeView.refresh();
      edgeView.refresh();
      status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges shown";
    });
  });

  var inferredBox = document.getElementById("show-inferred");
  if (inferredBox) {
    inferredBox.addEventListener("change", function () {
      showInferred = inferredBox.checked;
      edgeView.refresh();
      status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges shown";
    });
  }

  var relayout = document.getElementById("relayout");
  relayout.addEventListener("click", function () {
    var iterations = data.options.physics.stabilization.iterations;
    status.textContent = "laying out";
    network.setOptions({physics: {enabled: true,
      stabilization: {enabled: true, iterations: iterations, updateInterval: 10}}});
    network.stabilize(iterations);
  });

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
    var type = groupById.get(id);
    if (hiddenTypes.has(type)) {
      hiddenTypes.delete(type);
      document.querySelectorAll("#types input[type=checkbox]").forEach(function (box) {
        if (box.getAttribute("data-type") === type) { box.checked = true; }
      });
      nodeView.refresh();
      edgeView.refresh();
    }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 400}});
    showDetails(id);
    suggestions.textContent = "";
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

  var chainList = document.getElementById("chains");
  data.chains.forEach(function (chain) {
    var item = add(chainList, "li", null, chain.text);
    item.addEventListener("click", function () {
      chainList.querySelectorAll("li").forEach(function (li) { li.classList.remove("active"); });
      item.classList.add("active");
      network.setSelection({nodes: chain.nodes, edges: chain.edges}, {highlightEdges: false});
      network.fit({nodes: chain.nodes, animation: {duration: 400}});
    });
  });
  if (data.chains.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setSelection({nodes: data.chains[0].nodes, edges: data.chains[0].edges},
                           {highlightEdges: false});
      chainList.firstChild.classList.add("active");
    });
  }
})();

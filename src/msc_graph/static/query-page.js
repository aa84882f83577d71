// The query page of `mscgraph serve`. Every value from the server is written with textContent
// (never as markup), and a link is made only for an http(s) IRI.
"use strict";
(() => {
  const editor = document.getElementById("query");
  const result = document.getElementById("result");
  const runStatus = document.getElementById("status");
  const picker = document.getElementById("named");
  const about = document.getElementById("named-about");
  const fields = document.getElementById("named-params");
  const use = document.getElementById("named-use");
  const namedStatus = document.getElementById("named-status");
  const queries = new Map();
  let prefixes = {};
  let asked = 0; // the latest binding asked for: an older answer arriving late is dropped

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function say(target, text, isError) {
    target.textContent = text;
    target.className = isError ? "error" : "";
  }

  // entity:gfap for https://w3id.org/msc-graph/entity/gfap (the longest namespace wins)
  function compact(iri) {
    let best = null;
    for (const [name, namespace] of Object.entries(prefixes)) {
      const local = iri.slice(namespace.length);
      if (iri.startsWith(namespace) && local && !/[\s/#?]/.test(local)
          && (best === null || namespace.length > prefixes[best].length)) best = name;
    }
    return best === null ? iri : best + ":" + iri.slice(prefixes[best].length);
  }

  function isWebIri(value) {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }

  function fillCell(td, term) {
    if (!term) return;
    if (term.type === "uri" && isWebIri(term.value)) {
      const link = element("a", compact(term.value));
      link.href = term.value;
      link.title = term.value;
      link.rel = "noopener noreferrer";
      td.appendChild(link);
    } else if (term.type === "uri") {
      td.textContent = compact(term.value);
    } else {
      td.textContent = term.type === "literal" && term["xml:lang"] ? term.value + "@" + term["xml:lang"] : term.value;
    }
  }

  function showTable(data) {
    if ("boolean" in data) {
      result.textContent = String(data.boolean);
      return;
    }
    const table = element("table");
    table.id = "results";
    const head = table.createTHead().insertRow();
    for (const name of data.head.vars) head.appendChild(element("th", name));
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of data.head.vars) fillCell(row.insertCell(), binding[name]);
    }
    result.appendChild(table);
    result.appendChild(element("p", data.results.bindings.length + " row(s)"));
  }

  async function run(event) {
    event.preventDefault();
    result.textContent = "";
    say(runStatus, "running...");
    const format = document.getElementById("format").value;
    const body = new URLSearchParams({query: editor.value, format});
    const started = performance.now();
    let response;
    try {
      response = await fetch("query", {method: "POST", body});
    } catch (error) {
      say(runStatus, "the server did not answer: " + error, true);
      return;
    }
    const text = await response.text();
    const capped = response.headers.get("X-Result-Truncated");
    say(runStatus, response.status + " in " + Math.round(performance.now() - started) + " ms"
      + (capped ? " (" + capped + ")" : ""));
    if (!response.ok) {
      result.appendChild(element("p", text, "error"));
      return;
    }
    if (!(response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
      result.appendChild(element("pre", text));
      return;
    }
    showTable(JSON.parse(text));
  }

  function showParameters() {
    fields.textContent = "";
    const query = queries.get(picker.value);
    about.textContent = query ? query.description : "";
    use.disabled = !query;
    if (!query) return;
    for (const param of query.params) {
      const line = element("p");
      const label = element("label", param.name + " ");
      const input = element("input");
      input.type = "text";
      input.value = param.default;
      input.dataset.param = param.name;
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") bind();
      });
      label.appendChild(input);
      line.appendChild(label);
      line.appendChild(element("span", " " + param.meaning + " (default: " + param.default + ")", "meaning"));
      fields.appendChild(line);
    }
  }

  // The server binds the parameters as `mscgraph query NAME --param` does and adds the PREFIX lines.
  async function bind() {
    const query = queries.get(picker.value);
    if (!query) return;
    const ticket = ++asked;
    const values = new URLSearchParams();
    for (const input of fields.querySelectorAll("input[data-param]")) values.set(input.dataset.param, input.value);
    say(namedStatus, "binding...");
    let response;
    try {
      response = await fetch("named/" + encodeURIComponent(query.name) + "?" + values);
    } catch (error) {
      if (ticket === asked) say(namedStatus, "the server did not answer: " + error, true);
      return;
    }
    const text = await response.text();
    if (ticket !== asked) return;
    if (!response.ok) {
      say(namedStatus, text.trim(), true);
      return;
    }
    editor.value = JSON.parse(text).query;
    say(namedStatus, query.name + " is in the editor: press Run");
  }

  async function loadNamed() {
    try {
      const response = await fetch("named");
      if (!response.ok) throw new Error(response.status + " " + (await response.text()));
      const data = await response.json();
      prefixes = data.prefixes;
      for (const query of data.queries) {
        queries.set(query.name, query);
        const option = element("option", query.title + " (" + query.name + ")");
        option.value = query.name;
        picker.appendChild(option);
      }
    } catch (error) {
      say(namedStatus, "cannot list the named queries: " + error.message, true);
    }
  }

  document.getElementById("form").addEventListener("submit", run);
  picker.addEventListener("change", () => {
    showParameters();
    bind();
  });
  use.addEventListener("click", bind);
  loadNamed().finally(() => {
    document.body.dataset.ready = "true";
  });
})();

/*
 * What both Cockpit plugins share: reading the engine's REST API as the logged-in Cockpit user, loading
 * the libraries the application serves from webjars, and writing HTML safely.
 *
 * The engine is read through the webapp's own copy of the REST API (`api.engineApi`,
 * /camunda/api/engine/engine/{name}), which authenticates by the Cockpit session and checks the user's
 * authorizations like every Cockpit page: pat, the process owner, reads history and changes nothing.
 * These plugins only ever send GET.
 */

/** Where the webapps are: {context path}/camunda (camunda.bpm.webapp.application-path). */
export function appRoot() {
  return document.querySelector('base').getAttribute('app-root') || '/camunda';
}

/** The servlet context path, where Spring Boot serves /webjars and /api. */
export function contextPath() {
  return appRoot().replace(/\/[^/]*$/, '');
}

/** The libraries, served by Spring Boot from the Maven Central webjars in pom.xml (same versions). */
export const LIBRARIES = {
  bpmnViewer: '/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js',
  bpmnCss: ['/webjars/bpmn-js/8.0.0/dist/assets/diagram-js.css',
    '/webjars/bpmn-js/8.0.0/dist/assets/bpmn-font/css/bpmn.css'],
  chart: '/webjars/chart.js/4.4.9/dist/chart.umd.js'
};

const loaded = {};

/** Loads a classic script once (a UMD bundle that sets a global) and resolves with that global. */
export function loadScript(path, globalName) {
  if (!loaded[path]) {
    loaded[path] = new Promise((resolve, reject) => {
      if (window[globalName]) {
        resolve(window[globalName]);
        return;
      }
      const script = document.createElement('script');
      script.src = contextPath() + path;
      script.onload = () => resolve(window[globalName]);
      script.onerror = () => reject(new Error('Could not load ' + script.src));
      document.head.appendChild(script);
    });
  }
  return loaded[path];
}

/** Adds a style sheet once; href is a path from the server's root. */
export function loadCss(href) {
  if (!document.querySelector('link[href="' + href + '"]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }
}

/** GET {engineApi}{path} as the Cockpit user; rejects with the engine's message on any other status than 200. */
export async function engineGet(api, path) {
  const response = await fetch(api.engineApi + path, {
    method: 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
  });
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try {
      const body = await response.json();
      message = body.message || message;
    } catch (notJson) {
      // the status line says enough
    }
    throw new Error(message);
  }
  return response.json();
}

/**
 * POST of one of the engine's history queries (a query in JSON, e.g. a variable filter): reads only.
 * Any path not under /history/ is refused here, so no plugin sends a change by mistake.
 */
export async function enginePostQuery(api, path, query) {
  if (!path.startsWith('/history/')) {
    throw new Error('Only history queries are posted: ' + path);
  }
  const response = await fetch(api.engineApi + path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
    body: JSON.stringify(query)
  });
  if (!response.ok) {
    throw new Error(response.status + ' ' + response.statusText);
  }
  return response.json();
}

/** GET of the application's own API (/api/...) with the Cockpit session. */
export async function appGet(path) {
  const response = await fetch(contextPath() + path, {
    method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' }
  });
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try {
      const body = await response.json();
      message = body.detail || body.title || message;
    } catch (notJson) {
      // the status line says enough
    }
    throw new Error(message);
  }
  return response.json();
}

export function escapeHtml(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A timestamp of the engine (ISO with offset) as the browser's local date and time, minutes. */
export function formatTime(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return isNaN(date) ? String(value) : date.toLocaleString(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  });
}

/** The plugins' look, once per page. */
export function loadStyles() {
  loadCss(appRoot() + '/app/cockpit/scripts/handoff/handoff-cockpit.css');
}

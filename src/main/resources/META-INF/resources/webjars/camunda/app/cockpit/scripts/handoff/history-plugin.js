/*
 * Cockpit page "History" (#/history): finds running and finished handoffs and SMB cases by ticket id or
 * case key and shows one with the path it took on its diagram, its variables and its decisions.
 * Community Cockpit shows running instances only; this reads the engine's history.
 *
 * Read-only: it sends GET, and POST only to the history query (POST /history/process-instance, which
 * takes a variable filter as JSON and changes nothing). What a user sees is what their authorizations
 * let them read (READ_HISTORY on the process and decision definitions).
 */
import {
  LIBRARIES, engineGet, enginePostQuery, escapeHtml, formatTime, loadCss, loadScript, loadStyles, contextPath
} from './engine.js';

const ROUTE = '/history';

/** The variables that name a ticket or a case besides the business key. */
const KEY_VARIABLES = ['ticketId', 'caseKey'];

const STATES = {
  ACTIVE: 'running',
  SUSPENDED: 'suspended',
  COMPLETED: 'finished',
  EXTERNALLY_TERMINATED: 'ended from outside',
  INTERNALLY_TERMINATED: 'ended by the process'
};

function searchFromHash() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('q') || '';
}

async function findInstances(api, key) {
  const byBusinessKey = engineGet(api, '/history/process-instance?sortBy=startTime&sortOrder=desc&processInstanceBusinessKey='
    + encodeURIComponent(key));
  const byVariables = KEY_VARIABLES.map(name => enginePostQuery(api, '/history/process-instance?sortBy=startTime&sortOrder=desc', {
    variables: [{ name, operator: 'eq', value: key }]
  }));
  const lists = await Promise.all([byBusinessKey, ...byVariables]);
  const seen = new Map();
  lists.flat().forEach(instance => seen.set(instance.id, instance));
  return [...seen.values()].sort((a, b) => String(b.startTime).localeCompare(String(a.startTime)));
}

function instanceRows(instances) {
  if (!instances.length) {
    return '<p class="handoff-empty">Nothing found: no handoff or SMB case has this ticket id or case key.</p>';
  }
  return '<table class="table table-condensed handoff-results"><thead><tr><th>Process</th><th>Ticket / case</th>'
    + '<th>Started</th><th>Ended</th><th>State</th><th></th></tr></thead><tbody>'
    + instances.map(instance => '<tr data-instance-id="' + escapeHtml(instance.id) + '" data-process="'
      + escapeHtml(instance.processDefinitionKey) + '">'
      + '<td>' + escapeHtml(instance.processDefinitionName || instance.processDefinitionKey)
      + (instance.superProcessInstanceId ? ' <span class="handoff-muted">(called)</span>' : '') + '</td>'
      + '<td>' + escapeHtml(instance.businessKey) + '</td>'
      + '<td>' + escapeHtml(formatTime(instance.startTime)) + '</td>'
      + '<td>' + escapeHtml(formatTime(instance.endTime)) + '</td>'
      + '<td class="handoff-state">' + escapeHtml(STATES[instance.state] || instance.state) + '</td>'
      + '<td><button type="button" class="btn btn-default btn-xs handoff-open">Show</button></td></tr>').join('')
    + '</tbody></table>';
}

function valueText(value) {
  if (value === null || value === undefined) {
    return '(empty)';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function variablesTable(variables) {
  if (!variables.length) {
    return '<p class="handoff-empty">No variables.</p>';
  }
  return '<table class="table table-condensed handoff-variables"><thead><tr><th>Name</th><th>Type</th><th>Value</th></tr></thead><tbody>'
    + variables.map(variable => '<tr data-variable="' + escapeHtml(variable.name) + '"><td>' + escapeHtml(variable.name)
      + '</td><td>' + escapeHtml(variable.type) + '</td><td class="handoff-value">' + escapeHtml(valueText(variable.value))
      + '</td></tr>').join('')
    + '</tbody></table>';
}

function clauses(entries, nameOf) {
  return entries.map(entry => '<tr><td>' + escapeHtml(nameOf(entry)) + '</td><td class="handoff-value">'
    + escapeHtml(valueText(entry.value)) + '</td></tr>').join('');
}

function decisionsList(decisions) {
  if (!decisions.length) {
    return '<p class="handoff-empty">No decision was evaluated.</p>';
  }
  return decisions.map(decision => '<section class="handoff-decision" data-decision="' + escapeHtml(decision.decisionDefinitionKey) + '">'
    + '<h4>' + escapeHtml(decision.decisionDefinitionName || decision.decisionDefinitionKey)
    + ' <small>' + escapeHtml(formatTime(decision.evaluationTime)) + (decision.activityId ? ', at ' + escapeHtml(decision.activityId) : '')
    + '</small></h4>'
    + '<table class="table table-condensed"><thead><tr><th>Input</th><th>Value</th></tr></thead><tbody>'
    + clauses(decision.inputs || [], input => input.clauseName || input.clauseId) + '</tbody></table>'
    + '<table class="table table-condensed"><thead><tr><th>Output</th><th>Value</th></tr></thead><tbody>'
    + clauses(decision.outputs || [], output => (output.clauseName || output.variableName)
      + (output.ruleOrder ? ' (rule ' + output.ruleOrder + ')' : '')) + '</tbody></table>'
    + '</section>').join('');
}

/** The flows a path took: both ends passed, the target entered after the source was left. */
function takenFlows(registry, activities) {
  const ends = new Map();
  const starts = new Map();
  activities.forEach(activity => {
    if (activity.endTime) {
      ends.set(activity.activityId, [...(ends.get(activity.activityId) || []), activity.endTime]);
    }
    starts.set(activity.activityId, [...(starts.get(activity.activityId) || []), activity.startTime]);
  });
  return registry.filter(element => element.type === 'bpmn:SequenceFlow').filter(flow => {
    const sourceEnds = ends.get(flow.businessObject.sourceRef.id) || [];
    const targetStarts = starts.get(flow.businessObject.targetRef.id) || [];
    return sourceEnds.some(end => targetStarts.some(start => start >= end));
  });
}

async function drawPath(container, api, instance, activities) {
  loadStyles();
  LIBRARIES.bpmnCss.forEach(path => loadCss(contextPath() + path));
  const [BpmnViewer, definition] = await Promise.all([
    loadScript(LIBRARIES.bpmnViewer, 'BpmnJS'),
    engineGet(api, '/process-definition/' + encodeURIComponent(instance.processDefinitionId) + '/xml')
  ]);
  const viewer = new BpmnViewer({ container });
  await viewer.importXML(definition.bpmn20Xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  canvas.zoom('fit-viewport');
  const counts = new Map();
  activities.forEach(activity => {
    if (!registry.get(activity.activityId)) {
      return;
    }
    counts.set(activity.activityId, (counts.get(activity.activityId) || 0) + 1);
    const marker = !activity.endTime ? 'handoff-active' : activity.canceled ? 'handoff-canceled' : 'handoff-passed';
    canvas.addMarker(activity.activityId, marker);
  });
  takenFlows(registry, activities).forEach(flow => canvas.addMarker(flow.id, 'handoff-taken'));
  counts.forEach((count, activityId) => {
    if (count > 1) {
      overlays.add(activityId, { position: { top: -10, right: 10 }, html: '<span class="handoff-count">' + count + '&times;</span>' });
    }
  });
  return viewer;
}

async function showInstance(node, api, instanceId) {
  const detail = node.querySelector('.handoff-detail');
  detail.innerHTML = '<p class="handoff-muted">Loading…</p>';
  try {
    const id = encodeURIComponent(instanceId);
    const [instance, activities, variables, decisions, called] = await Promise.all([
      engineGet(api, '/history/process-instance/' + id),
      engineGet(api, '/history/activity-instance?sortBy=startTime&sortOrder=asc&processInstanceId=' + id),
      engineGet(api, '/history/variable-instance?deserializeValues=false&sortBy=variableName&sortOrder=asc&processInstanceIdIn=' + id),
      engineGet(api, '/history/decision-instance?includeInputs=true&includeOutputs=true&disableBinaryFetching=true'
        + '&disableCustomObjectDeserialization=true&sortBy=evaluationTime&sortOrder=asc&processInstanceId=' + id),
      engineGet(api, '/history/process-instance?sortBy=startTime&sortOrder=asc&superProcessInstanceId=' + id)
    ]);
    const related = [];
    if (instance.superProcessInstanceId) {
      related.push('<button type="button" class="btn btn-link handoff-related" data-instance-id="'
        + escapeHtml(instance.superProcessInstanceId) + '">the process that called it</button>');
    }
    called.forEach(child => related.push('<button type="button" class="btn btn-link handoff-related" data-instance-id="'
      + escapeHtml(child.id) + '">' + escapeHtml(child.processDefinitionName || child.processDefinitionKey) + '</button>'));
    detail.innerHTML = '<h3 class="handoff-instance-title" data-instance-id="' + escapeHtml(instance.id) + '">'
      + escapeHtml(instance.processDefinitionName || instance.processDefinitionKey) + ' · '
      + '<span class="handoff-business-key">' + escapeHtml(instance.businessKey) + '</span></h3>'
      + '<p><span class="handoff-instance-state">' + escapeHtml(STATES[instance.state] || instance.state) + '</span>; started '
      + escapeHtml(formatTime(instance.startTime)) + (instance.endTime ? ', ended ' + escapeHtml(formatTime(instance.endTime)) : '')
      + (instance.endActivityId ? ' at ' + escapeHtml(instance.endActivityId) : '') + '</p>'
      + (related.length ? '<p>Also open: ' + related.join(' · ') + '</p>' : '')
      + '<div class="handoff-diagram"></div>'
      + '<p class="handoff-legend"><span class="handoff-key handoff-key-passed"></span> passed '
      + '<span class="handoff-key handoff-key-active"></span> waiting there now '
      + '<span class="handoff-key handoff-key-canceled"></span> interrupted; n&times; passed n times</p>'
      + '<div class="row"><div class="col-md-6"><h4>Variables</h4>' + variablesTable(variables) + '</div>'
      + '<div class="col-md-6"><h4>Decisions</h4>' + decisionsList(decisions) + '</div></div>';
    detail.querySelectorAll('.handoff-related').forEach(button =>
      button.addEventListener('click', () => showInstance(node, api, button.getAttribute('data-instance-id'))));
    await drawPath(detail.querySelector('.handoff-diagram'), api, instance, activities);
    detail.querySelector('.handoff-diagram').setAttribute('data-drawn', 'true');
  } catch (failure) {
    detail.innerHTML = '<p class="alert alert-danger handoff-error">' + escapeHtml(failure.message) + '</p>';
  }
}

function renderPage(node, { api }) {
  loadStyles();
  node.innerHTML = '<div class="handoff-page handoff-history">'
    + '<h2>History: handoffs and SMB cases</h2>'
    + '<p class="handoff-muted">Running and finished, by ticket id or SMB case key.</p>'
    + '<form class="form-inline handoff-search">'
    + '<input type="search" class="form-control" name="key" placeholder="Ticket id or case key" aria-label="Ticket id or case key" required> '
    + '<button type="submit" class="btn btn-primary">Find</button></form>'
    + '<div class="handoff-results-area"></div><div class="handoff-detail"></div></div>';
  const form = node.querySelector('form');
  const results = node.querySelector('.handoff-results-area');
  const find = async key => {
    node.querySelector('.handoff-detail').innerHTML = '';
    results.innerHTML = '<p class="handoff-muted">Searching…</p>';
    try {
      const instances = await findInstances(api, key);
      results.innerHTML = instanceRows(instances);
      results.querySelectorAll('tr[data-instance-id]').forEach(row => row.querySelector('.handoff-open')
        .addEventListener('click', () => showInstance(node, api, row.getAttribute('data-instance-id'))));
      const roots = instances.filter(instance => !instance.superProcessInstanceId);
      if (instances.length === 1 || roots.length === 1) {
        showInstance(node, api, (roots[0] || instances[0]).id);
      }
    } catch (failure) {
      results.innerHTML = '<p class="alert alert-danger handoff-error">' + escapeHtml(failure.message) + '</p>';
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    const key = form.elements.key.value.trim();
    if (key) {
      find(key);
    }
  });
  const initial = searchFromHash();
  if (initial) {
    form.elements.key.value = initial;
    find(initial);
  }
}

export default [
  {
    id: 'handoff-history-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { pagePath: '#' + ROUTE, label: 'History' },
    checkActive: url => url.indexOf('#' + ROUTE) > -1,
    render: node => {
      node.innerHTML = '<a href="#' + ROUTE + '">History</a>';
    }
  },
  {
    id: 'handoff-history-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: 'History' },
    render: renderPage
  }
];

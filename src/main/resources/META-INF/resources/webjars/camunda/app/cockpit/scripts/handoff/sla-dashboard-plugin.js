/*
 * Cockpit page "SLA dashboard" (#/sla-dashboard), linked from Cockpit's dashboard and header: every
 * report of /api/reports as a chart for a date range, each with its figures and a CSV download.
 *
 * The reports answer the logged-in Cockpit user (same-origin session), operators and process owners;
 * the page only reads. A chart is drawn from the report's columns: the first text or date column along
 * the axis, further text columns as series, the number, percent and hours columns as the values
 * (percent and hours on axes of their own).
 */
import { LIBRARIES, appGet, contextPath, escapeHtml, loadScript, loadStyles } from './engine.js';

const ROUTE = '/sla-dashboard';
const CATEGORY_TYPES = ['string', 'date'];
const VALUE_TYPES = ['number', 'percent', 'hours'];
const MAX_SERIES = 12;
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#637939'];
const AXIS_TITLES = { number: 'count', percent: '% met', hours: 'business hours' };

const charts = [];

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** The range in the page's address (#/sla-dashboard?from=…&to=…), else the last four weeks. */
function initialRange() {
  const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
  const today = new Date();
  const fourWeeksAgo = new Date(today.getTime() - 27 * 24 * 3600 * 1000);
  return { from: params.get('from') || isoDate(fourWeeksAgo), to: params.get('to') || isoDate(today) };
}

export function formatValue(type, value) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  if (type === 'percent') {
    return Number(value).toFixed(1) + ' %';
  }
  if (type === 'hours') {
    return Number(value).toFixed(1) + ' h';
  }
  return String(value);
}

/** Labels, datasets and axes for Chart.js from a report's columns and rows. */
export function chartOf(report) {
  const categories = report.columns.filter(column => CATEGORY_TYPES.includes(column.type));
  const values = report.columns.filter(column => VALUE_TYPES.includes(column.type));
  const axis = categories[0];
  const seriesColumns = categories.slice(1);
  const labelOf = row => (axis ? String(row[axis.name] ?? '–') : report.title);
  const seriesOf = row => seriesColumns.map(column => String(row[column.name] ?? '–')).join(' · ');
  const labels = [...new Set(report.rows.map(labelOf))];
  if (axis && axis.type === 'date') {
    labels.sort();
  }
  const series = [...new Set(report.rows.map(seriesOf))];
  let plotted = values;
  if (series.length * values.length > MAX_SERIES) {
    plotted = values.slice(0, 1);
  }
  const datasets = [];
  series.forEach(name => plotted.forEach(column => {
    const data = labels.map(label => {
      const row = report.rows.find(candidate => labelOf(candidate) === label && seriesOf(candidate) === name);
      return row && row[column.name] !== null && row[column.name] !== undefined ? Number(row[column.name]) : null;
    });
    const title = [name, plotted.length > 1 || !name ? column.label : ''].filter(Boolean).join(' · ');
    datasets.push({ label: title, column: column.name, series: name, data, yAxisID: 'y-' + column.type });
  }));
  datasets.forEach((dataset, i) => {
    dataset.backgroundColor = COLOURS[i % COLOURS.length];
    dataset.borderColor = COLOURS[i % COLOURS.length];
  });
  const axisTypes = [...new Set(plotted.map(column => column.type))];
  const scales = {};
  axisTypes.forEach((type, i) => {
    scales['y-' + type] = {
      position: i === 0 ? 'left' : 'right',
      beginAtZero: true,
      max: type === 'percent' ? 100 : undefined,
      title: { display: true, text: AXIS_TITLES[type] },
      grid: { drawOnChartArea: i === 0 }
    };
  });
  const stacked = seriesColumns.length > 0 && plotted.length === 1 && plotted[0].type === 'number';
  if (stacked) {
    scales['y-number'].stacked = true;
    scales.x = { stacked: true };
  }
  return { type: axis && axis.type === 'date' ? 'line' : 'bar', labels, datasets, scales };
}

function figureTable(report) {
  if (!report.rows.length) {
    return '<p class="handoff-empty">Nothing in this period.</p>';
  }
  return '<table class="table table-condensed handoff-figure-table"><thead><tr>'
    + report.columns.map(column => '<th>' + escapeHtml(column.label) + '</th>').join('') + '</tr></thead><tbody>'
    + report.rows.map(row => '<tr>' + report.columns.map(column => '<td data-column="' + escapeHtml(column.name)
      + '" data-value="' + escapeHtml(row[column.name]) + '">' + escapeHtml(formatValue(column.type, row[column.name]))
      + '</td>').join('') + '</tr>').join('')
    + '</tbody></table>';
}

function csvLink(name, range) {
  return contextPath() + '/api/reports/' + encodeURIComponent(name) + '.csv?from=' + range.from + '&to=' + range.to;
}

async function drawFigure(figure, summary, range, Chart) {
  try {
    const report = await appGet('/api/reports/' + encodeURIComponent(summary.name) + '?from=' + range.from + '&to=' + range.to);
    figure.querySelector('.handoff-figure-body').innerHTML = '<div class="handoff-chart"><canvas aria-label="'
      + escapeHtml(report.title) + '" role="img"></canvas></div>'
      + '<details><summary>Figures</summary>' + figureTable(report) + '</details>';
    const chart = chartOf(report);
    const canvas = figure.querySelector('canvas');
    charts.push(new Chart(canvas, {
      type: chart.type,
      data: { labels: chart.labels, datasets: chart.datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        spanGaps: true,
        scales: chart.scales,
        plugins: {
          legend: { display: chart.datasets.length > 1 || Boolean(chart.datasets[0] && chart.datasets[0].series), position: 'bottom' },
          tooltip: { callbacks: { label: item => item.dataset.label + ': ' + formatValue(
            (report.columns.find(column => column.name === item.dataset.column) || {}).type, item.raw) } }
        }
      }
    }));
    figure.setAttribute('data-rows', String(report.rows.length));
    figure.setAttribute('data-drawn', 'true');
  } catch (failure) {
    figure.querySelector('.handoff-figure-body').innerHTML = '<p class="alert alert-danger handoff-error">'
      + escapeHtml(failure.message) + '</p>';
  }
}

async function drawAll(node, range) {
  charts.splice(0).forEach(chart => chart.destroy());
  const area = node.querySelector('.handoff-figures');
  area.innerHTML = '<p class="handoff-muted">Loading…</p>';
  try {
    const [Chart, reports] = await Promise.all([loadScript(LIBRARIES.chart, 'Chart'), appGet('/api/reports')]);
    area.innerHTML = reports.map(summary => '<section class="handoff-figure" data-report="' + escapeHtml(summary.name) + '">'
      + '<h3>' + escapeHtml(summary.title) + '</h3>'
      + '<p class="handoff-description">' + escapeHtml(summary.description) + '</p>'
      + '<div class="handoff-figure-body"><p class="handoff-muted">Loading…</p></div>'
      + '<a class="handoff-csv" download href="' + escapeHtml(csvLink(summary.name, range)) + '">Download CSV</a>'
      + '</section>').join('');
    await Promise.all(reports.map(summary =>
      drawFigure(area.querySelector('[data-report="' + summary.name + '"]'), summary, range, Chart)));
    area.setAttribute('data-range', range.from + '/' + range.to);
  } catch (failure) {
    area.innerHTML = '<p class="alert alert-danger handoff-error">' + escapeHtml(failure.message) + '</p>';
  }
}

function renderPage(node) {
  loadStyles();
  const range = initialRange();
  node.innerHTML = '<div class="handoff-page handoff-dashboard">'
    + '<h2>SLA dashboard</h2>'
    + '<p class="handoff-muted">Handoffs to Sales and SMB cases, from the engine\'s history. Times are business hours.</p>'
    + '<form class="form-inline handoff-range">'
    + '<label>From <input type="date" class="form-control" name="from" required value="' + range.from + '"></label> '
    + '<label>to <input type="date" class="form-control" name="to" required value="' + range.to + '"></label> '
    + '<button type="submit" class="btn btn-primary">Show</button></form>'
    + '<div class="handoff-figures"></div></div>';
  const form = node.querySelector('form');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = { from: form.elements.from.value, to: form.elements.to.value };
    if (chosen.from && chosen.to) {
      drawAll(node, chosen);
    }
  });
  drawAll(node, range);
}

export default [
  {
    id: 'handoff-sla-dashboard-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 40,
    properties: { pagePath: '#' + ROUTE, label: 'SLA dashboard' },
    checkActive: url => url.indexOf('#' + ROUTE) > -1,
    render: node => {
      node.innerHTML = '<a href="#' + ROUTE + '">SLA dashboard</a>';
    }
  },
  {
    id: 'handoff-sla-dashboard-link',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: node => {
      loadStyles();
      node.innerHTML = '<section class="handoff-dashboard-link"><h3>Handoffs and SMB cases</h3>'
        + '<p>Waiting handoffs, escalation levels, time to Sales\' answer, pick-up and closing SLAs, advocates\' load: '
        + '<a href="#' + ROUTE + '">open the SLA dashboard</a>. Finished handoffs: <a href="#/history">History</a>.</p></section>';
    },
    properties: { label: 'SLA dashboard' }
  },
  {
    id: 'handoff-sla-dashboard-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: 'SLA dashboard' },
    render: renderPage,
    unmount: () => charts.splice(0).forEach(chart => chart.destroy())
  }
];

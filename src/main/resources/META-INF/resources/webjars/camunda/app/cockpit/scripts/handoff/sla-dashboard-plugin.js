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

/**
 * How each report reads best as a picture: the column along the axis, the columns that split it into
 * series, and the values drawn (bars or lines, on the left axis or, for shares in percent, the right).
 * A report not named here is drawn by {@link genericFigure}.
 */
const FIGURES = {
  'waiting-handoffs': { axis: 'age', values: [{ column: 'handoffs', as: 'bar' }] },
  'escalation-levels': { axis: 'reached', values: [{ column: 'handoffs', as: 'bar' }] },
  'answer-times': {
    axis: 'week', series: ['accountRole', 'region'],
    values: [{ column: 'medianHours', as: 'line' }, { column: 'p90Hours', as: 'line', dashed: true }]
  },
  'not-passed': { axis: 'requestType', series: ['reason'], stacked: true, values: [{ column: 'handoffs', as: 'bar' }] },
  'smb-pickup': {
    axis: 'week', stacked: true,
    values: [{ column: 'pickedUpInTime', as: 'bar' }, { column: 'late', as: 'bar' }, { column: 'waiting', as: 'bar' },
      { column: 'metPercent', as: 'line' }]
  },
  'smb-closing': {
    axis: 'week',
    values: [{ column: 'closed', as: 'bar' }, { column: 'closedWithin7Days', as: 'bar' },
      { column: 'fifteenDayBreaches', as: 'bar' }, { column: 'metPercent', as: 'line' }]
  },
  'advocate-load': {
    axis: 'advocate', horizontal: true,
    values: [{ column: 'inProgress', as: 'bar' }, { column: 'capacity', as: 'line', dashed: true }]
  }
};

/** A report nobody described above: first text or date column along the axis, the others as series. */
function genericFigure(report) {
  const categories = report.columns.filter(column => CATEGORY_TYPES.includes(column.type));
  const values = report.columns.filter(column => VALUE_TYPES.includes(column.type));
  return {
    axis: categories[0] && categories[0].name,
    series: categories.slice(1).map(column => column.name),
    values: values.map(column => ({ column: column.name, as: column.type === 'percent' ? 'line' : 'bar' }))
  };
}

/** Labels, datasets and scales for Chart.js from a report's columns and rows. */
export function chartOf(report) {
  const figure = FIGURES[report.name] || genericFigure(report);
  const columns = new Map(report.columns.map(column => [column.name, column]));
  const axis = columns.get(figure.axis);
  const seriesColumns = (figure.series || []).map(name => columns.get(name)).filter(Boolean);
  const plotted = figure.values.filter(value => columns.has(value.column));
  const labelOf = row => (axis ? String(row[axis.name] ?? '–') : report.title);
  const seriesOf = row => seriesColumns.map(column => String(row[column.name] ?? '–')).join(' · ');
  const labels = [...new Set(report.rows.map(labelOf))];
  if (axis && axis.type === 'date') {
    labels.sort();
  }
  let series = [...new Set(report.rows.map(seriesOf))];
  if (!series.length) {
    series = [''];
  }
  const valueAxis = type => (type === 'percent' ? 'yPercent' : 'yValue');
  const datasets = [];
  series.slice(0, MAX_SERIES).forEach(name => plotted.forEach(value => {
    const column = columns.get(value.column);
    const data = labels.map(label => {
      const row = report.rows.find(candidate => labelOf(candidate) === label && seriesOf(candidate) === name);
      return row && row[column.name] !== null && row[column.name] !== undefined ? Number(row[column.name]) : null;
    });
    datasets.push({
      type: value.as,
      label: [name, plotted.length > 1 || !name ? column.label : ''].filter(Boolean).join(' · '),
      column: column.name,
      series: name,
      data,
      borderDash: value.dashed ? [6, 4] : undefined,
      fill: false,
      maxBarThickness: 70,
      pointRadius: value.as === 'line' ? 4 : undefined,
      stack: figure.stacked && value.as === 'bar' ? 'stack' : undefined,
      yAxisID: figure.horizontal ? undefined : valueAxis(column.type),
      xAxisID: figure.horizontal ? 'xValue' : undefined,
      order: value.as === 'line' ? 0 : 1
    });
  }));
  datasets.forEach((dataset, i) => {
    dataset.backgroundColor = COLOURS[i % COLOURS.length];
    dataset.borderColor = COLOURS[i % COLOURS.length];
  });
  const types = [...new Set(plotted.map(value => columns.get(value.column).type))];
  const valueTitle = types.filter(type => type !== 'percent').map(type => AXIS_TITLES[type]).join(', ');
  const scales = {};
  if (figure.horizontal) {
    scales.xValue = { axis: 'x', beginAtZero: true, title: { display: true, text: valueTitle } };
  } else {
    if (types.some(type => type !== 'percent')) {
      scales.yValue = { axis: 'y', position: 'left', beginAtZero: true, stacked: Boolean(figure.stacked),
        title: { display: true, text: valueTitle }, ticks: { precision: 0 } };
    }
    if (types.includes('percent')) {
      scales.yPercent = { axis: 'y', position: scales.yValue ? 'right' : 'left', min: 0, max: 100,
        title: { display: true, text: AXIS_TITLES.percent }, grid: { drawOnChartArea: !scales.yValue } };
    }
    scales.x = { stacked: Boolean(figure.stacked) };
  }
  return { type: 'bar', horizontal: Boolean(figure.horizontal), labels, datasets, scales };
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
        indexAxis: chart.horizontal ? 'y' : 'x',
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

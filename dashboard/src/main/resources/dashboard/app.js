// Campus Lake dashboard: the filters live in the URL (?date=&region=&campus=&promotion=); every panel is drawn
// from one /api/panels answer; /api/latest is polled so a newly published snapshot shows without a reload.
'use strict';

const FILTERS = ['date', 'region', 'campus', 'promotion'];
const PALETTE = ['#2f6fb0', '#e8590c', '#2b8a3e', '#ae3ec9', '#f59f00', '#1098ad', '#c92a2a', '#5c7cfa',
  '#66a80f', '#868e96'];
const charts = {};
let choices = null;
let shown = null; // the /api/panels answer on screen

const $ = (id) => document.getElementById(id);

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
  }
  return charts[id];
}

function params() {
  const q = new URLSearchParams(window.location.search);
  const p = {};
  for (const f of FILTERS) {
    if (q.get(f)) p[f] = q.get(f);
  }
  return p;
}

function setParams(p) {
  const q = new URLSearchParams();
  for (const f of FILTERS) {
    if (p[f]) q.set(f, p[f]);
  }
  const s = q.toString();
  window.history.replaceState(null, '', s ? '?' + s : window.location.pathname);
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({ error: 'the server answered ' + r.status }));
  if (!r.ok) throw new Error(body.error || ('the server answered ' + r.status));
  return body;
}

function fmt(v, format) {
  if (v === null || v === undefined) return '–';
  if (format === 'percent') return (v * 100).toFixed(1) + ' %';
  if (format === 'grade') return Number(v).toFixed(2);
  return Math.round(v).toLocaleString('en-GB');
}

function fillSelect(el, options, all) {
  const keep = el.value;
  el.innerHTML = '';
  if (all) el.add(new Option(all, ''));
  for (const o of options) el.add(new Option(o.name, String(o.key)));
  el.value = keep;
}

async function loadChoices() {
  choices = await getJson('/api/filters');
  const dates = $('f-date');
  dates.innerHTML = '';
  dates.add(new Option('Latest', ''));
  for (const d of choices.dates.slice().reverse()) dates.add(new Option(d, d));
  fillSelect($('f-region'), choices.regions, 'All regions');
  fillSelect($('f-promotion'), choices.promotions, 'All promotions');
  const p = params();
  narrowCampuses(p.region);
  for (const f of FILTERS) $('f-' + f).value = p[f] || '';
}

// The campus list offers the chosen region's campuses only.
function narrowCampuses(region) {
  const inRegion = choices.campuses.filter((c) => !region || String(c.region) === String(region));
  fillSelect($('f-campus'), inRegion, 'All campuses');
}

function showError(message) {
  const e = $('error');
  e.textContent = message;
  e.hidden = !message;
}

async function refresh() {
  const p = params();
  const q = new URLSearchParams(p).toString();
  let data;
  try {
    data = await getJson('/api/panels' + (q ? '?' + q : ''));
  } catch (err) {
    showError(err.message);
    return;
  }
  showError('');
  $('notice').hidden = true;
  shown = data;
  const label = data.snapshot === data.latest ? 'latest snapshot' : 'snapshot';
  $('snapshot-label').textContent = label + ' ' + data.snapshot + (data.previous ? ', compared with ' + data.previous : '');
  $('snapshot-label').dataset.snapshot = data.snapshot;
  headline(data.headline, data.previous);
  scorecard(data.scorecard.rows);
  performance(data.performance);
  dropouts(data.dropouts);
  apprenticeships(data.apprenticeships);
  events(data.events.rows);
  forecast(data.forecast);
  document.body.dataset.rendered = data.snapshot + '|' + q; // what the browser tests wait for
}

function headline(figures, previous) {
  const box = $('headline');
  box.innerHTML = '';
  const worseWhenUp = { dropout_rate: true };
  for (const f of figures) {
    const div = document.createElement('div');
    div.className = 'figure';
    div.dataset.testid = 'figure-' + f.id;
    div.dataset.value = f.value === null || f.value === undefined ? '' : String(f.value);
    let delta = 'no earlier snapshot';
    let cls = 'delta';
    if (previous && f.value !== null && f.previous !== null && f.previous !== undefined) {
      const d = f.value - f.previous;
      const shownDelta = f.format === 'percent' ? (d * 100).toFixed(1) + ' pt' : f.format === 'grade' ? d.toFixed(2)
        : Math.round(d).toLocaleString('en-GB');
      delta = (d > 0 ? '▲ +' : d < 0 ? '▼ ' : '= ') + shownDelta + ' since ' + previous;
      cls += d > 0 ? ' up' : d < 0 ? ' down' : '';
      if (worseWhenUp[f.id]) cls += d > 0 ? ' worse' : ' better';
    }
    div.innerHTML = '<div class="name"></div><div class="value"></div><div></div>';
    div.children[0].textContent = f.name;
    div.children[1].textContent = fmt(f.value, f.format);
    div.children[2].className = cls;
    div.children[2].textContent = delta;
    box.appendChild(div);
  }
}

function table(el, head, rows) {
  el.innerHTML = '';
  const tr = el.createTHead().insertRow();
  for (const h of head) {
    const th = document.createElement('th');
    th.textContent = h;
    tr.appendChild(th);
  }
  const body = el.createTBody();
  for (const r of rows) {
    const row = body.insertRow();
    for (const c of r) {
      const td = row.insertCell();
      if (c && typeof c === 'object') {
        td.textContent = c.text;
        if (c.cls) td.className = c.cls;
      } else {
        td.textContent = c;
      }
    }
  }
}

function signed(v, format) {
  if (v === null || v === undefined) return { text: '–' };
  const t = format === 'percent' ? (v * 100).toFixed(1) + ' pt' : Math.round(v).toLocaleString('en-GB');
  return { text: (v > 0 ? '+' : '') + t, cls: v > 0 ? 'pos' : v < 0 ? 'neg' : '' };
}

function scorecard(rows) {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const campuses = [...new Set(rows.map((r) => r.campus))];
  chart('chart-scorecard').setOption({
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 50, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: 'enrolled' },
    series: campuses.map((c) => ({ name: c, type: 'line', smooth: true, symbolSize: 6,
      data: years.map((y) => { const r = rows.find((x) => x.campus === c && x.year === y); return r ? r.enrolled : null; }) })),
  }, true);
  const last = years[years.length - 1];
  table($('table-scorecard'), ['Campus (' + (last || '–') + ')', 'Enrolled', 'Change', 'Dropout rate', 'Change', 'Attendance', 'Change'],
    rows.filter((r) => r.year === last).map((r) => [r.campus, fmt(r.enrolled), signed(r.enrolled_change),
      fmt(r.dropout_rate, 'percent'), signed(r.dropout_rate_change === null ? null : -r.dropout_rate_change, 'percent'),
      fmt(r.attendance_rate, 'percent'), signed(r.attendance_rate_change, 'percent')]));
}

function bars(id, rows, value, opts = {}) {
  const names = rows.map((r) => r.name);
  chart(id).setOption({
    color: [opts.color || PALETTE[0]],
    title: opts.title ? { text: opts.title, left: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } } : undefined,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (opts.percent ? (v * 100).toFixed(1) + ' %' : v) },
    grid: { left: opts.left || 110, right: 24, top: opts.title ? 28 : 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: opts.percent ? (v) => Math.round(v * 100) + ' %' : undefined } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: (opts.left || 110) - 10, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map((r) => r[value]), barMaxWidth: 18,
      label: { show: true, position: 'right', fontSize: 10,
        formatter: (p) => (opts.percent ? (p.value * 100).toFixed(1) + ' %' : p.value) } }],
  }, true);
}

function performance(p) {
  bars('chart-region-grades', p.byRegion, 'average', { title: 'By region', left: 150 });
  bars('chart-institution-grades', p.byInstitution, 'average', { title: 'By institution of origin (top 12)', left: 190,
    color: PALETTE[5] });
  table($('table-top'), ['Within', 'Group', 'Rank', 'Student key', 'Average', 'Grades'],
    p.top.map((r) => [r.scope, r.grp, r.rank_in_group, { text: r.student_key.substring(0, 12) + '…', cls: 'key' },
      fmt(r.average, 'grade'), r.grades]));
}

function dropouts(d) {
  bars('chart-dropout-attendance', d.byAttendance, 'dropout_rate', { title: 'By attendance band', percent: true, left: 70,
    color: PALETTE[6] });
  bars('chart-dropout-promotion', d.byPromotion, 'dropout_rate', { title: 'By promotion', percent: true, left: 100,
    color: PALETTE[1] });
  bars('chart-dropout-campus', d.byCampus, 'dropout_rate', { title: 'By campus', percent: true, left: 170,
    color: PALETTE[3] });
}

function apprenticeships(a) {
  bars('chart-apprentice-share', a.byRegion, 'share', { percent: true, left: 150, color: PALETTE[2] });
  chart('chart-time-to-hire').setOption({
    color: [PALETTE[4]],
    title: { text: 'Graduates hired, by promotion (average days to hire in the label)', left: 0,
      textStyle: { fontSize: 12, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 16, top: 28, bottom: 24 },
    xAxis: { type: 'category', data: a.timeToHire.map((r) => r.promotion) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => Math.round(v * 100) + ' %' } },
    series: [{ type: 'bar', barMaxWidth: 40, data: a.timeToHire.map((r) => r.hire_rate),
      label: { show: true, position: 'top', fontSize: 10, formatter: (p) => {
        const r = a.timeToHire[p.dataIndex];
        return (p.value * 100).toFixed(0) + ' %' + (r.average_days === null ? '' : ', ' + Math.round(r.average_days) + ' d');
      } } }],
  }, true);
  const kinds = ['Company', 'Competing school'];
  const rows = a.recruiters.filter((r) => kinds.includes(r.kind));
  chart('chart-recruiters').setOption({
    color: [PALETTE[0], PALETTE[1]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 200, right: 24, top: 8, bottom: 40 },
    xAxis: { type: 'value', name: 'students' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 190, overflow: 'truncate' } },
    series: kinds.map((k) => ({ name: k, type: 'bar', stack: 'k', barMaxWidth: 16,
      data: rows.map((r) => (r.kind === k ? r.students : null)) })),
  }, true);
}

function events(rows) {
  const campuses = [...new Set(rows.map((r) => r.campus))];
  const types = [...new Set(rows.map((r) => r.event_type))];
  const series = [];
  types.forEach((t, i) => {
    const of = (c) => rows.find((r) => r.campus === c && r.event_type === t);
    series.push({ name: t + ': contacts', type: 'bar', stack: t, barMaxWidth: 14, itemStyle: { color: PALETTE[i] },
      data: campuses.map((c) => { const r = of(c); return r ? r.contacts - r.enrolled : null; }) });
    series.push({ name: t + ': enrolled', type: 'bar', stack: t, barMaxWidth: 14,
      itemStyle: { color: PALETTE[i], decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.6 } },
      data: campuses.map((c) => { const r = of(c); return r ? r.enrolled : null; }) });
  });
  chart('chart-events').setOption({
    aria: { enabled: true, decal: { show: false } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 170, right: 24, top: 8, bottom: 48 },
    xAxis: { type: 'value', name: 'people' },
    yAxis: { type: 'category', inverse: true, data: campuses, axisLabel: { width: 160, overflow: 'truncate' } },
    series,
  }, true);
}

function forecast(f) {
  $('forecast-campus').textContent = f.campus ? f.campus + ': enrolled, and next year with its prediction interval'
    : 'no campus';
  const fc = f.forecast[0];
  const years = f.history.map((r) => r.year);
  if (fc && !years.includes(fc.year)) years.push(fc.year);
  const at = (y) => years.indexOf(y);
  const lower = years.map(() => null);
  const width = years.map(() => null);
  const point = years.map(() => null);
  if (fc) {
    const last = f.history[f.history.length - 1];
    if (last) { lower[at(last.year)] = last.enrolled; width[at(last.year)] = 0; point[at(last.year)] = last.enrolled; }
    lower[at(fc.year)] = fc.low;
    width[at(fc.year)] = fc.high - fc.low;
    point[at(fc.year)] = fc.value;
  }
  chart('chart-forecast').setOption({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: ['enrolled', 'forecast', 'prediction interval'] },
    grid: { left: 50, right: 24, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: 'low', type: 'line', data: lower, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none',
        tooltip: { show: false } },
      { name: 'prediction interval', type: 'line', data: width, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none',
        areaStyle: { color: 'rgba(47,111,176,0.18)' }, itemStyle: { color: 'rgba(47,111,176,0.35)' } },
      { name: 'enrolled', type: 'line', data: years.map((y) => { const r = f.history.find((x) => x.year === y); return r ? r.enrolled : null; }),
        itemStyle: { color: PALETTE[0] }, symbolSize: 7 },
      { name: 'forecast', type: 'line', data: point, lineStyle: { type: 'dashed' }, itemStyle: { color: PALETTE[1] },
        symbolSize: 9 },
    ],
  }, true);
}

async function poll() {
  try {
    const l = await getJson('/api/latest');
    if (shown && l.latest && l.latest !== shown.latest) {
      await loadChoices();
      if (!params().date) {
        await refresh(); // following the latest snapshot: show the new one
      } else {
        const n = $('notice');
        n.textContent = 'Snapshot ' + l.latest + ' is published. Choose "Latest" to see it.';
        n.hidden = false;
      }
    }
  } catch (err) {
    showError('Cannot reach the dashboard server: ' + err.message);
  }
  window.setTimeout(poll, ((choices && choices.pollSeconds) || 10) * 1000);
}

async function start() {
  try {
    await loadChoices();
  } catch (err) {
    showError(err.message);
    return;
  }
  $('filters').addEventListener('change', (e) => {
    const p = params();
    p[e.target.name] = e.target.value;
    if (e.target.name === 'region') {
      narrowCampuses(p.region);
      // A campus of another region would leave every panel empty: back to all the region's campuses.
      if (p.campus && $('f-campus').value !== p.campus) {
        delete p.campus;
        $('f-campus').value = '';
      }
    }
    setParams(p);
    refresh();
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  await refresh();
  window.setTimeout(poll, ((choices && choices.pollSeconds) || 10) * 1000);
}

start();
